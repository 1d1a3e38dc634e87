"""Background jobs: the web enqueues a job's id, a worker runs it; state lives in the database.

Two backends, chosen by JOBS_BACKEND:
- "embedded" (default): a worker thread inside the app process; nothing to install.
- "rq": RQ on Redis (REDIS_URL); `consult worker` runs the worker process.
Either way `consult jobs run` runs every due job once (after a crash, or from cron).
"""

from __future__ import annotations

from typing import Any, Protocol

from flask import Flask, current_app

from consult.jobs.runner import run_due, run_job

__all__ = ["backend", "enqueue", "init_app", "run_due", "run_job"]
_KEY = "consult_jobs"


class Backend(Protocol):
    def enqueue(self, job_id: int) -> None: ...

    def schedule(self, job_id: int, seconds: float) -> None: ...


def backend(app: Flask | None = None) -> Any:
    return (app or current_app).extensions[_KEY]


def enqueue(job_id: int) -> None:
    """Hand a committed job to the queue; if that fails the job waits for the next worker run."""
    try:
        backend().enqueue(job_id)
    except Exception:  # the job is safe in the database; a worker's start picks it up
        current_app.logger.exception("could not enqueue job %s", job_id)


def init_app(app: Flask) -> None:
    name = app.config.get("JOBS_BACKEND") or "embedded"
    if name == "rq":
        from consult.jobs.rq_backend import RQBackend

        app.extensions[_KEY] = RQBackend(app)
    else:
        from consult.jobs.embedded import EmbeddedBackend

        app.extensions[_KEY] = EmbeddedBackend(app)
    app.extensions[_KEY].init_app(app)
