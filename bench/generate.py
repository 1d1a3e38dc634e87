"""A large consultation for benchmarks: N responses × 25 questions, inserted in bulk."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from surveys.base import utcnow
from surveys.demo import content
from surveys.models import (
    Answer,
    Consultation,
    Option,
    Question,
    Response,
    Section,
    StakeholderGroup,
)
from surveys.vocabulary import ConsultationStatus, QuestionKind, ResponseStatus

LANGUAGES = ["de", "ar", "fa", "uk", "en"]
LANGUAGE_WEIGHTS = [40, 20, 15, 15, 10]
GROUPS = ["volunteers", "welfare", "schools", "municipal", "police", "migrant_orgs"]
# 25 questions, a fifth of them free text.
PLAN = (
    [QuestionKind.SINGLE_CHOICE] * 6
    + [QuestionKind.MULTIPLE_CHOICE] * 4
    + [QuestionKind.SCALE] * 4
    + [QuestionKind.YES_NO] * 2
    + [QuestionKind.NUMBER] * 2
    + [QuestionKind.RANKING, QuestionKind.DATE]
    + [QuestionKind.LONG_TEXT] * 3
    + [QuestionKind.SHORT_TEXT] * 2
)
CHUNK = 50_000
FIELDS = [
    "housing",
    "language_education",
    "labour_market",
    "safety",
    "health",
    "social_cultural",
    "volunteering",
]


def build(session: Session) -> Consultation:
    """The questionnaire: 25 questions in five sections, texts in five languages."""
    now = utcnow()
    consultation = Consultation(
        slug=f"bench-{uuid.uuid4().hex[:8]}",
        title={lang: f"Benchmark ({lang})" for lang in LANGUAGES},
        languages=list(LANGUAGES),
        status=ConsultationStatus.CLOSED,
        opens_at=now - timedelta(days=60),
        closes_at=now - timedelta(days=1),
    )
    for code in GROUPS:
        consultation.groups.append(StakeholderGroup(code=code, label={"de": code}))
    sections = [Section(title={"de": f"Teil {n}"}) for n in range(5)]
    consultation.sections.extend(sections)
    for index, kind in enumerate(PLAN):
        question = Question(
            code=f"q{index + 1:02d}",
            kind=kind,
            prompt={lang: f"Frage {index + 1} ({lang})" for lang in LANGUAGES},
            field_of_action=FIELDS[index % len(FIELDS)],
            settings={"min": 1, "max": 5, "dont_know": True} if kind is QuestionKind.SCALE else {},
        )
        sections[index % 5].questions.append(question)
        if kind.has_options:
            for n in range(5):
                question.options.append(Option(code=f"o{n + 1}", label={"de": f"Option {n + 1}"}))
    session.add(consultation)
    session.flush()
    return consultation


def _pools() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for per_language in content.FREE_TEXT.values():
        for lang, texts in per_language.items():
            pools[lang].extend(texts)
    return pools


def _values(kind: QuestionKind, language: str, rng: random.Random, pools: dict) -> list[tuple]:
    """(option_code, text, number) tuples of one answer."""
    if kind.is_text:
        return [(None, rng.choice(pools[language]), None)]
    if kind is QuestionKind.SINGLE_CHOICE:
        return [(f"o{rng.randint(1, 5)}", None, None)]
    if kind is QuestionKind.MULTIPLE_CHOICE:
        return [(f"o{n}", None, None) for n in rng.sample(range(1, 6), rng.randint(1, 3))]
    if kind is QuestionKind.SCALE:
        if rng.random() < 0.05:
            return [("dont_know", None, None)]
        return [(None, None, float(rng.randint(1, 5)))]
    if kind is QuestionKind.YES_NO:
        return [(rng.choice(["yes", "no", "dont_know"]), None, None)]
    if kind is QuestionKind.NUMBER:
        return [(None, None, float(rng.randint(0, 200)))]
    if kind is QuestionKind.DATE:
        return [(None, f"20{rng.randint(15, 26)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", None)]
    order = rng.sample(range(1, 6), 5)
    return [(f"o{n}", None, float(rank)) for rank, n in enumerate(order, 1)]


def populate(session: Session, consultation: Consultation, responses: int, seed: int = 1) -> int:
    """Insert `responses` submitted responses with their answers; returns the answer count."""
    rng = random.Random(seed)
    pools = _pools()
    groups = {g.code: g.id for g in consultation.groups}
    questions = [(q.id, QuestionKind(q.kind), q.required) for q in consultation.questions]
    start = consultation.opens_at
    first_id = (session.scalar(sa.select(sa.func.max(Response.id))) or 0) + 1
    answer_rows: list[dict] = []
    response_rows: list[dict] = []
    answers = 0

    def flush() -> None:
        nonlocal answer_rows, response_rows
        if response_rows:
            session.execute(sa.insert(Response), response_rows)
        if answer_rows:
            session.execute(sa.insert(Answer), answer_rows)
        answer_rows, response_rows = [], []

    for n in range(responses):
        response_id = first_id + n
        language = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
        submitted = start + timedelta(minutes=rng.randint(0, 59 * 24 * 60))
        response_rows.append(
            {
                "id": response_id,
                "public_id": uuid.UUID(int=rng.getrandbits(128)).hex,
                "consultation_id": consultation.id,
                "language": language,
                "group_id": groups[rng.choice(GROUPS)],
                "channel": "paper" if rng.random() < 0.08 else "online",
                "status": ResponseStatus.SUBMITTED,
                "created_at": submitted,
                "updated_at": submitted,
                "submitted_at": submitted,
            }
        )
        for question_id, kind, _required in questions:
            if rng.random() < (0.35 if kind.is_text else 0.08):
                continue
            for option_code, text, number in _values(kind, language, rng, pools):
                answer_rows.append(
                    {
                        "response_id": response_id,
                        "question_id": question_id,
                        "option_code": option_code,
                        "text": text,
                        "number": number,
                    }
                )
                answers += 1
        if len(answer_rows) >= CHUNK:
            flush()
    flush()
    return answers
