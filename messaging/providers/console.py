"""The embedded mode's provider: texts are written to the server's console, not sent.

It writes to standard output rather than the log on purpose: in the demo a team leader reads
their sign-in code there, and codes must never reach the logs.
"""

import sys
import uuid

from messaging.providers import Provider, Sent


class ConsoleProvider(Provider):
    name = "console"

    def send(self, recipient: str, body: str, *, status_callback: str | None = None) -> Sent:
        message_id = f"console-{uuid.uuid4().hex[:16]}"
        sys.stdout.write(f"\n[SMS to {recipient}] {body}\n")
        sys.stdout.flush()
        return Sent(message_id=message_id, status="sent", answer="written to the console")
