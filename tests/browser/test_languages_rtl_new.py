"""A respondent answers the demo consultation with the interface in Dari, Pashto or Sorani:
the browser's language chooses it (a Dari browser gets Dari, not Farsi), pages run right to
left with the right `lang`, the chooser names each language in its own script, one
questionnaire page passes axe-core, and sending once stores one response in that language.

The demo's questions are written in de, en, ar, fa and uk; the author adds the new language
to the consultation, as authors do, and its question texts fall back (Dari to Farsi)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from surveys.demo.loader import load
from surveys.models import Response

# What the demo's required questions need on each page to move on (None: the ranking).
ANSWERS = [
    {"active_since": "2019-04-01", "areas_of_work": "housing_search"},
    {"housing_situation": "own_flat", "housing_market_difficulty": "4"},
    {"course_waiting_time": "over_twelve_months", "qualification_recognition": "no"},
    {"safety_perception": "dont_know", "health_access": "2"},
    {"social_contacts": "weekly"},
    None,
]
RANKS = ["housing", "language_education", "labour_market", "health", "social_cultural"]

# code, the browser's Accept-Language, html lang, own name, "Send answers", the thank-you heading
LANGUAGES = [
    ("fa_AF", "fa-AF", "fa-AF", "دری", "ارسال پاسخ‌ها", "تشکر می‌کنیم! پاسخ‌های شما فرستاده شد."),
    ("ps", "ps-AF", "ps", "پښتو", "ځوابونه ولېږئ", "مننه! ستاسو ځوابونه ولېږل شول."),
    ("ckb", "ckb-IQ", "ckb", "کوردیی ناوەندی", "ناردنی وەڵامەکان", "سوپاس! وەڵامەکانت نێردران."),
]


@pytest.fixture()
def demo(db_session):
    consultation = load(db_session, password="demo-passwort-2027", responses=0).consultation
    consultation.languages = [*consultation.languages, "fa_AF", "ps", "ckb"]
    db_session.commit()
    return consultation


def _fill(page, answers):
    for name, value in answers.items():
        field = page.locator(f'[name="{name}"]')
        if field.first.get_attribute("type") in ("radio", "checkbox"):
            page.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            field.fill(value)


def _is_rtl(page, lang):
    html = page.locator("html")
    return html.get_attribute("dir") == "rtl" and html.get_attribute("lang") == lang


@pytest.mark.parametrize("language", LANGUAGES, ids=[row[0] for row in LANGUAGES])
def test_a_respondent_completes_the_demo_in_a_new_right_to_left_language(
    browser, live_server, db_session, axe_violations, demo, language
):
    code, accept, lang, own_name, send, thanks = language
    context = browser.new_context(locale=accept)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        page.goto(f"{live_server}/c/{demo.slug}")
        assert _is_rtl(page, lang)
        chooser = page.locator(".language-switcher")
        current = chooser.locator('a[aria-current="true"]')
        assert current.inner_text() == own_name
        assert current.get_attribute("lang") == lang
        # Farsi stays on offer beside Dari, under its own name.
        assert chooser.get_by_text("فارسی", exact=True).count() == 1

        page.locator('input[name="group"]').first.check()
        page.locator(".start-form button[type=submit]").click()
        page.wait_for_url(f"{live_server}/c/{demo.slug}/p/1")
        assert _is_rtl(page, lang)
        assert axe_violations(page) == []

        for answers in ANSWERS:
            if answers is None:
                for rank, item in enumerate(RANKS, 1):
                    page.locator(f'select[name="priorities__rank__{item}"]').select_option(
                        str(rank)
                    )
            else:
                _fill(page, answers)
            page.locator('button[value="next"]').click()
        page.wait_for_url(f"{live_server}/c/{demo.slug}/review")
        assert _is_rtl(page, lang)

        page.get_by_role("button", name=send).click()
        page.wait_for_url(f"{live_server}/c/{demo.slug}/done")
        assert _is_rtl(page, lang)
        assert page.get_by_role("heading", name=thanks).is_visible()
    finally:
        context.close()

    db_session.expire_all()
    submitted = db_session.scalars(select(Response).where(Response.status == "submitted")).all()
    assert [response.language for response in submitted] == [code]
    assert db_session.scalar(select(func.count()).select_from(Response)) == 1
