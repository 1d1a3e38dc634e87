"""Every staff page is valid HTML by the Nu HTML checker (vnu, from npm's vnu-jar).

The pages are fetched through the test client and checked in one call of the checker, which
starts the Java runtime once.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.consult.staff_pages_support import ALL_ROLES, arrange

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


@pytest.fixture()
def vnu() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is missing (Debian: apt-get install default-jre-headless)")
    if not VNU.exists():
        pytest.fail("vnu-jar is missing: run `make vendor` (npm ci)")
    return [java, "-jar", str(VNU)]


def _errors(vnu: list[str], documents: dict[str, str], folder: Path) -> dict[str, list[str]]:
    files = {}
    for number, (address, html) in enumerate(documents.items()):
        path = folder / f"page-{number:03d}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = address
    run = subprocess.run(
        [*vnu, "--errors-only", "--format", "json", *(str(folder / name) for name in files)],
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, list[str]] = {}
    for message in json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]:
        url = message.get("url", "")
        address = files.get(url.rsplit("/", 1)[-1], url)
        found.setdefault(address, []).append(
            f"line {message.get('lastLine')}: {message['message']} {message.get('extract', '')!r}"
        )
    return found


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_every_staff_page_is_valid_html(app, client, sign_in, db_session, vnu, tmp_path, lang):
    pages = arrange(db_session)
    sign_in(*ALL_ROLES)
    app.config["WTF_CSRF_ENABLED"] = True  # every form carries its token, as in production
    client.get(f"/staff/?lang={lang}")
    documents = {}
    for address in pages:
        response = client.get(address)
        assert response.status_code == 200, address
        assert response.mimetype == "text/html", address
        documents[address] = response.get_data(as_text=True)
    errors = _errors(vnu, documents, tmp_path)
    assert errors == {}, "\n".join(f"{a}: {e}" for a, found in errors.items() for e in found)
