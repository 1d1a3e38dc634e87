"""Serving: access logs keep personal links and query strings out; the licence ships."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from consult.cli.serve import gunicorn_arguments
from consult.serving import PrivateAccessLog, private_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("uri", "logged"),
    [
        ("/c/wohnen/i/Zt3kq9-secret", "/c/wohnen/i/[redacted]"),
        ("/c/wohnen/r/ABCD-EFGH?lang=ar", "/c/wohnen/r/[redacted]"),
        ("/c/wohnen/p/2?lang=ar&x=1", "/c/wohnen/p/2"),
        ("https://b.example/c/wohnen/i/tok?x=1", "/c/wohnen/i/[redacted]"),
        ("-", "-"),
    ],
)
def test_personal_secrets_and_query_strings_never_reach_the_access_log(uri, logged):
    assert private_path(uri) == logged


def test_the_gunicorn_logger_writes_redacted_lines():
    logger = PrivateAccessLog(Config())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/c/wohnen/i/secret-token?utm=x",
        "PATH_INFO": "/c/wohnen/i/secret-token",
        "QUERY_STRING": "utm=x",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://b.example/c/wohnen/r/CODE-1234",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = logger.atoms(response, SimpleNamespace(headers=[]), environ, timedelta(seconds=1))
    line = " ".join(str(value) for value in atoms.values())
    assert "secret-token" not in line and "CODE-1234" not in line and "utm=x" not in line
    assert atoms["r"] == "GET /c/wohnen/i/[redacted] HTTP/1.1"


def test_consult_serve_runs_gunicorn_with_the_private_access_log():
    arguments = gunicorn_arguments("0.0.0.0:8000", 3, 4, 60)
    assert arguments[-1] == "consult.wsgi:app"
    assert "consult.serving.PrivateAccessLog" in arguments
    assert arguments[arguments.index("--workers") + 1] == "3"


def test_the_licence_is_the_agpl_the_package_declares():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007")
    assert "13. Remote Network Interaction" in text
    assert 'license = "AGPL-3.0-or-later"' in (ROOT / "pyproject.toml").read_text()
