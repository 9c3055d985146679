"""Build ``dublin/fixtures/country_reports_2017.json`` from the seed ``dublin-group-regional-report-2017.txt``.

Run once (``python scripts/build_dublin_fixture.py <seed>``); the demo loader reads the
JSON. The seed's text is kept word for word: this script only cuts it at the headings
listed below, turns blank-line paragraphs and "- " lines into HTML paragraphs and lists,
the seed's markup (``**bold**``, ``*italics*``, ``\\$``, ``$crops^7$``) into HTML, moves
footnote lines (¹ ² ...) to their section's footnotes and puts a ``[[table n]]`` marker
where a table stood (the tables themselves are drawn live from ``seizures``). A table's
caption becomes its embed's caption; the caption of a figure whose picture the seed does
not hold stays in the text as a paragraph in bold (``bold_lines``), never dropped.
"""

# ruff: noqa: B023  (body_of is only called in the loop turn that defines it)
import html
import json
import re
import sys
from pathlib import Path

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
FOOTNOTE = re.compile(r"^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s")

# Per country: heading line, recommendation style, and the outline as
# (line, number, title, kind, depth, extra) in seed order. ``extra`` for an updates
# section lists (line, organisation short name, heading) of its parts; for a table,
# ("table", first line, last line, kind, first year, last year, caption, country).
LAO, MM, KH, VN = "Lao PDR", "Myanmar", "Cambodia", "Viet Nam"
T, U, R, F = "text", "updates", "recommendations", "follow_up"

