"""The secretariat chooses a meeting's briefing parts; saving requests the PDF at once."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from idswg.models import RenderJob, User
from meetings.models import Meeting
from reports import briefing
from reports.briefing import load_demo_briefing
from reports.models import Report
from seizures.models import Country

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path, django_capture_on_commit_callbacks):
    """The demo as ``load_demo`` leaves it: its briefing configured and rendered once it commits."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False
    return Meeting.objects.get(kind="high_level", starts_at__year=2024)


def test_saving_the_parts_configures_the_briefing_and_renders_it(
    demo, secretariat, client_for, django_capture_on_commit_callbacks
):
    report = Report.objects.get(kind="annual", year=2024)
    # The demo binds the Lao PDR table; the secretariat adds Cambodia's, which changes the briefing.
    countries = Country.objects.filter(name__in=["Lao PDR", "Cambodia"])
    client = client_for(secretariat)
    url = reverse("reports:briefing_edit", kwargs={"meeting_pk": demo.pk})
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"include_invitation": "on", "report": report.pk, "countries": [c.pk for c in countries]}
        )
    assert response.status_code == 302 and response["Location"] == demo.get_absolute_url()
    choice = demo.briefing
    assert choice.report == report and set(choice.countries.all()) == set(countries)
    assert choice.updated_by == secretariat
    job = RenderJob.objects.filter(document="meeting-briefing", object_id=demo.pk).latest("pk")
    assert job.state == RenderJob.State.DONE and job.requested_by == secretariat


def test_a_meeting_nobody_configured_prints_its_invitation_only(demo):
    from idswg import documents

    technical = Meeting.objects.get(kind="technical", starts_at__year=2024)
    document = documents.get("meeting-briefing")
    html = document.html(document.get_object(technical.pk))
    assert "Invitation and agenda" in html and "Meeting agenda" in html
    assert 'id="report"' not in html and "Seizure of illicit drugs" not in html


def test_the_home_page_offers_the_cochair_the_briefing_and_the_partner_the_final_report(demo, client_for):
    briefing.configure(demo)
    users = User.objects
    cochair_home = client_for(users.get(username="cochair")).get("/").content.decode()
    assert "Briefing for the High-Level Meeting" in cochair_home
    partner_home = client_for(users.get(username="partner")).get("/").content.decode()
    assert "Briefing for the High-Level Meeting" not in partner_home
    assert "Illicit Drug Sector Working Group report 2019" in partner_home  # the latest final report


def test_the_demo_briefing_is_ready_for_the_cochair_after_loading(demo, django_capture_on_commit_callbacks):
    lines = []
    with django_capture_on_commit_callbacks(execute=True):
        job = load_demo_briefing(lines.append)
    job.refresh_from_db()
    assert job.state == RenderJob.State.DONE and job.pages >= 5
    assert demo.briefing.report.year == 2024
    assert [c.name for c in demo.briefing.countries.all()] == ["Lao PDR"]
    assert "briefing" in lines[0]
