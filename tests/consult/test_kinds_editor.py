"""Authors build a matrix (items as options, one shared scale) and a consent in the editor."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from surveys.models import Consultation, Question
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation


@pytest.fixture()
def consultation(db_session):
    consultation = build_consultation(status=ConsultationStatus.DRAFT, languages=("de", "ar"))
    db_session.add(consultation)
    db_session.commit()
    return consultation


@pytest.fixture()
def author(sign_in):
    return sign_in("author")


def _add(client, db_session, consultation, kind: str, prompt: str) -> Question:
    section = consultation.sections[0]
    base = f"/staff/consultations/{consultation.id}"
    client.post(
        f"{base}/sections/{section.id}/questions",
        data={f"s{section.id}-kind": kind, f"s{section.id}-prompt": prompt},
    )
    db_session.expire_all()
    return db_session.scalar(
        sa.select(Question).where(Question.section_id == section.id).order_by(Question.id.desc())
    )


def test_a_matrix_gets_a_scale_and_items_in_the_editor(client, author, consultation, db_session):
    base = f"/staff/consultations/{consultation.id}"
    page = client.get(f"{base}/questionnaire").get_data(as_text=True)
    assert "Matrix (mehrere Punkte auf einer Skala)" in page
    question = _add(client, db_session, consultation, "matrix", "Wie gut informiert?")
    assert question.settings == {"min": 1, "max": 5}
    editor = client.get(f"{base}/questions/{question.id}").get_data(as_text=True)
    assert "jeden Punkt auf der Skala oben" in editor
    client.post(
        f"{base}/questions/{question.id}/options",
        data={"new-options": "kurse\tSprachkurse\naerzte\tÄrzte"},
    )
    response = client.post(
        f"{base}/questions/{question.id}",
        data={
            "code": question.code,
            "kind": "matrix",
            "prompt": "Wie gut informiert?",
            "help_text": "",
            "field_of_action": "",
            "required": "y",
            "scale_min": "1",
            "scale_max": "4",
            "min_label": "gar nicht",
            "max_label": "sehr gut",
            "other": "y",
            "cond-0-question": "",
        },
    )
    assert response.status_code == 302
    db_session.expire_all()
    saved = db_session.get(Question, question.id)
    assert [o.code for o in saved.options] == ["kurse", "aerzte"]
    # Choice settings ("other") do not belong to a matrix and are not kept.
    assert saved.settings == {
        "min": 1,
        "max": 4,
        "min_label": {"de": "gar nicht"},
        "max_label": {"de": "sehr gut"},
    }
    # The end labels are texts to translate like a scale's.
    translations = client.get(f"{base}/translations/ar").get_data(as_text=True)
    assert "gar nicht" in translations and "Sprachkurse" in translations


def test_a_consent_is_a_statement_and_no_options(client, author, consultation, db_session):
    base = f"/staff/consultations/{consultation.id}"
    question = _add(client, db_session, consultation, "consent", "Ich stimme zu.")
    assert (question.kind, question.settings) == ("consent", {})
    editor = client.get(f"{base}/questions/{question.id}").get_data(as_text=True)
    assert "Teilnehmende setzen ein Häkchen neben diese Aussage" in editor
    assert 'id="options-title"' not in editor
    assert db_session.get(Consultation, consultation.id).status == "draft"
