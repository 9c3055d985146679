"""The language a person reads the portal in.

Anyone picks it in the footer (Django's language cookie); a signed-in user's choice is
also kept on the account (``User.language``), so it follows them to another browser and
survives logging out and in. Lao text in a page of another language is marked
``lang="lo"`` (``lao_runs``) so screen readers, fonts and line breaking treat it as Lao.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

#: A run of Lao script, with the spaces and punctuation inside it.
LAO_RUN = re.compile(r"[\u0E80-\u0EFF](?:[\u0E80-\u0EFF\u200B\s.,:;()\-–]*[\u0E80-\u0EFF])?")


def _known(code):
    return code in dict(settings.LANGUAGES)


class UserLanguageMiddleware:
    """Speak a signed-in user's chosen language, and keep the cookie in step with it.

    Runs after ``AuthenticationMiddleware``: ``LocaleMiddleware`` has already chosen from
    the cookie and the browser, and the account's choice overrides both. The cookie is
    rewritten so the language stays after logging out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if chosen and _known(chosen):
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        cookie = settings.LANGUAGE_COOKIE_NAME
        stale = chosen and _known(chosen) and request.COOKIES.get(cookie) != chosen
        if stale and cookie not in response.cookies:
            response.set_cookie(
                cookie,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
            )
        return response


def prefer(request, language):
    """Speak ``language`` on this page unless the reader chose one (the footer's cookie, their account).

    For pages reached by a personal link, such as an invitee's RSVP page: the directory
    knows the invitee's language before they have chosen one.
    """
    user = getattr(request, "user", None)
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or getattr(user, "language", "")
    if language and _known(language) and not chosen:
        translation.activate(language)
        request.LANGUAGE_CODE = language


@require_POST
def set_language(request):
    """Django's ``set_language``, which also keeps a signed-in user's choice on the account."""
    response = django_set_language(request)
    code = request.POST.get("language", "")
    if request.user.is_authenticated and _known(code) and request.user.language != code:
        request.user.language = code
        request.user.save(update_fields=["language"])
    return response


def lao_runs(text):
    """``text`` escaped, each run of Lao script wrapped in ``<span lang="lo">``.

    In a Lao page the text is left as it is: it already carries the page's language.
    """
    text = conditional_escape(text)
    if translation.get_language() == "lo" or not LAO_RUN.search(text):
        return text
    return mark_safe(LAO_RUN.sub(lambda match: f'<span lang="lo">{match.group()}</span>', text))  # noqa: S308 (escaped above)
