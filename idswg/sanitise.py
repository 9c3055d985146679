"""The one path every piece of formatted text takes before it is stored: an allow-list sanitiser.

Matrix cells, narrative sections and country-report sections hold HTML written with Trix, pasted from Word or
imported from a ``.docx``. Whatever arrives, only paragraphs, line breaks, bold,
italics, lists, ``div`` (Trix's paragraph) and links with an http, https or mailto
address are kept; everything else is dropped, and the text inside ``script`` and
``style`` goes with its tag. Links get ``rel="noopener noreferrer"``.
"""

import html
import re

import nh3

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "div"})
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_DROP_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "svg", "math", "template", "noscript"})
_EMPTY = re.compile(r"^(\s|<br\s*/?>|<(p|div)>(\s|<br\s*/?>)*</(p|div)>)*$")


def clean_html(value):
    """``value`` (any string, or None) as HTML that is safe to show as it is."""
    if not value:
        return ""
    cleaned = nh3.clean(
        str(value),
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
    # An editor left empty still sends "<div><br></div>": store that as nothing.
    return "" if _EMPTY.match(cleaned) else cleaned


def plain_text(value):
    """The words of an HTML fragment, for diffs, previews and the docx import's checks."""
    text = nh3.clean(re.sub(r"<(br|/p|/div|/li)\s*/?>", " \n", value or ""), tags=set())
    text = html.unescape(text)
    return re.sub(r"[ \t]+", " ", text).strip()
