"""`consult doctor` says what is wrong with a server and what to install."""

from __future__ import annotations

from click.testing import CliRunner

from consult import system
from consult.cli import main


def _doctor(tmp_path, monkeypatch, **env):
    monkeypatch.chdir(tmp_path)
    environment = {
        "CONSULT_SECRET_KEY": "s" * 40,
        "CONSULT_DATABASE_URL": f"sqlite:///{tmp_path}/doctor.sqlite3",
        "CONSULT_MAIL_OUTBOX": str(tmp_path / "outbox"),
        "CONSULT_PUBLIC_BASE_URL": "https://beteiligung.example",
        **env,
    }
    return CliRunner().invoke(main, ["doctor"], env=environment)


def test_without_pango_the_doctor_names_the_debian_packages(tmp_path, monkeypatch):
    monkeypatch.setattr(system, "pdf_problem", lambda: "cannot load library 'libpango-1.0-0'")
    result = _doctor(tmp_path, monkeypatch)
    assert result.exit_code == 1
    assert "FAIL    PDF" in result.output
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in result.output


def test_an_unmigrated_database_and_the_outbox_are_reported(tmp_path, monkeypatch):
    result = _doctor(tmp_path, monkeypatch)
    assert "FAIL    Migrations: not current: run `consult db upgrade`" in result.output
    assert "outbox folder" in result.output


def test_a_broken_configuration_is_named_and_the_system_still_checked(tmp_path, monkeypatch):
    result = _doctor(tmp_path, monkeypatch, CONSULT_SECRET_KEY="short")
    assert result.exit_code == 1
    assert "FAIL    Configuration: SECRET_KEY is too short" in result.output
    assert "PDF (WeasyPrint" in result.output


def test_an_unreachable_redis_fails(tmp_path, monkeypatch):
    result = _doctor(tmp_path, monkeypatch, CONSULT_REDIS_URL="redis://127.0.0.1:1/0")
    assert "FAIL    Redis: redis://127.0.0.1:1/0" in result.output
