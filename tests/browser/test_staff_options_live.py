"""With JavaScript, answer options move and go without a page load; the page stays put."""

from __future__ import annotations

import sqlalchemy as sa

from surveys.models import Consultation
from surveys.vocabulary import ConsultationStatus
from tests.conftest import TEST_PASSWORD, build_consultation


def test_options_move_and_disappear_without_reloading(page, live_server, make_user, db_session):
    consultation = build_consultation(status=ConsultationStatus.DRAFT, languages=("de",))
    db_session.add(consultation)
    db_session.commit()
    question = consultation.questions[0]
    make_user("autorin@example.org", ("author",))
    page.goto(f"{live_server}/auth/sign-in")
    page.get_by_label("E-Mail-Adresse").fill("autorin@example.org")
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/staff/")
    page.goto(f"{live_server}/staff/consultations/{consultation.id}/questions/{question.id}")
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_role("button", name="a nach unten verschieben").click()
    page.get_by_role("status").filter(has_text="Nach unten verschoben.").wait_for()
    codes = page.locator(".editor-option input[name$='-code']")
    assert [codes.nth(i).input_value() for i in range(codes.count())] == ["b", "a"]
    assert page.get_by_role("button", name="a nach unten verschieben").evaluate(
        "button => button === document.activeElement"
    )

    page.get_by_role("button", name="Antwortmöglichkeit b löschen").click()
    page.get_by_role("status").filter(has_text="gelöscht").wait_for()
    assert page.locator(".editor-option").count() == 1
    assert page.evaluate("window.stillTheSamePage") is True

    db_session.expire_all()
    stored = db_session.scalar(sa.select(Consultation).where(Consultation.id == consultation.id))
    assert [o.code for o in stored.questions[0].options] == ["a"]
