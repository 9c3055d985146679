"""Demo seizure tables: Lao PDR 2008-2017, Cambodia 2011-2016 (arrests from 2008) and Viet Nam 2012-2017.

Also Cambodia's reported trend table 2011-2016, all from the seed.

The figures are typed as ``dublin-group-regional-report-2017.txt`` prints them (“3,521”,
“68,35”, “-”) and read with the same rules as any entry, so the questionable ones come
out flagged: decimal commas in a table written with points, and values far outside
their series (Lao cannabis “462,988” kg in 2016 among a few thousand a year).
"""

from django.db import transaction
from django.utils.text import slugify

from idswg.demo import say

from .models import Country, Measure, ReportedTrend, ReportedTrendTable, SeizureValue, TableColumn
from .numbers import COMMA_DECIMAL, POINT_DECIMAL, decimals_of, read_number
from .reported_trends import DEFAULT_LEGEND, read_direction
from .validation import series_flags

D, C = Measure.Kind.DRUG, Measure.Kind.COUNT

LAO_SOURCE = "LCDC"
CAMBODIA_SOURCE = (
    "DAINAP; ‘Brief Operation Results of Cambodia Law Enforcement in Combating Drugs 2012’, NACD 2013; "
    "NACD, August 2014. Official communication with NACD September 2014 and September 2015; Country report "
    "presented by NACD at the 8th SMART Regional Workshop, Vientiane, Lao PDR, August 2016."
)
CAMBODIA_ARRESTS_SOURCE = (
    "DAINAP, “Cambodia country presentation”, Global SMART Programme regional meeting, Beijing, China, "
    "16-17 September 2015; Country report presented by NACD at the 8th SMART Regional Workshop, Vientiane, "
    "Lao PDR, August 2016."
)
VIET_NAM_SOURCE = "Ministry of Public Security of Viet Nam, in the Dublin Group regional report (October 2017)"
PILLS_100 = (
    "The figures include quantities reported as grams; all of which were converted into estimated pill "
    "equivalent at 100 mg per pill."
)
PILLS_300 = (
    "The figures include quantities reported as grams; all of which were converted into estimated pill "
    "equivalent of 300 mg per pill."
)

ARREST_YEARS = list(range(2008, 2017))
CAMBODIA_TRENDS_SOURCE = (
    "DAINAP; Official communication with the National Authority for Combating Drugs (NACD); Cambodia country "
    "presentation, National Authority for Combating Drugs (NACD), NACD presentation at the Global SMART Programme "
    "Regional Workshop, Jakarta, 28-29 August 2013; Communication with the NACD September 2014 and March 2015."
)
ECSTASY_NOTE = (
    "Inverted commas used with the word “ecstasy” denote pills sold as ecstasy but which may not contain MDMA "
    "and/or any of its analogues but rather other illicit drugs and/or substances not under international control."
)
# Cambodia's drug use trends 2011-2016 as the report prints them. The seed's text copy lost the
# arrows to character recognition; read back by their shape: “1”, “t”, “Ť” are ↑ (a stem with
# a head), “ţ”, “Ļ”, “Ţ” are ↓ (a hook below), “•” is not reported.
CAMBODIA_TRENDS = [
    ("Methamphetamine pills", "pills", "↑ ↑ ↑ ↑ ↑ ↑", ""),
    ("Crystalline methamphetamine", "kg", "↑ ↑ ↑ ↑ ↑ ↑", ""),
    ("Ecstasy", "pills", "↑ ↑ • • ↓ ↑", ECSTASY_NOTE),
    ("Cannabis herb", "kg", "↑ • • • ↑ ↓", ""),
    ("Heroin", "kg", "↓ • • • ↑ ↑", ""),
]

