"""An email backend for the fault tests' worker process: each message becomes one JSON file (recipients and
subject) in FAULTS_MAILBOX, so the test can count what every recipient received. FAULTS_MAIL_DELAY seconds per
message make a send take long enough to stop Redis in the middle of it."""

import json
import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class OneFilePerMessageBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        folder = Path(os.environ["FAULTS_MAILBOX"])
        delay = float(os.environ.get("FAULTS_MAIL_DELAY", "0"))
        for message in email_messages:
            time.sleep(delay)
            record = {"to": list(message.to), "subject": str(message.subject)}
            (folder / f"{uuid.uuid4().hex}.json").write_text(json.dumps(record))
        return len(email_messages)


def read_mailbox(folder: Path) -> list[dict]:
    return [json.loads(path.read_text()) for path in sorted(folder.glob("*.json"))]
