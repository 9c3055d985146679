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


def cell_html(cell):
    """A table cell as sanitised HTML: paragraphs, bold and italic runs, bullet lists, links."""
    out, items = [], []
    for paragraph in cell.paragraphs:
        html = _paragraph_html(paragraph)
        if "list" in (paragraph.style.name or "").lower():
            if html:
                items.append(f"<li>{html}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if html.strip():
            out.append(f"<p>{html}</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return clean_html("".join(out))


def _unique_cells(row):
    """The cells of a table row, each merged cell once."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _find_table(document):
    for table in document.tables:
        for index, row in enumerate(table.rows[:5]):
            texts = [c.text.strip().lower() for c in _unique_cells(row)]
            if texts and texts[0].startswith("sector outputs"):
                return table, index, texts
    raise DocxImportError(_("No matrix table found: its first column must be headed “Sector outputs and activities”."))


def _column_map(texts):
    mapping = {}
    for index, text in enumerate(texts):
        for needle, name in HEADINGS:
            if needle in text and name not in mapping.values():
                mapping[index] = name
                break
    return mapping


def read_matrix(upload):
    """The matrix of the ``.docx`` in ``upload`` as ``{"sections": [...], "row_count": n}`` (nothing stored)."""
    document = _open(upload)
    table, header_index, header = _find_table(document)
    mapping = _column_map(header)
    sections = []
    current_rows = None
    last_row = None
    count = 0

    def section(title):
        sections.append({"title": title, "rows": [], "subsections": []})
        return sections[-1]["rows"]

    for row in table.rows[header_index + 1 :]:
        cells = _unique_cells(row)
        texts = [c.text.strip() for c in cells]
        if not any(texts) or texts[0].lower().startswith("sector outputs"):
            continue  # blank or a header repeated on the next page
        first, others = texts[0], [t for t in texts[1:] if t]
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
        for index, cell in enumerate(cells):
            if index in mapping:
                last_row[mapping[index]] = cell_html(cell)
        current_rows.append(last_row)
        count += 1
        if count > MAX_ROWS:
            raise DocxImportError(_("The table has more than %(n)s rows.") % {"n": MAX_ROWS})
    if not count:
        raise DocxImportError(_("The matrix table has no rows to import."))
    return {"sections": sections, "row_count": count}


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
