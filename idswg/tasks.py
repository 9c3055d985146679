"""Celery tasks of the shared package: thin wrappers around plain functions."""

from celery import shared_task

from . import mail, renders


@shared_task(name="idswg.send_message")
def send_message(message_id):
    return mail.deliver(message_id)


@shared_task(name="idswg.render_document")
def render_document(job_id):
    return renders.run(job_id)
