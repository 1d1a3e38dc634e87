"""The administrators' languages page passes axe-core's WCAG 2.1 AA rules, in German and
Arabic, with the preview of an imported translator workbook."""

from __future__ import annotations

import pytest

from consult import catalogs
from tests.conftest import TEST_PASSWORD


def _sign_in(page, base, make_user):
    make_user("admin@example.org", ("admin",))
    page.goto(f"{base}/auth/sign-in")
    page.locator('input[name="email"]').fill("admin@example.org")
    page.locator('input[name="password"]').fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/staff/")


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_languages_page_and_the_import_preview_have_no_wcag_violations(
    page, live_server, make_user, axe_violations, lang, tmp_path
):
    _sign_in(page, live_server, make_user)
    page.goto(f"{live_server}/staff/languages/?lang={lang}")
    assert page.locator("table").first.is_visible()
    found = {"languages": axe_violations(page)}
    rows = catalogs.decode_workbook(catalogs.encode_workbook(["de", "ar"]))
    column = rows[0].index("ar")
    for row in rows[1:]:
        if row[0] == "Committee":
            row[column] = "لجنة"
    from consult.author.xlsx import encode_xlsx

    upload = tmp_path / "texts.xlsx"
    upload.write_bytes(encode_xlsx(rows))
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.locator('form[enctype] button[type="submit"]').click()
    page.wait_for_selector("ins")
    assert page.locator("ins").first.inner_text() == "لجنة"
    found["preview"] = axe_violations(page)
    assert found == {"languages": [], "preview": []}
