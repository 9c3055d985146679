"""The demo's 2017 text is the seed's, word for word: every line of the seed outside its tables is in the fixture.

The seed lives beside the checkout (``../shared/seeds``); without it the test says so and skips.
"""

import html
import importlib.util
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

SEED = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "dublin-group-regional-report-2017.txt"
FIXTURE = Path(settings.BASE_DIR) / "dublin" / "fixtures" / "country_reports_2017.json"
BUILDER = Path(settings.BASE_DIR) / "scripts" / "build_dublin_fixture.py"


def _builder():
    spec = importlib.util.spec_from_file_location("build_dublin_fixture", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _words(text):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def _fixture_text(data):
    texts = []

    def walk(sections):
        for section in sections:
            texts.extend([f"{section['number']} {section['title']}", section["body"], section["footnotes"]])
            for update in section["updates"]:
                texts.extend([update["heading"], update["body"], update["footnotes"]])
            walk(section["children"])

    for report in data["reports"]:
        texts.append(report["heading"])
        walk(report["sections"])
        texts.extend(report["recommendations"])
    return _words(" ".join(texts))


def test_every_line_of_the_seeds_country_reports_is_in_the_fixture():
    if not SEED.exists():
        pytest.skip(f"the seed is not beside the checkout ({SEED})")
    builder = _builder()
    lines = SEED.read_text(encoding="utf-8").splitlines()
    text = _fixture_text(json.loads(FIXTURE.read_text(encoding="utf-8")))
    tables = set()
    for spec in builder.REPORTS:
        for first, last, *_rest in spec["tables"]:
            tables |= set(range(first, last + 1))  # drawn live from seizures instead
        tables |= set(spec.get("drop", []))  # captions of charts the seed does not hold
    missing = []
    for number, line in enumerate(lines[17:], start=18):  # from the first country's heading
        words = re.sub(r"^Recommendation \d+ – ", "", re.sub(r"^(- |• )", "", line.strip()))
        if words and number not in tables and _words(builder.inline(words)) not in text:
            missing.append((number, words[:80]))
    assert not missing, missing[:10]


def test_the_fixture_is_what_the_builder_makes_of_the_seed():
    if not SEED.exists():
        pytest.skip(f"the seed is not beside the checkout ({SEED})")
    assert _builder().build(SEED) == json.loads(FIXTURE.read_text(encoding="utf-8"))
