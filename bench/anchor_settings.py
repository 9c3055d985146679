"""The portal's settings with the benchmark's own URL configuration (``bench/anchor_urls.py``).

Only ``bench/bench_ratios.py`` uses it: the bare anchor views exist in the benchmark, never in
the product. ``BENCH_STATIC_DIR`` adds a folder of static files (the PDF served as a static file).
"""

import os

from idswg.settings import *  # noqa: F403
from idswg.settings import STATICFILES_DIRS

ROOT_URLCONF = "bench.anchor_urls"
if os.environ.get("BENCH_STATIC_DIR"):
    STATICFILES_DIRS = [*STATICFILES_DIRS, os.environ["BENCH_STATIC_DIR"]]
