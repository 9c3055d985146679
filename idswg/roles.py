"""The three roles of the portal and the one way views declare who may use them.

A role is a Django group. The superuser counts as secretariat. Views say which roles
they admit with ``@role_required(SECRETARIAT, COCHAIR)``; an anonymous visitor is
sent to the login page, a logged-in user without the role gets 403.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

SECRETARIAT = "Secretariat"
COCHAIR = "Co-chair"
PARTNER = "Partner"
ROLES = (SECRETARIAT, COCHAIR, PARTNER)
ROLE_LABELS = {SECRETARIAT: _("Secretariat"), COCHAIR: _("Co-chair"), PARTNER: _("Development partner")}
ANY_ROLE = ROLES


def roles_of(user):
    """The set of role names of ``user``, read once per request and kept on the user."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_idswg_roles", None)
    if cached is None:
        cached = remember_roles(user, user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return cached


def remember_roles(user, group_names):
    """Keep on ``user`` the roles among ``group_names`` (the superuser is secretariat); returns them.

    ``roles_of`` reads the groups when nothing is kept; the portal's authentication backend
    (``idswg.auth_backend``) keeps them as it loads the user, in the same query.
    """
    names = set(group_names) & set(ROLES)
    if user.is_superuser:
        names.add(SECRETARIAT)
    user._idswg_roles = frozenset(names)
    return user._idswg_roles


def has_role(user, *roles):
    return bool(roles_of(user) & set(roles))


def is_secretariat(user):
    return has_role(user, SECRETARIAT)


def role_required(*roles):
    """Admit only users holding one of ``roles`` (anonymous: login page; others: 403)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                # Imported here: apps.py files import this module before models are ready.
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


secretariat_required = role_required(SECRETARIAT)
member_required = role_required(*ANY_ROLE)
