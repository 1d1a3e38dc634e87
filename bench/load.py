"""Load and faults: many respondents answer and submit at once through the real pages.

    .venv/bin/python -m bench.load [--respondents 300] [--concurrency 8]
        [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--kill] [--restart-postgres]

Starts gunicorn (2 sync workers) on a fresh database with a three-page questionnaire, then
simulated respondents (threads, each with its own cookies) open the landing page, start,
answer every page, review and submit, exactly as a browser does: the CSRF token is read
from each form. A submission counts as *acknowledged* when the confirmation page with its
receipt code arrived. Some respondents send the submit twice at once, some again after the
confirmation; every client retries on connection errors and 5xx answers (bounded).

Afterwards the database must hold exactly the acknowledged responses: as many submitted
rows as acknowledgements, each receipt code's hash present once, every answer row there.

The yardstick is `bench.bare_app`, a bare Flask endpoint under the same gunicorn settings
that inserts the same rows (a response and its answers) with SQLAlchemy Core. Throughputs
are compared per request (a Consult request against one bare insert) and, for the record,
per stored response (a respondent's journey is eleven requests, the bare insert one).

`--kill` kills one gunicorn worker with SIGKILL after a third of the submissions, and the
master (with its workers) after two thirds, then starts gunicorn again. `--restart-postgres`
restarts the PostgreSQL cluster half-way (`pg_ctlcluster --skip-systemctl-redirect VERSION
CLUSTER restart`, the cluster found in /etc/postgresql by the URL's port: point it at a
cluster of its own, e.g. `pg_createcluster 15 loadbench --port 5433`, when others share
the main one). The last line is

    acknowledged=<n> stored=<n> duplicates=<n> ratio=<consult/bare> p95_ms=<ms>

Only 127.0.0.1 is contacted; every loop and wait is bounded, and the run stops by itself.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from http.cookies import SimpleCookie
from pathlib import Path

import sqlalchemy as sa

from bench.common import fresh_database

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SLUG = "load-test"
WORKERS = 2
REQUEST_TIMEOUT = 30.0
ATTEMPTS = 12  # per step, with growing pauses: rides out a restart of gunicorn or PostgreSQL
RUN_DEADLINE = 900.0  # seconds; respondents still busy then give up (and count as lost)
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
RECEIPT = re.compile(r'<p class="code" dir="ltr" translate="no">([A-Z0-9-]+)</p>')

# What every respondent answers, page by page: (code, kind, required, posted values).
PLAN = [
    [
        ("housing", "single_choice", True, ["o2"]),
        ("support", "multiple_choice", False, ["o1", "o3"]),
        ("satisfaction", "scale", True, ["4"]),
    ],
    [
        ("volunteer", "yes_no", True, ["yes"]),
        ("district", "short_text", False, ["Nordstadt"]),
        ("families", "number", False, ["12"]),
    ],
    [
        ("wishes", "long_text", True, ["Mehr Sprachkurse am Abend. دورات لغة مسائية."]),
    ],
]
ANSWER_ROWS = sum(len(values) for page in PLAN for _code, _kind, _req, values in page)
JOURNEY_REQUESTS = 2 + 2 * len(PLAN) + 3  # landing, start, pages, review, submit, done


class Failed(Exception):
    """A step that still failed after every retry."""


# --- the database and the questionnaire -----------------------------------------------------


def build(url: str) -> tuple[int, int, list[int]]:
    """The published questionnaire of PLAN and a second consultation for the bare rows."""
    from consult import create_app
    from consult.extensions import db
    from surveys.base import utcnow
    from surveys.models import Consultation, Option, Question, Section, StakeholderGroup

    app = create_app({"TESTING": True, "SECRET_KEY": "bench-" * 8, "SQLALCHEMY_DATABASE_URI": url})
    now = utcnow()
    ids = []
    with app.app_context():
        for slug in (SLUG, "load-bare"):
            consultation = Consultation(
                slug=slug,
                title={"de": "Lasttest", "ar": "اختبار التحميل"},
                languages=["de", "ar"],
                status="published",
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=30),
            )
            consultation.groups.append(
                StakeholderGroup(code="volunteers", label={"de": "Ehrenamt", "ar": "متطوعون"})
            )
            for number, page in enumerate(PLAN, start=1):
                section = Section(title={"de": f"Teil {number}", "ar": f"الجزء {number}"})
                consultation.sections.append(section)
                for code, kind, required, _values in page:
                    question = Question(
                        code=code,
                        kind=kind,
                        required=required,
                        prompt={"de": f"Frage {code}", "ar": f"سؤال {code}"},
                        settings={"min": 1, "max": 5} if kind == "scale" else {},
                    )
                    section.questions.append(question)
                    if kind in ("single_choice", "multiple_choice"):
                        for n in range(1, 6):
                            question.options.append(
                                Option(code=f"o{n}", label={"de": f"Option {n}"})
                            )
            db.session.add(consultation)
            db.session.commit()
            ids.append((consultation.id, [q.id for q in consultation.questions]))
        db.session.remove()  # give the connection back before the pool is closed
        db.engine.dispose()
    (consult_id, _), (bare_id, bare_questions) = ids
    # The bare insert writes as many answer rows as a respondent: repeat question ids.
    bare_question_ids = [bare_questions[i % len(bare_questions)] for i in range(ANSWER_ROWS)]
    return consult_id, bare_id, bare_question_ids


# --- gunicorn -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """One gunicorn master with its workers, started (and restarted) on a fixed port."""

    def __init__(self, app: str, port: int, env: dict[str, str], log: Path) -> None:
        self.app, self.port, self.env, self.log = app, port, env, log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--workers",
                    str(WORKERS),
                    "--bind",
                    f"{HOST}:{self.port}",
                    "--timeout",
                    "60",
                    "--graceful-timeout",
                    "5",
                    self.app,
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_ready()

    def wait_ready(self, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log}")
            if len(self.workers()) >= WORKERS:
                try:
                    with socket.create_connection((HOST, self.port), timeout=1):
                        return
                except OSError:
                    pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not start within {seconds:.0f} s; see {self.log}")

    def workers(self) -> list[int]:
        if self.process is None:
            return []
        pid = self.process.pid
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        return [int(child) for child in children]

    def kill_worker(self) -> int | None:
        workers = self.workers()
        if not workers:
            return None
        os.kill(workers[0], signal.SIGKILL)
        return workers[0]

    def kill_master(self) -> None:
        """SIGKILL the master, then its orphaned workers (they would hold the port)."""
        assert self.process is not None
        workers = self.workers()
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        for pid in workers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in workers:
            deadline = time.monotonic() + 10
            while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill_master()


# --- a simulated respondent -----------------------------------------------------------------


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    requests: int = 0
    retries: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    acknowledged: list[str] = field(default_factory=list)
    mismatched_receipts: int = 0
    lost: int = 0

    def timing(self, seconds: float) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.requests += 1

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1
            self.retries += 1


class Client:
    """A browser of one respondent: its own cookies, manual redirects, CSRF from each form."""

    def __init__(self, port: int, stats: Stats, deadline: float) -> None:
        self.port, self.stats, self.deadline = port, stats, deadline
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()

    def request(
        self, method: str, path: str, form: list[tuple[str, str]] | None = None
    ) -> tuple[int, str, str]:
        """One request; returns (status, location, body). Raises OSError on network errors."""
        body = urllib.parse.urlencode(form or []).encode() if method == "POST" else None
        with self.lock:
            cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        headers = {"Accept-Language": "de", "Connection": "close"}
        if cookie:
            headers["Cookie"] = cookie
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            reply = conn.getresponse()
            text = reply.read().decode("utf-8", "replace")
        finally:
            conn.close()
        self.stats.timing(time.perf_counter() - started)
        for header in reply.headers.get_all("Set-Cookie") or []:
            parsed = SimpleCookie()
            parsed.load(header)
            with self.lock:
                for name, morsel in parsed.items():
                    self.cookies[name] = morsel.value
        location = urllib.parse.urlsplit(reply.headers.get("Location", "")).path
        return reply.status, location, text

    def retrying(self, step: Callable[[], str], what: str) -> str:
        """Run `step` until it succeeds; connection errors and 5xx are retried (bounded)."""
        for attempt in range(ATTEMPTS):
            if time.monotonic() > self.deadline:
                break
            try:
                return step()
            except (OSError, http.client.HTTPException) as error:
                self.stats.error(f"{what}: {type(error).__name__}")
            except Retry as error:
                self.stats.error(f"{what}: HTTP {error.status}")
            time.sleep(min(0.05 * 2**attempt, 2.0))
        raise Failed(what)

    def form_page(self, path: str) -> str:
        status, location, body = self.request("GET", path)
        check(status, body, 200, path)
        return CSRF.search(body).group(1)


class Retry(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def check(status: int, body: str, expected: int, what: str) -> None:
    if status >= 500 or status == 429:
        raise Retry(status)
    if status != expected:
        raise AssertionError(f"{what}: HTTP {status}, expected {expected}: {body[:300]}")


def journey(client: Client, index: int) -> str | None:
    """One respondent from the landing page to the confirmation; returns the receipt code."""
    base = f"/c/{SLUG}"

    def start() -> str:
        token = client.form_page(base)
        status, location, body = client.request(
            "POST", f"{base}/start", [("csrf_token", token), ("group", "volunteers")]
        )
        check(status, body, 302, "start")
        return location

    client.retrying(start, "start")
    for number, page in enumerate(PLAN, start=1):
        path = f"{base}/p/{number}"

        def answer(path: str = path, page: list = page) -> str:
            token = client.form_page(path)
            form = [("csrf_token", token), ("action", "next")]
            form += [(code, value) for code, _kind, _req, values in page for value in values]
            status, location, body = client.request("POST", path, form)
            check(status, body, 302, path)
            return location

        client.retrying(answer, f"page {number}")

    def submit() -> str:
        status, location, body = client.request("GET", f"{base}/review")
        if status == 302 and location.endswith("/done"):
            return confirmation()  # an earlier attempt was stored, its reply lost
        check(status, body, 200, "review")
        token = CSRF.search(body).group(1)
        if index % 10 == 3:
            # A double click: two submits at the same moment with the same cookies.
            with ThreadPoolExecutor(2) as pool:
                results = list(
                    pool.map(
                        lambda _: client.request("POST", f"{base}/submit", [("csrf_token", token)]),
                        range(2),
                    )
                )
            for status, _location, body in results:
                check(status, body, 302, "double submit")
        else:
            status, _location, body = client.request(
                "POST", f"{base}/submit", [("csrf_token", token)]
            )
            check(status, body, 302, "submit")
        return confirmation()

    def confirmation() -> str:
        status, _location, body = client.request("GET", f"{base}/done")
        check(status, body, 200, "done")
        found = RECEIPT.search(body)
        if found is None:
            raise AssertionError("confirmation without a receipt code")
        return found.group(1)

    receipt = client.retrying(submit, "submit")
    with client.stats.lock:
        client.stats.acknowledged.append(receipt)
    if index % 10 == 7:
        # Back button and send again after the confirmation: the same receipt, no new row.
        def again() -> str:
            status, location, body = client.request("GET", f"{base}/review")
            if status == 200 and CSRF.search(body):
                token = CSRF.search(body).group(1)
                status, location, body = client.request(
                    "POST", f"{base}/submit", [("csrf_token", token)]
                )
                check(status, body, 302, "submit again")
            return confirmation()

        repeated = client.retrying(again, "submit again")
        if repeated != receipt:
            with client.stats.lock:
                client.stats.mismatched_receipts += 1
    return receipt


# --- the run --------------------------------------------------------------------------------


@dataclass
class Result:
    acknowledged: int
    stored: int
    duplicates: int
    submitted_rows: int
    unacknowledged_stored: int
    incomplete: int
    mismatched_receipts: int
    lost: int
    consult_rps: float
    consult_responses_per_s: float
    bare_rps: float
    ratio: float
    response_ratio: float
    p95_ms: float
    retries: int
    errors: dict[str, int]
    events: list[str]

    @property
    def line(self) -> str:
        return (
            f"acknowledged={self.acknowledged} stored={self.stored} "
            f"duplicates={self.duplicates} ratio={self.ratio:.2f} p95_ms={self.p95_ms:.0f}"
        )


def postgres_restart_command(url: str) -> list[str]:
    """Restart the local cluster (Debian's pg_ctlcluster) that listens on the URL's port."""
    port = sa.make_url(url).port or 5432
    for path in sorted(Path("/etc/postgresql").glob("*/*/postgresql.conf")):
        found = re.search(r"^\s*port\s*=\s*(\d+)", path.read_text(), re.MULTILINE)
        if found and int(found.group(1)) == port:
            version, cluster = path.parent.parent.name, path.parent.name
            return ["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "restart"]
    raise RuntimeError(f"no PostgreSQL cluster in /etc/postgresql listens on port {port}")


def run_respondents(
    port: int,
    respondents: int,
    concurrency: int,
    stats: Stats,
    on_progress: Callable[[int], None] | None = None,
) -> float:
    deadline = time.monotonic() + RUN_DEADLINE

    def one(index: int) -> None:
        try:
            journey(Client(port, stats, deadline), index)
        except Failed:
            with stats.lock:
                stats.lost += 1
        if on_progress is not None:
            with stats.lock:
                done = len(stats.acknowledged) + stats.lost
            on_progress(done)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(one, i) for i in range(respondents)]:
            future.result()
    return time.perf_counter() - started


def run_bare(port: int, requests: int, concurrency: int) -> float:
    def one(_: int) -> None:
        for _attempt in range(ATTEMPTS):
            conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
            try:
                conn.request(
                    "POST",
                    "/insert",
                    body=b"language=de",
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
                reply = conn.getresponse()
                reply.read()
                if reply.status == 201:
                    return
            except (OSError, http.client.HTTPException):
                pass
            finally:
                conn.close()
            time.sleep(0.05)
        raise Failed("bare insert")

    for i in range(10):  # warm up
        one(i)
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(requests)))
    return requests / (time.perf_counter() - started)


def verify(url: str, consultation_id: int, receipts: list[str]) -> dict[str, int]:
    from surveys.answering.responses import RECEIPT as PURPOSE
    from surveys.answering.responses import normalise_code
    from surveys.credentials import token_hash

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT r.receipt_hash, COUNT(a.id) FROM response r "
                    "LEFT JOIN answer a ON a.response_id = r.id "
                    "WHERE r.consultation_id = :id AND r.status = 'submitted' "
                    "GROUP BY r.id, r.receipt_hash"
                ),
                {"id": consultation_id},
            ).all()
    finally:
        engine.dispose()
    acknowledged = {token_hash(normalise_code(code), PURPOSE) for code in receipts}
    hashes = [row[0] for row in rows]
    return {
        "submitted_rows": len(rows),
        "stored": len(acknowledged & set(hashes)),
        # Two rows with one receipt, or one respondent acknowledged twice with two codes.
        "duplicates": (len(hashes) - len(set(hashes))) + (len(receipts) - len(set(receipts))),
        "unacknowledged_stored": len(set(hashes) - acknowledged),
        "incomplete": sum(1 for row in rows if row[1] != ANSWER_ROWS),
    }


def run(
    postgres_url: str | None = None,
    respondents: int = 300,
    concurrency: int = 8,
    kill: bool = False,
    restart_postgres: bool = False,
    bare_requests: int | None = None,
    log: Callable[[str], None] = print,
) -> Result:
    """The whole benchmark; returns its figures (the tests call this)."""
    if restart_postgres and not postgres_url:
        raise ValueError("--restart-postgres needs --postgres")
    with fresh_database(postgres_url) as url:
        consult_id, bare_id, bare_questions = build(url)
        log_dir = Path(tempfile.mkdtemp(prefix="consult-load-"))
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("CONSULT_", "BENCH_", "FLASK_"))
        }
        port, bare_port = free_port(), free_port()
        env.update(
            CONSULT_DATABASE_URL=url,
            CONSULT_SECRET_KEY="load-bench-" * 4,
            CONSULT_PUBLIC_BASE_URL=f"http://{HOST}:{port}",
            CONSULT_SESSION_COOKIE_SECURE="false",
            CONSULT_SUBMIT_RATE_LIMIT="1000000 per minute",
            CONSULT_LOOKUP_RATE_LIMIT="1000000 per minute",
            BENCH_DATABASE_URL=url,
            BENCH_CONSULTATION_ID=str(bare_id),
            BENCH_QUESTION_IDS=",".join(map(str, bare_questions)),
        )
        consult = Server("wsgi:app", port, env, log_dir / f"consult-load-{port}.log")
        bare = Server("bench.bare_app:app", bare_port, env, log_dir / f"consult-bare-{port}.log")
        stats = Stats()
        events: list[str] = []
        fired: set[str] = set()
        fault_lock = threading.Lock()

        def faults(done: int) -> None:
            with fault_lock:
                if kill and done >= respondents // 3 and "worker" not in fired:
                    fired.add("worker")
                    pid = consult.kill_worker()
                    events.append(f"killed worker {pid} after {done} respondents")
                if restart_postgres and done >= respondents // 2 and "pg" not in fired:
                    fired.add("pg")
                    subprocess.run(
                        postgres_restart_command(url), check=True, timeout=120, capture_output=True
                    )
                    events.append(f"restarted PostgreSQL after {done} respondents")
                if kill and done >= 2 * respondents // 3 and "master" not in fired:
                    fired.add("master")
                    consult.kill_master()
                    consult.start()
                    events.append(
                        f"killed the master and its workers after {done} respondents; restarted"
                    )

        try:
            consult.start()
            log(f"consult: gunicorn {WORKERS} workers on {HOST}:{port}, {url.split(':')[0]}")
            seconds = run_respondents(port, respondents, concurrency, stats, faults)
            consult.stop()
            bare.start()
            bare_rps = run_bare(bare_port, bare_requests or respondents * 4, concurrency)
        finally:
            consult.stop()
            bare.stop()
        figures = verify(url, consult_id, stats.acknowledged)
    if figures["stored"] == len(stats.acknowledged) == figures["submitted_rows"]:
        shutil.rmtree(log_dir, ignore_errors=True)
    else:
        log(f"gunicorn logs kept in {log_dir}")
    latencies = sorted(stats.latencies) or [0.0]
    consult_rps = stats.requests / seconds
    responses_per_s = len(stats.acknowledged) / seconds
    return Result(
        acknowledged=len(stats.acknowledged),
        mismatched_receipts=stats.mismatched_receipts,
        lost=stats.lost,
        consult_rps=consult_rps,
        consult_responses_per_s=responses_per_s,
        bare_rps=bare_rps,
        ratio=consult_rps / bare_rps,
        response_ratio=responses_per_s / bare_rps,
        p95_ms=latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        retries=stats.retries,
        errors=stats.errors,
        events=events,
        **figures,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL server (default SQLite)")
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--kill", action="store_true", help="SIGKILL a worker, then the master")
    parser.add_argument("--restart-postgres", action="store_true")
    parser.add_argument("--bare-requests", type=int, help="default: 4 per respondent")
    args = parser.parse_args()
    result = run(
        postgres_url=args.postgres,
        respondents=args.respondents,
        concurrency=args.concurrency,
        kill=args.kill,
        restart_postgres=args.restart_postgres,
        bare_requests=args.bare_requests,
    )
    for event in result.events:
        print(f"fault: {event}")
    if result.errors:
        print("retried: " + ", ".join(f"{k} ×{v}" for k, v in sorted(result.errors.items())))
    print(
        f"consult  {result.consult_rps:8.1f} requests/s  "
        f"{result.consult_responses_per_s:7.1f} responses/s ({JOURNEY_REQUESTS} requests each)"
    )
    print(f"bare     {result.bare_rps:8.1f} requests/s = responses/s (one insert each)")
    print(
        f"submitted rows={result.submitted_rows} unacknowledged_stored="
        f"{result.unacknowledged_stored} incomplete={result.incomplete} lost={result.lost} "
        f"receipt_changed={result.mismatched_receipts} per_response_ratio="
        f"{result.response_ratio:.3f}"
    )
    print(result.line)
    ok = (
        result.acknowledged == result.stored == result.submitted_rows
        and result.duplicates == 0
        and result.incomplete == 0
        and result.mismatched_receipts == 0
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
