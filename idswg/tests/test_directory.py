"""The secretariat keeps the directory of organisations and people."""

import pytest

from idswg.models import Organisation, Person

from .factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_secretariat_adds_an_organisation(client_for, secretariat):
    response = client_for(secretariat).post(
        "/directory/organisations/new/",
        {"name_en": "Embassy  of   Australia", "short_name_en": "Australia", "kind": "embassy", "country": "Australia"},
    )
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.name == "Embassy of Australia"
    assert organisation.history.count() == 1


def test_a_second_organisation_with_the_same_name_in_other_case_is_refused(client_for, secretariat):
    OrganisationFactory(name="Embassy of Japan", short_name="Japan")
    response = client_for(secretariat).post(
        "/directory/organisations/new/", {"name_en": "EMBASSY OF JAPAN", "short_name_en": "japan", "kind": "embassy"}
    )
    assert response.status_code == 200
    assert "An organisation with this name already exists." in response.text
    assert "Another organisation already uses this short name." in response.text
    assert Organisation.objects.count() == 1


def test_a_bad_website_address_gets_a_message_next_to_the_field(client_for, secretariat):
    response = client_for(secretariat).post(
        "/directory/organisations/new/", {"name_en": "UNODC", "kind": "un_agency", "website": "not a url"}
    )
    assert "Enter a valid URL." in response.text
    assert not Organisation.objects.exists()


def test_secretariat_adds_a_person_to_an_organisation(client_for, secretariat):
    organisation = OrganisationFactory()
    response = client_for(secretariat).post(
        "/directory/people/new/",
        {
            "honorific_en": "H.E. Mr.",
            "name_en": "Tsutomu KOIZUMI",
            "position_en": "Ambassador of Japan to the Lao PDR",
            "organisation": organisation.pk,
            "email": "ambassador@example.org",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.full_name == "H.E. Mr. Tsutomu KOIZUMI"


def test_the_new_person_form_starts_with_the_organisation_it_came_from(client_for, secretariat):
    organisation = OrganisationFactory()
    response = client_for(secretariat).get(f"/directory/people/new/?organisation={organisation.pk}")
    assert f'<option value="{organisation.pk}" selected>' in response.text


def test_two_people_cannot_share_an_email_address(client_for, secretariat):
    existing = PersonFactory(email="focal.point@example.org")
    response = client_for(secretariat).post(
        "/directory/people/new/",
        {"name_en": "Someone Else", "organisation": existing.organisation.pk, "email": "Focal.Point@example.org"},
    )
    assert "Another person in the directory has this e-mail address." in response.text
    assert Person.objects.count() == 1


def test_an_invalid_email_address_is_refused(client_for, secretariat):
    organisation = OrganisationFactory()
    response = client_for(secretariat).post(
        "/directory/people/new/", {"name_en": "X", "organisation": organisation.pk, "email": "x@@example"}
    )
    assert "Enter a valid email address." in response.text
    assert not Person.objects.exists()


def test_an_organisation_with_people_is_not_deleted(client_for, secretariat):
    person = PersonFactory()
    response = client_for(secretariat).post(f"/directory/organisations/{person.organisation.pk}/delete/", follow=True)
    assert "still has people or accounts" in response.text
    assert Organisation.objects.filter(pk=person.organisation.pk).exists()


def test_an_empty_organisation_is_deleted(client_for, secretariat):
    organisation = OrganisationFactory()
    client_for(secretariat).post(f"/directory/organisations/{organisation.pk}/delete/")
    assert not Organisation.objects.exists()


def test_hostile_text_in_the_directory_comes_back_inert(client_for, secretariat):
    organisation = OrganisationFactory(name='<script>alert("x")</script>', notes="<img src=x onerror=alert(1)>")
    response = client_for(secretariat).get(organisation.get_absolute_url())
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text
    assert "<img src=x" not in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_the_directory_pages_do_not_grow_their_queries_with_rows(
    client_for, secretariat, count, django_assert_num_queries, session_queries
):
    for _ in range(count):
        PersonFactory()
    client = client_for(secretariat)
    with django_assert_num_queries(2 + session_queries):  # session, user with roles, organisations
        client.get("/directory/")
    with django_assert_num_queries(2 + session_queries):  # session, user with roles, people with organisations
        client.get("/directory/people/")
