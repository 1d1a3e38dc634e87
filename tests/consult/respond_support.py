"""Helpers for the respondent journey's view tests: consultations, walking pages, counting."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from surveys.base import utcnow
from surveys.models import Answer, Consultation, Option, Question, Response, Section
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation

SLUG = "every-kind"
BASE = f"/c/{SLUG}"


def every_kind_consultation() -> Consultation:
    """Three pages covering every question kind, with a show_if across pages."""
    c = build_consultation(SLUG, languages=("de", "en", "ar"))
    c.sections.clear()
    c.estimated_minutes = 7
    c.controller_contact = "Landkreis Test, datenschutz@landkreis.example"
    c.privacy_notice = {"de": "Datenschutzhinweis", "en": "Privacy notice", "ar": "إشعار الخصوصية"}

    def text(**texts: str) -> dict[str, str]:
        return texts

    def q(code: str, kind: str, prompt: str, **kw: Any) -> Question:
        options = kw.pop("options", ())
        question = Question(
            code=code,
            kind=kind,
            prompt={"de": f"{prompt} (de)", "en": prompt, "ar": f"سؤال {code}"},
            **kw,
        )
        for option in options:
            question.options.append(
                Option(
                    code=option, label={"de": f"{option} de", "en": option, "ar": f"خيار {option}"}
                )
            )
        return question

    one = Section(title=text(de="Über Sie", en="About you", ar="عنكم"))
    two = Section(title=text(de="Auswahl", en="Choices", ar="اختيارات"))
    three = Section(title=text(de="Bewertung", en="Rating", ar="تقييم"))
    # Sections first: questions take their consultation from their section.
    c.sections.extend([one, two, three])
    one.questions.extend(
        [
            q("name_of_place", "short_text", "Place", required=True),
            q("story", "long_text", "Story", settings={"max_length": 50}),
            q("count", "number", "Count", settings={"min": 0, "max": 10}),
            q("since", "date", "Since"),
        ]
    )
    two.questions.extend(
        [
            q(
                "housing",
                "single_choice",
                "Housing",
                required=True,
                options="ab",
                settings={"other": True},
            ),
            q(
                "areas",
                "multiple_choice",
                "Areas",
                options="abc",
                settings={"other": True, "min_selected": 1, "max_selected": 2},
            ),
            q("recognised", "yes_no", "Recognised", required=True),
        ]
    )
    three.questions.extend(
        [
            q(
                "details",
                "short_text",
                "Details",
                required=True,
                show_if={"question": "recognised", "options": ["yes"]},
            ),
            q(
                "safety",
                "scale",
                "Safety",
                required=True,
                settings={
                    "min": 1,
                    "max": 5,
                    "dont_know": True,
                    "min_label": {"en": "Very unsafe", "de": "Sehr unsicher"},
                    "max_label": {"en": "Very safe", "de": "Sehr sicher"},
                },
            ),
            q("priorities", "ranking", "Priorities", options="xyz"),
            q(
                "informed",
                "matrix",
                "Informed",
                options="mn",
                settings={
                    "min": 1,
                    "max": 4,
                    "min_label": {"en": "Not at all", "de": "Gar nicht"},
                    "max_label": {"en": "Very well", "de": "Sehr gut"},
                },
            ),
            q("agree", "consent", "Agree"),
        ]
    )
    return c


def add(db_session, consultation: Consultation) -> Consultation:
    db_session.add(consultation)
    db_session.commit()
    return consultation


def set_state(db_session, consultation: Consultation, **changes: Any) -> None:
    for key, value in changes.items():
        setattr(consultation, key, value)
    db_session.commit()


PAGE_ONE = {
    "name_of_place": "Beispielstadt",
    "story": "Kurz",
    "count": "3,5",
    "since": "2020-05-01",
}
PAGE_TWO = {"housing": "a", "areas": ["a", "b"], "recognised": "no"}
PAGE_THREE = {
    "safety": "4",
    "priorities__rank__x": "2",
    "priorities__rank__y": "1",
    "priorities__rank__z": "3",
}


def start(client, group: str = "volunteers", slug: str = SLUG, **headers: Any) -> Any:
    return client.post(f"/c/{slug}/start", data={"group": group}, headers=headers)


def post_page(
    client,
    number: int,
    data: dict,
    action: str = "next",
    slug: str = SLUG,
    expect: int | None = 302,
) -> Any:
    """Post one questionnaire page; the reply must have the `expect`ed status (a saved page
    redirects), so a step that silently failed cannot pass for one that worked."""
    response = client.post(f"/c/{slug}/p/{number}", data={**data, "action": action})
    if expect is not None:
        assert response.status_code == expect, response.get_data(as_text=True)[:2000]
    return response


def answer_everything(client, slug: str = SLUG) -> None:
    assert start(client, slug=slug).status_code == 302
    for number, data in enumerate((PAGE_ONE, PAGE_TWO, PAGE_THREE), start=1):
        response = post_page(client, number, data, slug=slug)
        assert response.status_code == 302, response.get_data(as_text=True)


def count(db_session, model: Any = Response, **where: Any) -> int:
    query = select(func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    db_session.expire_all()
    return db_session.scalar(query)


def responses(db_session) -> list[Response]:
    db_session.expire_all()
    return list(db_session.scalars(select(Response)))


def answers(db_session, code: str) -> list[Answer]:
    db_session.expire_all()
    return list(
        db_session.scalars(select(Answer).join(Answer.question).where(Question.code == code))
    )


def receipt_code(html: str) -> str:
    match = re.search(r'class="code"[^>]*>([A-Z0-9-]{14})<', html)
    assert match, html
    return match.group(1)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match
    return match.group(1)


PAST = ConsultationStatus.CLOSED


def in_days(days: int):
    return utcnow() + timedelta(days=days)
