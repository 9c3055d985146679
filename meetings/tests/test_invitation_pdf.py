"""The invitation prints as the secretariat's original: salutation, reply instruction, ordinals, names, pages.

Rendered with the real WeasyPrint from the demo's High-Level Meeting 2024 and read back
with pypdf (the text) and pdftotext (the lines, to see where names break).
"""

import io
import re

import pytest
from django.core.management import call_command

from idswg import documents
from idswg.tests.factories import partner_user, secretariat_user
from idswg.tests.pdf_checks import pdf_text, render_document
from meetings.models import Invitation, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def hlm(settings):
    settings.DEBUG = True
    settings.SITE_URL = "https://idswg.example.la"
    call_command("load_demo", stdout=io.StringIO())
    return Meeting.objects.get(kind="high_level", starts_at__year=2024)


def test_the_invitation_greets_all_and_asks_for_the_online_form_at_the_portal(hlm):
    _html, content, pages = render_document("meeting-invitation", hlm.pk)
    text = " ".join(pdf_text(content).split())
    assert "Dear all, On behalf of the Lao National Commission" in text
    assert "by completing the online form at https://idswg.example.la by Wednesday, November 6th, 2024." in text
    assert pages == 2  # the letter and details on one page, the agenda on the other, as the original


def test_the_invitation_raises_english_ordinals_and_keeps_organisation_names_on_one_line(hlm):
    html, content, _pages = render_document("meeting-invitation", hlm.pk)
    assert "Friday, November&nbsp;8<sup>th</sup>, 2024" in html
    assert "October 25<sup>th</sup>" in html and "10<sup>th</sup> National" in html
    printed = pdf_text(content).splitlines()
    assert not [line for line in printed if line.rstrip(" ·").endswith("United")]
    assert any("United Nations Office on Drugs and Crime" in line for line in printed)


def test_the_lao_invitation_prints_its_ordinals_flat(hlm):
    html, _content, _pages = render_document("meeting-invitation-lo", hlm.pk)
    assert "<sup>th</sup>" not in html


def test_a_personal_invitation_prints_the_invitees_link_and_its_qr_code_on_two_pages(hlm):
    invitation = Invitation.objects.filter(meeting=hlm).first()
    html, content, pages = render_document("meeting-invitation-personal", invitation.pk)
    # Compared without white space and hyphens: the link wraps, and a line ending in "-" is
    # read back joined either way.
    text = re.sub(r"[\s-]", "", pdf_text(content))
    assert re.sub(r"[\s-]", "", invitation.link()) in text
    assert f'href="{invitation.link()}"' in html
    assert invitation.link().startswith("https://idswg.example.la/")
    assert '<svg viewBox="0 0' in html and 'class="segno"' in html
    assert pages == 2  # the reply block fills the agenda page, it does not add one


def test_only_the_secretariat_may_download_a_personal_invitation(hlm):
    document = documents.get("meeting-invitation-personal")
    invitation = document.get_object(Invitation.objects.filter(meeting=hlm).first().pk)
    assert document.can_download(secretariat_user(), invitation)
    assert not document.can_download(partner_user(invitation.organisation), invitation)


def test_the_invitation_prints_its_hours_as_the_seed_and_the_agenda_on_the_24_hour_clock(hlm):
    _html, content, _pages = render_document("meeting-invitation", hlm.pk)
    text = " ".join(pdf_text(content).split())
    # The seed: "08:30 am – 12:30 pm, Friday, November 8th, 2024", and "08:30 – 09:00 Arrival and registration".
    assert "08:30 am – 12:30 pm, Friday, November 8th, 2024" in text
    assert "08:30 – 09:00 Arrival and registration" in text
    assert "09:15 – 09:25 Group Photo" in text


def test_the_lao_invitation_prints_its_hours_on_the_24_hour_clock(hlm):
    _html, content, _pages = render_document("meeting-invitation-lo", hlm.pk)
    text = " ".join(pdf_text(content).split())
    assert "08:30 – 12:30" in text and " am" not in text and " pm" not in text
