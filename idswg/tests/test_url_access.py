"""Every URL of the portal, opened as anonymous, partner, co-chair and secretariat.

The rules live next to each app (``<app>/url_access.py``); this test loads the demo
content once per role, opens each URL and compares the status with the rule. A named
URL without a rule fails ``test_every_url_has_an_access_rule``.

Every HTML page a visitor can open (a GET without htmx's header) must be a whole document with
its language and a title: a bare htmx fragment there fails the walk (see ``idswg.fragments``).
"""

import io
import re
from importlib import import_module
from importlib.util import find_spec

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from idswg.access import LOGIN, WHO
from idswg.apps import PortalAppConfig
from idswg.models import Organisation, Person, User

# The back office (Django admin) guards itself and is not part of the product.
EXCLUDED_NAMESPACES = {"admin"}


def all_rules():
    rules = []
    for config in apps.get_app_configs():
        if isinstance(config, PortalAppConfig) and find_spec(f"{config.name}.url_access"):
            rules += import_module(f"{config.name}.url_access").ACCESS
    return rules


WHOLE_DOCUMENT = re.compile(r"<html\b[^>]*\blang=\"(en|lo)\"[^>]*>.*<title>[^<]*\S[^<]*</title>", re.S)


def is_whole_document(response):
    """True unless ``response`` is HTML without ``<html lang>`` and a non-empty ``<title>``.

    A redirect's body is never shown; error pages (403, 404) are held to the same rule.
    """
    if 300 <= response.status_code < 400 or response.streaming:
        return True
    if "text/html" not in response.get("Content-Type", ""):
        return True
    return bool(WHOLE_DOCUMENT.search(response.content.decode()))


def named_urls(resolver=None, namespace=None):
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in EXCLUDED_NAMESPACES:
                continue
            ns = ":".join(filter(None, [namespace, pattern.namespace]))
            names |= named_urls(pattern, ns or None)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_url_has_an_access_rule():
    covered = {rule.url_name for rule in all_rules()}
    missing = sorted(named_urls() - covered)
    assert not missing, f"URLs without a rule in <app>/url_access.py: {missing}"


def test_every_rule_names_every_visitor():
    for rule in all_rules():
        assert set(rule.expect) == set(WHO), rule.url_name


@pytest.fixture
def world(db, settings):
    settings.DEBUG = True  # the demo logins are only created in DEBUG
    call_command("load_demo", stdout=io.StringIO())
    return {
        "organisations": {o.short_name: o for o in Organisation.objects.all()},
        "people": list(Person.objects.order_by("pk")),
        "users": {u.username: u for u in User.objects.all()},
    }


@pytest.mark.parametrize("who", WHO)
def test_each_url_answers_each_visitor_as_its_rule_says(who, world, client, settings):
    settings.DEBUG = False
    if who != "anonymous":
        client.force_login(world["users"][who])
    failures = []
    for rule in all_rules():
        url = reverse(rule.url_name, kwargs=rule.resolve_kwargs(world)) + rule.query
        response = getattr(client, rule.method)(url, rule.data, headers=rule.headers)
        expected = rule.expect[who]
        if expected == LOGIN:
            ok = response.status_code == 302 and response["Location"].startswith(reverse("login"))
        else:
            ok = response.status_code == expected
        if not ok:
            where = response.get("Location", "")
            failures.append(f"{rule.method.upper()} {url}: got {response.status_code} {where}, want {expected}")
        elif rule.method == "get" and not rule.headers and not is_whole_document(response):
            failures.append(f"GET {url}: a bare fragment, not a whole document with its lang and title")
        if who != "anonymous" and rule.url_name == "logout":
            client.force_login(world["users"][who])
    assert not failures, f"as {who}:\n" + "\n".join(failures)
