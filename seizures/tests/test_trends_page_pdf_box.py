"""The trends page offers the table's PDF as the table page does: the box that makes or downloads it."""

import pytest
from django.urls import reverse

from seizures.tests.factories import make_table

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", ["seizures:table", "seizures:trends"])
def test_the_table_and_its_trends_page_each_offer_the_pdf(client_for, partner, page):
    country, _columns = make_table([2015, 2016, 2017])
    html = client_for(partner).get(reverse(page, args=[country.slug])).content.decode()
    assert html.count('data-testid="table-pdf-box"') == 1
    assert "Table, reported trends and charts (PDF)" in html
    assert f"/documents/seizure-table/{country.pk}/" in html
