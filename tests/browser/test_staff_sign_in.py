from __future__ import annotations

from tests.conftest import TEST_PASSWORD


def test_staff_sign_in_and_out_with_the_keyboard(page, live_server, make_user):
    make_user("autorin@example.org", ("author",))
    page.goto(f"{live_server}/staff/")
    assert "/auth/sign-in" in page.url
    page.get_by_label("E-Mail-Adresse").fill("autorin@example.org")
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/staff/")
    assert page.get_by_role("heading", name="Interner Bereich").is_visible()
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url(f"{live_server}/auth/sign-in")
    page.goto(f"{live_server}/staff/")
    assert "/auth/sign-in" in page.url


def test_a_wrong_password_shows_an_error_in_arabic_right_to_left(page, live_server, make_user):
    make_user("autorin@example.org", ("author",))
    page.goto(f"{live_server}/auth/sign-in?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.get_by_label("البريد الإلكتروني").fill("autorin@example.org")
    page.get_by_label("كلمة المرور").fill("wrong-password-1")
    page.get_by_role("button", name="تسجيل الدخول").click()
    assert page.get_by_role("alert").first.inner_text().startswith("البريد الإلكتروني")
