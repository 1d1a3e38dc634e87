"""OParl 1.1 objects as plain data, and applying a fetched body to the database.

Reading OParl JSON into the dataclasses below is pure; fetching it over HTTP is the web
layer's job (`consult/oparl/client.py`). `apply_snapshot` writes one body's committees,
coming meetings, agenda items and papers in the caller's transaction: objects are found by
their OParl id, so a repeated sync updates rows and never adds a second one. Objects the
server marks `deleted: true` are kept (a consultation may point at them) but flagged and
left out of every pick list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from surveys.errors import DomainError
from surveys.models import AgendaItem, Committee, Meeting, OParlBody, OParlPaper, OParlSync
from surveys.vocabulary import N_

# Organisation types that are committees in the sense of this application; the other types
# (parties, parliamentary groups, administrative units) do not hold consultations.
COMMITTEE_TYPES = frozenset({"gremium", "externes gremium", ""})

NAME_MAX = 200
URL_MAX = 500  # OParl ids and web pages are stored in columns of this length


class OParlError(DomainError):
    """The OParl server could not be read, or sent something that is not OParl."""


def kind(obj: dict[str, Any]) -> str:
    """The object type without its schema prefix: "Meeting" for ".../1.1/Meeting"."""
    return str(obj.get("type") or "").rstrip("/").rsplit("/", 1)[-1]


def _text(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    return value.strip() if isinstance(value, str) else ""


def _id(obj: Any, where: str) -> str:
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not obj["id"]:
        raise OParlError(
            N_("The OParl server sent an object without an id in %(where)s."), where=where
        )
    if len(obj["id"]) > URL_MAX:
        raise OParlError(
            N_("The OParl server sent an id longer than %(n)s characters in %(where)s."),
            n=URL_MAX,
            where=where,
        )
    return str(obj["id"])


def _datetime(value: Any) -> datetime | None:
    """An OParl date-time (ISO 8601 with offset); one without offset is taken as UTC."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


@dataclass(frozen=True)
class BodyData:
    oparl_id: str
    name: str
    web: str


@dataclass(frozen=True)
class OrganizationData:
    oparl_id: str
    name: str
    short_name: str
    web: str
    deleted: bool
    is_committee: bool


@dataclass(frozen=True)
class PaperData:
    oparl_id: str
    reference: str
    name: str
    web: str
    deleted: bool


@dataclass(frozen=True)
class AgendaItemData:
    oparl_id: str
    number: str
    name: str
    order: int
    web: str
    deleted: bool
    consultation_url: str  # the OParl Consultation linking the item to its paper, if any
    paper_id: str = ""


@dataclass(frozen=True)
class MeetingData:
    oparl_id: str
    name: str
    starts_at: datetime | None
    cancelled: bool
    web: str
    deleted: bool
    organizations: tuple[str, ...]
    agenda_items: tuple[AgendaItemData, ...]


@dataclass
class Snapshot:
    """Everything one sync read from the server, before anything is written."""

    system_url: str
    body: BodyData
    organizations: list[OrganizationData] = field(default_factory=list)
    meetings: list[MeetingData] = field(default_factory=list)
    papers: dict[str, PaperData] = field(default_factory=dict)


def parse_body(obj: dict[str, Any]) -> BodyData:
    return BodyData(_id(obj, "Body"), _text(obj, "name"), _text(obj, "web")[:URL_MAX])


def parse_organization(obj: dict[str, Any]) -> OrganizationData:
    oparl_id = _id(obj, "Organization")
    organization_type = _text(obj, "organizationType").lower()
    return OrganizationData(
        oparl_id=oparl_id,
        name=_text(obj, "name") or _text(obj, "shortName") or oparl_id,
        short_name=_text(obj, "shortName"),
        web=_text(obj, "web")[:URL_MAX],
        deleted=obj.get("deleted") is True,
        is_committee=organization_type in COMMITTEE_TYPES,
    )


def parse_paper(obj: dict[str, Any]) -> PaperData:
    return PaperData(
        oparl_id=_id(obj, "Paper"),
        reference=_text(obj, "reference")[:50],
        name=_text(obj, "name"),
        web=_text(obj, "web")[:URL_MAX],
        deleted=obj.get("deleted") is True,
    )


def parse_agenda_item(obj: dict[str, Any], position: int) -> AgendaItemData:
    consultation = obj.get("consultation")
    if isinstance(consultation, dict):  # some servers embed it
        consultation = consultation.get("id")
    order = obj.get("order")
    return AgendaItemData(
        oparl_id=_id(obj, "AgendaItem"),
        number=_text(obj, "number")[:50],
        name=_text(obj, "name"),
        order=order if isinstance(order, int) else position,
        web=_text(obj, "web")[:URL_MAX],
        deleted=obj.get("deleted") is True,
        consultation_url=consultation if isinstance(consultation, str) else "",
    )


