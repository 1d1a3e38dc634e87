"""A matrix and a consent on a phone: one fieldset per item, no sideways scrolling, no axe
violations in German and Arabic (also with errors shown), answered by their visible labels."""

from __future__ import annotations

import pytest

from surveys.models import Option, Question, Section
from tests.conftest import build_consultation
from tests.consult.respond_support import add, answers

SLUG = "matrix-phone"
PHONE = {"width": 390, "height": 844}
ITEMS = {
    "courses": ("Sprachkurse für Erwachsene mit Kinderbetreuung", "دورات اللغة للكبار"),
    "doctors": ("Ärztliche Versorgung", "الرعاية الطبية"),
    "advice": ("Beratungsstellen", "مراكز الاستشارة"),
}


@pytest.fixture()
def consultation(db_session):
    c = build_consultation(SLUG, languages=("de", "ar"))
    c.sections.clear()
    section = Section(title={"de": "Information", "ar": "المعلومات"})
    matrix = Question(
        code="informed",
        kind="matrix",
        required=True,
        prompt={"de": "Wie gut fühlen Sie sich informiert über …", "ar": "ما مدى اطلاعكم على …"},
        settings={
            "min": 1,
            "max": 5,
            "min_label": {"de": "Gar nicht", "ar": "إطلاقًا"},
            "max_label": {"de": "Sehr gut", "ar": "جيد جدًا"},
        },
    )
    for code, (german, arabic) in ITEMS.items():
        matrix.options.append(Option(code=code, label={"de": german, "ar": arabic}))
    consent = Question(
        code="agree",
        kind="consent",
        required=True,
        prompt={"de": "Ich bin mit der Auswertung einverstanden.", "ar": "أوافق على التحليل."},
    )
    section.questions.extend([matrix, consent])
    end = Section(title={"de": "Ende", "ar": "النهاية"})
    end.questions.append(
        Question(code="wish", kind="short_text", prompt={"de": "Wunsch", "ar": "أمنية"})
    )
    c.sections.extend([section, end])
    for question in c.questions:
        question.consultation = c
    return add(db_session, c)


def _start(page, base, lang):
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/c/{SLUG}?lang={lang}")
    page.locator('input[name="group"]').first.check()
    page.locator(".start-form button[type=submit]").click()
    page.wait_for_url(f"{base}/c/{SLUG}/p/1")


def _scrolls_sideways(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_a_matrix_on_a_phone_is_accessible_and_answered_by_labels(
    page, live_server, axe_violations, consultation, db_session, lang
):
    _start(page, live_server, lang)
    found = {"page": axe_violations(page)}
    assert not _scrolls_sideways(page)
    # One group per item, named by the item, each holding the five points of the scale.
    for german, arabic in ITEMS.values():
        group = page.get_by_role("group", name=german if lang == "de" else arabic)
        assert group.get_by_role("radio").count() == 5
    # Half an answer: the error names the matrix and links to the first unrated item.
    group = page.get_by_role("group", name=ITEMS["courses"][0 if lang == "de" else 1])
    group.get_by_role("radio").nth(1).check()
    page.locator('button[value="next"]').click()
    page.wait_for_selector(".error-summary")
    found["errors"] = axe_violations(page)
    assert not _scrolls_sideways(page)
    summary = page.locator(".error-summary a").first
    assert summary.get_attribute("href") == "#q-informed-item-doctors"
    assert page.locator("#q-informed-item-doctors").count() == 1
    # What was chosen stays chosen; rate the rest by the visible labels and agree.
    for code, (german, arabic) in ITEMS.items():
        group = page.get_by_role("group", name=german if lang == "de" else arabic)
        if code != "courses":
            group.get_by_text("4", exact=True).click()
    page.get_by_label(
        "Ich bin mit der Auswertung einverstanden." if lang == "de" else "أوافق على التحليل."
    ).check()
    page.locator('button[value="next"]').click()
    page.wait_for_url(f"{live_server}/c/{SLUG}/p/2")
    assert found == {"page": [], "errors": []}
    stored = {(a.option_code, a.number) for a in answers(db_session, "informed")}
    assert stored == {("courses", 2.0), ("doctors", 4.0), ("advice", 4.0)}
    assert [a.option_code for a in answers(db_session, "agree")] == ["yes"]
