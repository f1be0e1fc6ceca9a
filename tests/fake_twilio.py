"""A fake Twilio HTTP server on 127.0.0.1 for the real `twilio` client to talk to.

It answers the two Messages API calls the outbox makes (create, list by recipient) like Twilio
does, including its error answers, and remembers every message it accepted so tests count
duplicates and losses. Behaviour is scripted per recipient: `fail(phone, 500, 500)` answers the
next two sends to that number with 500, then accepts; `fail(phone, 21211, times=None)` always
refuses. Used by the tests and by bench/bench_outbox.py.
"""

import json
import sys
import threading
import time
import uuid
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "fake-twilio-auth-token"
ERRORS = {
    21211: (400, "The 'To' number is not a valid phone number."),
    21614: (400, "'To' number is not a valid mobile number"),
    21610: (400, "Attempt to send to unsubscribed recipient"),
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client killed mid-request (the SIGKILL tests) is expected, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeTwilio:
    def __init__(self):
        self.lock = threading.Lock()
        self.accepted = []  # dicts: sid, to, body, date_created, at
        self.requests = 0
        self.scripts = {}  # phone -> (answers still to give, answer repeated after them or None)
        self.delay = 0.0
        self.server = _Server(("127.0.0.1", 0), self._handler())
        # stop() waits for the server's next look at its stop flag: every half second by default,
        # which every test using the fake paid once.
        serve = {"poll_interval": 0.02}
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs=serve, daemon=True)

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def fail(self, phone, *answers, forever=False):
        """Answer the next sends to `phone` with `answers` (HTTP statuses or Twilio error codes),
        then accept; with `forever=True` the last answer repeats for good."""
        with self.lock:
            self.scripts[phone] = (list(answers), answers[-1] if forever else None)

    def bodies_to(self, phone):
        with self.lock:
            return [m["body"] for m in self.accepted if m["to"] == phone]

    def _next_answer(self, phone):
        with self.lock:
            self.requests += 1
            answers, forever = self.scripts.get(phone, ([], None))
            if answers:
                return answers.pop(0)
            return forever or "ok"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keeps connections open between requests, as Twilio does
            disable_nagle_algorithm = True  # else a kept-alive reply waits ~40 ms for a delayed ACK

            def log_message(self, format, *args):
                pass  # quiet: tests read the fake's records, not its log

            def _reply(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                if len(raw) < length:  # the sender died mid-request: Twilio never sees such a text
                    self.close_connection = True
                    return
                form = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                if fake.delay:
                    time.sleep(fake.delay)
                answer = fake._next_answer(form.get("To", ""))
                if answer in ERRORS:
                    status, text = ERRORS[answer]
                    return self._reply(status, {"code": answer, "message": text, "status": status})
                if isinstance(answer, int):
                    return self._reply(answer, {"code": None, "message": "fake failure", "status": answer})
                record = {
                    "sid": "SM" + uuid.uuid4().hex,
                    "to": form.get("To", ""),
                    "body": form.get("Body", ""),
                    "date_created": format_datetime(timezone.now()),
                    "at": time.time(),  # when it was accepted: tests check the pace per second
                }
                with fake.lock:
                    fake.accepted.append(record)
                self._reply(201, {**record, "status": "queued", "account_sid": ACCOUNT_SID})

            def do_GET(self):
                query = parse_qs(urlsplit(self.path).query)
                to = query.get("To", [""])[0]
                with fake.lock:
                    found = [{**m, "status": "sent"} for m in fake.accepted if m["to"] == to]
                self._reply(200, {"messages": found[-50:], "next_page_uri": None, "page": 0, "page_size": 50})

        return Handler
