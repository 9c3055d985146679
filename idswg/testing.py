"""A pytest plugin loaded before Django's settings (``-p idswg.testing`` in pytest.ini).

It sets the environment the settings read, which a ``conftest.py`` would set too late.
"""

import os

os.environ.setdefault("IDSWG_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses
# to run next to one unless told that this thread is synchronous test code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
