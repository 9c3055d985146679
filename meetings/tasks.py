"""Celery tasks of the meetings app: one line around a plain function each."""

from celery import shared_task

import idswg.celery  # noqa: F401 (the configured app these tasks are sent with: idswg/__init__.py)

from . import invitations


@shared_task(name="meetings.send_due_reminders")
def send_due_reminders():
    return invitations.send_due_reminders()
