"""Organisations and people have names in Lao and English; a page shows the reader's language.

The Lao value shows with Lao chosen, the English one otherwise, and each falls back to the
other where it is empty. Lao text on an English page carries ``lang="lo"``.
"""

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from idswg import demo
from idswg.models import Organisation, Person

from .factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

LCDC_LO = "ຄະນະກຳມະການແຫ່ງຊາດ ເພື່ອຄວບຄຸມ ແລະ ກວດກາຢາເສບຕິດ"
LCDC_EN = "Lao National Commission for Drug Control and Supervision"


def in_lao(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
    return client


def test_the_organisation_page_shows_the_lao_name_with_lao_chosen_and_the_english_one_otherwise(
    client_for, secretariat
):
    organisation = OrganisationFactory(name=LCDC_EN, name_lo=LCDC_LO, short_name="LCDC")
    client = client_for(secretariat)
    english = client.get(organisation.get_absolute_url()).text
    assert LCDC_EN in english and LCDC_LO not in english
    lao = in_lao(client).get(organisation.get_absolute_url()).text
    assert LCDC_LO in lao and LCDC_EN not in lao


def test_an_empty_lao_name_falls_back_to_english_and_an_empty_english_one_to_lao(client_for, secretariat):
    organisation = OrganisationFactory(name="Ministry of Health", short_name="", short_name_lo="ສທ")
    client = client_for(secretariat)
    lao = in_lao(client).get(organisation.get_absolute_url()).text
    assert "Ministry of Health" in lao
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(organisation.get_absolute_url()).text
    assert '(<span lang="lo">ສທ</span>)' in english


def test_a_lao_position_on_the_english_people_page_is_marked_as_lao(client_for, secretariat):
    PersonFactory(name="Khamking Phouilamanivong", position="", position_lo="ຮອງລັດຖະມົນຕີ ກະຊວງປ້ອງກັນຄວາມສະຫງົບ")
    page = client_for(secretariat).get("/directory/people/").text
    assert '<span lang="lo">ຮອງລັດຖະມົນຕີ ກະຊວງປ້ອງກັນຄວາມສະຫງົບ</span>' in page


def test_the_organisation_form_saves_both_names(client_for, secretariat):
    client = client_for(secretariat)
    form = client.get("/directory/organisations/new/").text
    assert 'name="name_en"' in form and 'name="name_lo"' in form and "Name (Lao)" in form
    response = client.post(
        "/directory/organisations/new/",
        {"name_en": "Embassy of Japan", "name_lo": "ສະຖານທູດ  ຍີ່ປຸ່ນ", "short_name_en": "Japan", "kind": "embassy"},
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    assert (organisation.name_en, organisation.name_lo) == ("Embassy of Japan", "ສະຖານທູດ ຍີ່ປຸ່ນ")
    assert organisation.history.get().name_lo == "ສະຖານທູດ ຍີ່ປຸ່ນ"


def test_the_person_form_saves_name_and_position_in_both_languages(client_for, secretariat):
    organisation = OrganisationFactory()
    client_for(secretariat).post(
        "/directory/people/new/",
        {
            "honorific_en": "H.E. Mr.",
            "honorific_lo": "ທ່ານ",
            "name_en": "Tsutomu KOIZUMI",
            "name_lo": "ສຶໂຕະມຸ ໂຄອິຊຸມິ",
            "position_en": "Ambassador of Japan to the Lao PDR",
            "position_lo": "ເອກອັກຄະລັດຖະທູດ ຍີ່ປຸ່ນ ປະຈຳ ສປປ ລາວ",
            "organisation": organisation.pk,
        },
    )
    person = Person.objects.get()
    assert person.full_name == "H.E. Mr. Tsutomu KOIZUMI"
    assert (person.honorific_lo, person.name_lo) == ("ທ່ານ", "ສຶໂຕະມຸ ໂຄອິຊຸມິ")
    assert person.position_lo == "ເອກອັກຄະລັດຖະທູດ ຍີ່ປຸ່ນ ປະຈຳ ສປປ ລາວ"


def test_a_lao_name_another_organisation_has_is_refused_next_to_the_field(client_for, secretariat):
    OrganisationFactory(name="Embassy of Japan", name_lo="ສະຖານທູດຍີ່ປຸ່ນ")
    response = client_for(secretariat).post(
        "/directory/organisations/new/", {"name_en": "Japanese Embassy", "name_lo": "ສະຖານທູດຍີ່ປຸ່ນ", "kind": "embassy"}
    )
    assert response.status_code == 200
    assert "An organisation with this name already exists." in response.context["form"].errors["name_lo"]
    assert Organisation.objects.count() == 1


def test_the_database_refuses_a_second_organisation_with_the_same_name_in_either_language():
    OrganisationFactory(name="Embassy of Japan", name_lo="ສະຖານທູດຍີ່ປຸ່ນ", short_name="Japan")
    for clash in ({"name_en": "EMBASSY OF JAPAN"}, {"name_en": "Other", "name_lo": "ສະຖານທູດຍີ່ປຸ່ນ"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Organisation.objects.create(**clash)
    # Any number of organisations may have no Lao name.
    OrganisationFactory(name="Embassy of Canada")
    OrganisationFactory(name="Embassy of France")
    assert (
        Organisation.objects.filter(name_lo__isnull=True).count() + Organisation.objects.filter(name_lo="").count() == 2
    )


def test_a_search_for_an_english_name_finds_it_in_either_language():
    OrganisationFactory(name=LCDC_EN, name_lo=LCDC_LO)
    assert Organisation.objects.filter(name_en__iexact=LCDC_EN.upper()).exists()
    assert Organisation.objects.filter(name_lo=LCDC_LO).exists()


def test_the_demo_fills_the_lao_names_of_the_organisations_and_the_cochairs():
    demo.load(lambda line: None, with_users=False)
    assert Organisation.objects.get(short_name_en="LCDC").name_lo == LCDC_LO
    assert Organisation.objects.get(short_name_en="Japan").name_lo == "ສະຖານທູດຍີ່ປຸ່ນ"
    assert Organisation.objects.get(short_name_en="UNODC").name_lo == "ຫ້ອງການ ສປຊ ວ່າດ້ວຍຢາເສບຕິດ ແລະ ອາຊະຍາກຳ"
    assert Organisation.objects.filter(name_lo__isnull=True).count() == 0
    khamking = Person.objects.get(name_en="Khamking Phouilamanivong")
    assert khamking.name_lo and khamking.position_lo.startswith("ຮອງລັດຖະມົນຕີ")
    before = list(Organisation.objects.values_list("pk", "name_lo")), Organisation.history.count()
    demo.load(lambda line: None, with_users=False)
    assert (list(Organisation.objects.values_list("pk", "name_lo")), Organisation.history.count()) == before


def test_the_directory_pages_read_as_many_queries_in_lao_as_in_english(client_for, secretariat):
    for _ in range(5):
        PersonFactory(name_lo="ຊື່", position_lo="ຕຳແໜ່ງ")
    client = client_for(secretariat)
    counts = {}
    for language in ("en", "lo"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        for url in ("/directory/", "/directory/people/"):
            client.get(url)  # the session is read once, then may be cached
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts[language, url] = len(queries)
    assert counts["en", "/directory/"] == counts["lo", "/directory/"] <= 4
    assert counts["en", "/directory/people/"] == counts["lo", "/directory/people/"] <= 4