# (name, unit, kind, display order)
MEASURES = [
    ("Heroin", "kg", D, 10),
    ("Opium", "kg", D, 20),
    ("ATS", "million tablets", D, 30),
    ("ICE", "kg", D, 40),
    ("Cannabis", "kg", D, 50),
    ("Cocaine", "kg", D, 60),
    ("Methamphetamine pills", "pills", D, 70),
    ("Crystalline methamphetamine", "kg", D, 80),
    ("Ecstasy", "pills", D, 90),
    ("Cannabis herb", "kg", D, 100),
    ("Hashish oil", "kg", D, 110),
    ("Synthetic drugs", "kg", D, 120),
    ("Synthetic drugs", "tablets", D, 130),
    ("Cannabis-type", "kg", D, 140),
    ("XLR-11", "kg", D, 150),
    ("Ketamine", "kg", D, 160),
    ("Arrested foreigners", "persons", C, 200),
    ("Arrest cases", "cases", C, 210),
    ("Drug-related cases", "cases", C, 220),
    ("Drug-related arrests", "persons", C, 230),
]

# Each table: country, order, title, source, notes, years, {year: months}, {year: footnote},
# and columns as (measure name, unit, cells as printed, column footnote, column source).
TABLES = [
    {
        "name": "Lao PDR",
        "order": 1,
        "title": "Seizure of illicit drugs in Lao PDR from 2008 to 2017",
        "source": LAO_SOURCE,
        "notes": "",
        "years": list(range(2008, 2018)),
        "months": {2017: 6},
        "row_notes": {2017: "first 6 months for 2017"},
        "columns": [
            ("Heroin", "kg", "17.5 29.3 84.3 43.4 45.0 287.8 181.8 134.8 221.04 68,35"),
            ("Opium", "kg", "11.8 49.9 86.5 63.9 87.6 89.7 12.8 51.6 137.50 84,20"),
            ("ATS", "million tablets", "1.2 2.3 24.5 4.6 10.1 15.1 3.8 6.3 2.86 1.9"),
            ("ICE", "kg", "0 0 0 0 0 26.5 19.4 141.9 144.0 93"),
            ("Cannabis", "kg", "805 976 3,521 1,617 2,836 5,484 1,233 3,258 462,988 2,966.5"),
            ("Cocaine", "kg", "2 0.1 0 0 0 10.5 - - - -"),
            ("Arrested foreigners", "persons", "6 20 16 77 41 44 65 90 85 40"),
            ("Arrest cases", "cases", "222 473 581 1,037 1,223 1,434 1,868 2,258 2,752 1,403"),
        ],
    },
    {
        "name": "Cambodia",
        "order": 2,
        "title": "Seizures of selected drugs and drug-related arrests in Cambodia, 2011-2016",
        "source": CAMBODIA_SOURCE,
        "notes": "• = Not reported/unspecified amount.",
        "years": list(range(2011, 2017)),
        "months": {},
        "row_notes": {},
        "columns": [
            ("Methamphetamine pills", "pills", "238,994.0 112,723.0 173,349.0 87,000 265,760 441,624.0", PILLS_100),
            ("Crystalline methamphetamine", "kg", "19.1 33.5 32.4 29.0 72.9 66.33"),
            ("Ecstasy", "pills", "7,855.0 1,373.0 0 10,533 70.0 49,578", PILLS_300),
            ("Cannabis herb", "kg", "210.2 2.4 168.5 80.6 1,511.5 36.86"),
            ("Hashish oil", "kg", "n/a n/a n/a 0 1.5 0"),
            ("Cocaine", "kg", "1.1 41.0 12.9 7.9 5.3 14.04"),
            ("Heroin", "kg", "2.1 0.3 38.3 1.8 2.5 6.27"),
            # Table 4 of the report goes back to 2008 for arrests.
            (
                "Drug-related cases",
                "cases",
                "198 309 400 1,005 818 889 1,337 3,061 4,246",
                "",
                CAMBODIA_ARRESTS_SOURCE,
                ARREST_YEARS,
            ),
            (
                "Drug-related arrests",
                "persons",
                "394 615 864 2,381 1,788 1,830 3,142 7,088 9,933",
                "",
                CAMBODIA_ARRESTS_SOURCE,
                ARREST_YEARS,
            ),
        ],
    },
    {
        "name": "Viet Nam",
        "order": 3,
        "title": "Drug seizures in Viet Nam from 2012 to 2017",
        "source": VIET_NAM_SOURCE,
        "notes": "- = Not reported.",
        "years": list(range(2012, 2018)),
        "months": {2017: 6},
        "row_notes": {2017: "2017: first half of the year"},
        "columns": [
            ("Heroin", "kg", "692.00 940.00 922.00 988.71 607.81 379"),
            ("Synthetic drugs", "kg", "192.00 121.38 352.00 631.17 839,63 759"),
            ("Synthetic drugs", "tablets", "500,000.00 365,988.00 297,285.00 421,867.00 427,655.00 436,115"),
            ("Opium", "kg", "225.00 762.00 32.00 101.03 92.13 -"),
            ("Cannabis-type", "kg", "1,164.00 932.00 442.00 2,568.29 1,356.00 251"),
            ("Cocaine", "kg", "- - 42.60 54.50 15.42 -"),
            ("XLR-11", "kg", "- - - - 1.60 -"),
            ("Ketamine", "kg", "- - - - 4.00 -"),
        ],
    },
]


