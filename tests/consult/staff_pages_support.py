"""Every staff page, on the demo consultation: what the HTML and accessibility checks visit.

`arrange(session)` loads the demo (a questionnaire in several languages with some answers,
a paper response and a theme) and returns the addresses of every staff page that answers
a GET with HTML, in states a staff member meets: lists, editors, results, error-free forms.
"""

from __future__ import annotations

import sqlalchemy as sa

from surveys.demo.loader import load
from surveys.models import Answer, Response, Theme
from surveys.vocabulary import Channel, ConsultationStatus
from tests.conftest import build_consultation

PASSWORD = "demo-passwort-2027"
# Roles that open every staff page together.
ALL_ROLES = ("admin", "author", "facilitator")


def arrange(session) -> list[str]:
    consultation = load(session, password=PASSWORD, responses=12).consultation
    theme = Theme(consultation=consultation, code="housing", label={"de": "Wohnen", "ar": "السكن"})
    session.add(theme)
    paper = Response(
        consultation=consultation,
        language="de",
        group=consultation.groups[0],
        channel=Channel.PAPER,
    )
    session.add(paper)
    draft = build_consultation(
        "draft-check", status=ConsultationStatus.DRAFT, languages=("de", "ar")
    )
    session.add(draft)
    session.commit()
    text_answer = session.scalar(
        sa.select(Answer).where(Answer.text.is_not(None), Answer.text != "").limit(1)
    )
    c = consultation
    s = c.sections[0]
    base = f"/staff/consultations/{c.id}"
    review = f"/staff/review/{c.id}"
    pages = [
        "/staff/",
        "/staff/users",
        "/staff/audit",
        "/staff/site/de",
        "/staff/languages/",
        "/staff/oparl/",
        "/staff/consultations/",
        "/staff/consultations/new",
        "/staff/consultations/import",
        f"{base}/",
        f"{base}/settings",
        f"{base}/questionnaire",
        f"{base}/sections/{s.id}",
        f"{base}/translations",
        f"{base}/translations/{c.languages[1]}",
        f"{base}/preview",
        f"{base}/preview?lang=ar",
        f"{base}/invitations",
        f"{base}/notice/de",
        f"{base}/paper/",
        f"{base}/paper/new",
        f"{base}/paper/{paper.id}",
        f"{base}/print",
        f"{review}/",
        f"{review}/results",
        f"{review}/texts",
        f"{review}/themes",
        f"{review}/themes/{theme.id}",
        f"{review}/report",
        f"{review}/report/preview",
        f"{review}/wordclouds",
    ]
    pages += [f"{base}/questions/{question.id}" for question in _one_per_kind(c)]
    # A draft opens the full editor: options, moving, deleting.
    draft_base = f"/staff/consultations/{draft.id}"
    pages += [
        f"{draft_base}/",
        f"{draft_base}/settings",
        f"{draft_base}/questionnaire",
        f"{draft_base}/sections/{draft.sections[0].id}",
        f"{draft_base}/translations/ar",
        f"{draft_base}/preview?lang=ar",
    ]
    pages += [f"{draft_base}/questions/{question.id}" for question in draft.questions]
    if text_answer is not None:
        pages.append(f"{review}/answers/{text_answer.id}")
    return pages


def _one_per_kind(consultation):
    seen = {}
    for question in consultation.questions:
        seen.setdefault(question.kind, question)
    return list(seen.values())
