"""Where a line of Lao may break, for the PDF renderer.

Lao is written without spaces between words, and Pango (under WeasyPrint) has no Lao
dictionary: a long Lao sentence is one unbreakable run that widens its table cell past the
page. ICU's line-break iterator knows Lao words (its dictionary ships with libicu), so
before WeasyPrint lays a document out each Lao run gets a zero-width space (U+200B) at
each break opportunity ICU finds. Browsers break Lao with the same ICU data themselves.

WeasyPrint draws U+200B as nothing, and the PDF's text layer carries it; ``strip_breaks``
removes it again wherever text is read back (tests, search).
"""

import re
from functools import cache

import icu

ZWSP = "\u200b"
#: Lao letters, vowels, tone marks and digits (U+0E80–U+0EFF); ZWSP already inside is kept.
LAO_RUN = re.compile(r"[\u0e80-\u0eff\u200b]{2,}")
#: Markup is left alone: tags, comments, and what is not text (styles, scripts, the title).
_MARKUP = re.compile(r"(<!--.*?-->|<(style|script|title)\b.*?</\2\s*>|<[^>]*>)", re.DOTALL | re.IGNORECASE)


@cache
def _line_breaker():
    return icu.BreakIterator.createLineInstance(icu.Locale("lo"))


def break_lao(text):
    """``text`` with U+200B between the Lao words of each Lao run (nothing else changes)."""
    return LAO_RUN.sub(lambda match: _break_run(match.group()), text)


def _break_run(run):
    run = strip_breaks(run)
    breaker = _line_breaker()
    breaker.setText(run)
    # ICU counts UTF-16 units; a Lao run is all in the BMP, so they are Python indices.
    cuts = [cut for cut in breaker if 0 < cut < len(run)]
    pieces = [run[start:end] for start, end in zip([0, *cuts], [*cuts, len(run)], strict=True)]
    return ZWSP.join(pieces)


def break_lao_html(html):
    """``break_lao`` applied to the text of an HTML document, never inside tags or styles."""
    parts = _MARKUP.split(html)  # text, markup, (style|script|title) or None, text, ...
    out = [break_lao(parts[0])]
    for markup, _element, text in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        out += [markup, break_lao(text)]
    return "".join(out)


def strip_breaks(text):
    """``text`` without the zero-width spaces ``break_lao`` put in."""
    return text.replace(ZWSP, "")
