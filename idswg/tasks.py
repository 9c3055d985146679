"""Celery tasks of the shared package: thin wrappers around plain functions."""

from celery import shared_task

from . import mail


@shared_task(name="idswg.send_message")
def send_message(message_id):
    return mail.deliver(message_id)