REPORTS = [
    {
        "country": LAO,
        "heading_line": 18,
        "style": "numbered",
        "end": 166,
        "tables": [(29, 44, "all", 2008, 2017, "Table: Seizure of illicit drugs in Lao PDR from 2008 to 2017", LAO)],
        "outline": [
            (20, "1.", "General Situation", T, 0),
            (61, "2.", "National and regional responses", T, 0),
            (63, "(i)", "Lao PDR response", T, 1),
            (82, "(ii)", "Regional response", T, 1),
            (93, "3.", "Update on counter-narcotics programs supported by development partners", U, 0),
            (125, "4.", "Identification of needs for external assistance", T, 0),
            (129, "5.", "Mini Dublin Group coordination", T, 0),
            (135, "(i)", "Mini Dublin Group's assessment of emerging threats / trends", T, 1),
            (143, "(ii)", "Mini Dublin Group's assessment of political will and counter-narcotics initiatives", T, 1),
            (149, "(iii)", "Mini Dublin Group's recommendations for strengthening counter-narcotics initiatives", R, 1),
        ],
        "updates": [
            (95, "UNODC", "UNODC"),
            (103, "US", "United States"),
            (109, "Japan", "Japan"),
            (113, "Luxembourg", "Luxembourg"),
            (117, "Australia", "Australia"),
            (121, "EU", "European Union"),
        ],
    },
    {
        "country": MM,
        "heading_line": 167,
        "style": "list",
        "end": 402,
        "tables": [],
        "outline": [
            (169, "1.", "Place and Date of Meeting of mini-Dublin Group in Myanmar", T, 0),
            (173, "2.", "General Situation", T, 0),
            (175, "2.1", "Opium and opiates", T, 1),
            (189, "2.2", "Amphetamines (ATS)", T, 1),
            (203, "2.3", "Drug use and Treatment", T, 1),
            (217, "2.4", "Challenges in border areas", T, 1),
            (221, "3.", "Update on Myanmar's anti-drug strategy", T, 0),
            (223, "3.1", "Changes/additions to the counter-narcotic institutional framework", T, 1),
            (227, "3.2", "Legal/Legislative changes including money laundering", T, 1),
            (235, "3.3", "The development of National Drug Control Policy in Myanmar", T, 1),
            (239, "3.3", "Assessment of Myanmar's anti-narcotics strategy", T, 1),
            (253, "3.4", "Assessment of the Myanmar Police Force", T, 1),
            (266, "3.5", "Assessment on Border Management", T, 1),
            (270, "4.", "Update on major bilateral and multilateral counter narcotics programmes", U, 0),
            (362, "5.", "Prioritised Identification of Needs for External Assistance", T, 0),
            (377, "6.", "Mini-Dublin Group Assessment of Needs", T, 0),
            (379, "6.1", "Emerging Threats/Trends", T, 1),
            (387, "6.2", "Political Initiatives", T, 1),
            (391, "6.3", "Recommendations", R, 1),
        ],
        "updates": [
            (272, "UNODC", "4.1 UNODC"),
            (306, "Japan", "4.2 Japan"),
            (316, "WFP", "4.3 United Nations World Food Program (WFP)"),
            (324, "Australia", "Australia"),
            (340, "US", "4.5 United States of America"),
            (346, "EU", "4.6 European Union"),
        ],
        "bold_lines": [278, 292, 300],
    },
    {
        "country": KH,
        "heading_line": 403,
        "style": "list",
        "end": 626,
        "tables": [
            (424, 433, "trends", 2011, 2016, "", KH),
            (457, 470, "seizures", 2011, 2016, "Table 2: Seizures of selected drugs in Cambodia, 2011-2015", KH),
            (521, 529, "arrests", 2008, 2016, "Table 4: Drug-related arrests in Cambodia 2008 – 2016", KH),
        ],
        "outline": [
            (405, "1.1.", "Place and date of mini Dublin group meeting", T, 0),
            (409, "1.2.", "General situation", T, 0),
            (494, "1.3.", "Update on Cambodia's anti-drugs strategy and institutional framework", T, 0),
            (533, "1.4.", "Update on major bilateral and multilateral programs", U, 0),
            (583, "1.5.", "Progress on implementation of previous recommendations", F, 0),
            (587, "1.6.", "Prioritised identification of needs for external assistance", T, 0),
            (591, "1.7.", "Mini-Dublin group assessment of needs", T, 0),
            (593, "1.7.1.", "Emerging threats/trends", T, 1),
            (602, "1.7.2.", "Political initiatives", T, 1),
            (606, "1.7.3.", "2016 Report Recommendations", R, 1),
        ],
        "updates": [
            (537, "UNODC", "UNODC"),
            (547, "Australia", "Australia"),
            (555, "EU", "European Union"),
            (559, "Germany", "Germany"),
            (563, "Japan", "Japan"),
            (569, "Sweden", "Sweden"),
            (575, "UK", "United Kingdom"),
            (579, "US", "United States of America"),
        ],
        # The recommendations: the "- " lines of 1.7.3 and the two paragraphs after them.
        "recommendation_paragraphs": [625],
    },
    {
        "country": VN,
        "heading_line": 627,
        "style": "list",
        "end": 772,
        "tables": [(639, 656, "seizures", 2012, 2017, "Figure 2: Drug seizures from 2012 to 2017", VN)],
        # Captions of figures (charts) whose pictures the seed does not hold: kept, in bold as captions.
        "bold_lines": [658, 682],
        "outline": [
            (629, "1", "General Situation - Drug trafficking", T, 0),
            (665, "2", "Drugs and health", T, 0),
            (684, "3", "Update on the country's anti-drugs strategy", T, 0),
            (698, "4", "Update on major bilateral and multilateral counter-narcotics programs", U, 0),
            (744, "5", "Prioritised identification of needs for external assistance", T, 0),
            (756, "6", "Mini-Dublin group assessment of needs", T, 0),
            (764, "7", "Recommendations", R, 0),
        ],
        "updates": [
            (700, "Australia", "Australia"),
            (704, "EU", "European Union"),
            (708, "France", "France"),
            (712, "UK", "United Kingdom"),
            (718, "Japan", "Japan"),
            (722, "US", "United States of America"),
            (728, "UNODC", "UNODC"),
        ],
        "recommendation_paragraphs": [772],
    },
]


def inline(text):
    """The seed's markup as HTML: escaped text, **bold**, *italics*, \\$ and $x^n$ superscripts."""
    text = text.replace("\\$", "$")
    text = re.sub(r"\$([^$]*?)\^\{?(\d+)\}?\$", lambda m: m.group(1) + m.group(2).translate(SUPERSCRIPTS), text)
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)
    return text


