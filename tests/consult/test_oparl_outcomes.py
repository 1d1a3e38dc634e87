"""What the committee decided: staff record outcomes, translate them, the public sees them."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from surveys.models import AuditEvent, Outcome, ReportSettings
from surveys.vocabulary import ConsultationStatus
from tests.consult.review_support import arrange


@pytest.fixture()
def closed(db_session):
    consultation, _answers = arrange(db_session, slug="decided")
    consultation.status = ConsultationStatus.CLOSED
    db_session.add(
        ReportSettings(
            consultation_id=consultation.id,
            fields=[],
            questions=[],
            summaries={},
            open_points={},
            public_results=True,
        )
    )
    db_session.commit()
    return consultation


def _record(client, consultation, **changes):
    data = {
        "outcome_id": "",
        "field_of_action": "language_education",
        "question": "q_text",
        "status": "adopted",
        "text": "Der Ausschuss beschließt zwei weitere Sprachkurse.",
        "link": "https://ris.example/vorlage/137",
        **changes,
    }
    return client.post(f"/staff/consultations/{consultation.id}/outcomes", data=data)


def _outcomes(db_session):
    db_session.expire_all()
    return list(db_session.scalars(select(Outcome)))


def test_an_author_records_an_outcome_after_closing(client, sign_in, closed, db_session):
    sign_in("author")

    response = _record(client, closed)

    assert response.status_code == 302
    [outcome] = _outcomes(db_session)
    assert outcome.text == {"de": "Der Ausschuss beschließt zwei weitere Sprachkurse."}
    assert outcome.status == "adopted" and outcome.question.code == "q_text"
    page = client.get(response.location).get_data(as_text=True)
    assert "Der Ausschuss beschließt zwei weitere Sprachkurse." in page
    assert "Angenommen" in page
    actions = set(db_session.scalars(select(AuditEvent.action)))
    assert "outcome.create" in actions


def test_a_link_that_is_not_a_web_address_is_refused(client, sign_in, closed, db_session):
    sign_in("author")

    response = _record(client, closed, link="javascript:alert(1)")

    assert "http:// oder https://" in html.unescape(response.get_data(as_text=True))
    assert _outcomes(db_session) == []


def test_an_outcome_is_changed_and_deleted(client, sign_in, closed, db_session):
    sign_in("author")
    _record(client, closed)
    [outcome] = _outcomes(db_session)

    _record(client, closed, outcome_id=str(outcome.id), status="referred", text="Verwiesen.")
    [changed] = _outcomes(db_session)
    client.post(f"/staff/consultations/{closed.id}/outcomes/{outcome.id}/delete")

    assert (changed.status, changed.text) == ("referred", {"de": "Verwiesen."})
    assert _outcomes(db_session) == []


def test_facilitators_may_not_record_outcomes(client, sign_in, closed, db_session):
    sign_in("facilitator")

    assert _record(client, closed).status_code == 403
    assert _outcomes(db_session) == []


def test_the_public_results_page_shows_the_outcome_in_the_readers_language(
    client, sign_in, closed, db_session
):
    sign_in("author")
    _record(client, closed)
    [outcome] = _outcomes(db_session)
    client.post(
        f"/staff/consultations/{closed.id}/translations/ar",
        data={f"text:outcome.{outcome.id}.text": "قررت اللجنة دورتين إضافيتين للغة."},
    )
    client.post("/auth/sign-out")

    arabic = html.unescape(client.get("/c/decided/results?lang=ar").get_data(as_text=True))
    german = html.unescape(client.get("/c/decided/results?lang=de").get_data(as_text=True))
    ukrainian = html.unescape(client.get("/c/decided/results?lang=uk").get_data(as_text=True))

    assert "قررت اللجنة دورتين إضافيتين للغة." in arabic
    assert "ما قررته اللجنة" in arabic  # the heading, in Arabic
    assert "Der Ausschuss beschließt zwei weitere Sprachkurse." in german
    assert 'href="https://ris.example/vorlage/137"' in german
    # Not translated into Ukrainian yet: the source text stands in.
    assert "Der Ausschuss beschließt zwei weitere Sprachkurse." in ukrainian


def test_an_invitee_who_asked_is_told_the_outcome_once_in_their_language(
    make_app, tmp_path, db_session, sign_in
):
    from email import message_from_bytes, policy

    from surveys.answering import responses
    from surveys.authoring import outcomes
    from surveys.base import utcnow
    from surveys.models import Invitation
    from tests.conftest import TEST_PASSWORD, build_consultation

    outbox = tmp_path / "outbox"
    app = make_app(MAIL_OUTBOX=str(outbox))
    consultation = build_consultation("told", languages=("de", "ar"))
    db_session.add(consultation)
    invitation, token = responses.create_invitation(
        db_session, consultation, language="ar", name="Amal", email="amal@example.org"
    )
    invitation.used_at = utcnow()  # answered through the invitation
    db_session.commit()
    respondent = app.test_client()
    respondent.get(f"/c/told/i/{token}")

    asked = respondent.post("/c/told/done/outcome")

    assert asked.status_code == 302
    consultation.status = ConsultationStatus.CLOSED
    outcomes.save_outcome(
        db_session,
        consultation,
        outcomes.OutcomeData(status="adopted", text="Zwei weitere Sprachkurse."),
    )
    consultation.outcomes[0].text = {**consultation.outcomes[0].text, "ar": "دورتان إضافيتان للغة."}
    db_session.commit()
    sign_in("author")
    staff = app.test_client()
    staff.post("/auth/sign-in", data={"email": "author@example.org", "password": TEST_PASSWORD})
    page = staff.get(f"/staff/consultations/{consultation.id}/outcomes").get_data(as_text=True)
    assert "1 eingeladene Person hat gebeten" in page

    staff.post(f"/staff/consultations/{consultation.id}/outcomes/send")
    assert app.extensions["consult_jobs"].wait_idle(timeout=20)
    again = staff.post(
        f"/staff/consultations/{consultation.id}/outcomes/send", follow_redirects=True
    )

    mails = sorted(outbox.glob("*.eml"))
    assert len(mails) == 1
    mail = message_from_bytes(mails[0].read_bytes(), policy=policy.default)
    body = mail.get_content()
    assert mail["To"].addresses[0].addr_spec == "amal@example.org"
    assert "دورتان إضافيتان للغة." in body and "Zwei weitere" not in body
    assert "ما قررته اللجنة" in mail["Subject"]
    assert "niemanden" in html.unescape(again.get_data(as_text=True))
    db_session.expire_all()
    assert db_session.get(Invitation, invitation.id).outcome_sent_at is not None
