"""Consistent backups and restores of the SQLite or PostgreSQL database, while the app runs."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """A backup or restore could not be done; the message says why."""


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up.")
    return Path(url.database)


def _pg_command(tool: str, url: URL) -> tuple[list[str], dict[str, str]]:
    """The PostgreSQL tool and an environment carrying the password (never the command line)."""
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client).")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    target = url.set(drivername="postgresql", password=None).render_as_string()
    return [executable, f"--dbname={target}"], env


def backup(database_url: str, out: Path) -> None:
    """Write a consistent copy of the database to `out`."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(_sqlite_path(url))
        target = sqlite3.connect(out)
        try:
            # The online backup API copies a consistent snapshot while others keep writing.
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
        return
    if url.get_backend_name() == "postgresql":
        command, env = _pg_command("pg_dump", url)
        result = subprocess.run(
            [*command, "--format=custom", "--no-owner", f"--file={out}"],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return
    raise BackupError(f"Backups are not supported for {url.get_backend_name()}.")


def restore(database_url: str, source: Path) -> None:
    """Replace the database's contents with the backup in `source`."""
    url = make_url(database_url)
    with source.open("rb") as handle:
        magic = handle.read(16)
    if url.get_backend_name() == "sqlite":
        if not magic.startswith(SQLITE_MAGIC):
            raise BackupError(f"{source} is not a SQLite backup.")
        backup_db = sqlite3.connect(source)
        live = sqlite3.connect(_sqlite_path(url))
        try:
            with live:
                backup_db.backup(live)
        finally:
            live.close()
            backup_db.close()
        return
    if url.get_backend_name() == "postgresql":
        if not magic.startswith(PG_DUMP_MAGIC):
            raise BackupError(f"{source} is not a PostgreSQL backup made by consult backup.")
        command, env = _pg_command("pg_restore", url)
        result = subprocess.run(
            [*command, "--clean", "--if-exists", "--no-owner", "--single-transaction", str(source)],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        return
    raise BackupError(f"Restores are not supported for {url.get_backend_name()}.")
