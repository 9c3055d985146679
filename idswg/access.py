"""The table of who may open which URL, checked by ``idswg/tests/test_url_access.py``.

Each app lists its URLs in ``<app>/url_access.py`` as ``ACCESS = [Rule(...), ...]``.
The test walks every named URL of the portal as anonymous, partner, co-chair and
secretariat, so a new URL without a rule fails the suite.
"""

from dataclasses import dataclass, field

ANONYMOUS = "anonymous"
LOGIN = "login"  # a redirect to the login page
WHO = ("anonymous", "partner", "cochair", "secretariat")
# The header htmx sends: a fragment's URL answers with the fragment only when it is there.
HTMX = {"HX-Request": "true"}


@dataclass
class Rule:
    """``url_name`` opened with ``kwargs(world)``; ``expect`` maps each of WHO to a status or LOGIN.

    ``world`` is a dict with the demo content loaded (see the test). ``method`` is the
    HTTP method to try; ``data`` its form data for POST; ``headers`` extra request headers
    (``HTMX`` for a fragment as htmx asks for it).
    """

    url_name: str
    expect: dict
    kwargs: object = None
    method: str = "get"
    data: dict = field(default_factory=dict)
    query: str = ""
    headers: dict = field(default_factory=dict)

    def resolve_kwargs(self, world):
        if self.kwargs is None:
            return {}
        return self.kwargs(world) if callable(self.kwargs) else self.kwargs


def only_secretariat(ok=200):
    return {"anonymous": LOGIN, "partner": 403, "cochair": 403, "secretariat": ok}


def members(ok=200):
    return {"anonymous": LOGIN, "partner": ok, "cochair": ok, "secretariat": ok}


def everyone(ok=200):
    return {"anonymous": ok, "partner": ok, "cochair": ok, "secretariat": ok}
