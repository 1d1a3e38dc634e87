"""Respondent-side fixes next to conditions: closing early mid-way, reopening without reason."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from sqlalchemy import select

from surveys.authoring import lifecycle, setup
from surveys.base import utcnow
from surveys.models import AuditEvent, Consultation
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation
from tests.consult.respond_support import BASE, add, every_kind_consultation, in_days, start


@pytest.fixture()
def consultation(db_session):
    return add(db_session, every_kind_consultation())


def test_closing_early_tells_respondents_mid_way_the_real_date_and_keeps_what_they_typed(
    app, client, consultation, db_session
):
    start(client)
    planned = consultation.closes_at
    closed = db_session.get(Consultation, consultation.id)
    lifecycle.close(db_session, closed, utcnow())
    db_session.commit()
    response = client.post(
        f"{BASE}/p/2?lang=de",
        data={"housing": "a", "areas": ["b"], "recognised": "no", "action": "next"},
    )
    page = response.get_data(as_text=True)
    berlin = ZoneInfo("Europe/Berlin")
    today = format_date(utcnow().astimezone(berlin), "long", locale="de")
    planned_text = format_date(planned.astimezone(berlin), "long", locale="de")
    assert today in page and planned_text != today and planned_text not in page
    assert "Housing (de)" in page and "a de" in page and "b de" in page


def test_reopening_without_a_reason_shows_the_error_beside_the_field(client, sign_in, db_session):
    draft = build_consultation("to-reopen", status=ConsultationStatus.CLOSED)
    draft.closed_at = utcnow() - timedelta(hours=1)
    db_session.add(draft)
    db_session.commit()
    sign_in("author")
    response = client.post(
        f"/staff/consultations/{draft.id}/reopen?lang=en",
        data={"reason": "", "closes_at": "2099-01-01T12:00"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="reason-error"' in page and 'aria-invalid="true"' in page


def test_a_draft_is_deleted_after_confirmation_with_an_audit_entry(client, sign_in, db_session):
    draft = build_consultation("to-delete", status=ConsultationStatus.DRAFT)
    db_session.add(draft)
    db_session.commit()
    sign_in("author")
    draft_id = draft.id
    base = f"/staff/consultations/{draft_id}"
    assert f"{base}/delete" in client.get(f"{base}/?lang=en").get_data(as_text=True)
    confirm = client.get(f"{base}/delete?lang=en").get_data(as_text=True)
    assert "to-delete (en)" in confirm and "Yes, delete the draft" in confirm
    db_session.expire_all()
    assert db_session.get(Consultation, draft_id) is not None
    response = client.post(f"{base}/delete")
    assert response.location.endswith("/staff/consultations/")
    db_session.expire_all()
    assert db_session.get(Consultation, draft_id) is None
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "consultation.delete"))
    assert event is not None and event.details["slug"] == "to-delete"


def test_a_published_consultation_cannot_be_deleted(client, sign_in, db_session):
    published = build_consultation("live")
    db_session.add(published)
    db_session.commit()
    sign_in("author")
    client.post(f"/staff/consultations/{published.id}/delete")
    db_session.expire_all()
    assert db_session.get(Consultation, published.id) is not None


def test_committee_and_meeting_names_are_translated_and_fall_back_to_german(
    app, client, sign_in, db_session
):
    live = build_consultation("with-meeting", languages=("de", "ar", "uk"))
    live.meeting = setup.find_or_create_meeting(
        db_session,
        setup.MeetingData("Integrationsbeirat", "Frühjahrssitzung", in_days(30), "4", "BV/1"),
    )
    db_session.add(live)
    db_session.commit()
    sign_in("author")
    response = client.post(
        f"/staff/consultations/{live.id}/translations/ar",
        data={
            "text:meeting.committee": "المجلس الاستشاري للاندماج",
            "text:meeting.title": "جلسة الربيع",
        },
    )
    assert response.status_code == 302
    respondent = app.test_client()
    arabic = respondent.get("/c/with-meeting?lang=ar").get_data(as_text=True)
    assert "المجلس الاستشاري للاندماج" in arabic and "جلسة الربيع" in arabic
    assert "Integrationsbeirat" not in arabic
    ukrainian = respondent.get("/c/with-meeting?lang=uk").get_data(as_text=True)
    assert "Integrationsbeirat" in ukrainian and "Frühjahrssitzung" in ukrainian
