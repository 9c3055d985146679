"""Who reads a report, in every form (page, Word, PDF), and how one not final is marked (``reports.access``).

Partners and co-chairs read a report in review and a final one; a draft not yet in review
is the secretariat's alone. Each test walks the three roles through one form for one state.
"""

import io

import docx
import pytest
from django.urls import reverse

from idswg import renders
from idswg.tests.pdf_checks import pdf_text
from meetings.tests.factories import MeetingFactory
from reports import access, briefing
from reports.access import visible_reports

from .factories import RowFactory

STATES = ("draft", "review", "final")
READERS = {
    "draft": {"secretariat"},
    "review": {"secretariat", "cochair", "partner"},
    "final": {"secretariat", "cochair", "partner"},
}


@pytest.fixture
def users(secretariat, cochair, partner):
    return {"secretariat": secretariat, "cochair": cochair, "partner": partner}


def _report(state):
    return RowFactory(section__report__state=state, section__report__title=f"Access report {state}").section.report


def _as(client, user):
    client.logout()
    client.force_login(user)
    return client


@pytest.mark.parametrize("state", STATES)
def test_the_rule_gives_each_role_the_reports_of_each_state_it_may_read(state, users):
    report = _report(state)
    for role, user in users.items():
        readable = role in READERS[state]
        assert access.can_read(user, report) is readable, role
        assert (report in visible_reports(user)) is readable, role
        assert access.can_comment(user, report) is (state == "review"), role
        assert access.can_edit(user, report) is (role == "secretariat" and state != "final"), role


@pytest.mark.parametrize("state", STATES)
def test_the_page_and_the_word_export_open_for_the_same_readers(state, users, client):
    report = _report(state)
    for role, user in users.items():
        _as(client, user)
        want = 200 if role in READERS[state] else 404  # a draft is not shown to exist
        assert client.get(report.get_absolute_url()).status_code == want, role
        assert client.get(reverse("reports:report_export_docx", args=[report.pk])).status_code == want, role


@pytest.mark.parametrize("state", STATES)
def test_the_pdf_is_watched_requested_and_downloaded_by_the_same_readers(state, users, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = _report(state)
    job = renders.request_render("report", report.pk)
    assert renders.run(job.pk) == "done"
    kwargs = {"key": "report", "obj_id": report.pk}
    for role, user in users.items():
        _as(client, user)
        readable = role in READERS[state]
        status = client.get(reverse("render_status", kwargs=kwargs))
        assert status.status_code == (200 if readable else 403), role
        request = client.post(reverse("render_request", kwargs=kwargs), {"next": "/"})
        assert request.status_code == (302 if readable else 403), role
        download = client.get(reverse("render_download", kwargs=kwargs))
        assert download.status_code == (200 if readable else 403), role
        if readable:
            assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert renders.latest(**{"key": "report", "obj_id": report.pk}).pk == job.pk  # unchanged: no new render


def test_the_page_controls_follow_the_rule_for_a_partner_reading_a_report_in_review(client, partner):
    report = _report("review")
    page = _as(client, partner).get(report.get_absolute_url()).content.decode()
    assert reverse("reports:report_export_docx", args=[report.pk]) in page
    assert reverse("render_status", kwargs={"key": "report", "obj_id": report.pk}) in page  # the PDF box
    assert reverse("reports:report_edit", args=[report.pk]) not in page
    assert "Draft in review" in page


def test_a_report_in_review_reads_as_a_draft_in_the_list_and_on_the_home_page(client, cochair):
    review, final = _report("review"), _report("final")
    _as(client, cochair)
    for url in (reverse("reports:report_list"), reverse("home")):
        page = client.get(url).content.decode()
        assert review.title in page and final.title in page
        assert page.count("Draft in review") == 1, url


def test_the_word_export_of_a_report_in_review_says_draft_on_every_page_and_a_final_one_does_not(client, partner):
    _as(client, partner)
    for state, marked in (("review", True), ("final", False)):
        report = _report(state)
        response = client.get(reverse("reports:report_export_docx", args=[report.pk]))
        document = docx.Document(io.BytesIO(response.content))
        header = "".join(p.text for p in document.sections[0].header.paragraphs)
        body = "\n".join(p.text for p in document.paragraphs)
        assert ("DRAFT, in review" in header) is marked, state
        assert ("DRAFT, in review" in body) is marked, state


def test_the_pdf_of_a_report_in_review_is_marked_as_a_draft_and_a_final_one_is_not(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for state, marked in (("review", True), ("final", False)):
        report = _report(state)
        job = renders.request_render("report", report.pk)
        renders.run(job.pk)
        job.refresh_from_db()
        text = " ".join(pdf_text(job.output.read()).split())
        assert ("DRAFT, in review" in text) is marked, state


def test_a_cochair_may_not_download_a_briefing_that_carries_a_draft_not_yet_in_review(cochair, secretariat):
    meeting = MeetingFactory()
    document = briefing.MeetingBriefing()
    briefing.configure(meeting, report=_report("draft"))
    assert not document.can_download(cochair, document.get_object(meeting.pk))
    assert document.can_download(secretariat, document.get_object(meeting.pk))
    briefing.configure(meeting, report=_report("review"))
    assert document.can_download(cochair, document.get_object(meeting.pk))