def to_html(lines, bold_lines=()):
    """Paragraphs (blank-line separated) and "- " / "• " lists; footnote lines returned apart."""
    out, footnotes, items = [], [], []

    def flush():
        if items:
            out.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for number, line in lines:
        text = line.strip()
        if not text:
            continue
        if FOOTNOTE.match(text):
            footnotes.append(inline(text).replace("<em>", "").replace("</em>", ""))
            continue
        if text.startswith("- ") or text.startswith("• "):
            items.append(text[2:].strip())
            continue
        flush()
        if number in bold_lines:
            out.append(f"<p><strong>{inline(text)}</strong></p>")
        else:
            out.append(f"<p>{inline(text)}</p>")
    flush()
    return "".join(out), "\n".join(footnotes)


def build(seed):
    lines = seed.read_text(encoding="utf-8").splitlines()

    def span(start, end):  # 1-based, inclusive
        return [(n, lines[n - 1]) for n in range(start, end + 1) if n <= len(lines)]

    reports = []
    for spec in REPORTS:
        skip = set(spec.get("drop", []))
        markers = {}
        for index, (first, last, *_rest) in enumerate(spec["tables"]):
            skip |= set(range(first, last + 1))
            markers[first] = index
        rec_paragraphs = set(spec.get("recommendation_paragraphs", []))
        heads = [o[0] for o in spec["outline"]] + [u[0] for u in spec["updates"]] + [spec["end"] + 1]

        def body_of(start, tables_here, rec=False):
            stop = min(h for h in heads if h > start)
            chunk, recs = [], []
            for n, line in span(start + 1, stop - 1):
                if n in markers:
                    tables_here.append(markers[n])
                    chunk.append((n, f"[[table {len(tables_here)}]]"))
                if n in skip:
                    continue
                text = line.strip()
                if rec and (
                    text.startswith("- ")
                    or text.startswith("• ")
                    or n in rec_paragraphs
                    or text.startswith("Recommendation ")
                ):
                    recs.append(text)
                    continue
                chunk.append((n, line))
            body, notes = to_html(chunk, spec.get("bold_lines", ()))
            return body, notes, recs

        sections, recommendations, stack = [], [], []
        for line, number, title, kind, depth in spec["outline"]:
            tables_here = []
            body, notes, recs = body_of(line, tables_here, rec=(kind == R))
            for text in recs:
                if text.startswith("- ") or text.startswith("• "):
                    text = text[2:].strip()
                text = re.sub(r"^Recommendation \d+ – ", "", text)
                recommendations.append(f"<p>{inline(text)}</p>")
            section = {
                "number": number,
                "title": title,
                "kind": kind,
                "body": body,
                "footnotes": notes,
                "tables": [
                    dict(
                        zip(
                            ("kind", "first_year", "last_year", "caption", "country"),
                            spec["tables"][i][2:],
                            strict=True,
                        )
                    )
                    for i in tables_here
                ],
                "updates": [],
                "children": [],
            }
            if kind == U:
                for u_line, organisation, heading in spec["updates"]:
                    if u_line > line and u_line < min(
                        h for h in [o[0] for o in spec["outline"]] + [spec["end"] + 1] if h > line
                    ):
                        u_body, u_notes, _ = body_of(u_line, [])
                        section["updates"].append(
                            {"organisation": organisation, "heading": heading, "body": u_body, "footnotes": u_notes}
                        )
            del stack[depth:]
            (stack[-1]["children"] if stack else sections).append(section)
            stack.append(section)
        reports.append(
            {
                "country": spec["country"],
                "heading": lines[spec["heading_line"] - 1].strip(),
                "recommendation_style": spec["style"],
                "sections": sections,
                "recommendations": recommendations,
            }
        )
    return {
        "regional": {
            "year": 2017,
            "reference": lines[6].strip(),
            "issuer": lines[2].strip(),
            "place_and_date": lines[4].strip(),
            "classification": lines[9].strip(),
            "sender": lines[12].split("\t", 1)[1].strip(),
            "recipients": lines[13].split("\t", 1)[1].strip(),
            "previous_reference": lines[14].split("\t", 1)[1].strip(),
            "subject": lines[15].split("\t", 1)[1].strip(),
        },
        "reports": reports,
    }


if __name__ == "__main__":
    seed = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds/dublin-group-regional-report-2017.txt")
    out = Path(__file__).resolve().parent.parent / "dublin" / "fixtures" / "country_reports_2017.json"
    out.write_text(json.dumps(build(seed), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
