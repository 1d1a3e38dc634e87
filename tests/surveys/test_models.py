from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from surveys.models import AuditEvent, Consultation, Question, Section


def test_in_place_edit_of_a_translation_is_saved(session, make_consultation):
    consultation = make_consultation()
    consultation.title["ar"] = "استشارة"
    session.commit()
    session.expire_all()
    assert session.get(Consultation, consultation.id).title["ar"] == "استشارة"


def test_datetimes_come_back_aware_in_utc(session, make_consultation):
    berlin = timezone(timedelta(hours=1))
    consultation = make_consultation()
    consultation.closes_at = datetime(2027, 3, 1, 18, 0, tzinfo=berlin)
    session.commit()
    session.expire_all()
    closes = session.get(Consultation, consultation.id).closes_at
    assert closes == datetime(2027, 3, 1, 17, 0, tzinfo=UTC)
    assert closes.utcoffset() == timedelta(0)


def test_naive_datetimes_are_refused(session, make_consultation):
    consultation = make_consultation()
    consultation.closes_at = datetime(2027, 3, 1, 18, 0)
    with pytest.raises(sa.exc.StatementError):
        session.commit()
    session.rollback()


def test_question_codes_are_unique_within_a_consultation(session, make_consultation):
    consultation = make_consultation()
    consultation.sections[0].questions.append(Question(code="q_choice", kind="short_text"))
    with pytest.raises(sa.exc.IntegrityError):
        session.commit()
    session.rollback()


def test_the_same_code_may_be_used_in_another_consultation(session, make_consultation):
    make_consultation(slug="first")
    make_consultation(slug="second")  # committed: the database accepted the same codes twice
    stored = session.scalar(
        sa.select(sa.func.count()).select_from(Question).where(Question.code == "q_choice")
    )
    assert stored == 2


def test_questions_keep_their_order_and_follow_their_section(session, make_consultation):
    consultation = make_consultation()
    section = Section(title={"de": "Zwei"})
    consultation.sections.append(section)
    section.questions.append(Question(code="later", kind="number"))
    session.commit()
    session.expire_all()
    reloaded = session.get(Consultation, consultation.id)
    assert [q.code for q in reloaded.questions] == ["q_choice", "q_text", "later"]
    assert reloaded.questions[-1].consultation_id == consultation.id


def test_deleting_a_consultation_removes_its_questionnaire(session, make_consultation):
    consultation = make_consultation()
    session.delete(consultation)
    session.commit()
    assert session.scalar(sa.select(sa.func.count()).select_from(Question)) == 0


def test_audit_events_record_their_object(session, make_consultation):
    from surveys.administration.audit import record

    consultation = make_consultation()
    record(session, "consultation.publish", obj=consultation, note="x")
    session.commit()
    event = session.scalar(sa.select(AuditEvent))
    assert (event.object_type, event.object_id, event.details) == (
        "Consultation",
        str(consultation.id),
        {"note": "x"},
    )
