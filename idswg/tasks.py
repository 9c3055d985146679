"""Celery tasks of the shared package: thin wrappers around plain functions."""

from celery import shared_task

import idswg.celery  # noqa: F401 (the configured app these tasks are sent with: idswg/__init__.py)

from . import mail, outbox, renders


@shared_task(name="idswg.send_message")
def send_message(message_id):
    return mail.deliver(message_id)


@shared_task(name="idswg.render_document", bind=True, max_retries=10)
def render_document(self, job_id):
    # A job another attempt holds (a task redelivered after its worker died) is tried again
    # once that attempt's lease has lapsed, so the render goes on without anyone clicking.
    state, wait = renders.run_or_wait(job_id)
    if wait is not None and not self.request.is_eager:
        raise self.retry(countdown=wait)
    return state


@shared_task(name="idswg.sweep_outbox")
def sweep_outbox():
    return outbox.sweep()
