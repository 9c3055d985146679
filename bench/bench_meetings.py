"""Benchmark of the meetings app: the secretariat's pages and exports as invitations grow, and RSVP answers.

Run: ``.venv/bin/python bench/bench_meetings.py`` (SQLite by default; set DATABASE_URL for PostgreSQL).
It builds its data in a throwaway test database, measures, prints figures and drops the database.
"""

import statistics
import time

import _setup  # beside this script: the path, the settings, django.setup()

_setup.django_with_test_settings()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

SIZES = (10, 500, 2000)
PAGES = ("meetings:dashboard", "meetings:participants_csv", "meetings:participants_xlsx", "meetings:sign_in_sheet")


def build(size):
    from idswg.tests.factories import OrganisationFactory
    from meetings.models import Attendee, Invitation
    from meetings.tests.factories import AgendaItemFactory, MeetingFactory

    meeting = MeetingFactory()
    AgendaItemFactory.create_batch(10, meeting=meeting)
    organisations = OrganisationFactory.create_batch(20)
    states = ["accepted", "declined", "pending", "representative"]
    invitations = Invitation.objects.bulk_create(
        Invitation(
            meeting=meeting,
            organisation=organisations[i % 20],
            name=f"Invitee {i}",
            email=f"bench{size}-{i}@example.org",
            state=states[i % 4],
            answered_at=None if states[i % 4] == "pending" else timezone.now(),
        )
        for i in range(size)
    )
    Attendee.objects.bulk_create(
        Attendee(invitation=inv, name=f"Attendee {inv.pk}", email=f"a{inv.pk}@example.org")
        for inv in invitations
        if inv.state in Invitation.ATTENDING
    )
    return meeting


def timed(client, url, repeat=5):
    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times) * 1000, queries


def bench_pages(client):
    print(f"{'page':32} " + " ".join(f"{f'{n} inv.':>18}" for n in SIZES))
    meetings = {size: build(size) for size in SIZES}
    for name in PAGES:
        cells = []
        for size in SIZES:
            ms, queries = timed(client, reverse(name, args=[meetings[size].pk]))
            cells.append(f"{ms:8.1f} ms {queries:3d} q")
        print(f"{name:32} " + " ".join(f"{c:>18}" for c in cells))


def bench_answers(count=200):
    from meetings import rsvp
    from meetings.tests.factories import InvitationFactory, MeetingFactory

    meeting = MeetingFactory(max_attendees=5)
    invitations = [InvitationFactory(meeting=meeting) for _ in range(count)]
    attendees = [{"name": "Ms. A", "position": "Counsellor", "email": "a@example.org"}]
    start = time.perf_counter()
    for invitation in invitations:
        rsvp.answer(invitation.pk, "accepted", attendees, "note")
    elapsed = time.perf_counter() - start
    print(
        f"rsvp.answer (lock, history, confirmation queued): {count / elapsed:.0f} answers/s, "
        f"{elapsed / count * 1000:.1f} ms each"
    )


def main():
    from idswg.roles import SECRETARIAT
    from idswg.tests.factories import UserFactory

    setup_test_environment()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from idswg import celery_app

    celery_app.conf.task_always_eager = True
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor}")
        client = Client()
        client.force_login(UserFactory(role=SECRETARIAT))
        bench_pages(client)
        bench_answers()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
