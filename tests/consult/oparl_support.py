"""A small OParl 1.1 server the tests start on 127.0.0.1, with fixtures from the specification.

The fixtures follow the object types and fields of OParl 1.1 (System, Body, Organization,
Meeting with embedded AgendaItem, Consultation, Paper): lists are paginated with
`data`, `pagination` and `links.next`. Meetings lie in the future relative to the test run
so that they count as "coming". Tests change `server.routes` between syncs (a meeting moved,
a meeting deleted) or route a list to a failing answer.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from surveys.base import utcnow

SCHEMA = "https://schema.oparl.org/1.1/"


def iso(days: int, hour: int = 17) -> str:
    """A date-time `days` from now at `hour` o'clock, German summer-time offset."""
    day = (utcnow() + timedelta(days=days)).date()
    return f"{day.isoformat()}T{hour:02d}:00:00+02:00"


class OParlServer:
    """Serves `routes` (path -> JSON object, raw bytes or a callable) over HTTP."""

    def __init__(self) -> None:
        self.routes: dict[str, Any] = {}
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802  (the name http.server calls)
                server.requests.append(self.path)
                answer = server.routes.get(self.path)
                if callable(answer):
                    answer = answer(self.path)
                if answer is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                body = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> OParlServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


def page(server: OParlServer, objects: list[Any], next_path: str | None, number: int) -> dict:
    """One page of an OParl list."""
    links = {"first": server.url("/")}
    if next_path:
        links["next"] = server.url(next_path)
    return {
        "data": objects,
        "pagination": {"elementsPerPage": 2, "currentPage": number},
        "links": links,
    }


