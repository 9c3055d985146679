"""The regional report's own tables, typed as it prints them, import to the demo's values.

Each file in ``seed_tables/`` is a table of ``dublin-group-regional-report-2017.txt`` as
the report lays it out (years as rows for Lao PDR, measures as rows with a unit column
for Cambodia, years across without a label for Viet Nam and the arrests, arrows for the
trends), with its caption, notes and source lines. The demo typed the same figures one
by one; an import of the printed table must give the very same table.
"""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from idswg.roles import SECRETARIAT
from idswg.tests.factories import UserFactory
from seizures import demo, import_plan
from seizures.models import Country, ImportBatch, Measure, ReportedTrend, SeizureValue

pytestmark = pytest.mark.django_db

SEED_TABLES = Path(__file__).parent / "seed_tables"


@pytest.fixture
def secretariat():
    demo.load(io.StringIO().write)
    return UserFactory(role=SECRETARIAT)


def _figures(country, measure_ids):
    return {
        (v.measure_id, v.year): (v.value, v.period_months, v.decimals)
        for v in SeizureValue.objects.filter(country=country, measure_id__in=measure_ids)
    }


def _import(name, country, user, answers=None):
    """Upload the typed table, answer the preview's questions, confirm every flag; the batch applied."""
    upload = SimpleUploadedFile(name, (SEED_TABLES / name).read_bytes())
    batch = import_plan.start_import(upload, user, country=country)
    for _round in range(3):  # an answer may open the next question (a measure named, then its numbers)
        if answers:
            import_plan.answer(batch, {f"answer-{key}": value for key, value in answers.items()})
    result = import_plan.plan(batch)
    assert not result.problems and not result.questions, (result.problems, result.questions)
    data = {"plan_version": result.version, "use-source": "1", "use-footnotes": "1"}
    for item in result.flags:
        data |= {f"confirm-{item['key']}": "1", f"comment-{item['key']}": "As printed in the 2017 report"}
    import_plan.apply(batch.pk, data, user)
    batch.refresh_from_db()
    return batch


def _round_trip(name, country_name, measure_ids, user, answers=None):
    country = Country.objects.get(name=country_name)
    before = _figures(country, measure_ids)
    SeizureValue.objects.filter(country=country, measure_id__in=measure_ids).delete()
    batch = _import(name, country, user, answers)
    assert _figures(country, measure_ids) == before
    return batch


def _measure(name, unit):
    return Measure.objects.get(name=name, unit=unit)


def _columns(country_name):
    return list(Country.objects.get(name=country_name).columns.values_list("measure_id", flat=True))


def test_lao_pdr_2008_2017_as_printed_imports_to_the_demo_values(secretariat):
    batch = _round_trip("lao-pdr-2008-2017.txt", "Lao PDR", _columns("Lao PDR"), secretariat)
    assert batch.layout == "table" and "one row per year" in batch.summary["read_as"]
    assert "point decimals" in batch.summary["format_note"]  # “2,966.5” settles it; “68,35” is questioned
    heroin = SeizureValue.objects.get(country__name="Lao PDR", measure__name="Heroin", year=2017)
    assert heroin.value == Decimal("68.35") and heroin.period_months == 6
    assert heroin.footnote == "first 6 months for 2017" and "other way" in heroin.flag
    assert batch.summary["source"] == "LCDC"
    assert batch.summary["title"] == "Seizure of illicit drugs in Lao PDR from 2008 to 2017"


def test_cambodia_seizures_with_their_unit_column_import_to_the_demo_values(secretariat):
    drugs = [m for m in _columns("Cambodia") if not Measure.objects.get(pk=m).name.startswith("Drug-related")]
    batch = _round_trip("cambodia-seizures-2011-2016.txt", "Cambodia", drugs, secretariat)
    assert batch.layout == "wide" and "with its unit, years across" in batch.summary["read_as"]
    pills = SeizureValue.objects.get(country__name="Cambodia", measure__name="Methamphetamine pills", year=2011)
    assert pills.footnote == demo.PILLS_100 and pills.decimals == 1
    ecstasy = SeizureValue.objects.get(country__name="Cambodia", measure__name="Ecstasy", year=2016)
    assert ecstasy.footnote == demo.PILLS_300
    assert batch.summary["source"].startswith("DAINAP; 'Brief Operation Results")
    assert batch.summary["footnotes"] == "• = Not reported/unspecified amount."


def test_cambodia_arrests_from_2008_import_once_their_rows_are_named(secretariat):
    cases, arrests = _measure("Drug-related cases", "cases"), _measure("Drug-related arrests", "persons")
    country = Country.objects.get(name="Cambodia")
    batch = import_plan.start_import(
        SimpleUploadedFile("a.txt", (SEED_TABLES / "cambodia-arrests-2008-2016.txt").read_bytes()),
        secretariat,
        country=country,
    )
    asked = {q["name"]: q for q in batch.summary["questions"]}
    assert set(asked) == {"measure:case|", "measure:arrest|"}  # “Case” and “Arrest” are not guessed
    assert str(cases.pk) in {value for value, _label in asked["measure:case|"]["choices"]}
    import_plan.answer(batch, {"answer-measure:case|": str(cases.pk), "answer-measure:arrest|": str(arrests.pk)})
    # Nor is “1,005” in a file that never writes a decimal: asked once, for the whole file.
    assert [q["name"] for q in batch.summary["questions"]] == ["number_format"]
    assert not import_plan.plan(batch).additions or import_plan.plan(batch).questions
    batch.state = ImportBatch.State.CANCELLED
    batch.save()
    _round_trip(
        "cambodia-arrests-2008-2016.txt",
        "Cambodia",
        [cases.pk, arrests.pk],
        secretariat,
        answers={"measure:case|": str(cases.pk), "measure:arrest|": str(arrests.pk), "number_format": "point"},
    )


def test_viet_nam_with_its_half_year_and_unitless_rows_imports_to_the_demo_values(secretariat):
    batch = _round_trip("viet-nam-2012-2017.txt", "Viet Nam", _columns("Viet Nam"), secretariat)
    assert batch.layout == "wide" and "one row per measure, years across" in batch.summary["read_as"]
    assert any("Other types" in line for line in batch.summary["skipped"])  # nothing reported: not kept, and said
    synthetic = SeizureValue.objects.get(country__name="Viet Nam", measure__unit="kg", measure__name="Synthetic drugs",
                                         year=2016)  # fmt: skip
    assert synthetic.value == Decimal("839.63") and "other way" in synthetic.flag
    assert SeizureValue.objects.get(country__name="Viet Nam", measure__name="Heroin", year=2017).period_months == 6


def test_cambodia_reported_trends_as_printed_import_to_the_demo_trends(secretariat):
    country = Country.objects.get(name="Cambodia")
    before = {(t.measure_id, t.year): t.direction for t in ReportedTrend.objects.filter(table__country=country)}
    ReportedTrend.objects.filter(table__country=country).delete()
    batch = _import("cambodia-trends-2011-2016.txt", country, secretariat)
    assert batch.kind == ImportBatch.Kind.TRENDS and "reported trend table" in batch.summary["read_as"]
    after = {(t.measure_id, t.year): t.direction for t in ReportedTrend.objects.filter(table__country=country)}
    assert after == before
    ecstasy = ReportedTrend.objects.get(table__country=country, measure__name="Ecstasy", year=2011)
    assert ecstasy.footnote.startswith("Inverted commas used with the word")
    assert batch.summary["legend"].startswith("↑ = Increase")
