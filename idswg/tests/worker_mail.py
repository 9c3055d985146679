"""Reading what a real Celery worker mailed (the ``real_celery_worker`` fixture's mail folder).

Shared by every app's real-worker tests, so that no app's tests import another app's.
"""

import email
import time
from email import policy
from pathlib import Path

from idswg.models import SentMessage


def wait_until_sent(message, worker, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        message.refresh_from_db()
        if message.state != SentMessage.State.QUEUED:
            break
        time.sleep(0.2)
    assert message.state == SentMessage.State.SENT, Path(worker.log).read_text()[-3000:]


def written_to(worker, address):
    for path in worker.mail_dir.glob("*.log"):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            parsed = email.message_from_bytes(chunk.strip(), policy=policy.default)
            if parsed["To"] == address:
                return parsed
    raise AssertionError(f"no mail to {address} in {worker.mail_dir}")
