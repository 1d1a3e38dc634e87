"""Consistent backups and restores of the SQLite or PostgreSQL database, while the app runs."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
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


def backup(database_url: str, out: Path, *, force: bool = False) -> None:
    """Write a consistent copy of the database to `out`, readable by its owner only.

    An existing file is replaced only with `force`; the copy is written beside it first
    and moved into place when complete, so a failed backup never destroys an older one.
    """
    out = Path(out)
    if out.is_dir():
        raise BackupError(f"{out} is a folder: name a file in it, e.g. {out / 'consult.backup'}")
    if out.exists() and not force:
        raise BackupError(
            f"{out} exists already: choose another name, or add --force to replace it."
        )
    folder = out.parent
    if not folder.is_dir():
        raise BackupError(f"The folder {folder} does not exist.")
    try:
        # mkstemp creates the file for its owner only (mode 0600), before any data is in it.
        handle, temporary = tempfile.mkstemp(prefix=".consult-backup-", dir=folder)
    except OSError as error:
        raise BackupError(f"Cannot write into {folder}: {error.strerror}.") from None
    os.close(handle)
    try:
        _write_backup(make_url(database_url), Path(temporary))
        os.chmod(temporary, 0o600)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_backup(url: URL, out: Path) -> None:
    if url.get_backend_name() == "sqlite":
        try:
            source = sqlite3.connect(f"file:{_sqlite_path(url)}?mode=ro", uri=True)
            target = sqlite3.connect(out)
        except sqlite3.Error as error:
            raise BackupError(f"Cannot open the database: {error}") from None
        try:
            # The online backup API copies a consistent snapshot while others keep writing.
            with target:
                source.backup(target)
        except sqlite3.Error as error:
            raise BackupError(f"The backup failed: {error}") from None
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
