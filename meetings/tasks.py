"""Celery tasks of the meetings app: one line around a plain function each."""

from celery import shared_task

from . import invitations


@shared_task(name="meetings.send_due_reminders")
def send_due_reminders():
    return invitations.send_due_reminders()
