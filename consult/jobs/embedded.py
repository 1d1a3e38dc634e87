"""The default queue: one worker thread inside the app process, nothing to install.

The thread starts when a job is enqueued (and, outside tests, on a request while jobs wait
from before a restart), runs every due job, sleeps until woken or until a retry is due, and
ends when no job is waiting. Several processes may each run one: claiming a job is atomic.
"""

from __future__ import annotations

import threading
import time

from flask import Flask
from sqlalchemy import func, select

from consult.extensions import db
from consult.jobs.runner import run_due
from surveys.jobs import JobStatus
from surveys.models import Job


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.poll = float(app.config.get("JOBS_POLL_SECONDS", 5))
        self.last_check = 0.0

    def init_app(self, app: Flask) -> None:
        if not app.config.get("TESTING"):
            app.before_request(self._resume_after_restart)

    def _resume_after_restart(self) -> None:
        # At most one look per poll interval, only while no thread runs.
        if self._alive() or time.monotonic() - self.last_check < self.poll:
            return
        self.last_check = time.monotonic()
        self.start()

    def _alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> None:
        with self.lock:
            if not self._alive() and not self.stopping.is_set():
                self.thread = threading.Thread(target=self._loop, name="consult-jobs", daemon=True)
                self.thread.start()

    def enqueue(self, job_id: int) -> None:
        self.start()
        self.wake.set()

    def schedule(self, job_id: int, seconds: float) -> None:
        # The loop keeps polling while a job waits for its retry.
        self.start()

    def _waiting(self) -> int:
        return db.session.execute(
            select(func.count(Job.id)).where(Job.status.in_((JobStatus.QUEUED, JobStatus.RUNNING)))
        ).scalar_one()

    def _loop(self) -> None:
        while not self.stopping.is_set():
            self.wake.clear()
            try:
                with self.app.app_context():
                    run_due()
                    waiting = self._waiting()
                    db.session.remove()
            except Exception:
                self.app.logger.exception("the job thread failed; it tries again")
                waiting = 1
            if not waiting:
                with self.lock:
                    if not self.wake.is_set():
                        self.thread = None
                        self._close_connections()
                        return
                continue
            self.wake.wait(self.poll)
        with self.lock:
            self.thread = None
        self._close_connections()

    def _close_connections(self) -> None:
        # The pool may hold connections this thread opened; close them rather than leave
        # them to the garbage collector (requests in flight keep theirs).
        try:
            with self.app.app_context():
                db.engine.dispose()
        except Exception:
            self.app.logger.exception("closing the job thread's connections failed")

    def stop(self, timeout: float = 10) -> None:
        """End the thread after the job in hand, before the database goes away (tests, shutdown)."""
        self.stopping.set()
        self.wake.set()
        thread = self.thread
        if thread is not None:
            thread.join(timeout)

    def wait_idle(self, timeout: float = 10) -> bool:
        """Wait until the thread has nothing left to do (for tests and the benchmark)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            thread = self.thread
            if thread is None or not thread.is_alive():
                return True
            thread.join(min(0.05, max(deadline - time.monotonic(), 0)))
        return False
