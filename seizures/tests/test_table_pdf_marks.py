"""A seizure table's PDF marks what is not confirmed, names each column's own source and draws readable charts.

Rendered with the real WeasyPrint from the demo tables (Lao PDR, Cambodia), read back with pdftotext.
"""

import io
import re

import pytest
from django.core.management import call_command

from idswg.tests.pdf_checks import pdf_text, render_document
from seizures.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())


def render(name):
    html, content, pages = render_document("seizure-table", Country.objects.get(name=name).pk)
    return html, " ".join(pdf_text(content).split()), pages


def test_an_unconfirmed_value_prints_with_a_mark_explained_under_the_table(demo):
    _html, text, _pages = render("Lao PDR")
    assert "462,988 ?" in text  # cannabis 2016, questioned on entry
    assert "? Questioned when entered and not yet confirmed against the source" in text


def test_columns_with_their_own_source_name_it_once_under_the_table(demo):
    _html, text, pages = render("Cambodia")
    assert "Drug-related cases, Drug-related arrests: source: DAINAP, “Cambodia country presentation”" in text
    assert text.count("Drug-related cases, Drug-related arrests: source:") == 1
    assert pages == 4  # table, reported trends, two pages of charts: no page holding a heading alone


def test_charts_print_their_labels_as_text_in_8_pt_or_more_and_mark_an_outlier(demo):
    html, text, pages = render("Lao PDR")
    assert "Lao PDR: Cannabis" in text and "Lao PDR: Heroin" in text  # searchable, not paths
    assert "off the scale: 462,988" in text  # the outlier is marked, the axis keeps the other years readable
    assert "(pills) (pills)" not in text and "pills (pills)" not in text
    assert pages == 3  # was 4, with the charts' heading alone on page 2
    from seizures.charts import trend_svg
    from seizures.models import Measure

    svg = trend_svg(Country.objects.get(name="Lao PDR"), Measure.objects.get(name="Cannabis"))
    sizes = {float(size) for size in re.findall(r"font-size: ([\d.]+)px", svg)}
    assert sizes and min(sizes) >= 8  # viewBox units are points, drawn at its printed size
