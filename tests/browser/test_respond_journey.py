"""A helper answers the demo consultation in Arabic on a phone, continues later on another
device with the resume link, double-clicks "send", and exactly one response is stored."""

from __future__ import annotations

from sqlalchemy import func, select

from surveys.demo.loader import load
from surveys.models import Response

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _phone(browser):
    context = browser.new_context(locale="ar", **PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_arabic_phone_journey_with_resume_and_double_submit(browser, live_server, db_session):
    slug = load(db_session, password="demo-passwort-2027", responses=0).consultation.slug
    db_session.commit()

    first, page = _phone(browser)
    page.goto(f"{live_server}/c/{slug}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert _fits_the_screen(page)
    page.get_by_label("المتطوعون في مساعدة اللاجئين").check()
    page.get_by_role("button", name="ابدأ").click()

    assert page.get_by_text("الصفحة 1 من 6").is_visible()
    page.locator('input[name="active_since"]').fill("2019-04-01")
    page.locator('input[name="people_supported"]').fill("٢٥")
    page.get_by_label("الصحة ومواعيد الأطباء").check()
    assert _fits_the_screen(page)
    page.get_by_role("button", name="التالي").click()

    page.locator('input[name="housing_situation"][value="own_flat"]').check()
    page.locator('input[name="housing_market_difficulty"][value="4"]').check()
    page.get_by_role("button", name="المتابعة لاحقًا").click()
    link = page.locator("#resume-link").get_attribute("href")
    # The link carries the configured public address; here that host is the live server.
    assert link.startswith("https://consult.example/c/")
    link = live_server + link.removeprefix("https://consult.example")
    first.close()

    second, page = _phone(browser)
    page.goto(link)
    assert page.get_by_text("الصفحة 3 من 6").is_visible()
    page.locator('input[name="course_waiting_time"][value="over_twelve_months"]').check()
    page.locator('input[name="qualification_recognition"][value="yes"]').check()
    page.locator('input[name="recognition_details"]').fill("استغرق الاعتراف سنة كاملة")
    page.get_by_role("button", name="التالي").click()
    page.locator('input[name="safety_perception"][value="dont_know"]').check()
    page.locator('input[name="health_access"][value="2"]').check()
    page.get_by_role("button", name="التالي").click()
    page.locator('input[name="social_contacts"][value="weekly"]').check()
    page.get_by_role("button", name="التالي").click()
    for rank, code in enumerate(
        ["housing", "language_education", "labour_market", "health", "social_cultural"], 1
    ):
        page.locator(f'select[name="priorities__rank__{code}"]').select_option(str(rank))
    page.get_by_role("button", name="مراجعة إجاباتي").click()

    assert page.get_by_role("heading", name="راجعوا إجاباتكم").is_visible()
    assert page.get_by_text("استغرق الاعتراف سنة كاملة").is_visible()
    page.get_by_role("button", name="إرسال الإجابات").dblclick()
    page.wait_for_url(f"{live_server}/c/{slug}/done")
    assert page.get_by_role("heading", name="شكرًا لكم! تم إرسال إجاباتكم.").is_visible()
    assert len(page.locator(".code").inner_text()) == 14
    second.close()

    db_session.expire_all()
    submitted = db_session.scalars(select(Response).where(Response.status == "submitted")).all()
    assert len(submitted) == 1 and submitted[0].language == "ar"
    assert db_session.scalar(select(func.count()).select_from(Response)) == 1
