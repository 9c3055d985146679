"""Template context every page needs: the user's roles and the navigation they may use."""

from django.apps import apps
from django.urls import reverse

from .apps import PortalAppConfig
from .roles import COCHAIR, PARTNER, SECRETARIAT, roles_of


def portal_apps():
    """The portal's apps in menu order: each app's ``PortalAppConfig.nav_order``, then its label."""
    configs = [config for config in apps.get_app_configs() if isinstance(config, PortalAppConfig)]
    return sorted(configs, key=lambda config: (config.nav_order, config.label))


def home_panels(user):
    """Template names of the home-page panels ``user``'s roles may see."""
    roles = roles_of(user)
    return [name for config in portal_apps() for name, allowed in config.home_panels if roles & set(allowed)]


def navigation(user, path=""):
    """The menu entries ``user`` may use, each with its URL and whether ``path`` lies under it."""
    roles = roles_of(user)
    items = []
    for config in portal_apps():
        for text, url_name, allowed in config.nav_items:
            if roles & set(allowed):
                url = reverse(url_name)
                items.append({"label": text, "url": url, "active": path.startswith(url)})
    return items


def portal(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    roles = roles_of(user)
    return {
        "nav_items": navigation(user, request.path),
        "is_secretariat": SECRETARIAT in roles,
        "is_cochair": COCHAIR in roles,
        "is_partner": PARTNER in roles,
    }