def parse_meeting(obj: dict[str, Any]) -> MeetingData:
    organizations = obj.get("organization")
    items = obj.get("agendaItem")
    return MeetingData(
        oparl_id=_id(obj, "Meeting"),
        name=_text(obj, "name"),
        starts_at=_datetime(obj.get("start")),
        cancelled=obj.get("cancelled") is True,
        web=_text(obj, "web")[:URL_MAX],
        deleted=obj.get("deleted") is True,
        organizations=tuple(o for o in organizations or () if isinstance(o, str))
        if isinstance(organizations, list)
        else (),
        agenda_items=tuple(
            parse_agenda_item(item, position)
            for position, item in enumerate(items if isinstance(items, list) else ())
            if isinstance(item, dict)
        ),
    )


def _set(obj: Any, **values: Any) -> bool:
    """Set the attributes that differ; whether anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _by_oparl_id(session: Session, model: Any, ids: Iterable[str]) -> dict[str, Any]:
    wanted = list(set(ids))
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            (row.oparl_id, row)
            for row in session.scalars(select(model).where(model.oparl_id.in_(chunk)))
        )
    return found


def _committee_name(session: Session, data: OrganizationData, committee: Committee | None) -> str:
    """The organisation's name, made unique if another imported committee already has it."""
    name = data.name[:NAME_MAX]
    other = session.scalar(select(Committee).where(Committee.name == name))
    if other is None or other is committee:
        return name
    suffix = f" ({data.short_name or data.oparl_id.rsplit('/', 1)[-1]})"
    return name[: NAME_MAX - len(suffix)] + suffix


def _apply_committees(session: Session, snapshot: Snapshot, counts: dict[str, int]) -> None:
    existing = _by_oparl_id(session, Committee, (o.oparl_id for o in snapshot.organizations))
    for data in snapshot.organizations:
        committee = existing.get(data.oparl_id)
        if data.deleted or not data.is_committee:
            if committee is not None and not committee.deleted:
                committee.deleted = True
                counts["deleted"] += 1
            continue
        if committee is None:
            # A committee typed in by hand before the first sync gets linked, not doubled.
            committee = session.scalar(
                select(Committee).where(
                    Committee.name == data.name[:NAME_MAX], Committee.oparl_id.is_(None)
                )
            )
            if committee is None:
                committee = Committee(name=_committee_name(session, data, None))
                session.add(committee)
                counts["committees_added"] += 1
            else:
                counts["committees_updated"] += 1
            committee.oparl_id = data.oparl_id
            session.flush()
            existing[data.oparl_id] = committee
            _set(committee, web=data.web, deleted=False)
        elif _set(
            committee,
            name=_committee_name(session, data, committee),
            web=data.web,
            deleted=False,
        ):
            counts["committees_updated"] += 1


def _apply_papers(session: Session, snapshot: Snapshot) -> dict[str, OParlPaper]:
    papers = _by_oparl_id(session, OParlPaper, snapshot.papers)
    for oparl_id, data in snapshot.papers.items():
        paper = papers.get(oparl_id)
        if paper is None:
            paper = papers[oparl_id] = OParlPaper(oparl_id=oparl_id)
            session.add(paper)
        _set(paper, reference=data.reference, name=data.name, web=data.web, deleted=data.deleted)
    return papers


def _apply_agenda(
    session: Session,
    meeting: Meeting,
    data: MeetingData,
    papers: dict[str, OParlPaper],
    counts: dict[str, int],
) -> bool:
    existing = {item.oparl_id: item for item in meeting.agenda_items}
    elsewhere = _by_oparl_id(
        session, AgendaItem, (i.oparl_id for i in data.agenda_items if i.oparl_id not in existing)
    )
    changed = False
    listed = set()
    for item_data in data.agenda_items:
        listed.add(item_data.oparl_id)
        item = existing.get(item_data.oparl_id) or elsewhere.get(item_data.oparl_id)
        if item is None:
            if item_data.deleted:
                continue
            item = AgendaItem(oparl_id=item_data.oparl_id)
            meeting.agenda_items.append(item)
            counts["agenda_items_added"] += 1
            changed = True
        elif item.meeting is not meeting:
            item.meeting = meeting
        if item_data.deleted and not item.deleted:
            counts["deleted"] += 1
        paper = papers.get(item_data.paper_id) if item_data.paper_id else None
        changed |= _set(
            item,
            number=item_data.number,
            name=item_data.name,
            position=item_data.order,
            web=item_data.web,
            paper=paper,
            deleted=item_data.deleted,
        )
    for oparl_id, item in existing.items():
        if oparl_id not in listed and not item.deleted:
            item.deleted = True  # taken off the agenda
            counts["deleted"] += 1
            changed = True
    return changed


