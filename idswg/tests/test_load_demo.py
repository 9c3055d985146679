"""``manage.py load_demo`` loads the seed content, twice without harm, and guards the demo logins."""

import io

import pytest
from django.core.management import call_command

from idswg.models import Organisation, Person, User
from idswg.roles import COCHAIR, PARTNER, SECRETARIAT, roles_of

pytestmark = pytest.mark.django_db


def load(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def counts():
    return Organisation.objects.count(), Person.objects.count(), User.objects.count()


def test_the_demo_creates_the_three_demo_logins_with_their_roles(settings):
    settings.DEBUG = True
    output = load()
    assert "created  user secretariat" in output
    assert "demo-idswg-2024" in output
    assert roles_of(User.objects.get(username="secretariat")) == {SECRETARIAT}
    assert roles_of(User.objects.get(username="cochair")) == {COCHAIR}
    partner = User.objects.get(username="partner")
    assert roles_of(partner) == {PARTNER}
    assert partner.organisation.name == "Embassy of Japan"
    assert partner.check_password("demo-idswg-2024")


def test_running_the_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    load()
    before = counts()
    output = load()
    assert counts() == before
    assert "created  organisation" not in output


def test_the_co_chairs_of_the_seed_are_in_the_directory(settings):
    load()
    koizumi = Person.objects.get(name="Tsutomu KOIZUMI")
    assert koizumi.full_name == "H.E. Mr. Tsutomu KOIZUMI"
    assert koizumi.organisation.short_name == "Japan"
    assert Person.objects.filter(name="Khamking Phouilamanivong", organisation__short_name="MPS").exists()


def test_without_debug_the_demo_logins_are_refused_unless_asked_for(settings):
    settings.DEBUG = False
    output = load()
    assert not User.objects.exists()
    assert "not created" in output
    load(allow_demo_users=True)
    assert User.objects.filter(username="secretariat").exists()
