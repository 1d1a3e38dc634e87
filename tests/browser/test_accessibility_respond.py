"""Every page a respondent sees passes axe-core's WCAG 2.1 AA rules, in German and Arabic."""

from __future__ import annotations

import pytest

from surveys.demo.loader import load
from surveys.vocabulary import ConsultationStatus

LANGS = ["de", "ar"]
# What the demo's required questions need on each page to move on (None: nothing).
ANSWERS = [
    {"active_since": "2019-04-01", "areas_of_work": "housing_search"},
    {"housing_situation": "own_flat", "housing_market_difficulty": "4"},
    {"course_waiting_time": "over_twelve_months", "qualification_recognition": "no"},
    {"safety_perception": "dont_know", "health_access": "2"},
    {"social_contacts": "weekly"},
    None,
]
RANKS = ["housing", "language_education", "labour_market", "health", "social_cultural"]


@pytest.fixture()
def demo(db_session):
    consultation = load(db_session, password="demo-passwort-2027", responses=0).consultation
    db_session.commit()
    return consultation


def _start(page, base, slug, lang):
    page.goto(f"{base}/c/{slug}?lang={lang}")
    page.locator('input[name="group"]').first.check()
    page.locator(".start-form button[type=submit]").click()
    page.wait_for_url(f"{base}/c/{slug}/p/1")


def _fill(page, answers):
    for name, value in answers.items():
        field = page.locator(f'[name="{name}"]')
        if field.first.get_attribute("type") in ("radio", "checkbox"):
            page.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            field.fill(value)


def _answer_everything(page, base, slug, lang):
    _start(page, base, slug, lang)
    for answers in ANSWERS:
        if answers is None:
            for rank, code in enumerate(RANKS, 1):
                page.locator(f'select[name="priorities__rank__{code}"]').select_option(str(rank))
        else:
            _fill(page, answers)
        page.locator('button[value="next"]').click()
    page.wait_for_url(f"{base}/c/{slug}/review")


@pytest.mark.parametrize("lang", LANGS)
def test_the_landing_page_and_every_question_page_have_no_wcag_violations(
    page, live_server, axe_violations, demo, lang
):
    page.goto(f"{live_server}/c/{demo.slug}?lang={lang}")
    found = {"landing": axe_violations(page)}
    _start(page, live_server, demo.slug, lang)
    for number in range(1, len(demo.sections) + 1):
        page.goto(f"{live_server}/c/{demo.slug}/p/{number}")
        assert page.locator("h1").is_visible()
        found[f"page {number}"] = axe_violations(page)
    assert found == {name: [] for name in found}


@pytest.mark.parametrize("lang", LANGS)
def test_pages_showing_validation_errors_have_no_wcag_violations(
    page, live_server, axe_violations, demo, lang
):
    page.goto(f"{live_server}/c/{demo.slug}?lang={lang}")
    page.locator(".start-form button[type=submit]").click()
    page.wait_for_selector(".kern-fieldset--error")
    found = {"landing without a group": axe_violations(page)}
    _start(page, live_server, demo.slug, lang)
    page.locator('button[value="next"]').click()
    page.wait_for_selector(".error-summary")
    found["page 1"] = axe_violations(page)
    page.goto(f"{live_server}/c/{demo.slug}/p/6")
    for code in RANKS[:2]:
        page.locator(f'select[name="priorities__rank__{code}"]').select_option("1")
    page.locator('button[value="next"]').click()
    page.wait_for_selector(".error-summary")
    found["ranking"] = axe_violations(page)
    page.goto(f"{live_server}/c/{demo.slug}/review")
    page.wait_for_selector(".error-summary")
    found["review with missing answers"] = axe_violations(page)
    assert found == {name: [] for name in found}


@pytest.mark.parametrize("lang", LANGS)
def test_the_review_and_the_confirmation_with_receipt_have_no_wcag_violations(
    page, live_server, axe_violations, demo, lang
):
    _answer_everything(page, live_server, demo.slug, lang)
    found = {"review": axe_violations(page)}
    page.locator(".submit-form button[type=submit]").click()
    page.wait_for_url(f"{live_server}/c/{demo.slug}/done")
    assert len(page.locator(".code").inner_text()) == 14
    found["done"] = axe_violations(page)
    assert found == {name: [] for name in found}


@pytest.mark.parametrize("lang", LANGS)
def test_continue_later_resume_and_withdraw_have_no_wcag_violations(
    page, live_server, axe_violations, demo, lang
):
    _start(page, live_server, demo.slug, lang)
    page.locator('button[value="later"]').click()
    page.wait_for_url(f"{live_server}/c/{demo.slug}/saved")
    assert page.locator("#resume-link").is_visible()
    found = {"saved": axe_violations(page)}
    page.goto(f"{live_server}/c/{demo.slug}/resume")
    found["resume"] = axe_violations(page)
    page.locator("#code").fill("WRONG")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    found["resume with an unknown code"] = axe_violations(page)
    page.goto(f"{live_server}/c/{demo.slug}/withdraw")
    found["withdraw"] = axe_violations(page)
    page.locator("#code").fill("WRONG")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    found["withdraw with an unknown code"] = axe_violations(page)
    assert found == {name: [] for name in found}


@pytest.mark.parametrize("lang", LANGS)
def test_the_refusal_of_a_closed_consultation_has_no_wcag_violations(
    page, live_server, axe_violations, demo, db_session, lang
):
    demo.status = ConsultationStatus.CLOSED
    db_session.commit()
    response = page.goto(f"{live_server}/c/{demo.slug}?lang={lang}")
    assert response.status >= 400
    assert page.locator("h1").is_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_imprint_and_error_pages_have_no_wcag_violations(
    page, live_server, axe_violations, demo, lang
):
    page.goto(f"{live_server}/?lang={lang}")
    assert page.locator(f'a[href="/c/{demo.slug}"]').is_visible()
    found = {"start": axe_violations(page)}
    page.goto(f"{live_server}/impressum")
    found["imprint"] = axe_violations(page)
    page.goto(f"{live_server}/no-such-page")
    found["not found"] = axe_violations(page)
    assert found == {name: [] for name in found}
