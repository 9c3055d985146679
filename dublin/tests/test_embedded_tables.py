"""Tables embedded in a country report are drawn live from seizures: an edit to a value shows at once."""

from decimal import Decimal

import pytest

from dublin import editing, outline
from dublin.models import EmbeddedTable
from dublin.tables import table_data
from seizures.models import Measure, SeizureValue, TableColumn
from seizures.tests.factories import MeasureFactory, make_table

from .factories import CountryReportFactory, SectionFactory


@pytest.fixture
def section(db):
    country, drugs = make_table(range(2008, 2018), measures=2)
    arrests = MeasureFactory(name="Arrest cases", unit="cases", kind=Measure.Kind.COUNT)
    TableColumn.objects.create(country=country, measure=arrests, position=9)
    SeizureValue.objects.create(country=country, measure=arrests, year=2016, value=Decimal("2752"))
    report = CountryReportFactory(country=country, year=2017)
    section = SectionFactory(report=report, body="<p>Before the table.</p><p>[[table 1]]</p><p>After the table.</p>")
    return {"section": section, "country": country, "drugs": drugs, "arrests": arrests}


def test_an_edit_to_a_seizure_value_shows_in_the_report_page_and_print(client_for, secretariat, section):
    editing.add_table(section["section"], section["country"], "seizures", 2010, 2016)
    SeizureValue.objects.filter(country=section["country"], measure=section["drugs"][0], year=2016).update(
        value=Decimal("221.04")
    )
    page = client_for(secretariat).get(section["section"].report.get_absolute_url()).content.decode()
    assert "221.04" in page
    SeizureValue.objects.filter(country=section["country"], measure=section["drugs"][0], year=2016).update(
        value=Decimal("333.5")
    )
    page = client_for(secretariat).get(section["section"].report.get_absolute_url()).content.decode()
    assert "333.5" in page and "221.04" not in page


def test_the_table_keeps_the_chosen_years_and_kind_of_columns(section):
    seizures = editing.add_table(section["section"], section["country"], "seizures", 2010, 2012)
    arrests = editing.add_table(section["section"], section["country"], "arrests", 2008, 2017)
    drugs = table_data(seizures)["table"]
    assert [row["year"] for row in drugs["rows"]] == [2010, 2011, 2012]
    assert [c["id"] for c in drugs["columns"]] == [m.pk for m in section["drugs"]]
    counts = table_data(arrests)["table"]
    assert [c["label"] for c in counts["columns"]] == ["Arrest cases (cases)"]
    assert arrests.marker == "[[table 2]]"


def test_the_table_prints_where_its_marker_stands_in_the_text(section):
    editing.add_table(section["section"], section["country"], "all", 2008, 2017)
    [item] = outline.report_for_display(section["section"].report).sections
    kinds = [kind for kind, _value in item.parts]
    assert kinds == ["html", "table", "html"]
    assert "Before the table" in str(item.parts[0][1]) and "After the table" in str(item.parts[2][1])


def test_a_table_without_its_marker_prints_after_the_text(section):
    section["section"].body = "<p>Only text.</p>"
    section["section"].save()
    editing.add_table(section["section"], section["country"], "all", 2008, 2017)
    [item] = outline.report_for_display(section["section"].report).sections
    assert [kind for kind, _value in item.parts] == ["html", "table"]


def test_a_last_year_before_the_first_is_refused(client_for, secretariat, section):
    from django.urls import reverse

    response = client_for(secretariat).post(
        reverse("dublin:table_add", args=[section["section"].pk]),
        {"country": section["country"].pk, "kind": "seizures", "first_year": 2017, "last_year": 2010},
        follow=True,
    )
    assert "The last year comes before the first." in response.content.decode()
    assert not EmbeddedTable.objects.exists()
