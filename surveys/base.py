"""Declarative base, naming convention and the column types every model shares."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names let migrations drop and alter constraints on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every model; Flask-SQLAlchemy's `db` is built on it so both share metadata."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use datetime.now(UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# Content translations: {locale: text}. MutableDict makes `q.prompt["ar"] = "..."` persist.
Translated = MutableDict.as_mutable(JSON)
JSONList = MutableList.as_mutable(JSON)
JSONDict = MutableDict.as_mutable(JSON)


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


RECENTLY_USED = 0.5  # seconds


def prepare_engine(engine: Any) -> None:
    """Per-connection settings of `engine`: SQLite's pragmas, or a liveness check for servers.

    SQLite gets WAL, a busy timeout and enforced foreign keys on every connection.

    A server database can restart or drop idle connections, so every connection is checked
    when it leaves the pool and replaced if it died: requests never see a dead connection.
    SQLAlchemy's `pool_pre_ping` does the same, but its ping opens a transaction (BEGIN and
    SELECT 1, two round trips, and a transaction that the request then carries along); this
    one pings in autocommit, one round trip, and leaves the connection idle. A connection
    that came back to the pool within `RECENTLY_USED` seconds worked a moment ago and is
    not pinged again (HikariCP skips its check in the same way, within 500 ms).
    """
    from sqlalchemy import event
    from sqlalchemy.exc import DisconnectionError

    if engine.dialect.name != "sqlite":

        @event.listens_for(engine, "checkin")
        def _returned(_dbapi_connection: Any, record: Any) -> None:
            if record is not None:
                record.info["returned"] = time.monotonic()

        @event.listens_for(engine, "checkout")
        def _check_alive(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
            if time.monotonic() - record.info.get("returned", -RECENTLY_USED) < RECENTLY_USED:
                return
            try:
                with autocommit(dbapi_connection):
                    cursor = dbapi_connection.cursor()
                    cursor.execute("SELECT 1")
                    cursor.close()
            except engine.dialect.loaded_dbapi.Error as error:
                raise DisconnectionError(str(error)) from error  # the pool connects anew

        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


@contextmanager
def autocommit(dbapi_connection: Any) -> Iterator[None]:
    """Run statements on an idle DBAPI connection without opening a transaction.

    psycopg would send BEGIN before the first statement (a round trip, and a transaction
    to end later); Python's sqlite3 opens none for reads anyway.
    """
    if getattr(dbapi_connection, "autocommit", None) is not False:
        yield
        return
    dbapi_connection.autocommit = True
    try:
        yield
    finally:
        if not getattr(dbapi_connection, "closed", False):
            dbapi_connection.autocommit = False
