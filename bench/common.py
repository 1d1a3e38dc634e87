"""Shared pieces of the benchmarks: a fresh migrated database, timing and memory figures."""

from __future__ import annotations

import resource
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa


def peak_rss_mb() -> float:
    """The peak resident memory of this process (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def fresh_database(postgres_url: str | None = None) -> Iterator[str]:
    """A new, migrated database (SQLite in a temp dir, or a new PostgreSQL database)."""
    from flask_migrate import upgrade

    from consult import create_app
    from consult.extensions import db

    with tempfile.TemporaryDirectory() as tmp:
        if postgres_url:
            name = f"consult_bench_{uuid.uuid4().hex[:10]}"
            base = sa.make_url(postgres_url).set(drivername="postgresql+psycopg")
            admin = sa.create_engine(
                base.set(database="postgres"), isolation_level="AUTOCOMMIT", pool_pre_ping=True
            )
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
            url = base.set(database=name).render_as_string(hide_password=False)
        else:
            admin = None
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        app = create_app(
            {"TESTING": True, "SECRET_KEY": "bench-" * 8, "SQLALCHEMY_DATABASE_URI": url}
        )
        with app.app_context():
            upgrade()
            db.engine.dispose()
        try:
            yield url
        finally:
            if admin is not None:
                with admin.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


class Stopwatch:
    """Named stages with their durations, printed one line per stage."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.stages[name] = time.perf_counter() - start
        print(
            f"{name:<28} {self.stages[name]:8.2f} s   peak_rss={peak_rss_mb():.0f} MB", flush=True
        )

    @property
    def total(self) -> float:
        return sum(self.stages.values())
