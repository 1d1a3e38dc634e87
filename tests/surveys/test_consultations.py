from __future__ import annotations

from datetime import timedelta

from surveys import consultations
from surveys.base import utcnow
from surveys.models import Response
from surveys.vocabulary import AccessMode, ConsultationStatus, ResponseStatus


def test_list_counts_only_submitted_responses(session, make_consultation):
    consultation = make_consultation()
    for status in (ResponseStatus.SUBMITTED, ResponseStatus.SUBMITTED, ResponseStatus.DRAFT):
        session.add(Response(consultation=consultation, language="de", status=status))
    make_consultation(slug="empty")
    session.commit()
    counts = {
        row.consultation.slug: row.submitted for row in consultations.list_with_counts(session)
    }
    assert counts == {"test-consultation": 2, "empty": 0}


def test_a_consultation_is_open_only_while_published_and_within_its_dates(make_consultation):
    consultation = make_consultation()
    now = utcnow()
    assert consultations.is_open(consultation, now)
    assert not consultations.is_open(consultation, consultation.closes_at + timedelta(seconds=1))
    assert not consultations.is_open(consultation, consultation.opens_at - timedelta(seconds=1))
    consultation.status = ConsultationStatus.CLOSED
    assert not consultations.is_open(consultation, now)


def test_open_public_leaves_out_drafts_and_invitation_only(session, make_consultation):
    make_consultation(slug="open")
    make_consultation(slug="draft", status=ConsultationStatus.DRAFT)
    invited = make_consultation(slug="invited")
    invited.access_mode = AccessMode.INVITATION
    session.commit()
    assert [c.slug for c in consultations.open_public(session, utcnow())] == ["open"]


def test_deleting_a_consultation_removes_its_responses_but_nothing_else(session, make_consultation):
    import sqlalchemy as sa

    from surveys.models import Answer, Consultation

    doomed = make_consultation(slug="doomed")
    kept = make_consultation(slug="kept")
    for consultation in (doomed, kept):
        response = Response(consultation=consultation, language="de", group=consultation.groups[0])
        response.answers.append(Answer(question=consultation.questions[0], option_code="a"))
        session.add(response)
    session.commit()
    consultations.delete(session, doomed)
    session.commit()
    assert session.scalars(sa.select(Consultation.slug)).all() == ["kept"]
    assert session.scalar(sa.select(sa.func.count()).select_from(Answer)) == 1
