"""Faults of the server itself: clear pages that say what happened, and a line in the log."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from consult import system
from tests.conftest import build_consultation


def test_a_full_disk_is_a_503_page_with_a_log_line(app, client, monkeypatch, caplog):
    from consult.extensions import db

    with app.app_context():
        driver_error = db.engine.dialect.loaded_dbapi.OperationalError
        sqlite = db.engine.dialect.name == "sqlite"

    def full(*args, **kwargs):
        raise driver_error(
            "database or disk is full"
            if sqlite
            else "could not extend file: No space left on device"
        )

    monkeypatch.setattr(Engine, "raw_connection", full)
    with caplog.at_level(logging.ERROR):
        reply = client.get("/c/anything", headers={"Accept-Language": "en"})
    assert reply.status_code == 503 and reply.headers["Retry-After"]
    assert "Please try again in a moment" in reply.get_data(as_text=True)
    assert any("disk full or read-only" in r.getMessage() for r in caplog.records)


def test_a_read_only_file_system_is_a_503_page_with_a_log_line(app, client, monkeypatch, caplog):
    import errno

    from consult import public

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(public, "render_template", read_only)
    with caplog.at_level(logging.ERROR):
        reply = client.get("/", headers={"Accept-Language": "en"})
    assert reply.status_code == 503
    assert any("disk full or read-only" in r.getMessage() for r in caplog.records)


def test_a_pdf_without_pango_is_a_clear_page_naming_the_doctor(client, db_session, monkeypatch):
    consultation = build_consultation("wohnen", languages=("de", "ar"))
    db_session.add(consultation)
    db_session.commit()
    monkeypatch.setattr(system, "pdf_problem", lambda: "cannot load library 'libpango-1.0-0'")
    reply = client.get("/c/wohnen/print.pdf?lang=ar", headers={"Accept-Language": "de"})
    page = reply.get_data(as_text=True)
    assert reply.status_code == 503
    assert "consult doctor" in page and "PDF" in page
