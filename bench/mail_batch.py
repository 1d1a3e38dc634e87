"""How long the "send invitations" request holds a web worker, against the batch itself.

    .venv/bin/python -m bench.mail_batch [--recipients 500] [--delay 0.01]

A local SMTP sink (aiosmtpd) takes each message after `--delay` seconds, like a mail server
on the network. The request only records the job and hands it to the queue; the batch runs
in the embedded worker thread. Prints `request_s=`, `batch_s=` (request start to the last
mail accepted) and `ratio=<request/batch>`: the share of the batch a web worker waits for
(before jobs it was 1.0, the whole batch inside the request).
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import time

from aiosmtpd.controller import Controller

from bench.common import fresh_database

PASSWORD = "correct-horse-battery"


class SlowInbox:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook)
        await asyncio.sleep(self.delay)
        self.count += 1
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=500)
    parser.add_argument("--delay", type=float, default=0.01, help="seconds per message")
    args = parser.parse_args()

    from consult import create_app
    from consult.extensions import db
    from surveys.administration import users
    from surveys.answering import responses
    from surveys.jobs import JobStatus
    from surveys.models import Job
    from tests.conftest import build_consultation

    inbox = SlowInbox(args.delay)
    smtp = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    smtp.start()
    try:
        with fresh_database() as url:
            app = create_app(
                {
                    "TESTING": True,
                    "SECRET_KEY": "bench-" * 8,
                    "SQLALCHEMY_DATABASE_URI": url,
                    "WTF_CSRF_ENABLED": False,
                    "PUBLIC_BASE_URL": "https://consult.example",
                    "MAIL_SERVER": "127.0.0.1",
                    "MAIL_PORT": smtp.port,
                    "MAIL_USE_TLS": False,
                }
            )
            with app.app_context():
                consultation = build_consultation("bench-mail", languages=("de", "ar"))
                db.session.add(consultation)
                db.session.flush()
                for n in range(args.recipients):
                    responses.create_invitation(
                        db.session,
                        consultation,
                        name=f"Person {n}",
                        email=f"person{n}@example.org",
                        language="ar" if n % 2 else "de",
                    )
                users.create_user(db.session, "bench@example.org", PASSWORD, ("author",))
                db.session.commit()
                consultation_id = consultation.id
            client = app.test_client()
            client.post("/auth/sign-in", data={"email": "bench@example.org", "password": PASSWORD})

            start = time.perf_counter()
            response = client.post(f"/staff/consultations/{consultation_id}/invitations/send")
            request_s = time.perf_counter() - start
            assert response.status_code == 302, response.status_code
            app.extensions["consult_jobs"].wait_idle(timeout=3600)
            batch_s = time.perf_counter() - start
            with app.app_context():
                job = db.session.scalars(db.select(Job)).one()
                assert job.status == JobStatus.DONE, (job.status, job.error)
                db.engine.dispose()
            assert inbox.count == args.recipients, inbox.count
    finally:
        smtp.stop()
    print(f"recipients={args.recipients} delay_s={args.delay}")
    print(f"request_s={request_s:.3f} batch_s={batch_s:.3f} ratio={request_s / batch_s:.4f}")


if __name__ == "__main__":
    main()
