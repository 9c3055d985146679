"""Reading the matrix table of an earlier report's Word file into sections and rows, then a draft.

``read_matrix(file)`` only reads: it returns a plain dict (sections, subsections, rows
of cells as sanitised HTML) that the page shows as a preview and signs into the
confirmation form; ``create_draft`` then stores it in one transaction. A file that is
too big, not a Word document, a zip bomb, or without a matrix table raises
``DocxImportError`` with a message for the user, and nothing is stored.
"""

import io
import re
import zipfile
from html import escape

from django.db import transaction
from django.utils.translation import gettext as _

from .layouts import RICH_COLUMNS
from .models import MatrixRow, MatrixSection, Report
from .sanitise import clean_html

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ROWS = 2000
HEADINGS = (
    ("outputs", "outputs"),
    ("progress", "progress"),
    ("challenges", "challenges"),
    ("key messages", "key_messages"),
)
LETTERED = re.compile(r"^([A-Z])\.\s+(.+)$", re.S)
NUMBERED = re.compile(r"^(\d{1,2})\.\s+(.+)$", re.S)
INDICATOR = re.compile(r"^indicator\s*:?\s*(.*)$", re.I | re.S)


class DocxImportError(Exception):
    """A file that cannot be imported; the message says why, for the person who uploaded it."""


# An OLE compound file: a Word 97-2003 .doc, or any Office file saved with a password
# (Office wraps the encrypted .docx in one), which no .docx reader can open.
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


