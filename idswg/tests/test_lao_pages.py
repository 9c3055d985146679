"""Every page, opened by each role with Lao chosen, shows no English interface text.

The known English strings are the catalogue's own msgids (their literal parts of two words
or more); those that also occur in the demo content (names, titles, the seed text of
reports) are data, not interface, and are left out.
"""

import re
from html.parser import HTMLParser

import polib
from django.apps import apps
from django.db import models
from django.urls import reverse

from idswg.access import LOGIN, WHO
from idswg.tests.test_lao_catalogue import CATALOGUE
from idswg.tests.test_url_access import all_rules, world  # noqa: F401 (the demo-content fixture)

PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sd]|\{\w*\}|<[^>]+>|%%")
#: Text a person reads that is not in a text node: button captions, hints, labels for screen readers.
READ_ATTRIBUTES = {"placeholder", "title", "aria-label", "alt", "data-confirm", "hx-confirm", "data-hx-confirm"}


#: Not interface text: scripts, styles, and samples of file formats (which are English by design).
SKIPPED_ELEMENTS = ("script", "style", "pre", "code")


class _Text(HTMLParser):
    """The text of a page a reader meets: text nodes and the attributes above, not scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self._skip += 1
        attrs = dict(attrs)
        self.parts += [value for name, value in attrs.items() if name in READ_ATTRIBUTES and value]
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(html):
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def demo_content():
    """Every text value stored in the database: what a page shows as data."""
    texts = []
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))]
        if fields:
            for row in model._default_manager.values_list(*fields):
                texts += [value for value in row if value]
    return "\n".join(texts)


def english_interface_strings(data):
    """The literal runs of the catalogue's msgids that a Lao page must not show.

    Left out: runs that are data (in ``data``) and runs a translation quotes on purpose
    (the English heading the Word import looks for, file-format column names).
    """
    catalogue = polib.pofile(str(CATALOGUE))
    data = "\n".join([data, *(entry.msgstr for entry in catalogue)])
    strings = set()
    for entry in catalogue:
        if entry.msgctxt or entry.msgstr == entry.msgid:
            continue
        for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
            for part in PLACEHOLDER.split(msgid):
                part = " ".join(part.split()).strip(" .,:;()–-")
                if len(part.split()) >= 2 and len(part) >= 8 and part not in data:
                    strings.add(part)
    return strings


def test_no_page_shows_english_interface_text_to_a_lao_reader(world, client, settings):  # noqa: F811
    settings.DEBUG = False
    # Resolving the URLs first creates what the rules need (materials, action points ...),
    # so that their content counts as data too.
    pages = [
        (rule, reverse(rule.url_name, kwargs=rule.resolve_kwargs(world)) + rule.query)
        for rule in all_rules()
        if rule.method == "get"
    ]
    known = english_interface_strings(demo_content())
    assert "Change password" in known and "Log in to the IDSWG portal" in known
    failures = []
    for who in WHO:
        client.logout()
        if who != "anonymous":
            user = world["users"][who]
            user.language = "lo"
            user.save(update_fields=["language"])
            client.force_login(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
        for rule, url in pages:
            if rule.expect[who] in (LOGIN, 302):
                continue
            response = client.get(url, headers=rule.headers)  # a fragment as htmx asks for it, too
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            text = page_text(response.content.decode())
            left = sorted(s for s in known if s in text)
            if left:
                failures.append(f"{who} {url}: {left}")
    assert not failures, "English left on Lao pages:\n" + "\n".join(failures)
