"""An author builds an AND condition by visible labels (the answers of the chosen question
appear in place), publishes, and a respondent sees the question only when both parts hold."""

from __future__ import annotations

import pytest

from surveys.models import Option, Question, Section
from surveys.vocabulary import ConsultationStatus, QuestionKind
from tests.browser.conftest import WCAG_AA
from tests.conftest import TEST_PASSWORD, build_consultation


def _draft(db_session):
    consultation = build_consultation("wohnen", languages=("de",), status=ConsultationStatus.DRAFT)
    consultation.privacy_notice = {"de": "Wir speichern keine Namen."}
    consultation.sections.clear()
    first = Section(title={"de": "Ihr Haushalt"})
    housing = Question(
        code="wohnform", kind=QuestionKind.SINGLE_CHOICE, prompt={"de": "Wie wohnen Sie?"}
    )
    housing.options.extend(
        [
            Option(code="miete", label={"de": "Zur Miete"}),
            Option(code="eigen", label={"de": "Im Eigentum"}),
        ]
    )
    people = Question(
        code="personen",
        kind=QuestionKind.NUMBER,
        prompt={"de": "Wie viele Personen leben im Haushalt?"},
        settings={"min": 1, "max": 20},
    )
    first.questions.extend([housing, people])
    second = Section(title={"de": "Platz"})
    second.questions.append(
        Question(code="platz", kind=QuestionKind.SHORT_TEXT, prompt={"de": "Was fehlt Ihnen?"})
    )
    third = Section(title={"de": "Zum Schluss"})
    third.questions.append(
        Question(code="sonst", kind=QuestionKind.LONG_TEXT, prompt={"de": "Sonst noch etwas?"})
    )
    consultation.sections.extend([first, second, third])
    for question in consultation.questions:
        question.consultation = consultation
    db_session.add(consultation)
    db_session.commit()
    return consultation


def _answer_page_one(page, housing: str, people: str) -> None:
    page.get_by_label(housing).check()
    page.get_by_label("Wie viele Personen leben im Haushalt?").fill(people)
    page.get_by_role("button", name="Weiter").click()


def test_an_and_condition_built_in_the_editor_shows_a_question_only_when_both_hold(
    browser, page, live_server, make_user, db_session
):
    consultation = _draft(db_session)
    make_user("autorin@example.org", ("author",))
    page.goto(f"{live_server}/staff/consultations/{consultation.id}/questionnaire")
    page.get_by_label("E-Mail-Adresse").fill("autorin@example.org")
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Frage platz bearbeiten").click()

    first = page.get_by_role("group", name="Teil 1")
    second = page.get_by_role("group", name="Teil 2")
    first.get_by_label("Frage").select_option(label="wohnform: Wie wohnen Sie?")
    # The answers of the chosen question appear without a page load, and only those.
    first.get_by_label("Zur Miete").check()
    assert first.get_by_label("Im Eigentum").is_visible()
    second.get_by_label("Frage").select_option(
        label="personen: Wie viele Personen leben im Haushalt?"
    )
    assert second.get_by_text("Antworten von 1 bis 20").is_visible()
    second.get_by_label("Vergleich").select_option(label="ist größer als")
    second.get_by_label("Zahl", exact=True).fill("2")
    assert page.get_by_label("alle Teile zutreffen (und)").is_checked()
    page.get_by_role("button", name="Frage speichern").click()
    assert page.get_by_text("Die Frage wurde gespeichert.").is_visible()

    # After the reload the editor shows exactly what was saved.
    first = page.get_by_role("group", name="Teil 1")
    second = page.get_by_role("group", name="Teil 2")
    assert first.get_by_label("Zur Miete").is_checked()
    assert not first.get_by_label("Im Eigentum").is_checked()
    assert second.get_by_label("Vergleich").input_value() == ">"
    assert second.get_by_label("Zahl", exact=True).input_value() == "2"

    page.goto(f"{live_server}/staff/consultations/{consultation.id}/")
    page.get_by_role("button", name="Veröffentlichen").click()
    assert page.get_by_text("Die Beteiligung ist veröffentlicht.").is_visible()

    respondent = browser.new_context(locale="de-DE").new_page()
    respondent.set_default_timeout(10_000)
    respondent.goto(f"{live_server}/c/wohnen")
    respondent.get_by_label("Volunteers de").check()
    respondent.get_by_role("button", name="Beginnen").click()

    _answer_page_one(respondent, "Zur Miete", "1")  # only one part holds
    assert respondent.get_by_label("Sonst noch etwas?").is_visible()
    assert respondent.get_by_text("Seite 2 von 2").is_visible()
    respondent.get_by_role("button", name="Zurück").click()

    _answer_page_one(respondent, "Im Eigentum", "4")  # only the other part holds
    assert respondent.get_by_label("Sonst noch etwas?").is_visible()
    respondent.get_by_role("button", name="Zurück").click()

    _answer_page_one(respondent, "Zur Miete", "4")  # both hold
    assert respondent.get_by_label("Was fehlt Ihnen?").is_visible()
    assert respondent.get_by_text("Seite 2 von 3").is_visible()
    respondent.get_by_label("Was fehlt Ihnen?").fill("Ein Zimmer mehr")
    respondent.get_by_role("button", name="Weiter").click()
    respondent.get_by_role("button", name="Antworten prüfen").click()
    assert respondent.get_by_text("Ein Zimmer mehr").is_visible()
    respondent.context.close()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_condition_editor_with_its_errors_has_no_wcag_violations(
    page, live_server, make_user, db_session, axe_source, lang
):
    consultation = _draft(db_session)
    consultation.languages = ["de", "ar"]
    db_session.commit()
    make_user("autorin@example.org", ("author",))
    target = consultation.questions[2]
    page.goto(
        f"{live_server}/staff/consultations/{consultation.id}/questions/{target.id}?lang={lang}"
    )
    page.locator("#email").fill("autorin@example.org")
    page.locator("#password").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("#cond-0-question")
    page.locator("#cond-0-question").select_option("personen")
    page.locator("#cond-0-op").select_option(">")
    page.locator("#cond-0-value").fill("25")  # more than anyone can answer: refused
    page.locator("#cond-1-question").select_option("wohnform")
    page.locator("form.stack button[type=submit]").last.click()
    assert page.locator("#cond-0-value-error").is_visible()
    assert page.locator("#cond-0-value").get_attribute("aria-invalid") == "true"
    page.evaluate(axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document.querySelector('#condition'),"
        " {runOnly: {type: 'tag', values: tags}})",
        WCAG_AA,
    )
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
