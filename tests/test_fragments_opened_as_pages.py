"""An htmx fragment's URL opened as a link (no ``HX-Request``) is a whole page, never a bare fragment.

A row goes back to its place in its table (a redirect to the page, at the row's anchor); a box
that stands on its own (a year's history, a PDF's status) is shown in the portal's layout,
titled, in the reader's language. The ``HX-Request`` answer stays the fragment, and both vary
on that header. ``idswg/tests/test_url_access.py`` checks every URL of the demo for a title.
"""

import re

import pytest
from django.urls import reverse

from idswg.roles import PARTNER
from idswg.tests.factories import UserFactory
from meetings.tests.factories import AgendaItemFactory
from reports.tests.factories import RowFactory
from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def title_of(html):
    found = re.search(r"<title>([^<]*)</title>", html)
    return found and " ".join(found.group(1).split())


def test_a_matrix_row_opened_as_a_link_goes_to_its_line_in_the_report(client_for, secretariat):
    row = RowFactory(progress="<p>Shown</p>")
    client = client_for(secretariat)
    for name in ("reports:row_fragment", "reports:row_edit"):
        response = client.get(reverse(name, args=[row.pk]))
        assert response.status_code == 302, name
        assert response["Location"] == f"{row.section.report.get_absolute_url()}#row-{row.pk}"
        assert "HX-Request" in response["Vary"]
        fragment = client.get(reverse(name, args=[row.pk]), headers=HTMX)
        assert fragment.content.decode().lstrip().startswith(f'<tr id="row-{row.pk}"'), name
        assert "HX-Request" in fragment["Vary"]


def test_a_seizure_row_its_editor_and_the_charts_opened_as_links_go_to_the_table(client_for, secretariat):
    country, _measures = make_table(range(2014, 2017))
    client = client_for(secretariat)
    table = reverse("seizures:table", args=[country.slug])
    expected = {
        reverse("seizures:row", args=[country.slug, 2016]): f"{table}#row-2016",
        reverse("seizures:row_edit", args=[country.slug, 2016]): f"{table}#row-2016",
        reverse("seizures:row_new", args=[country.slug]): f"{table}#row-new",
        reverse("seizures:row_new", args=[country.slug]) + "?closed=1": f"{table}#row-new",
        reverse("seizures:charts", args=[country.slug]): f"{table}#charts",
    }
    for url, location in expected.items():
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, location), url
        assert client.get(url, headers=HTMX).status_code == 200, url
        assert "<title>" not in client.get(url, headers=HTMX).content.decode(), url


def test_a_year_s_history_opened_as_a_link_is_a_titled_page_in_the_reader_s_language(client_for, settings):
    country, _measures = make_table(range(2014, 2017))
    url = reverse("seizures:history", args=[country.slug, 2016])
    reader = UserFactory(role=PARTNER, language="lo")
    client = client_for(reader)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
    page = client.get(url).content.decode()
    assert '<html lang="lo">' in page
    assert title_of(page).startswith("ປະຫວັດຂອງປີ 2016 ໃນ ")
    assert f'href="{reverse("seizures:table", args=[country.slug])}#row-2016"' in page
    assert "data-remove-closest" not in page  # no Close button on a page of its own
    fragment = client.get(url, headers=HTMX).content.decode()
    assert fragment.lstrip().startswith("<section") and "data-remove-closest" in fragment


def test_a_pdf_status_opened_as_a_link_is_a_titled_page_with_its_box(client_for, secretariat):
    url = reverse("render_status", args=["contact-list", 0])
    page = client_for(secretariat).get(url).content.decode()
    assert '<html lang="en">' in page and title_of(page).startswith("Contact list:")
    assert 'data-testid="render-status"' in page and "<h1" in page
    fragment = client_for(secretariat).get(url, headers=HTMX).content.decode()
    assert fragment.lstrip().startswith('<div class="render-status"')


def test_the_agenda_editor_s_form_rows_opened_as_links_go_to_the_editor(client_for, secretariat):
    item = AgendaItemFactory()
    editor = reverse("meetings:agenda", args=[item.meeting.pk])
    client = client_for(secretariat)
    expected = {
        reverse("meetings:agenda_item_new", args=[item.meeting.pk]): editor,
        reverse("meetings:agenda_item_edit", args=[item.meeting.pk, item.pk]): f"{editor}#item-{item.pk}",
        reverse("meetings:agenda_item_edit", args=[item.meeting.pk, item.pk]) + "?cancel=1": f"{editor}#item-{item.pk}",
    }
    for url, location in expected.items():
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, location), url
        fragment = client.get(url, headers=HTMX).content.decode()
        assert fragment.lstrip().startswith(("<tr", "<tbody")), url


def test_a_partner_opening_the_editor_s_url_is_refused_not_redirected(client_for, partner):
    row = RowFactory()
    assert client_for(partner).get(reverse("reports:row_edit", args=[row.pk])).status_code == 403
