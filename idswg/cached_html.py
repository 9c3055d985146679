"""HTML kept in the cache under a key that changes with what it shows: the report body, the answers.

The app keeping a fragment (``reports.page_cache``, ``meetings.answers_cache``) owns its key,
whose stamp it renews in the same transaction as every change of what the fragment shows; this
module does what they share:

- **CSRF tokens.** A fragment with forms is rendered with ``csrf_placeholder()`` as its token
  (derived from the secret key, so the same in every process and in no cell a user could type)
  and each reader gets their own token in its place on the way out.
- **Checking.** With ``CACHED_HTML_CHECK`` on (the test suite sets it) every hit is rendered
  again and compared: a change that forgot to renew a stamp fails the first test that reads
  the fragment after it.
- **Not keeping it.** ``LazyHtml`` produces the fragment as the page template writes it: held
  in a template context, a 400 kB string would live until Python's cycle collector frees the
  context, which a page served from the cache (allocating few objects) rarely wakes; a worker
  then held some twenty of them, 10 MiB.
"""

import functools
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString

TIMEOUT = 7 * 24 * 3600  # a fragment nobody read for a week is rendered again when asked


def new_stamp():
    """A value no earlier version of a fragment had."""
    return uuid.uuid4().hex


@functools.cache
def csrf_placeholder():
    """What a cached fragment carries in place of a CSRF token: the same in every process, unguessable."""
    return "csrf-" + salted_hmac("idswg.cached_html.csrf", "placeholder").hexdigest()[:32]


def cached_html(request, key, render):
    """The safe HTML kept under ``key``, or ``render()`` (given the placeholder token) kept there now."""
    html = cache.get(key)
    if html is None:
        html = render(csrf_placeholder())
        cache.set(key, html, TIMEOUT)
    elif getattr(settings, "CACHED_HTML_CHECK", False) and render(csrf_placeholder()) != html:
        raise AssertionError(f"the cached HTML {key} is stale: a change did not renew its stamp")
    return SafeString(html.replace(csrf_placeholder(), get_token(request)))


class LazyHtml:
    """Safe HTML produced when the template writes it (``produce()``), and not kept (see above)."""

    def __init__(self, produce):
        self._produce = produce

    def __html__(self):
        return self._produce()

    __str__ = __html__


def renew_on_save_and_delete(touch, filters_of, label):
    """Call ``touch(**filters_of[model](instance))`` whenever an instance of a model listed is saved or deleted.

    ``filters_of`` maps each model to what, of an instance, finds the stamps to renew (say
    ``lambda row: {"sections": row.section_id}``); the receivers run in the writer's transaction.
    """
    for model, filters in filters_of.items():

        def receiver(sender, instance, filters=filters, **kwargs):
            touch(**filters(instance))

        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(receiver, sender=model, weak=False, dispatch_uid=f"{label}.{model.__name__}.{name}")
