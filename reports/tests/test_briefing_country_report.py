"""The High-Level Meeting briefing can bind the Mini-Dublin Group country report of its year."""

import io

from pypdf import PdfReader

from dublin.models import CountryReport
from idswg import renders
from meetings.models import Meeting
from reports import briefing


def _pdf_text(job):
    return " ".join(
        " ".join(p.extract_text().replace("\x00", "").split()) for p in PdfReader(job.output.open("rb")).pages
    )


def test_the_briefing_prints_the_chosen_country_report_after_its_other_parts(db, settings, tmp_path, secretariat):
    from django.core.management import call_command

    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    meeting = Meeting.objects.filter(kind=Meeting.Kind.HIGH_LEVEL).order_by("-starts_at").first()
    report = CountryReport.objects.get(country__name="Lao PDR", year=2017)
    current = briefing.briefing_of(meeting)
    briefing.configure(meeting, report=current.report, countries=[], country_report=report, user=secretariat)
    assert briefing.parts(meeting)["country_display"].report == report
    job = renders.request_render(briefing.KEY, meeting.pk)
    renders.run(job.pk)
    job.refresh_from_db()
    assert job.state == "done", job.error
    text = _pdf_text(job)
    assert "LAO PEOPLE'S DEMOCRATIC REPUBLIC" in text
    assert "Luxembourg is supporting an alternative development project in Houaphanh Province." in text


def test_the_briefing_form_offers_the_country_reports(db, client_for, secretariat):
    from django.urls import reverse

    from dublin.tests.factories import CountryReportFactory
    from meetings.tests.factories import MeetingFactory

    meeting = MeetingFactory()
    report = CountryReportFactory(year=2026)
    client = client_for(secretariat)
    url = reverse("reports:briefing_edit", args=[meeting.pk])
    assert str(report) in client.get(url).content.decode()
    client.post(url, {"include_invitation": "on", "country_report": report.pk})
    assert briefing.briefing_of(meeting).country_report == report
