"""The load bench in small: real gunicorn workers, many respondents at once, and a kill -9.

Every acknowledged submission (the confirmation page with its receipt code arrived) must be
in the database exactly once, with all its answers, also when a worker and the master were
killed mid-run. Throughput is measured by `bench.load` but never asserted here.
"""

from __future__ import annotations

import os

import pytest

from bench import load

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def _run(backend: str, kill: bool) -> load.Result:
    postgres = os.environ["TEST_DATABASE_URL"] if backend == "postgresql" else None
    return load.run(
        postgres_url=postgres,
        respondents=int(os.environ.get("LOAD_TEST_RESPONDENTS", "150")),
        concurrency=8,
        kill=kill,
        bare_requests=40,
        log=lambda _line: None,
    )


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("kill", [False, True], ids=["steady", "kill-9"])
def test_every_acknowledged_submission_is_stored_exactly_once(backend: str, kill: bool) -> None:
    result = _run(backend, kill)

    assert result.acknowledged > 0
    assert result.lost == 0
    assert result.acknowledged == result.stored == result.submitted_rows
    assert result.duplicates == 0
    assert result.incomplete == 0
    assert result.mismatched_receipts == 0
    if kill:
        assert len(result.events) == 2


def test_a_database_outage_gives_a_clear_503_not_a_500(app, client, monkeypatch) -> None:
    from sqlalchemy import Engine

    from consult.extensions import db

    with app.app_context():
        driver_error = db.engine.dialect.loaded_dbapi.OperationalError
        sqlite = db.engine.dialect.name == "sqlite"

    def unreachable(*args, **kwargs):
        # What the driver raises when the server restarts, or SQLite stays locked too long.
        raise driver_error("database is locked" if sqlite else "connection refused")

    # Every way to the database (sessions, connections, quick reads) takes one from the pool.
    monkeypatch.setattr(Engine, "raw_connection", unreachable)

    reply = client.get("/c/anything", headers={"Accept-Language": "en"})

    assert reply.status_code == 503
    assert reply.headers["Retry-After"]
    assert "Please try again in a moment" in reply.get_data(as_text=True)
