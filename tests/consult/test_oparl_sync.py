"""`consult oparl sync` against a small OParl 1.1 server the tests start on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import func, select

from surveys import oparl
from surveys.base import utcnow
from surveys.models import AgendaItem, Committee, Meeting, OParlPaper, OParlSync
from tests.consult.oparl_support import OParlServer, iso, meeting, running_server, slow

SYSTEM = "/oparl/v1.1/system"


@pytest.fixture()
def server() -> Iterator[OParlServer]:
    yield from running_server()


def sync(runner, server: OParlServer, *args: str):
    return runner.invoke(args=["oparl", "sync", server.url(SYSTEM), *args])


def counts(db_session) -> tuple[int, int, int, int]:
    db_session.expire_all()
    return tuple(  # type: ignore[return-value]
        db_session.scalar(select(func.count()).select_from(model))
        for model in (Committee, Meeting, AgendaItem, OParlPaper)
    )


def by_oparl_id(db_session, model, server: OParlServer, path: str):
    db_session.expire_all()
    return db_session.scalar(select(model).where(model.oparl_id == server.url(path)))


def test_sync_imports_the_committees_and_their_coming_meetings_with_agenda_and_paper(
    runner, server, db_session
):
    result = sync(runner, server)

    assert result.exit_code == 0, result.output
    names = set(db_session.scalars(select(Committee.name)))
    # Committees from both pages; not the parliamentary group, not the deleted organisation.
    assert names == {"Ausschuss für Integration und Migration", "Jugendhilfeausschuss"}
    titles = set(db_session.scalars(select(Meeting.title)))
    # Both coming meetings (two pages); the past one stays out.
    assert titles == {
        "12. Sitzung des Ausschusses für Integration und Migration",
        "5. Sitzung des Jugendhilfeausschusses",
    }
    twelfth = by_oparl_id(db_session, Meeting, server, "/oparl/v1.1/meeting/100")
    assert twelfth.web == "https://ris.example/sitzung/100"
    assert twelfth.committee.web == "https://ris.example/gremium/10"
    assert twelfth.starts_at == datetime.fromisoformat(iso(30))
    labels = [item.label for item in twelfth.agenda_items]
    assert labels == [
        "1 Eröffnung der Sitzung",
        "3 Integrationskonzept: Handlungsfeld Wohnen (2017/137)",
    ]
    assert twelfth.agenda_items[1].paper.web == "https://ris.example/vorlage/137"


def test_a_repeated_sync_updates_the_moved_meeting_and_adds_nothing_twice(
    runner, server, db_session
):
    assert sync(runner, server).exit_code == 0
    before = counts(db_session)
    meeting(server, 100)["start"] = iso(35, 18)
    meeting(server, 100)["agendaItem"][1]["name"] = "Integrationskonzept: Wohnen und Bildung"

    result = sync(runner, server)

    assert result.exit_code == 0, result.output
    assert counts(db_session) == before
    twelfth = by_oparl_id(db_session, Meeting, server, "/oparl/v1.1/meeting/100")
    assert twelfth.starts_at == datetime.fromisoformat(iso(35, 18))
    assert twelfth.agenda_items[1].name == "Integrationskonzept: Wohnen und Bildung"
    assert "meetings updated: 1" in result.output


def test_a_meeting_deleted_on_the_server_leaves_the_pick_list(runner, server, db_session):
    assert sync(runner, server).exit_code == 0
    listed = oparl.coming_agenda_items(db_session, utcnow())
    assert [item.number for item in listed] == ["1", "3"]
    server.routes["/oparl/v1.1/body/1/meeting"]["data"][0] = {
        "id": server.url("/oparl/v1.1/meeting/100"),
        "type": "https://schema.oparl.org/1.1/Meeting",
        "deleted": True,
    }

    assert sync(runner, server).exit_code == 0

    twelfth = by_oparl_id(db_session, Meeting, server, "/oparl/v1.1/meeting/100")
    assert twelfth.deleted
    db_session.expire_all()
    assert oparl.coming_agenda_items(db_session, utcnow()) == []


def test_a_committee_typed_in_by_hand_is_linked_not_doubled(runner, server, db_session):
    db_session.add(Committee(name="Jugendhilfeausschuss"))
    db_session.commit()

    assert sync(runner, server).exit_code == 0

    rows = db_session.scalars(select(Committee).where(Committee.name == "Jugendhilfeausschuss"))
    assert [c.oparl_id for c in rows] == [server.url("/oparl/v1.1/organization/11")]


def _down(server: OParlServer) -> str:
    server.__exit__(None, None, None)
    return "cannot be reached"


def _slow(server: OParlServer) -> str:
    server.routes["/oparl/v1.1/body/1/meeting?page=2"] = slow(3)
    return "did not answer"


def _endless(server: OParlServer) -> str:
    def endless(path: str) -> dict:
        number = int(path.rsplit("=", 1)[-1]) if "=" in path else 1
        return {"data": [], "links": {"next": server.url(f"/endless?page={number + 1}")}}

    for number in range(1, 50):
        server.routes[f"/endless?page={number}"] = endless
    server.routes["/oparl/v1.1/body/1/meeting?page=2"] = endless
    return "more than 5 pages"


def _loop(server: OParlServer) -> str:
    server.routes["/oparl/v1.1/body/1/meeting?page=2"]["links"]["next"] = server.url(
        "/oparl/v1.1/body/1/meeting"
    )
    return "leads back to a page it already sent"


def _malformed(server: OParlServer) -> str:
    server.routes["/oparl/v1.1/paper/137"] = b'{"id": "x", "reference": "2017/137",'
    return "not valid JSON"


@pytest.mark.parametrize("breakage", [_down, _slow, _endless, _loop, _malformed])
def test_a_broken_server_gives_a_clear_message_and_changes_nothing(
    make_app, server, db_session, breakage
):
    app = make_app(OPARL_TIMEOUT=0.5, OPARL_MAX_PAGES=5)
    runner = app.test_cli_runner()
    assert sync(runner, server).exit_code == 0
    before = counts(db_session)
    meeting(server, 100)["start"] = iso(40)  # would change if anything were written
    meeting(server, 100)["agendaItem"].pop(0)
    expected = breakage(server)

    result = sync(runner, server)

    assert result.exit_code != 0
    assert "nothing was changed" in result.output
    assert expected in result.output
    assert counts(db_session) == before
    twelfth = by_oparl_id(db_session, Meeting, server, "/oparl/v1.1/meeting/100")
    assert twelfth.starts_at == datetime.fromisoformat(iso(30))
    assert not any(item.deleted for item in twelfth.agenda_items)
    last = db_session.scalar(select(OParlSync).order_by(OParlSync.id.desc()).limit(1))
    assert not last.ok


def test_a_system_with_several_bodies_asks_for_one(runner, server, db_session):
    bodies = server.routes["/oparl/v1.1/bodies"]["data"]
    bodies.append({**bodies[0], "id": server.url("/oparl/v1.1/body/2"), "name": "Stadt"})

    refused = sync(runner, server)
    chosen = sync(runner, server, "--body", server.url("/oparl/v1.1/body/1"))

    assert refused.exit_code != 0
    assert "several bodies" in refused.output
    assert chosen.exit_code == 0, chosen.output


def test_only_web_addresses_are_fetched(runner, db_session):
    result = runner.invoke(args=["oparl", "sync", "file:///etc/passwd"])

    assert result.exit_code != 0
    assert "must start with http:// or https://" in result.output


def test_a_committee_renamed_to_a_taken_name_is_kept_apart(runner, server, db_session):
    db_session.add(Committee(name="Sozialausschuss"))
    db_session.commit()
    assert sync(runner, server).exit_code == 0
    organizations = server.routes["/oparl/v1.1/body/1/organization?page=2"]["data"]
    organizations[0]["name"] = "Sozialausschuss"

    result = sync(runner, server)

    assert result.exit_code == 0, result.output
    db_session.expire_all()
    assert set(db_session.scalars(select(Committee.name))) == {
        "Ausschuss für Integration und Migration",
        "Sozialausschuss",
        "Sozialausschuss (11)",
    }
