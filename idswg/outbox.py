"""The transactional outbox: work for the workers is a row first, a broker message second.

An e-mail (:class:`SentMessage`) or a render (:class:`RenderJob`) is written in the
request's transaction; only once that commits is its task handed to the broker
(``after_commit``). If the broker is unreachable the hand-over gives up within seconds
(``CELERY_BROKER_CONNECTION_TIMEOUT``, ``CELERY_TASK_PUBLISH_RETRY_POLICY``), the row
stays queued and due, and the request answers normally: what the user did is saved.
The beat task ``idswg.sweep_outbox`` (every ``OUTBOX_SWEEP_SECONDS``) hands over again
whatever is due, so nothing waits for a click once the broker is back. A task delivered
twice is harmless: ``mail.deliver`` and ``renders.run`` lock their row and check its state.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def broker_errors():
    """What a publish raises when the broker cannot be reached (kombu wraps most of them).

    kombu is imported here, with the task that is handed over, not when a web process starts.
    """
    from kombu.exceptions import KombuError

    return (KombuError, ConnectionError, TimeoutError)


def hand_over(task, obj_id):
    """Give ``task(obj_id)`` to the broker now; False (logged, never raised) when it is unreachable."""
    errors = broker_errors()
    try:
        task.apply_async((obj_id,))
    except errors as exc:
        logger.warning("broker unreachable, %s(%s) stays in the outbox: %s", task.name, obj_id, exc)
        return False
    return True


def hand_over_many(task, ids, still_due):
    """Hand over ``ids`` in order; at the first failure ``still_due(rest)`` marks the rest due again."""
    for position, obj_id in enumerate(ids):
        if not hand_over(task, obj_id):
            still_due(ids[position:])
            return position
    return len(ids)


def after_commit(task, obj, on_failure):
    """Hand ``task(obj.pk)`` over once the transaction commits.

    ``obj.handed_over`` then tells the caller (a view, after its transaction) whether the
    broker took it; on failure ``on_failure(obj.pk)`` marks the row due for the sweep.
    """
    obj.handed_over = None

    def callback():
        obj.handed_over = hand_over(task, obj.pk)
        if not obj.handed_over:
            on_failure(obj.pk)

    transaction.on_commit(callback)


def any_waiting(objs):
    """Whether any of ``objs`` (queued through ``after_commit``) is still waiting for the broker."""
    return any(getattr(obj, "handed_over", True) is False for obj in objs)


def sweep():
    """Hand over every e-mail and render that is due (the beat task's body); returns the counts."""
    from . import mail, renders

    return {"messages": mail.requeue_due(), "renders": renders.requeue_due()}
