"""A real Celery worker runs the beat task: the reminder goes out once, through the outbox."""

import datetime
import re
import time
from pathlib import Path

import pytest
from django.utils import timezone

from dublin import updates
from dublin.models import PartnerUpdate
from idswg.models import SentMessage
from idswg.roles import PARTNER
from idswg.tests.factories import OrganisationFactory, UserFactory
from idswg.tests.worker_mail import wait_until_sent, written_to

from .factories import CountryReportFactory, SectionFactory


def _task_results(worker, name, count, seconds=30):
    """The return values the worker logged for ``count`` runs of task ``name`` (no result backend here)."""
    pattern = re.compile(rf"Task {re.escape(name)}\[[^\]]+\] succeeded in [0-9.]+s: (\S+)")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = pattern.findall(Path(worker.log).read_text())
        if len(found) >= count:
            return found
        time.sleep(0.2)
    raise AssertionError(Path(worker.log).read_text()[-3000:])


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_reminder_once(real_celery_worker, settings):
    from celery import current_app

    japan = OrganisationFactory(name="Embassy of Japan")
    UserFactory(username="worker-partner", email="worker-partner@example.org", role=PARTNER, organisation=japan)
    report = CountryReportFactory(year=2026)
    section = SectionFactory(report=report, kind="updates")
    PartnerUpdate.objects.create(
        report=report,
        section=section,
        organisation=japan,
        heading="Japan",
        deadline=timezone.localdate() + datetime.timedelta(days=1),
        requested_at=timezone.now(),
    )
    for _run in range(2):  # as beat would, twice
        current_app.send_task("dublin.send_due_reminders", queue=real_celery_worker.queue)
    results = _task_results(real_celery_worker, "dublin.send_due_reminders", 2)
    assert sorted(results) == ["0", "1"]  # one run reminded, the other found nothing left to do
    [message] = SentMessage.objects.filter(topic=updates.TOPIC_REMINDER)
    wait_until_sent(message, real_celery_worker)
    parsed = written_to(real_celery_worker, "worker-partner@example.org")
    assert "Reminder" in parsed["Subject"]
