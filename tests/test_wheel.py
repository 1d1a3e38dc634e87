"""The wheel is the product: built from this checkout, installed into a fresh virtualenv
outside it, it migrates a new database, loads the demo and serves pages and a PDF.

The new virtualenv gets our wheel alone; the libraries it depends on are lent from the
environment running the tests (a path file), so the test needs no network. What matters
here is what the wheel carries: templates, compiled catalogs, KERN, migrations, the demo.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = "integrationsgipfel-2027"

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    _run(
        sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "-q", "-w", work / "dist", cwd=work
    )
    (wheel,) = (work / "dist").glob("consult-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert any(name.endswith("/LICENSE") for name in archive.namelist())
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=work)
    python = venv / "bin" / "python"
    site = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=work
        ).strip()
    )
    # Dependencies from this environment; its editable `consult` is not activated this way.
    (site / "lent_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=work)
    where = _run(python, "-c", "import consult; print(consult.__file__)", cwd=work)
    assert where.startswith(str(venv)), where
    return work, venv


def test_the_installed_wheel_migrates_loads_the_demo_and_serves(installed):
    work, venv = installed
    port = _free_port()
    env = {
        "PATH": f"{venv / 'bin'}:{os.environ.get('PATH', '')}",
        "HOME": str(work),
        "CONSULT_SECRET_KEY": "a" * 64,
        "CONSULT_DATABASE_URL": f"sqlite:///{work / 'consult.sqlite3'}",
        "CONSULT_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "CONSULT_MAIL_OUTBOX": str(work / "outbox"),
    }
    consult = venv / "bin" / "consult"
    _run(consult, "translate", "compile", cwd=work, env=env)
    _run(consult, "db", "upgrade", cwd=work, env=env)
    _run(consult, "demo", "load", cwd=work, env=env)
    server = subprocess.Popen(
        [str(consult), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(120):
            try:
                _get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.5)
        status, _type, landing = _get(f"{base}/")
        assert status == 200 and b"Integrationsgipfel" in landing
        status, _type, page = _get(f"{base}/c/{DEMO}?lang=ar")
        text = page.decode("utf-8")
        assert status == 200 and 'lang="ar" dir="rtl"' in text
        assert "kern.min.css" in text
        status, _type, css = _get(f"{base}/static/vendor/kern/kern.min.css")
        assert status == 200 and len(css) > 10_000
        status, content_type, pdf = _get(f"{base}/c/{DEMO}/print.pdf?lang=ar")
        assert status == 200 and content_type == "application/pdf" and pdf.startswith(b"%PDF")
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0].decode("utf-8", "replace")
    assert "GET /c/integrationsgipfel-2027 HTTP" in log  # the access log, query string left out
    assert "lang=ar" not in log
