"""Documents in the reader's language: the invitation and the briefing also exist in Lao.

Each kind is printed in one language whoever asks (the request hashes the HTML, a worker
renders it), and the Lao edition is its own kind (``<key>-lo``), so both PDFs exist side by side.
"""

import io
import re
import subprocess

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from idswg import documents, lao_fonts, pdf, renders
from idswg.lao_breaks import ZWSP
from idswg.tests.pdf_checks import all_fonts, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def hlm(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return apps.get_model("meetings", "Meeting").objects.get(kind="high_level", starts_at__year=2024)


def raw_text(content):
    """The text layer in drawing order (``pdftotext -raw``): marks stay with their letters."""
    command = ["pdftotext", "-raw", "-", "-"]
    return subprocess.run(command, input=content, capture_output=True, check=True).stdout.decode()  # noqa: S603


def lao_only(text):
    return "".join(ch for ch in text if "\u0e80" <= ch <= "\u0eff")


def test_the_invitation_and_the_briefing_have_lao_editions():
    for key in ("meeting-invitation", "meeting-briefing"):
        lao = documents.get(f"{key}-lo")
        assert lao.language == "lo" and type(lao).__mro__[1] is type(documents.get(key))


def test_the_lao_invitation_is_printed_in_lao_and_reads_back_whole(hlm):
    document = documents.get("meeting-invitation-lo")
    html = document.html(document.get_object(hlm.pk))
    assert '<html lang="lo">' in html
    content, _pages = pdf.render(html)
    text = pdf_text(content)
    assert "ໜັງສືເຊີນເຂົ້າຮ່ວມ" in text and "ວາລະກອງປະຊຸມ" in text
    runs = re.findall("[\u0e80-\u0eff]+", re.sub("<[^>]+>", " ", html.split("<body", 1)[1]))
    drawn = "".join(raw_text(content).split())
    missing = [run for run in runs if run not in drawn]
    # The one known loss (lao_fonts): a tone mark before ◌ຳ, as in ແມ່ນ້ຳຂອງ, with Noto Sans Lao.
    assert runs and all(lao_fonts.NOT_FOR_NOTO.search(run) for run in missing), missing
    assert ZWSP not in text
    assert "Noto-Sans-Lao" in all_fonts(content)


def test_each_edition_keeps_its_language_whoever_asks(hlm):
    english, lao = documents.get("meeting-invitation"), documents.get("meeting-invitation-lo")
    meeting = english.get_object(hlm.pk)
    with translation.override("lo"):
        asked_in_lao = english.fingerprint(meeting), lao.fingerprint(meeting)
    with translation.override("en"):
        asked_in_english = english.fingerprint(meeting), lao.fingerprint(meeting)
    assert asked_in_lao == asked_in_english
    assert asked_in_english[0] != asked_in_english[1]


def test_the_english_and_the_lao_pdf_exist_side_by_side(hlm):
    english = renders.request_render("meeting-invitation", hlm.pk)
    lao = renders.request_render("meeting-invitation-lo", hlm.pk)
    for job in (english, lao):
        if job.state != "done":
            renders.run(job.pk)
        job.refresh_from_db()
    assert english.state == lao.state == "done" and english.pk != lao.pk
    assert lao.filename.endswith("-lo.pdf") and english.filename != lao.filename
    assert "Meeting agenda" in pdf_text(english.output.read())
    assert "ວາລະກອງປະຊຸມ" in pdf_text(lao.output.read())
    assert renders.latest_done("meeting-invitation", hlm.pk) == english


def test_the_home_page_offers_a_lao_reader_the_lao_briefing(hlm):
    User = apps.get_model("idswg", "User")
    cochair = User.objects.get(username="cochair")
    with translation.override("en"):
        english = {document.key for document, _obj_id in documents.featured_for(cochair)}
    with translation.override("lo"):
        lao = {document.key for document, _obj_id in documents.featured_for(cochair)}
    assert "meeting-briefing" in english and "meeting-briefing-lo" not in english
    assert "meeting-briefing-lo" in lao and "meeting-briefing" not in lao
