"""Every staff page passes axe-core's WCAG 2.1 AA rules in German and Arabic, and none makes
a phone (390 px wide) scroll sideways."""

from __future__ import annotations

import pytest

from tests.conftest import TEST_PASSWORD
from tests.consult.staff_pages_support import ALL_ROLES, arrange

PHONE = {"width": 390, "height": 844}
# Pages in the language of the questionnaire they show, not the staff member's.
OWN_LANGUAGE = ("/preview", "/notice/", "/print")


def _sign_in(page, base, email, lang):
    page.goto(f"{base}/auth/sign-in?lang={lang}")
    page.locator('input[name="email"]').fill(email)
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.locator('input[name="password"]').press("Enter")
    page.wait_for_url(f"{base}/staff/")


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_every_staff_page_is_accessible_and_fits_a_phone(
    page, live_server, axe_violations, db_session, make_user, lang
):
    pages = arrange(db_session)
    make_user("all@example.org", ALL_ROLES)
    page.set_viewport_size(PHONE)
    _sign_in(page, live_server, "all@example.org", lang)
    violations, too_wide = {}, {}
    for address in pages:
        page.goto(f"{live_server}{address}")
        if not any(own in address for own in OWN_LANGUAGE):
            assert page.locator("html").get_attribute("lang") == lang, address
        found = axe_violations(page)
        if found:
            violations[address] = found
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[address] = width
    assert violations == {}, "\n".join(
        f"{a}: {v}" for a, found in violations.items() for v in found
    )
    assert too_wide == {}