def read_seed_cell(text):
    """A cell of the seed tables: ``(value or None, note about how it was read)``.

    The tables write thousands with commas and decimals with points (“2,966.5”), so that
    is how they are read; a cell only readable with a decimal comma (“68,35”) is read so
    and noted, because a person must check it against the source.
    """
    reading = read_number(text, POINT_DECIMAL)
    if reading.ok:
        return reading.value, ""
    reading = read_number(text, COMMA_DECIMAL)
    return reading.value, (
        f"The source prints “{text}” with a decimal comma where the rest of the table uses points; "
        f"read as {reading.value}. Check against the source."
    )


@transaction.atomic
def load(out, with_users=True):
    measures = {}
    for name, unit, kind, order in MEASURES:
        measure, created = Measure.objects.get_or_create(
            name=name,
            unit=unit,
            defaults={"kind": kind, "display_order": order, "slug": slugify(f"{name}-{unit}")},
        )
        measures[(name, unit)] = measure
        say(out, created, f"measure {measure.label}")
    for table in TABLES:
        country, created = Country.objects.get_or_create(
            name=table["name"],
            defaults={
                "slug": slugify(table["name"]),
                "display_order": table["order"],
                "table_title": table["title"],
                "source": table["source"],
                "footnotes": table["notes"],
            },
        )
        say(out, created, f"seizure table {country.name}")
        if created:
            for position, (name, unit, cells, *extra) in enumerate(table["columns"]):
                measure = measures[(name, unit)]
                TableColumn.objects.create(country=country, measure=measure, position=position)
                _load_column(country, measure, table, cells.split(), *extra)
        if country.name == "Cambodia":
            _load_trends(out, country, measures)


def _load_trends(out, country, measures):
    """Cambodia's reported drug use trends 2011-2016 (not computed: the source's own arrows)."""
    table, created = ReportedTrendTable.objects.get_or_create(
        country=country,
        defaults={
            "title": "Trends in the use of drugs in Cambodia, 2011-2016",
            "source": CAMBODIA_TRENDS_SOURCE,
            "legend": DEFAULT_LEGEND,
        },
    )
    say(out, created, f"reported trend table {country.name}")
    if not created:
        return
    for name, unit, arrows, footnote in CAMBODIA_TRENDS:
        for year, arrow in zip(range(2011, 2017), arrows.split(), strict=True):
            ReportedTrend.objects.create(
                table=table,
                measure=measures[(name, unit)],
                year=year,
                direction=read_direction(arrow),
                footnote=footnote,
            )


def _load_column(country, measure, table, cells, footnote="", source="", years=None):
    read = {year: read_seed_cell(text) for year, text in zip(years or table["years"], cells, strict=True)}
    flags = series_flags({year: value for year, (value, _note) in read.items()})
    for year, (value, note) in read.items():
        if value is None:
            continue  # not reported: no row at all
        reasons = [reason for reason in (note, flags.get(year, "")) if reason]
        SeizureValue.objects.create(
            **{
                "country": country,
                "measure": measure,
                "year": year,
                "value": value,
                "decimals": decimals_of(value),
                "period_months": table["months"].get(year, 12),
                "source": source or table["source"],
                "footnote": footnote or table["row_notes"].get(year, ""),
                "flag": " ".join(reasons),
            }
        )
