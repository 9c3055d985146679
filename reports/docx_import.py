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

from django.db import transaction
from django.utils.translation import gettext as _

from .docx_cells import cell_html, cell_text, grid_cells, numbering_formats, table_rows, tables_in
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


def _find_tables(document):
    """``[(table, header row index, header texts)]``: the matrix table and the tables that continue it.

    A document converted from a PDF (or typed page by page) holds the matrix as one table
    per page, each under the same header; they are one matrix, read in order.
    """
    found = []
    for table in tables_in(document.element.body, document):
        for index, row in enumerate(table_rows(table)[:5]):
            cells = grid_cells(row, table)
            texts = [(col, " ".join(cell_text(c).split())) for col, _span, c in cells]
            if texts and texts[0][1].lower().startswith("sector outputs"):
                found.append((table, index, texts))
                break
    if not found:
        raise DocxImportError(
            _("No matrix table found: its first column must be headed “Sector outputs and activities”.")
        )
    return found


def _column_map(texts):
    """``{grid column: row field}`` from the header's ``(grid column, text)``."""
    mapping = {}
    for col, text in texts:
        for needle, name in HEADINGS:
            if needle in text.lower() and name not in mapping.values():
                mapping[col] = name
                break
    return mapping


def _place(cells, mapping, titles, where, numbering, notices):
    """``{row field: html}`` of a row's cells, each under the heading of its grid column."""
    placed = {}
    for col, span, cell in cells:
        covered = [c for c in range(col, col + span) if c in mapping]
        if not covered:
            if cell_text(cell):
                notices.append(_("%(where)s: text in a column without a heading is not kept.") % {"where": where})
            continue
        if len(covered) > 1:
            notices.append(
                _("%(where)s: a cell spread over “%(columns)s” is kept in “%(first)s”.")
                % {"where": where, "columns": "”, “".join(titles[c] for c in covered), "first": titles[covered[0]]}
            )
        placed[mapping[covered[0]]] = cell_html(cell, numbering, notices, where)
    return placed


def read_matrix(upload):
    """The matrix of the ``.docx`` in ``upload`` as ``{"sections", "row_count", "notices"}`` (nothing stored).

    Cells are placed by their grid position, so a cell merged over two columns does not
    push the next one into the wrong column; ``notices`` lists, for the preview, what
    could not be kept as it was (a cell over two columns, a table in a cell, an image).
    A matrix cut into one table per page is read whole, and the lower part of a row that a
    page break split (its first column empty, just under the repeated header) is joined to
    the row above it.
    """
    document = _open(upload)
    numbering = numbering_formats(document)
    tables = _find_tables(document)
    sections, notices = [], []
    current_rows = None
    last_row = None
    count = 0

    def section(title):
        sections.append({"title": title, "rows": [], "subsections": []})
        return sections[-1]["rows"]

    for table_number, (table, header_index, header) in enumerate(tables, start=1):
        mapping, titles = _column_map(header), dict(header)
        continued = table_number > 1  # the first row of a continuation table may finish the row above
        for number, row in enumerate(table_rows(table)[header_index + 1 :], start=header_index + 2):
            cells = grid_cells(row, table)
            texts = [cell_text(c) for _col, _span, c in cells]
            if texts and texts[0].lower().startswith("sector outputs"):
                continued = True  # a header repeated on the next page
                continue
            if not any(texts):
                continue  # blank, or the lower part of merged cells
            if len(tables) > 1:
                where = _("Table %(table)s, row %(row)s") % {"table": table_number, "row": number}
            else:
                where = _("Table row %(row)s") % {"row": number}
            first = texts[0] if cells and cells[0][0] == 0 else ""
            others = [t for (col, _s, _c), t in zip(cells, texts, strict=True) if t and col != 0]
            if continued and last_row is not None and not first and others:
                for name, html in _place(cells, mapping, titles, where, numbering, notices).items():
                    last_row[name] = clean_html(last_row[name] + html)
                notices.append(
                    _("%(where)s: the rest of a row split by a page break is joined to the row above it.")
                    % {"where": where}
                )
                continued = False
                continue
            continued = False
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
            last_row |= _place(cells, mapping, titles, where, numbering, notices)
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
