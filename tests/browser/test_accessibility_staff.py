from __future__ import annotations

import pytest


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_sign_in_page_has_no_wcag_violations(page, live_server, axe_violations, lang):
    page.goto(f"{live_server}/auth/sign-in?lang={lang}")
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_sign_in_errors_have_no_wcag_violations(page, live_server, axe_violations, lang):
    page.goto(f"{live_server}/auth/sign-in?lang={lang}")
    page.locator("button[type=submit]").click()
    page.wait_for_selector("[role=alert]")
    assert axe_violations(page) == []


def test_the_start_page_has_no_wcag_violations(page, live_server, axe_violations):
    page.goto(f"{live_server}/")
    assert axe_violations(page) == []
