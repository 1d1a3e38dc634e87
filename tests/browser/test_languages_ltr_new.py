"""A respondent answers a small questionnaire with the interface in Kurmanji, Tigrinya or
Somali: the page says its language and direction, the buttons and headings come from that
language's catalog (not German), one response is stored in that language, and a
questionnaire page has no WCAG 2.1 AA violations (axe-core)."""

from __future__ import annotations

import pytest
from babel.support import Translations
from sqlalchemy import func, select

from consult.config import TRANSLATIONS_DIR
from surveys.models import Response
from tests.conftest import build_consultation

LANGS = ["ku", "ti", "so"]

# Question texts are content: real sentences in each language, as an author would add them.
CONTENT = {
    "ku": {
        "title": "Pirsên li ser jiyana li herêma me",
        "choice": "Dîtina xaniyan çiqas dijwar e?",
    },
    "ti": {"title": "ሕቶታት ብዛዕባ ህይወት ኣብ ከባቢና", "choice": "ገዛ ምርካብ ክንደይ ከቢድ እዩ፧"},
    "so": {
        "title": "Su'aalo ku saabsan nolosha degmadayada",
        "choice": "Intee in le'eg ayay adag tahay helidda guri?",
    },
}


def _interface(lang: str, message: str) -> str:
    """A message as the language's catalog has it (what a respondent must see)."""
    return Translations.load(str(TRANSLATIONS_DIR), [lang]).gettext(message)


@pytest.fixture()
def consultation(db_session):
    consultation = build_consultation("ltr-new-languages", languages=("de", *LANGS))
    for lang, text in CONTENT.items():
        consultation.title[lang] = text["title"]
        consultation.sections[0].questions[0].prompt[lang] = text["choice"]
    db_session.add(consultation)
    db_session.commit()
    return consultation


@pytest.mark.parametrize("lang", LANGS)
def test_a_respondent_answers_and_submits_with_the_interface_in_the_language(
    page, live_server, axe_violations, consultation, db_session, lang
):
    slug = consultation.slug
    german = Translations.load(str(TRANSLATIONS_DIR), ["de"])
    for message in ("Check your answers", "Send answers"):
        assert _interface(lang, message) != german.gettext(message), message

    page.goto(f"{live_server}/c/{slug}?lang={lang}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == CONTENT[lang]["title"]
    page.locator('input[name="group"]').first.check()
    page.locator(".start-form button[type=submit]").click()
    page.wait_for_url(f"{live_server}/c/{slug}/p/1")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.get_by_text(CONTENT[lang]["choice"]).is_visible()
    assert axe_violations(page) == []

    page.locator('[name="q_choice"][value="a"]').check()
    page.locator('button[value="next"]').click()
    page.wait_for_url(f"{live_server}/c/{slug}/review")
    heading = _interface(lang, "Check your answers")
    assert page.get_by_role("heading", name=heading).is_visible()
    page.locator(".submit-form button[type=submit]").click()
    page.wait_for_url(f"{live_server}/c/{slug}/done")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert len(page.locator(".code").inner_text()) == 14

    db_session.expire_all()
    submitted = db_session.scalars(select(Response).where(Response.status == "submitted")).all()
    assert [response.language for response in submitted] == [lang]
    assert db_session.scalar(select(func.count()).select_from(Response)) == 1


def test_the_language_chooser_names_each_language_in_its_own_script(page, live_server):
    page.goto(f"{live_server}/?lang=de")
    names = page.locator("body").inner_text()
    for own_name in ("Soomaali", "ትግርኛ"):
        assert own_name in names
    assert "kurmancî" in names.lower()
