"""The Word import on documents as people really write them, and on the seeds' own Word files.

python-docx's own documents are clean: one table, runs straight under their paragraphs.
Real reports carry what Word and its users add: tracked changes not yet accepted, smart
tags, content controls around paragraphs and whole rows, HYPERLINK fields, line breaks
inside a cell, and (when a report was converted from its PDF, as the seed's text shows:
the header “Sector outputs and activities | Progress | Challenges…” repeats on each page)
one table per page, with a row cut in two by the page break. The import keeps every word
of the matrix: each test below checks it word by word.

The secretariat's own ``.docx`` files, where the shared seeds or ``tests/fixtures`` hold
them, are read the same way; the seeds are plain-text copies today, so that test says it
is skipped and why.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reports.docx_import import read_matrix

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HEADER = ["Sector outputs and activities", "Progress", "Challenges and opportunities"]
W = nsdecls("w")
# Text of the seed's 2019 matrix (swg-annual-report-2019-matrix.txt).
VISIT = "A field visit to the Container Control Unit in Vientiane was organized for members of the sector working group"
VISIT_PROGRESS = "Through the field visit, members of the group learned about challenges border officers face"
TREATMENT = "Treatment and vocational training of drug addicts"
TREATMENT_PROGRESS = "Amphetamine-Type Stimulants (ATS) are considered the primary drug of concern"
PORT = "Thanaleng port on the Thai-Lao friendship bridge near Vientiane."
FORENSIC = "Enhanced forensic capacities: Digital evidence is becoming increasingly important."


def _upload(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile("matrix.docx", buffer.getvalue(), content_type=DOCX)


def _matrix_table(document, rows):
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for texts in rows:
        for cell, text in zip(table.add_row().cells, texts, strict=True):
            cell.text = text
    return table


def _rows(matrix):
    out = []
    for section in matrix["sections"]:
        out += section["rows"]
        for sub in section["subsections"]:
            out += sub["rows"]
    return out


def _words(text):
    return re.findall(r"[^\W_]+", text.lower())


def _shown_words(body):
    """Every word a reader sees in the matrix tables of a document body, with tracked changes accepted."""
    words = []
    for table in body.iter(qn("w:tbl")):
        for text in table.iter(qn("w:t")):
            deleted = any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in text.iterancestors())
            if not deleted:
                words += _words(text.text or "")
    return words


def _imported_words(matrix):
    words = []
    for section in matrix["sections"]:
        words += _words(section["title"])
        for sub in section["subsections"]:
            words += _words(sub["title"])
    for row in _rows(matrix):
        for value in row.values():
            words += _words(re.sub(r"<[^>]+>", " ", value))
    return words


def _assert_every_word_is_kept(body, matrix):
    """Each word shown in the document's tables is imported (as often), apart from the header's."""
    missing = list(_shown_words(body))
    for word in _imported_words(matrix):
        if word in missing:
            missing.remove(word)
    header_words = set(_words(" ".join(HEADER))) | {"key", "messages", "for", "the", "high", "level", "rtm", "and"}
    # A section's letter or number (“A.”, “2.”) becomes its place in the report, not text.
    lost = [word for word in missing if word not in header_words and not re.fullmatch(r"[a-z]|\d{1,2}", word)]
    assert not lost, f"words not imported: {lost[:30]}"


def _append(paragraph, xml):
    paragraph._p.append(parse_xml(xml))


def test_text_in_tracked_insertions_smart_tags_and_content_controls_is_kept_and_deletions_are_not():
    document = Document()
    table = _matrix_table(document, [[VISIT, "", "Funding"]])
    progress = table.rows[1].cells[1].paragraphs[0]
    progress.add_run("Through the field visit, ")
    _append(
        progress,
        f'<w:ins {W} w:id="1" w:author="LCDC" w:date="2019-11-02T00:00:00Z"><w:r><w:t xml:space="preserve">'
        "members of the group learned about challenges </w:t></w:r></w:ins>",
    )
    _append(
        progress,
        f'<w:del {W} w:id="2" w:author="UNODC" w:date="2019-11-03T00:00:00Z"><w:r><w:delText>'
        "an old sentence</w:delText></w:r></w:del>",
    )
    _append(
        progress, f'<w:smartTag {W} w:uri="urn:schemas" w:element="place"><w:r><w:t>border</w:t></w:r></w:smartTag>'
    )
    _append(progress, f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:r><w:t> officers face</w:t></w:r></w:sdtContent></w:sdt>")
    matrix = read_matrix(_upload(document))
    (row,) = _rows(matrix)
    assert VISIT_PROGRESS in row["progress"] and "old sentence" not in row["progress"]
    _assert_every_word_is_kept(document.element.body, matrix)


def test_a_hyperlink_field_keeps_its_link_and_its_code_is_not_text():
    document = Document()
    table = _matrix_table(document, [[TREATMENT, "", ""]])
    progress = table.rows[1].cells[1].paragraphs[0]
    progress.add_run("See the ")
    for xml in (
        f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W}><w:instrText xml:space="preserve"> HYPERLINK "https://www.unodc.org/laopdr/" </w:instrText></w:r>',
        f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {W}><w:rPr><w:b/></w:rPr><w:t>UNODC Lao PDR page</w:t></w:r>",
        f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>',
        f"<w:fldSimple {W} w:instr='HYPERLINK \"https://lcdc.gov.la/\"'><w:r><w:t>LCDC</w:t></w:r></w:fldSimple>",
    ):
        _append(progress, xml)
    (row,) = _rows(read_matrix(_upload(document)))
    assert '<a href="https://www.unodc.org/laopdr/"' in row["progress"]
    assert "<strong>UNODC Lao PDR page</strong>" in row["progress"]
    assert '<a href="https://lcdc.gov.la/"' in row["progress"] and ">LCDC</a>" in row["progress"]
    assert "HYPERLINK" not in row["progress"]


def test_a_line_break_inside_a_cell_stays_a_line_break():
    document = Document()
    table = _matrix_table(document, [[TREATMENT, "", ""]])
    _append(table.rows[1].cells[1].paragraphs[0], f"<w:r {W}><w:t>{PORT}</w:t><w:br/><w:t>{FORENSIC}</w:t></w:r>")
    (row,) = _rows(read_matrix(_upload(document)))
    assert f"<p>{PORT}<br>{FORENSIC}</p>" in row["progress"]


def test_rows_and_cells_inside_content_controls_are_imported():
    document = Document()
    table = _matrix_table(document, [[TREATMENT, TREATMENT_PROGRESS, ""], [VISIT, VISIT_PROGRESS, ""]])
    wrapped_row = table.rows[2]._tr  # a repeating section: the row sits inside a content control
    control = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    wrapped_row.addprevious(control)
    control[1].append(wrapped_row)
    cell = table.rows[1]._tr.tc_lst[2]  # a cell inside a content control (a plain-text field of a template)
    cell_control = parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")
    cell.addprevious(cell_control)
    cell_control[1].append(cell)
    cell.xpath("./w:p")[0].append(parse_xml(f"<w:r {W}><w:t>Relapse after treatment</w:t></w:r>"))
    matrix = read_matrix(_upload(document))
    rows = _rows(matrix)
    assert [TREATMENT in rows[0]["outputs"], VISIT in rows[1]["outputs"]] == [True, True]
    assert "Relapse after treatment" in rows[0]["challenges"]
    _assert_every_word_is_kept(document.element.body, matrix)


def test_a_matrix_cut_into_one_table_per_page_is_read_whole_and_a_split_row_is_joined():
    """As the seed's 2019 matrix prints: the header again on each page, a row's progress running on."""
    document = Document()
    _matrix_table(
        document,
        [["A. Sectoral thematic (substantive) areas", "", ""], [TREATMENT, TREATMENT_PROGRESS, "Few counsellors"]],
    )
    document.add_paragraph().add_run().add_break()  # the page break between the two tables
    _matrix_table(
        document,
        [
            ["", PORT + " " + FORENSIC, ""],  # the lower part of the row above, cut by the page
            ["B. Communication and outreach activities with the sector and across Sector Working Groups", "", ""],
            [VISIT, VISIT_PROGRESS, ""],
        ],
    )
    matrix = read_matrix(_upload(document))
    assert [section["title"] for section in matrix["sections"]] == [
        "Sectoral thematic (substantive) areas",
        "Communication and outreach activities with the sector and across Sector Working Groups",
    ]
    treatment, visit = _rows(matrix)
    assert TREATMENT_PROGRESS in treatment["progress"] and PORT in treatment["progress"]
    assert "Few counsellors" in treatment["challenges"] and VISIT in visit["outputs"]
    assert any("split by a page break is joined" in notice for notice in matrix["notices"])
    _assert_every_word_is_kept(document.element.body, matrix)


def test_a_row_without_outputs_under_a_subsection_stays_a_row_of_its_own():
    """The seed's “2. Innovation and technology” has a row with progress only: not a page's run-on."""
    document = Document()
    _matrix_table(
        document,
        [["C. Cross-sectoral thematic areas applied to all SWGs", "", ""], ["2. Innovation and technology", "", ""]]
        + [["", "Organized crime are increasingly relying on technology.", ""]],
    )
    matrix = read_matrix(_upload(document))
    (row,) = _rows(matrix)
    assert row["outputs"] == "" and "relying on technology" in row["progress"]
    assert not any("page break" in notice for notice in matrix["notices"])


def _real_word_files():
    places = [Path(settings.BASE_DIR).parent / "shared" / "seeds", Path(settings.BASE_DIR) / "tests" / "fixtures"]
    return sorted(path for place in places if place.is_dir() for path in place.glob("*.docx"))


@pytest.mark.parametrize(
    "path",
    _real_word_files()
    or [
        pytest.param(
            None,
            marks=pytest.mark.skip(
                reason="no .docx among the shared seeds or tests/fixtures: the seeds are plain-text copies of the "
                "reports; put the secretariat's Word files there to have them read here"
            ),
        )
    ],
    ids=lambda path: path.name if path else "none",
)
def test_each_real_word_file_of_the_seeds_imports_every_word_of_its_matrix(path):
    matrix = read_matrix(SimpleUploadedFile(path.name, path.read_bytes(), content_type=DOCX))
    assert matrix["row_count"] > 0
    _assert_every_word_is_kept(Document(str(path)).element.body, matrix)


def test_a_hostile_hyperlink_field_gives_no_script_link_and_markup_in_text_stays_text():
    document = Document()
    table = _matrix_table(document, [[TREATMENT, "", ""]])
    progress = table.rows[1].cells[1].paragraphs[0]
    for xml in (
        f"<w:fldSimple {W} w:instr='HYPERLINK \"javascript:alert(1)\"'><w:r><w:t>click</w:t></w:r></w:fldSimple>",
        f"<w:fldSimple {W} w:instr='HYPERLINK \"data:text/html,x\"'><w:r><w:t>data</w:t></w:r></w:fldSimple>",
        f"<w:r {W}><w:t>&lt;script&gt;alert(2)&lt;/script&gt;</w:t></w:r>",
        f"<w:fldSimple {W} w:instr='HYPERLINK \"https://x.example/&quot; onmouseover=&quot;alert(3)\"'>"
        "<w:r><w:t>quoted</w:t></w:r></w:fldSimple>",
    ):
        _append(progress, xml)
    (row,) = _rows(read_matrix(_upload(document)))
    html = row["progress"]
    assert "javascript:" not in html and "data:" not in html and "onmouseover" not in html
    assert "<script" not in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert ">click</a>" in html and ">quoted</a>" in html  # the words stay, without a harmful link