def _apply_meetings(
    session: Session,
    snapshot: Snapshot,
    papers: dict[str, OParlPaper],
    now: datetime,
    counts: dict[str, int],
) -> None:
    committees = _by_oparl_id(
        session, Committee, (o for m in snapshot.meetings for o in m.organizations)
    )
    ids = [m.oparl_id for m in snapshot.meetings]
    existing: dict[str, Meeting] = {}
    for start in range(0, len(ids), 500):
        existing.update(
            (m.oparl_id or "", m)
            for m in session.scalars(
                select(Meeting)
                .where(Meeting.oparl_id.in_(ids[start : start + 500]))
                .options(selectinload(Meeting.agenda_items))
            )
        )
    for data in snapshot.meetings:
        meeting = existing.get(data.oparl_id)
        if data.deleted:
            if meeting is not None and not meeting.deleted:
                meeting.deleted = True
                counts["deleted"] += 1
            continue
        committee = next(
            (
                committees[o]
                for o in data.organizations
                if o in committees and not committees[o].deleted
            ),
            None,
        )
        if committee is None or data.starts_at is None:
            counts["meetings_skipped"] += 1
            continue
        if meeting is None:
            if data.starts_at < now:
                continue  # only coming meetings are imported; known ones are kept up to date
            meeting = Meeting(oparl_id=data.oparl_id)
            session.add(meeting)
            existing[data.oparl_id] = meeting
            counts["meetings_added"] += 1
            added = True
        else:
            added = False
        changed = _set(
            meeting,
            committee=committee,
            title=(data.name or committee.name)[:NAME_MAX],
            starts_at=data.starts_at,
            web=data.web,
            cancelled=data.cancelled,
            deleted=False,
        )
        changed |= _apply_agenda(session, meeting, data, papers, counts)
        if changed and not added:
            counts["meetings_updated"] += 1


def apply_snapshot(session: Session, snapshot: Snapshot, now: datetime) -> dict[str, int]:
    """Write one fetched body into the database (flush only); what was added and changed."""
    counts = dict.fromkeys(
        (
            "committees_added",
            "committees_updated",
            "meetings_added",
            "meetings_updated",
            "meetings_skipped",
            "agenda_items_added",
            "deleted",
        ),
        0,
    )
    body = session.scalar(select(OParlBody).where(OParlBody.oparl_id == snapshot.body.oparl_id))
    if body is None:
        body = OParlBody(oparl_id=snapshot.body.oparl_id)
        session.add(body)
    _set(
        body,
        system_url=snapshot.system_url,
        name=snapshot.body.name[:300],
        web=snapshot.body.web,
        last_synced_at=now,
    )
    with session.no_autoflush:
        _apply_committees(session, snapshot, counts)
        papers = _apply_papers(session, snapshot)
        _apply_meetings(session, snapshot, papers, now, counts)
    session.flush()
    return counts


def known_meeting_ids(session: Session) -> set[str]:
    """OParl ids of meetings imported earlier: a sync keeps them current even once past."""
    return {
        i
        for i in session.scalars(select(Meeting.oparl_id).where(Meeting.oparl_id.is_not(None)))
        if i
    }


def record_sync(
    session: Session,
    *,
    url: str,
    body: str,
    started_at: datetime,
    finished_at: datetime,
    counts: dict[str, int] | None = None,
    error: DomainError | None = None,
    user_id: int | None = None,
) -> OParlSync:
    """Log one sync run, successful (`counts`) or refused (`error`)."""
    run = OParlSync(
        url=url[:500],
        body_oparl_id=body[:500],
        started_at=started_at,
        finished_at=finished_at,
        ok=error is None,
        message=error.message if error is not None else "",
        params={k: str(v) for k, v in (error.params if error is not None else {}).items()},
        counts=dict(counts or {}),
        started_by_id=user_id,
    )
    session.add(run)
    session.flush()
    return run


def recent_syncs(session: Session, limit: int = 10) -> list[OParlSync]:
    return list(session.scalars(select(OParlSync).order_by(OParlSync.id.desc()).limit(limit)))


def coming_agenda_items(session: Session, now: datetime) -> list[AgendaItem]:
    """Imported agenda items of meetings still to come, for the consultation form."""
    return list(
        session.scalars(
            select(AgendaItem)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .join(Committee, Meeting.committee_id == Committee.id)
            .where(
                AgendaItem.deleted.is_(False),
                Meeting.deleted.is_(False),
                Committee.deleted.is_(False),
                Meeting.starts_at >= now,
            )
            .options(selectinload(AgendaItem.paper))
            .order_by(Committee.name, Meeting.starts_at, AgendaItem.position)
        )
    )
