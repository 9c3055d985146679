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
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString
from django.utils.translation import get_language

TIMEOUT = 7 * 24 * 3600  # a fragment nobody read for a week is rendered again when asked


def new_stamp():
    """A value no earlier version of a fragment had."""
    return uuid.uuid4().hex


@functools.cache
def csrf_placeholder():
    """What a cached fragment carries in place of a CSRF token: the same in every process, unguessable."""
    return "csrf-" + salted_hmac("idswg.cached_html.csrf", "placeholder").hexdigest()[:32]


def cached_html(request, key_parts, template_name, context):
    """``template_name`` rendered with ``context()``, kept in the cache under ``key_parts``; safe HTML.

    The key is ``key_parts`` (the fragment's kind, its stamp and what else it depends on) with the
    language and the time zone the page is written in. The template gets the placeholder as its
    ``csrf_token`` and the reader's own token takes its place on the way out.
    """
    key = ":".join((*key_parts, get_language() or "", timezone.get_current_timezone_name()))

    def render():
        return render_to_string(template_name, {**context(), "csrf_token": csrf_placeholder()}, request=request)

    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, TIMEOUT)
    elif getattr(settings, "CACHED_HTML_CHECK", False) and render() != html:
        raise AssertionError(f"the cached HTML {key} is stale: a change did not renew its stamp")
    return SafeString(html.replace(csrf_placeholder(), get_token(request)))


class RenewsStampOnSave:
    """A model mixin: every ``save`` gives ``stamp_field`` a new stamp, also when ``update_fields`` is given."""

    stamp_field = None

    def save(self, *args, update_fields=None, **kwargs):
        setattr(self, self.stamp_field, new_stamp())
        if update_fields is not None:
            update_fields = {*update_fields, self.stamp_field}
        super().save(*args, update_fields=update_fields, **kwargs)


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
