"""An administrator syncs the fixture OParl server and prepares a consultation for an
imported agenda item; the pages involved pass axe in German and Arabic."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import TEST_PASSWORD
from tests.consult.oparl_support import OParlServer, running_server


@pytest.fixture()
def oparl_server() -> Iterator[OParlServer]:
    yield from running_server()


def _sign_in(page, live_server, email):
    page.goto(f"{live_server}/staff/oparl/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/staff/oparl/")


def test_an_administrator_syncs_and_prepares_a_consultation_for_an_imported_item(
    page, live_server, make_user, oparl_server, axe_violations
):
    make_user("admin@example.org", ("admin",))
    _sign_in(page, live_server, "admin@example.org")

    page.get_by_label("OParl-Adresse (System oder Körperschaft)").fill(
        oparl_server.url("/oparl/v1.1/system")
    )
    page.get_by_role("button", name="Jetzt abgleichen").click()
    assert page.get_by_text("Der Abgleich ist abgeschlossen.").is_visible()
    assert page.get_by_role(
        "link", name="12. Sitzung des Ausschusses für Integration und Migration"
    ).is_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server}/staff/oparl/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []

    page.goto(f"{live_server}/staff/consultations/new?lang=de")
    page.get_by_label("Titel", exact=True).fill("Wohnen im Landkreis")
    item = page.get_by_label("Tagesordnungspunkt aus dem Ratsinformationssystem")
    item.select_option(label=item.locator("option", has_text="2017/137").inner_text())
    page.get_by_label("العربية – Arabisch").check()
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_text("Die Beteiligung wurde angelegt.").is_visible()

    page.get_by_role("link", name="Übersicht").click()
    link = page.locator("#main").get_by_role(
        "link", name="12. Sitzung des Ausschusses für Integration und Migration"
    )
    assert link.get_attribute("href") == "https://ris.example/sitzung/100"
    assert page.get_by_text("3 Integrationskonzept: Handlungsfeld Wohnen (2017/137)").is_visible()
    page.get_by_role("link", name="Ergebnisse").click()
    assert axe_violations(page) == []
