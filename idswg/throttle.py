"""Throttling of log-ins and password-reset requests.

Log-ins are counted by django-axes (settings: ``AXES_*``); this module gives it the client's
address and the lock-out page. Password-reset requests are counted here, in the cache, per
e-mail address and per client address: each request counts whether or not an account has
that e-mail, so the refusal tells nothing about who has an account.
"""

import hashlib
import math

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone


def client_address(request):
    """The address a request comes from, as django-axes and the reset counter see it.

    Behind the reverse proxy (``BEHIND_PROXY``) every request comes from the proxy itself; the
    client is the last address the proxy appended to ``X-Forwarded-For`` (nginx's
    ``$proxy_add_x_forwarded_for``). Earlier entries are whatever the client sent, so never trusted.
    """
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out log-in gets (429): why, for how long, and who can unlock it."""
    minutes = math.ceil(get_cool_off(request).total_seconds() / 60)
    return render(
        request,
        "registration/locked_out.html",
        {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes},
        status=429,
    )


def _counter_key(kind, value):
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()
    return f"idswg:password-reset:{kind}:{digest}"


def _count(key, window):
    """Add one to the counter ``key`` (created for ``window`` seconds) and return its value."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def password_reset_allowed(request, email):
    """Count a reset request for ``email`` from this client; False once either limit is passed.

    A counter starts with the first request and lasts ``PASSWORD_RESET_WINDOW_MINUTES``.
    """
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    per_email = _count(_counter_key("email", email), window)
    per_address = _count(_counter_key("address", client_address(request)), window)
    return (
        per_email <= settings.PASSWORD_RESET_LIMIT_PER_EMAIL
        and per_address <= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS
    )


def locked_usernames():
    """The user names locked out now (one query), for the accounts page."""
    return set(
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off())
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .values_list("username", flat=True)
    )


def unlock(username):
    """Forget the failed log-ins for ``username`` (they also count against their addresses)."""
    return reset(username=username)
