"""What the PDF tests read back from a rendered file: its text, pages, fonts and metadata."""

import io
import shutil
import subprocess

import pypdf


def pdf_text(content):
    """The text of a PDF as pdftotext reads it (poppler), falling back to pypdf."""
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
        )
        return result.stdout.decode()
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def pdf_reader(content):
    return pypdf.PdfReader(io.BytesIO(content))


def fonts_by_page(content):
    """For each page, the base names of the fonts it uses (subset prefix removed)."""
    pages = []
    for page in pdf_reader(content).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        pages.append({str(font.get_object()["/BaseFont"]).split("+", 1)[-1] for font in fonts.values()})
    return pages


def all_fonts(content):
    return set().union(*fonts_by_page(content))


def is_tagged(content):
    root = pdf_reader(content).trailer["/Root"]
    return "/StructTreeRoot" in root and root.get("/MarkInfo", {}).get("/Marked", False)


def render_document(key, obj_id):
    """``(html, pdf_bytes, page_count)`` of the registered document ``key`` for ``obj_id``, with the real WeasyPrint."""
    from idswg import documents, pdf

    document = documents.get(key)
    html = document.html(document.get_object(obj_id))
    content, pages = pdf.render(html)
    return html, content, pages