def _open(upload):
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise DocxImportError(_("The file is larger than 5 MB."))
    if data.startswith(OLE_SIGNATURE):
        raise DocxImportError(
            _(
                "This is an older Word (.doc) file or a password-protected document. "
                "Open it in Word, remove any password and save it as a .docx, then upload that file."
            )
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise DocxImportError(_("The document unpacks to more than 40 MB; it cannot be read safely."))
            names = {i.filename for i in infos}
            if "xl/workbook.xml" in names:
                raise DocxImportError(_("This is not a Word (.docx) document but an Excel workbook."))
            if "word/document.xml" not in names:
                raise DocxImportError(_("This is not a Word (.docx) document."))
    except zipfile.BadZipFile:
        raise DocxImportError(_("This is not a Word (.docx) document, or it is damaged.")) from None
    from docx import Document

    try:
        return Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise DocxImportError(
            _("The Word document could not be read (%(error)s).") % {"error": type(error).__name__}
        ) from None


def _paragraph_html(paragraph):
    parts = []
    for item in paragraph.iter_inner_content():
        text = escape(item.text or "")
        if not text:
            continue
        if hasattr(item, "address"):  # a hyperlink
            href = item.address or ""
            parts.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
            continue
        if item.bold:
            text = f"<strong>{text}</strong>"
        if item.italic:
            text = f"<em>{text}</em>"
        parts.append(text)
    return "".join(parts)


def _numbering_formats(document):
    """``{(numId, level): numFmt}`` of the document's numbered and bulleted lists (“decimal”, “bullet” …)."""
    from docx.oxml.ns import qn  # python-docx only where a Word file is read (not in every web process)

    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for item in root.findall(qn("w:abstractNum")):
        for level in item.findall(qn("w:lvl")):
            fmt = level.find(qn("w:numFmt"))
            abstract[(item.get(qn("w:abstractNumId")), level.get(qn("w:ilvl")))] = (
                fmt.get(qn("w:val")) if fmt is not None else "bullet"
            )
    formats = {}
    for num in root.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for (abstract_id, level), fmt in abstract.items():
            if abstract_id == ref.get(qn("w:val")):
                formats[(num.get(qn("w:numId")), level)] = fmt
    return formats


def _list_kind(paragraph, numbering):
    """``"ol"``, ``"ul"`` or None: a numbered list stays numbered, a bullet list bulleted."""
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if "list number" in style:
        return "ol"
    properties = paragraph._p.pPr
    numbers = properties.numPr if properties is not None else None
    if numbers is not None and numbers.numId is not None:
        level = numbers.ilvl.val if numbers.ilvl is not None else 0
        fmt = numbering.get((str(numbers.numId.val), str(level)), "bullet")
        return "ul" if fmt in ("bullet", "none") else "ol"
    return "ul" if "list" in style else None


def cell_html(cell, numbering=None, notices=None, where=""):
    """A table cell as sanitised HTML: paragraphs, bold and italic runs, bullet and numbered lists, links.

    A table inside the cell is kept as lines (“a · b · c” per row) and an image is not
    kept; both are said in ``notices`` (with ``where``), so the preview lists them.
    """
    numbering = numbering or {}
    out, items, kind = [], [], None

    def close():
        if items:
            out.append(f"<{kind}>" + "".join(items) + f"</{kind}>")
            items.clear()

    for paragraph in cell.paragraphs:
        html = _paragraph_html(paragraph)
        this = _list_kind(paragraph, numbering)
        if this:
            if this != kind:
                close()
                kind = this
            if html:
                items.append(f"<li>{html}</li>")
            continue
        close()
        if html.strip():
            out.append(f"<p>{html}</p>")
    close()
    for table in cell.tables:
        for row in table.rows:
            line = " · ".join(escape(c.text.strip()) for _col, _span, c in _grid_cells(row, table) if c.text.strip())
            if line:
                out.append(f"<p>{line}</p>")
        if notices is not None:
            notices.append(_("%(where)s: a table inside the cell is kept as lines, one per row.") % {"where": where})
    if notices is not None and cell._tc.xpath(".//w:drawing | .//w:pict"):
        notices.append(_("%(where)s: an image in the cell is not kept.") % {"where": where})
    return clean_html("".join(out))


def _grid_cells(row, table):
    """``(grid column, span, cell)`` of each cell as the row writes it.

    A cell merged across columns comes once with its span; the lower parts of a cell
    merged down (``vMerge`` continue) are left out, so its text is kept once, in its first row.
    """
    from docx.table import _Cell

    col = row._tr.grid_before
    out = []
    for tc in row._tr.tc_lst:
        span = tc.grid_span
        if tc.vMerge != "continue":
            out.append((col, span, _Cell(tc, table)))
        col += span
    return out


def _find_table(document):
    for table in document.tables:
        for index, row in enumerate(table.rows[:5]):
            cells = _grid_cells(row, table)
            texts = [(col, " ".join(c.text.split())) for col, _span, c in cells]
            if texts and texts[0][1].lower().startswith("sector outputs"):
                return table, index, texts
    raise DocxImportError(_("No matrix table found: its first column must be headed “Sector outputs and activities”."))


def _column_map(texts):
    """``{grid column: row field}`` from the header's ``(grid column, text)``."""
    mapping = {}
    for col, text in texts:
        for needle, name in HEADINGS:
            if needle in text.lower() and name not in mapping.values():
                mapping[col] = name
                break
    return mapping


def read_matrix(upload):
    """The matrix of the ``.docx`` in ``upload`` as ``{"sections", "row_count", "notices"}`` (nothing stored).

    Cells are placed by their grid position, so a cell merged over two columns does not
    push the next one into the wrong column; ``notices`` lists, for the preview, what
    could not be kept as it was (a cell over two columns, a table in a cell, an image).
    """
    document = _open(upload)
    numbering = _numbering_formats(document)
    table, header_index, header = _find_table(document)
    mapping = _column_map(header)
    titles = dict(header)
    sections, notices = [], []
    current_rows = None
    last_row = None
    count = 0

    def section(title):
        sections.append({"title": title, "rows": [], "subsections": []})
        return sections[-1]["rows"]

    for number, row in enumerate(table.rows[header_index + 1 :], start=header_index + 2):
        cells = _grid_cells(row, table)
        texts = [c.text.strip() for _col, _span, c in cells]
        if not any(texts) or (texts and texts[0].lower().startswith("sector outputs")):
            continue  # blank, the lower part of merged cells, or a header repeated on the next page
        first = texts[0] if cells and cells[0][0] == 0 else ""
        others = [t for (col, _s, _c), t in zip(cells, texts, strict=True) if t and col != 0]
        if not others and (match := INDICATOR.match(first)):
            if last_row is not None:
                last_row["indicator"] = " ".join(match.group(1).split())[:300]
            continue
        if not others and (match := LETTERED.match(first)):
            current_rows = section(match.group(2).strip()[:500])
            continue
        if not others and (match := NUMBERED.match(first)):
            if not sections:
                section(_("Matrix"))
            sections[-1]["subsections"].append({"title": match.group(2).strip()[:500], "rows": []})
            current_rows = sections[-1]["subsections"][-1]["rows"]
            continue
        if current_rows is None:
            current_rows = section(_("Matrix"))
        last_row = dict.fromkeys(RICH_COLUMNS, "") | {"indicator": ""}
        for col, span, cell in cells:
            covered = [c for c in range(col, col + span) if c in mapping]
            where = _("Table row %(row)s") % {"row": number}
            if not covered:
                if cell.text.strip():
                    notices.append(_("%(where)s: text in a column without a heading is not kept.") % {"where": where})
                continue
            if len(covered) > 1:
                notices.append(
                    _("%(where)s: a cell spread over “%(columns)s” is kept in “%(first)s”.")
                    % {"where": where, "columns": "”, “".join(titles[c] for c in covered), "first": titles[covered[0]]}
                )
            last_row[mapping[covered[0]]] = cell_html(cell, numbering, notices, where)
        current_rows.append(last_row)
        count += 1
        if count > MAX_ROWS:
            raise DocxImportError(_("The table has more than %(n)s rows.") % {"n": MAX_ROWS})
    if not count:
        raise DocxImportError(_("The matrix table has no rows to import."))
    return {"sections": sections, "row_count": count, "notices": notices}


@transaction.atomic
def create_draft(matrix, year, title, layout):
    """A new draft report holding the sections and rows of ``matrix`` (from ``read_matrix``)."""
    report = Report.objects.create(year=year, title=title, layout=layout, state=Report.State.DRAFT)

    def add_rows(section, rows):
        for position, cells in enumerate(rows, start=1):
            MatrixRow(section=section, position=position, **_cells(cells)).save()

    for position, item in enumerate(matrix["sections"], start=1):
        section = MatrixSection.objects.create(report=report, title=item["title"][:500], position=position)
        add_rows(section, item["rows"])
        for sub_position, sub in enumerate(item["subsections"], start=1):
            subsection = MatrixSection.objects.create(
                report=report, parent=section, title=sub["title"][:500], position=sub_position
            )
            add_rows(subsection, sub["rows"])
    return report


def _cells(cells):
    values = {name: clean_html(str(cells.get(name, ""))) for name in RICH_COLUMNS}
    values["indicator"] = " ".join(str(cells.get("indicator", "")).split())[:300]
    return values