def load_fixtures(server: OParlServer) -> None:
    """A county with two committees, a parliamentary group, a deleted organisation,
    coming meetings on two pages (one with a paper "2017/137"), a past meeting and a
    deleted meeting."""
    u = server.url
    body_id = u("/oparl/v1.1/body/1")
    committee_1 = u("/oparl/v1.1/organization/10")
    committee_2 = u("/oparl/v1.1/organization/11")
    routes = server.routes
    routes["/oparl/v1.1/system"] = {
        "id": u("/oparl/v1.1/system"),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "name": "Ratsinformationssystem Landkreis Musterland",
        "body": u("/oparl/v1.1/bodies"),
        "vendor": "https://vendor.example",
        "product": "https://vendor.example/ris",
        "created": "2016-01-01T00:00:00+01:00",
        "modified": "2017-01-01T00:00:00+01:00",
    }
    routes["/oparl/v1.1/bodies"] = page(
        server,
        [
            {
                "id": body_id,
                "type": SCHEMA + "Body",
                "system": u("/oparl/v1.1/system"),
                "name": "Landkreis Musterland",
                "shortName": "LK Musterland",
                "web": "https://ris.example/landkreis",
                "organization": u("/oparl/v1.1/body/1/organization"),
                "person": u("/oparl/v1.1/body/1/person"),
                "meeting": u("/oparl/v1.1/body/1/meeting"),
                "paper": u("/oparl/v1.1/body/1/paper"),
                "legislativeTerm": [],
                "created": "2016-01-01T00:00:00+01:00",
                "modified": "2017-01-01T00:00:00+01:00",
            }
        ],
        None,
        1,
    )
    organization = {"type": SCHEMA + "Organization", "body": body_id}
    routes["/oparl/v1.1/body/1/organization"] = page(
        server,
        [
            {
                **organization,
                "id": committee_1,
                "name": "Ausschuss für Integration und Migration",
                "shortName": "AIM",
                "organizationType": "Gremium",
                "classification": "Ausschuss",
                "web": "https://ris.example/gremium/10",
            },
            {
                **organization,
                "id": u("/oparl/v1.1/organization/20"),
                "name": "Fraktion Beispiel",
                "organizationType": "Fraktion",
            },
        ],
        "/oparl/v1.1/body/1/organization?page=2",
        1,
    )
    routes["/oparl/v1.1/body/1/organization?page=2"] = page(
        server,
        [
            {
                **organization,
                "id": committee_2,
                "name": "Jugendhilfeausschuss",
                "organizationType": "Gremium",
                "web": "https://ris.example/gremium/11",
            },
            {**organization, "id": u("/oparl/v1.1/organization/12"), "deleted": True},
        ],
        None,
        2,
    )
    paper = u("/oparl/v1.1/paper/137")
    routes["/oparl/v1.1/paper/137"] = {
        "id": paper,
        "type": SCHEMA + "Paper",
        "body": body_id,
        "name": "Integrationskonzept des Landkreises",
        "reference": "2017/137",
        "date": "2017-05-10",
        "paperType": "Beschlussvorlage",
        "web": "https://ris.example/vorlage/137",
    }
    routes["/oparl/v1.1/consultation/500"] = {
        "id": u("/oparl/v1.1/consultation/500"),
        "type": SCHEMA + "Consultation",
        "paper": paper,
        "agendaItem": u("/oparl/v1.1/agendaitem/301"),
        "meeting": u("/oparl/v1.1/meeting/100"),
        "organization": [committee_1],
        "authoritative": True,
        "role": "Beschlussfassung",
    }
    meeting_100 = {
        "id": u("/oparl/v1.1/meeting/100"),
        "type": SCHEMA + "Meeting",
        "name": "12. Sitzung des Ausschusses für Integration und Migration",
        "meetingState": "terminiert",
        "cancelled": False,
        "start": iso(30),
        "end": iso(30, 19),
        "organization": [committee_1],
        "web": "https://ris.example/sitzung/100",
        "agendaItem": [
            {
                "id": u("/oparl/v1.1/agendaitem/300"),
                "type": SCHEMA + "AgendaItem",
                "meeting": u("/oparl/v1.1/meeting/100"),
                "number": "1",
                "order": 1,
                "name": "Eröffnung der Sitzung",
                "public": True,
            },
            {
                "id": u("/oparl/v1.1/agendaitem/301"),
                "type": SCHEMA + "AgendaItem",
                "meeting": u("/oparl/v1.1/meeting/100"),
                "number": "3",
                "order": 3,
                "name": "Integrationskonzept: Handlungsfeld Wohnen",
                "public": True,
                "consultation": u("/oparl/v1.1/consultation/500"),
                "web": "https://ris.example/top/301",
            },
        ],
    }
    routes["/oparl/v1.1/body/1/meeting"] = page(
        server,
        [
            meeting_100,
            {
                "id": u("/oparl/v1.1/meeting/90"),
                "type": SCHEMA + "Meeting",
                "name": "11. Sitzung des Ausschusses für Integration und Migration",
                "start": iso(-60),
                "organization": [committee_1],
                "agendaItem": [],
            },
        ],
        "/oparl/v1.1/body/1/meeting?page=2",
        1,
    )
    routes["/oparl/v1.1/body/1/meeting?page=2"] = page(
        server,
        [
            {
                "id": u("/oparl/v1.1/meeting/101"),
                "type": SCHEMA + "Meeting",
                "name": "5. Sitzung des Jugendhilfeausschusses",
                "start": iso(45),
                "organization": [committee_2],
                "web": "https://ris.example/sitzung/101",
                "agendaItem": [],
            },
            {"id": u("/oparl/v1.1/meeting/80"), "type": SCHEMA + "Meeting", "deleted": True},
        ],
        None,
        2,
    )


def meeting(server: OParlServer, number: int) -> dict:
    """The fixture meeting with this number, to change it between syncs."""
    wanted = server.url(f"/oparl/v1.1/meeting/{number}")
    for path in ("/oparl/v1.1/body/1/meeting", "/oparl/v1.1/body/1/meeting?page=2"):
        for obj in server.routes[path]["data"]:
            if obj["id"] == wanted:
                return obj
    raise KeyError(number)


def slow(seconds: float) -> Callable[[str], Any]:
    def answer(path: str) -> Any:
        time.sleep(seconds)
        return {"data": [], "links": {}}

    return answer


def running_server() -> Iterator[OParlServer]:
    with OParlServer() as server:
        load_fixtures(server)
        yield server
