"""Load the demo committee, consultation, staff accounts and generated responses."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from surveys.administration import users
from surveys.answering.visibility import is_visible
from surveys.base import utcnow
from surveys.demo import content
from surveys.models import (
    Answer,
    Committee,
    Consultation,
    Meeting,
    Option,
    Question,
    Response,
    Section,
    StakeholderGroup,
)
from surveys.reviewing import moderation
from surveys.vocabulary import (
    DONT_KNOW,
    NO,
    OTHER,
    YES,
    AccessMode,
    Channel,
    ConsultationStatus,
    QuestionKind,
    ResponseStatus,
)

SEED = 2027
DEMO_USERS = [
    ("admin@consult.example", ("admin",)),
    ("autorin@consult.example", ("author",)),
    ("moderation@consult.example", ("facilitator",)),
]
# How often each language answers: German most, then the refugees' own languages.
LANGUAGE_WEIGHTS = {"de": 40, "en": 8, "ar": 20, "fa": 16, "uk": 16}
DRAFT_SHARE = 0.06
PAPER_SHARE = 0.1


@dataclass(frozen=True)
class LoadResult:
    consultation: Consultation
    created: bool


def load(session: Session, *, password: str, responses: int = 300) -> LoadResult:
    """Create whatever of the demo is missing; a second run changes nothing."""
    for email, roles in DEMO_USERS:
        if users.find_user(session, email) is None:
            users.create_user(session, email, password, roles, name=email.split("@")[0].title())
    existing = session.scalar(
        select(Consultation).where(Consultation.slug == content.CONSULTATION["slug"])
    )
    if existing is not None:
        return LoadResult(existing, created=False)
    consultation = build_consultation(session)
    generate_responses(session, consultation, responses, random.Random(SEED))
    session.flush()
    return LoadResult(consultation, created=True)


def build_consultation(session: Session) -> Consultation:
    """The committee, its next meeting and the published questionnaire."""
    now = utcnow().replace(minute=0, second=0, microsecond=0)
    committee = session.scalar(select(Committee).where(Committee.name == content.COMMITTEE))
    if committee is None:
        committee = Committee(name=content.COMMITTEE)
        session.add(committee)
    meeting_data = content.MEETING
    meeting = Meeting(
        committee=committee,
        title=meeting_data["title"],
        starts_at=(now + timedelta(days=meeting_data["days_from_now"])).replace(hour=15),
        agenda_item=meeting_data["agenda_item"],
        paper_number=meeting_data["paper_number"],
    )
    data = content.CONSULTATION
    consultation = Consultation(
        slug=data["slug"],
        title=dict(data["title"]),
        introduction=dict(data["introduction"]),
        privacy_notice=dict(data["privacy_notice"]),
        controller_contact=data["controller_contact"],
        estimated_minutes=data["estimated_minutes"],
        languages=list(content.LANGUAGES),
        status=ConsultationStatus.PUBLISHED,
        access_mode=AccessMode.BOTH,
        anonymous=True,
        meeting=meeting,
        opens_at=now - timedelta(days=21),
        closes_at=meeting.starts_at - timedelta(days=7),
        published_at=now - timedelta(days=21),
    )
    session.add(consultation)
    for group in content.GROUPS:
        consultation.groups.append(StakeholderGroup(code=group["code"], label=dict(group["label"])))
    for section_data in content.SECTIONS:
        section = Section(
            title=dict(section_data["title"]), description=dict(section_data.get("description", {}))
        )
        consultation.sections.append(section)
        for q in section_data["questions"]:
            question = Question(
                code=q["code"],
                kind=q["kind"],
                required=q["required"],
                prompt=dict(q["prompt"]),
                help_text=dict(q.get("help_text") or {}),
                field_of_action=q["field_of_action"],
                settings=dict(q.get("settings") or {}),
                show_if=dict(q["show_if"]) if q.get("show_if") else None,
            )
            section.questions.append(question)
            for option in q.get("options", []):
                question.options.append(Option(code=option["code"], label=dict(option["label"])))
    session.flush()
    return consultation


def generate_responses(
    session: Session, consultation: Consultation, count: int, rng: random.Random
) -> None:
    """Plausible responses with a fixed seed, spread over the weeks the consultation is open."""
    languages = list(LANGUAGE_WEIGHTS)
    weights = list(LANGUAGE_WEIGHTS.values())
    questions = consultation.questions
    opened = consultation.opens_at
    assert opened is not None  # build_consultation sets it
    span = max((utcnow() - opened).total_seconds(), 3600)
    for _ in range(count):
        language = rng.choices(languages, weights)[0]
        draft = rng.random() < DRAFT_SHARE
        created = opened + timedelta(seconds=rng.uniform(0, span))
        response = Response(
            consultation=consultation,
            language=language,
            group=rng.choice(consultation.groups),
            channel=Channel.PAPER if rng.random() < PAPER_SHARE else Channel.ONLINE,
            status=ResponseStatus.DRAFT if draft else ResponseStatus.SUBMITTED,
            created_at=created,
            updated_at=created,
            submitted_at=None if draft else created + timedelta(minutes=rng.randint(4, 40)),
        )
        given: dict[str, set[str]] = {}
        for index, question in enumerate(questions):
            if draft and index > len(questions) // 2:
                break
            if not is_visible(question, given):
                continue
            if not question.required and rng.random() < 0.15:
                continue
            values = _answer_values(question, language, rng)
            given[question.code] = {v["option_code"] for v in values if v.get("option_code")}
            for value in values:
                answer = Answer(question=question, **value)
                moderation.flag(answer)
                response.answers.append(answer)
        session.add(response)


def _free_text(key: str, language: str, rng: random.Random) -> str | None:
    pool = content.FREE_TEXT.get(key, {}).get(language) or []
    return rng.choice(pool) if pool else None


def _answer_values(question: Question, language: str, rng: random.Random) -> list[dict[str, Any]]:
    """The stored values of one answer, in the long format answers use for every kind."""
    kind = QuestionKind(question.kind)
    settings = question.settings
    codes = [option.code for option in question.options]
    if kind.is_text:
        text = _free_text(question.code, language, rng)
        return [{"text": text}] if text else []
    if kind is QuestionKind.SINGLE_CHOICE:
        if settings.get("other") and rng.random() < 0.06:
            return [
                {"option_code": OTHER, "text": _free_text(f"{question.code}.other", language, rng)}
            ]
        # A gentle skew towards the first options, as real answers have.
        return [{"option_code": rng.choices(codes, range(len(codes) + 1, 1, -1))[0]}]
    if kind is QuestionKind.MULTIPLE_CHOICE:
        low = int(settings.get("min_selected", 1))
        high = int(settings.get("max_selected", len(codes)))
        picked = rng.sample(codes, rng.randint(low, min(high, len(codes))))
        values: list[dict[str, Any]] = [{"option_code": code} for code in picked]
        if settings.get("other") and len(picked) < high and rng.random() < 0.08:
            values.append(
                {"option_code": OTHER, "text": _free_text(f"{question.code}.other", language, rng)}
            )
        return values
    if kind is QuestionKind.SCALE:
        if settings.get("dont_know") and rng.random() < 0.07:
            return [{"option_code": DONT_KNOW}]
        low, high = int(settings.get("min", 1)), int(settings.get("max", 5))
        middle = (low + high) / 2
        point = round(min(max(rng.gauss(middle - 0.4, (high - low) / 3), low), high))
        return [{"number": float(point)}]
    if kind is QuestionKind.YES_NO:
        return [{"option_code": rng.choices([YES, NO, DONT_KNOW], [55, 35, 10])[0]}]
    if kind is QuestionKind.NUMBER:
        smallest, largest = float(settings.get("min", 0)), float(settings.get("max", 100))
        spread = max((largest - smallest) / 10, 1)
        return [{"number": float(round(min(largest, smallest + rng.expovariate(1 / spread))))}]
    if kind is QuestionKind.DATE:
        day = date(2015, 1, 1) + timedelta(days=rng.randint(0, 365 * 10))
        return [{"text": day.isoformat()}]
    if kind is QuestionKind.RANKING:
        order = rng.sample(codes, len(codes))
        return [{"option_code": code, "number": float(rank)} for rank, code in enumerate(order, 1)]
    if kind is QuestionKind.MATRIX:
        low, high = int(settings.get("min", 1)), int(settings.get("max", 5))
        return [{"option_code": code, "number": float(rng.randint(low, high))} for code in codes]
    if kind is QuestionKind.CONSENT:
        return [{"option_code": YES}] if rng.random() < 0.7 else []
    return []
