"""The OParl staff page, picking an imported agenda item, and the meeting's link to its page."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from surveys.models import AgendaItem, Consultation, Meeting
from tests.conftest import build_consultation
from tests.consult.oparl_support import OParlServer, running_server

SYSTEM = "/oparl/v1.1/system"
EN = {"Accept-Language": "en"}


@pytest.fixture()
def server() -> Iterator[OParlServer]:
    yield from running_server()


@pytest.fixture()
def synced(runner, server) -> OParlServer:
    result = runner.invoke(args=["oparl", "sync", server.url(SYSTEM)])
    assert result.exit_code == 0, result.output
    return server


def test_an_administrator_runs_a_sync_and_sees_its_result(client, sign_in, server):
    sign_in("admin")

    response = client.post(
        "/staff/oparl/", data={"url": server.url(SYSTEM), "body": ""}, follow_redirects=True
    )

    text = html.unescape(response.get_data(as_text=True))
    assert "Der Abgleich ist abgeschlossen." in text
    assert "Sitzungen hinzugefügt: 2" in text
    assert '<a class="kern-link" href="https://ris.example/sitzung/100">' in text


def test_a_failed_sync_on_the_page_says_why_in_german(client, sign_in, server):
    sign_in("admin")
    server.routes["/oparl/v1.1/body/1/organization"] = b"<html>Wartung</html>"

    response = client.post(
        "/staff/oparl/", data={"url": server.url(SYSTEM), "body": ""}, follow_redirects=True
    )

    text = html.unescape(response.get_data(as_text=True))
    assert "nichts wurde geändert" in text
    assert "kein gültiges JSON" in text


def test_only_administrators_may_sync(client, sign_in, server):
    sign_in("author")

    assert client.get("/staff/oparl/").status_code == 403
    assert client.post("/staff/oparl/", data={"url": server.url(SYSTEM)}).status_code == 403


def test_the_consultation_form_offers_imported_agenda_items(client, sign_in, synced, db_session):
    sign_in("author")

    page = html.unescape(client.get("/staff/consultations/new", headers=EN).get_data(as_text=True))

    assert "Agenda item from the council information system" in page
    assert "3 Integrationskonzept: Handlungsfeld Wohnen (2017/137)" in page


def test_choosing_an_imported_agenda_item_sets_meeting_and_item(
    client, sign_in, synced, db_session
):
    sign_in("author")
    item = db_session.scalar(select(AgendaItem).where(AgendaItem.number == "3"))

    response = client.post(
        "/staff/consultations/new",
        data={
            "title": "Wohnen",
            "languages": "de",
            "access_mode": "public",
            "small_cell_threshold": "5",
            "oparl_item": str(item.id),
            "meeting": "new",  # ignored: the imported item decides
        },
    )

    assert response.status_code == 302
    consultation = db_session.scalar(select(Consultation))
    assert consultation.agenda_item_id == item.id
    assert consultation.meeting_id == item.meeting_id


def test_the_landing_page_links_the_meeting_to_its_council_page(client, synced, db_session):
    item = db_session.scalar(select(AgendaItem).where(AgendaItem.number == "3"))
    consultation = build_consultation("wohnen")
    consultation.meeting = db_session.get(Meeting, item.meeting_id)
    consultation.agenda_item = item
    db_session.add(consultation)
    db_session.commit()

    page = html.unescape(client.get("/c/wohnen", headers=EN).get_data(as_text=True))

    assert '<a class="kern-link" href="https://ris.example/sitzung/100"' in page
    assert "(3 Integrationskonzept: Handlungsfeld Wohnen (2017/137))" in page
