"""Respondent-side fixes next to conditions: closing early mid-way, reopening without reason."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date

from surveys.authoring import lifecycle
from surveys.base import utcnow
from surveys.models import Consultation
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation
from tests.consult.respond_support import BASE, add, every_kind_consultation, start


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
