"""Factories for the shared models (factory-boy)."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from idswg.models import Organisation, Person, RenderJob, User
from idswg.roles import COCHAIR, PARTNER, SECRETARIAT


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Embassy of Testland {n}")
    short_name = factory.Sequence(lambda n: f"TL{n}")
    kind = Organisation.Kind.EMBASSY
    country = "Testland"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    honorific = "Ms."
    name = factory.Sequence(lambda n: f"Person {n}")
    position = "Officer"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class UserFactory(factory.django.DjangoModelFactory):
    """A user with password ``test-pass-123``; ``role=`` names its group (none by default)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("test-pass-123")

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        """``UserFactory(role=SECRETARIAT)`` puts the user in that role's group."""
        if extracted:
            obj.groups.add(Group.objects.get_or_create(name=extracted)[0])


def secretariat_user(**kwargs):
    return UserFactory(role=SECRETARIAT, **kwargs)


def cochair_user(**kwargs):
    return UserFactory(role=COCHAIR, **kwargs)


def partner_user(organisation=None, **kwargs):
    return UserFactory(role=PARTNER, organisation=organisation or OrganisationFactory(), **kwargs)


class FinishedRenderFactory(factory.django.DjangoModelFactory):
    """A render the worker has finished, with a small stored PDF: what a download serves."""

    class Meta:
        model = RenderJob

    document = "contact-list"
    object_id = 0
    title = "IDSWG contact list"
    filename = "idswg-contact-list.pdf"
    state = RenderJob.State.DONE
    input_hash = factory.Sequence(lambda n: f"{n:064x}")
    output = factory.django.FileField(filename="render.pdf", data=b"%PDF-1.7\n" + b"x" * 4000 + b"\n%%EOF\n")
    pages = 1
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyFunction(timezone.now)
