"""An author invites two people; the queue mails them; a link opens the questionnaire.

The journey runs twice: with the embedded default (a worker thread inside the served app)
and with RQ on the machine's Redis, where a separate `consult worker` process sends the mails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from email import message_from_bytes
from email.policy import default

import pytest

from tests.conftest import REDIS_URL, SECRET, TEST_PASSWORD, build_consultation


@pytest.fixture()
def outbox(tmp_path):
    return tmp_path / "outbox"


@pytest.fixture(params=["embedded", "rq"])
def jobs_settings(request) -> dict[str, str]:
    if request.param == "embedded":
        return {}  # no JOBS_BACKEND: the default, a worker thread inside the served app
    queue = request.getfixturevalue("redis_queue")
    return {"JOBS_BACKEND": "rq", "REDIS_URL": REDIS_URL, "JOBS_QUEUE": queue}


@pytest.fixture()
def app(make_app, outbox, jobs_settings):
    return make_app(MAIL_OUTBOX=str(outbox), **jobs_settings)


@pytest.fixture()
def worker(jobs_settings, database_url, outbox) -> Iterator[None]:
    """For RQ, the production worker as its own process, running until the test ends."""
    if not jobs_settings:
        yield
        return
    env = {
        **os.environ,
        "CONSULT_DATABASE_URL": database_url,
        "CONSULT_SECRET_KEY": SECRET,
        "CONSULT_PUBLIC_BASE_URL": "https://consult.example",
        "CONSULT_MAIL_OUTBOX": str(outbox),
        **{f"CONSULT_{key}": value for key, value in jobs_settings.items()},
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "consult.cli", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    yield
    process.terminate()
    _, errors = process.communicate(timeout=30)
    assert b"Traceback" not in errors, errors.decode(errors="replace")


def test_an_author_sends_invitations_and_watches_the_job(
    page, live_server, worker, make_user, db_session, outbox, tmp_path, axe_violations
):
    consultation = build_consultation("wohnen", languages=("de", "ar"))
    db_session.add(consultation)
    db_session.commit()
    make_user("autorin@example.org", ("author",))
    page.goto(f"{live_server}/staff/consultations/{consultation.id}/invitations")
    page.get_by_label("E-Mail-Adresse").fill("autorin@example.org")
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/staff/consultations/{consultation.id}/invitations")

    csv = tmp_path / "people.csv"
    csv.write_text("Name,E-Mail,Sprache\nAmira,amira@example.org,ar\nJan,jan@example.org,de\n")
    page.get_by_label("CSV-Datei mit den Empfängerinnen und Empfängern").set_input_files(csv)
    page.get_by_role("button", name="Datei prüfen").click()
    page.get_by_role("button", name="Diese Einladungen anlegen").click()
    page.get_by_role("button", name="2 Einladungen verschicken").click()

    # The click only starts the navigation: wait for the job page before reading it.
    page.get_by_text("Die Mails werden im Hintergrund verschickt").wait_for()
    for _ in range(150):  # the staff member reloads until the job is done
        if page.get_by_text("Erledigt", exact=True).is_visible():
            break
        page.wait_for_timeout(200)
        page.reload()
    assert page.get_by_text("2 von 2 Mails bearbeitet").is_visible()
    assert page.get_by_text("Postausgangsordner").is_visible()
    assert axe_violations(page) == []
    page.goto(page.url + "?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []
    page.goto(page.url.replace("?lang=ar", "?lang=de"))

    page.get_by_role("link", name="Zurück zu den Einladungen").click()
    page.get_by_role("link", name="Einladungen verschicken").first.wait_for()

    mails = [message_from_bytes(p.read_bytes(), policy=default) for p in outbox.iterdir()]
    arabic = next(m for m in mails if m["To"].addresses[0].addr_spec == "amira@example.org")
    link = next(line for line in arabic.get_body().get_content().splitlines() if "/i/" in line)
    response = page.goto(link.strip().replace("https://consult.example", live_server))
    assert response.ok and "/i/" not in page.url  # the personal link was accepted
    assert page.get_by_text("wohnen (", exact=False).first.is_visible()
