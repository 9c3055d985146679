"""Two answers for one invitation at the same moment leave one consistent answer."""

import threading

import pytest
from django.db import connection, connections

from meetings import rsvp
from meetings.models import Invitation

from .factories import InvitationFactory


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_answers_leave_one_whole_answer():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite runs one writer at a time anyway)")
    invitation = InvitationFactory()
    answers = {
        "accepted": [{"name": "Ms. A", "position": "", "email": "a@example.org"}],
        "representative": [
            {"name": "Mr. B", "position": "", "email": "b@example.org"},
            {"name": "Mr. C", "position": "", "email": "c@example.org"},
        ],
    }
    barrier = threading.Barrier(len(answers))
    errors = []

    def give(state):
        try:
            barrier.wait()
            for _ in range(5):
                rsvp.answer(invitation.pk, state, answers[state])
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=give, args=(state,)) for state in answers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    invitation = Invitation.objects.get(pk=invitation.pk)
    last = invitation.answers.order_by("-created_at", "-pk").first()
    assert invitation.answers.count() == 10
    assert invitation.state == last.state
    assert [a.email for a in invitation.attendees.all()] == [a["email"] for a in answers[invitation.state]]
