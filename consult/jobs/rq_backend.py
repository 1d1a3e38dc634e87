"""The production queue: RQ on Redis (REDIS_URL). `consult worker` runs the worker.

RQ carries only the job's id; a job enqueued while Redis was down is still queued in the
database and runs when a worker starts (it first runs every due job) or on `consult jobs run`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask, current_app, has_app_context

from consult.health import add_readiness_check

JOB_TIMEOUT = 6 * 3600  # a batch of 5,000 mails at a slow server still fits
_worker_app: Flask | None = None


def connection(app: Flask) -> Any:
    from redis import Redis

    url = app.config.get("JOBS_REDIS_URL") or app.config.get("REDIS_URL")
    if not url:
        raise RuntimeError("JOBS_BACKEND is rq but neither JOBS_REDIS_URL nor REDIS_URL is set")
    timeout = float(app.config.get("JOBS_REDIS_TIMEOUT", 2))
    return Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)


def perform(job_id: int) -> None:
    """What the RQ worker calls: run our job inside the application."""
    from consult.jobs.runner import run_job

    global _worker_app
    if has_app_context():
        run_job(job_id)
        return
    if _worker_app is None:
        from consult import create_app

        _worker_app = create_app()
    with _worker_app.app_context():
        run_job(job_id)


class RQBackend:
    name = "rq"

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.queue_name = app.config.get("JOBS_QUEUE") or "consult"
        self._queue: Any = None

    def init_app(self, app: Flask) -> None:
        add_readiness_check(app, "queue", self.check)

    def queue(self) -> Any:
        if self._queue is None:
            from rq import Queue

            self._queue = Queue(self.queue_name, connection=connection(self.app))
        return self._queue

    def enqueue(self, job_id: int) -> None:
        self.queue().enqueue(perform, job_id, job_timeout=JOB_TIMEOUT)

    def schedule(self, job_id: int, seconds: float) -> None:
        self.queue().enqueue_in(
            timedelta(seconds=seconds), perform, job_id, job_timeout=JOB_TIMEOUT
        )

    def check(self) -> str | None:
        """Readiness: Redis answers a ping."""
        from redis.exceptions import RedisError

        try:
            connection(self.app).ping()
        except (RedisError, OSError) as error:
            return type(error).__name__
        return None

    def work(self, burst: bool = False) -> None:
        """Run an RQ worker in this process (no fork: the app and its pool stay here)."""
        from rq import SimpleWorker

        from consult.jobs.runner import run_due

        with current_app.app_context():
            run_due()  # jobs enqueued while Redis was away, or left by a killed worker
        worker = SimpleWorker([self.queue()], connection=self.queue().connection)
        with current_app.app_context():
            worker.work(burst=burst, with_scheduler=True)
