"""Which Lao face a PDF is printed in, chosen per document so that its text layer reads back.

Two faces are used, both embedded (subset) in the PDF:

* **Phetsarath OT**, the government's standard Lao face (Debian ``fonts-lao``), preferred.
* **Noto Sans Lao** (Debian ``fonts-noto-core``, else the vendored WOFF2), the fallback.

WeasyPrint writes one Unicode text per glyph (the PDF's ToUnicode map), so a face whose
glyphs do not follow the characters one for one reads back wrong. Measured with pdftotext
(``tests/test_lao_pdf.py`` keeps it true):

* Phetsarath OT reads back exactly only plain letters with at most one mark each: it draws
  ◌ຳ as ◌ໍ + ◌າ (``ກຳ`` reads ``ກໍາ``), and raises a tone mark above an upper vowel as a
  separate piece that pdftotext puts on a line of its own (``ທີ່`` reads ``ທີ ່``).
* Noto Sans Lao reads back exactly, except a tone mark before ◌ຳ (``ນ້ຳ``, ``ຊ້ຳ``),
  where the tone mark and the ◌ໍ are lost (``ນາ``): WeasyPrint gives the shared ◌າ glyph
  one text. That is a known limit, left as it is (Phetsarath OT loses more there).

So a document is printed in Phetsarath OT, the government's face, when its Lao text is
of the kind that face reads back (no ◌ຳ, no tone mark on an upper vowel), and in Noto Sans
Lao otherwise. The chosen face alone is declared and named after "Noto Sans" (Latin) for
the page and the document, overriding the order of the print stylesheet.
"""

import re
from pathlib import Path

from django.conf import settings

#: ``templates/pdf/base.html`` puts this where the ``@font-face`` rules go; ``prepare`` replaces it.
PLACEHOLDER = "/* idswg-lao-font-face */"
LAO_RANGE = "U+0E81-0EDF,U+200B-200D,U+25CC"
PHETSARATH = "Phetsarath OT"
NOTO = "Noto Sans Lao"
#: Per face and weight: the system TTF, and a vendored file for machines without it.
FACES = {
    PHETSARATH: {400: ("/usr/share/fonts/truetype/lao/Phetsarath_OT.ttf", None)},
    NOTO: {
        400: (
            "/usr/share/fonts/truetype/noto/NotoSansLao-Regular.ttf",
            "vendor/fonts/noto-sans-lao-lao-400-normal.woff2",
        ),
        700: ("/usr/share/fonts/truetype/noto/NotoSansLao-Bold.ttf", "vendor/fonts/noto-sans-lao-lao-700-normal.woff2"),
    },
}
#: What Phetsarath OT does not read back: ◌ຳ, and a tone mark stacked on an upper vowel.
NOT_FOR_PHETSARATH = re.compile("\u0eb3|[\u0eb1\u0eb4-\u0eb7\u0ebb\u0ecd][\u0ec8-\u0ecb]")
#: What Noto Sans Lao does not read back: a tone mark before ◌ຳ.
NOT_FOR_NOTO = re.compile("[\u0ec8-\u0ecb]\u0eb3")
_TEXT = re.compile(r"<(style|script|title)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


def system_font_files():
    """The system font files a PDF may load (the URL fetcher refuses any other local file)."""
    return {system for weights in FACES.values() for system, _vendored in weights.values()}


def installed(face):
    return Path(FACES[face][400][0]).exists()


def choose_face(text):
    """The Lao face whose text layer gives ``text`` back best (see the module docstring)."""
    if installed(PHETSARATH) and not NOT_FOR_PHETSARATH.search(text):
        return PHETSARATH
    return NOTO


def font_face_css(face):
    """``@font-face`` rules of ``face`` and the font lists that put it first for Lao text."""
    families = f'font-family: "Noto Sans", "{face}", sans-serif;'
    rules = [f"@page {{ {families} }}", f"html {{ {families} }}"]
    for weight, (system, vendored) in FACES[face].items():
        if Path(system).exists():
            src = f'url("file://{system}") format("truetype")'
        elif vendored:
            src = f'url("{settings.STATIC_URL}{vendored}") format("woff2")'
        else:
            continue
        face_rule = f'font-family: "{face}"; font-weight: {weight}; src: {src}; unicode-range: {LAO_RANGE};'
        rules.append(f"@font-face {{ {face_rule} }}")
    return "\n".join(rules)


def prepare(html):
    """``html`` with the ``@font-face`` rules of the face chosen for its text."""
    face = choose_face(_TEXT.sub(" ", html))
    return html.replace(PLACEHOLDER, font_face_css(face))
