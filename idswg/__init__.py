"""The IDSWG portal project package: settings, URLs, the Celery app and what all apps share."""

__all__ = ["celery_app"]


def __getattr__(name):
    """``idswg.celery_app``, made when first asked for rather than when the package is imported.

    Celery costs a web process or a ``manage.py`` command some 0.1 s of imports at start-up,
    and most never send a task. The worker and beat (``celery -A idswg``) find ``idswg.celery``
    themselves; the web imports it with the tasks (``idswg.tasks``), the first time it sends one.
    """
    if name == "celery_app":
        from .celery import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
