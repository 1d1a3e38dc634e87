"""Reading a body from an OParl 1.1 server over HTTP with the standard library only.

Every way a server can fail — down, slow, an endless or looping list, an answer too large,
malformed JSON, objects that are not OParl — ends in an `OParlError` whose message says
which address failed and why. Nothing is written while fetching: the caller applies the
complete snapshot in one transaction afterwards, so a failed sync changes nothing.
"""

from __future__ import annotations

import dataclasses
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from surveys.oparl import (
    OParlError,
    Snapshot,
    kind,
    parse_body,
    parse_meeting,
    parse_organization,
    parse_paper,
)
from surveys.vocabulary import N_

USER_AGENT = "Consult OParl sync"


@dataclasses.dataclass(frozen=True)
class Limits:
    timeout: float = 10.0  # seconds per request
    max_pages: int = 100  # per list
    max_requests: int = 5000  # per sync
    max_bytes: int = 8 * 1024 * 1024  # per answer
    deadline: float = 300.0  # seconds for the whole sync


def check_url(url: str) -> str:
    """Refuse anything but http(s): urllib would read `file:` and `ftp:` addresses too."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OParlError(
            N_("The OParl address must start with http:// or https://: %(url)s"), url=url
        )
    return url.strip()


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Client:
    """Fetches OParl objects and lists within the given limits."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.requests = 0
        self.started = time.monotonic()
        self._opener = urllib.request.build_opener(_HttpOnlyRedirects())

    def _check_deadline(self) -> None:
        if time.monotonic() - self.started > self.limits.deadline:
            raise OParlError(
                N_("The sync took longer than %(seconds)s seconds and was stopped."),
                seconds=int(self.limits.deadline),
            )

    def get(self, url: str) -> dict[str, Any]:
        """One OParl object (or list page) as a dict."""
        url = check_url(url)
        self._check_deadline()
        self.requests += 1
        if self.requests > self.limits.max_requests:
            raise OParlError(
                N_("The sync needed more than %(count)s requests and was stopped."),
                count=self.limits.max_requests,
            )
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        try:
            with self._opener.open(request, timeout=self.limits.timeout) as answer:
                raw = self._read(answer, url)
        except urllib.error.HTTPError as error:
            raise OParlError(
                N_("The OParl server answered %(url)s with HTTP status %(status)s."),
                url=url,
                status=error.code,
            ) from None
        except TimeoutError:
            raise OParlError(
                N_("The OParl server did not answer %(url)s within %(seconds)s seconds."),
                url=url,
                seconds=self.limits.timeout,
            ) from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise OParlError(
                    N_("The OParl server did not answer %(url)s within %(seconds)s seconds."),
                    url=url,
                    seconds=self.limits.timeout,
                ) from None
            raise OParlError(
                N_("The OParl server at %(url)s cannot be reached (%(reason)s)."),
                url=url,
                reason=str(error.reason),
            ) from None
        except (OSError, ValueError) as error:
            raise OParlError(
                N_("The OParl server at %(url)s cannot be reached (%(reason)s)."),
                url=url,
                reason=str(error),
            ) from None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            raise OParlError(
                N_("The OParl server sent something that is not valid JSON at %(url)s."), url=url
            ) from None
        if not isinstance(data, dict):
            raise OParlError(
                N_("The OParl server sent something that is not an OParl object at %(url)s."),
                url=url,
            )
        return data

    def _read(self, answer: Any, url: str) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while chunk := answer.read(65536):
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise OParlError(
                    N_("The OParl server sent more than %(megabytes)s MB at %(url)s."),
                    url=url,
                    megabytes=self.limits.max_bytes // (1024 * 1024),
                )
            self._check_deadline()
            chunks.append(chunk)
        return b"".join(chunks)

    def items(self, url: str) -> Iterator[dict[str, Any]]:
        """Every object of a paginated OParl list, following `links.next`."""
        seen: set[str] = set()
        next_url: Any = url
        while next_url:
            if next_url in seen:
                raise OParlError(
                    N_("The OParl list at %(url)s leads back to a page it already sent."),
                    url=url,
                )
            if len(seen) >= self.limits.max_pages:
                raise OParlError(
                    N_("The OParl list at %(url)s has more than %(pages)s pages."),
                    url=url,
                    pages=self.limits.max_pages,
                )
            seen.add(next_url)
            page = self.get(str(next_url))
            data = page.get("data")
            if not isinstance(data, list):
                raise OParlError(
                    N_("The OParl server sent something that is not an OParl list at %(url)s."),
                    url=str(next_url),
                )
            yield from (obj for obj in data if isinstance(obj, dict))
            links = page.get("links")
            next_url = links.get("next") if isinstance(links, dict) else None
            if next_url is not None and not isinstance(next_url, str):
                next_url = None


def _list_url(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise OParlError(
            N_("The OParl %(object)s has no list of %(list)s."), object=where, list=key
        )
    return value


def _choose_body(client: Client, root: dict[str, Any], body_id: str) -> dict[str, Any]:
    bodies = list(client.items(_list_url(root, "body", "System")))
    if body_id:
        for body in bodies:
            if body.get("id") == body_id:
                return body
        raise OParlError(N_("The OParl system has no body %(body)s."), body=body_id)
    if len(bodies) == 1:
        return bodies[0]
    if not bodies:
        raise OParlError(N_("The OParl system lists no body."))
    raise OParlError(
        N_("The OParl system has several bodies; choose one by its id: %(bodies)s"),
        bodies=", ".join(str(b.get("id")) for b in bodies),
    )


def fetch_snapshot(
    url: str, body_id: str, known_meetings: set[str], now: datetime, limits: Limits | None = None
) -> Snapshot:
    """Read a body's committees, coming (and known) meetings, agenda items and papers.

    `url` is the address of the OParl System or of the Body itself.
    """
    client = Client(limits)
    root = client.get(url)
    if kind(root) == "System":
        body_obj = _choose_body(client, root, body_id.strip())
    elif kind(root) == "Body":
        body_obj = root
    else:
        raise OParlError(N_("The address %(url)s is neither an OParl System nor a Body."), url=url)
    snapshot = Snapshot(system_url=url, body=parse_body(body_obj))
    snapshot.organizations = [
        parse_organization(obj) for obj in client.items(_list_url(body_obj, "organization", "Body"))
    ]
    for obj in client.items(_list_url(body_obj, "meeting", "Body")):
        meeting = parse_meeting(obj)
        known = meeting.oparl_id in known_meetings
        coming = meeting.starts_at is not None and meeting.starts_at >= now
        if not (known or coming):
            continue  # past meetings that were never imported stay out
        if not meeting.deleted:
            meeting = dataclasses.replace(
                meeting,
                agenda_items=tuple(
                    _with_paper(client, item, snapshot) for item in meeting.agenda_items
                ),
            )
        snapshot.meetings.append(meeting)
    return snapshot


def _with_paper(client: Client, item: Any, snapshot: Snapshot) -> Any:
    """The agenda item with the id of its paper, read through its OParl Consultation."""
    if item.deleted or not item.consultation_url:
        return item
    consultation = client.get(item.consultation_url)
    paper = consultation.get("paper")
    if isinstance(paper, dict):
        paper = paper.get("id")
    if not isinstance(paper, str) or not paper:
        return item
    if paper not in snapshot.papers:
        snapshot.papers[paper] = parse_paper(client.get(paper))
    return dataclasses.replace(item, paper_id=paper)
