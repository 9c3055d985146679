"""A pytest plugin loaded before Django's settings (``-p idswg.testing`` in pytest.ini).

It sets the environment the settings read, which a ``conftest.py`` would set too late. The tests
run with ordinary settings, nothing hidden: DEBUG stays off as in production, with a test key,
the HTTPS flags off (the test client and the live server speak plain HTTP) and static files read
from the source folders under their plain names (``STATIC_MANIFEST=0``: no collectstatic before
a run). A variable already set in the environment wins. The benchmarks call
``use_test_environment()`` too.
"""

import os

TEST_ENVIRONMENT = {
    "SECRET_KEY": "test-only-key-never-used-outside-the-test-suite-0123456789",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "STATIC_MANIFEST": "0",
    # Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
    # to run next to one unless told that this thread is synchronous test code.
    "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
}


def use_test_environment():
    for name, value in TEST_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


use_test_environment()


def pytest_configure(config):
    """Compile the translation catalogues whose ``.mo`` is older than the ``.po``."""
    from idswg.catalogue import compile_stale

    compile_stale()
