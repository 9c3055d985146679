"""The demo loads the three tables of the 2017 regional report, with the questionable values flagged."""

import io
from decimal import Decimal

import pytest

from seizures import demo
from seizures.models import Country, ReportedTrend, SeizureValue
from seizures.reported_trends import reported_trend_table
from seizures.tables import country_table

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    demo.load(lambda line: out.write(line + "\n"))
    return out.getvalue()


def test_the_three_tables_are_loaded_with_their_years_sources_and_partial_years():
    load()
    lao, cambodia, viet_nam = Country.objects.order_by("display_order")
    assert lao.source == "LCDC" and "DAINAP" in cambodia.source
    assert sorted({v.year for v in lao.values.all()}) == list(range(2008, 2018))
    assert sorted({v.year for v in cambodia.values.all()}) == list(range(2008, 2017))  # arrests from 2008
    assert sorted({v.year for v in viet_nam.values.all()}) == list(range(2012, 2018))
    assert {v.period_months for v in lao.values.filter(year=2017)} == {6}
    assert lao.values.get(year=2017, measure__name="Heroin").value == Decimal("68.35")


def test_blank_cells_are_not_reported_not_zero():
    load()
    lao = Country.objects.get(name="Lao PDR")
    assert not lao.values.filter(measure__name="Cocaine", year=2014).exists()
    assert lao.values.get(measure__name="ICE", year=2008).value == 0


def test_the_questionable_values_of_the_seed_are_flagged_and_unconfirmed():
    load()
    cannabis = SeizureValue.objects.get(country__name="Lao PDR", measure__name="Cannabis", year=2016)
    assert cannabis.value == 462988 and "ten times" in cannabis.flag and cannabis.needs_confirmation
    heroin = SeizureValue.objects.get(country__name="Lao PDR", measure__name="Heroin", year=2017)
    assert "decimal comma" in heroin.flag
    assert "decimal comma" in SeizureValue.objects.get(country__name="Viet Nam", year=2016, measure__unit="kg",
                                                       measure__name="Synthetic drugs").flag  # fmt: skip


def test_loading_twice_changes_nothing():
    load()
    count = SeizureValue.objects.count()
    assert "exists" in load() and SeizureValue.objects.count() == count


def test_cambodia_arrests_go_back_to_2008_and_its_drugs_start_in_2011():
    load()
    cambodia = Country.objects.get(name="Cambodia")
    arrests = dict(cambodia.values.filter(measure__name="Drug-related arrests").values_list("year", "value"))
    assert [arrests[year] for year in (2008, 2009, 2010)] == [394, 615, 864]
    cases = dict(cambodia.values.filter(measure__name="Drug-related cases").values_list("year", "value"))
    assert [cases[year] for year in (2008, 2009, 2010)] == [198, 309, 400]
    assert not cambodia.values.filter(year__lt=2011, measure__name="Heroin").exists()


def test_figures_keep_the_decimals_the_source_wrote():
    load()
    lao = country_table(Country.objects.get(name="Lao PDR"))
    texts = {(row["year"], column["name"]): cell["text"] for row in lao["rows"]
             for column, cell in zip(lao["columns"], row["cells"], strict=True)}  # fmt: skip
    assert texts[(2016, "Opium")] == "137.50" and texts[(2012, "Heroin")] == "45.0"
    assert texts[(2016, "Heroin")] == "221.04" and texts[(2010, "Cannabis")] == "3,521"


def test_cambodia_reported_trends_2011_to_2016_are_loaded_as_the_source_prints_them():
    load()
    table = reported_trend_table(Country.objects.get(name="Cambodia"))
    assert table["years"] == list(range(2011, 2017)) and "DAINAP" in table["source"]
    symbols = {row["label"]: "".join(cell["symbol"] for cell in row["cells"]) for row in table["rows"]}
    assert symbols["Methamphetamine pills"] == "↑↑↑↑↑↑"
    assert symbols["Ecstasy"] == "↑↑••↓↑" and symbols["Heroin"] == "↓•••↑↑"
    assert ReportedTrend.objects.count() == 30
    assert reported_trend_table(Country.objects.get(name="Lao PDR")) is None
