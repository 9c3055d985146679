"""Celery tasks of the Mini-Dublin Group app: one line around a plain function each."""

from celery import shared_task

import idswg.celery  # noqa: F401 (the configured app these tasks are sent with: idswg/__init__.py)

from . import updates


@shared_task(name="dublin.send_due_reminders")
def send_due_reminders():
    return updates.send_due_reminders()
