"""The Nu HTML Checker (vnu.jar from the ``vnu-jar`` npm package) over saved pages, in one Java run.

Java starts once for all the pages (a start costs seconds); without ``java`` or ``node_modules``
the check is skipped with the reason (CI has both: .ci/run runs ``npm ci``).
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(paths):
    """``["page: line N: message"]`` for every error (not warning) the checker finds in ``paths``."""
    java = shutil.which("java")
    if java is None:
        pytest.skip("the Nu HTML Checker needs Java 17 (apt-get install default-jre-headless)")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make vendor) to install vnu-jar")
    result = subprocess.run(
        [java, "-Xss1m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}: line {m.get('lastLine', '?')}: {m['message']} "
        f"[{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
