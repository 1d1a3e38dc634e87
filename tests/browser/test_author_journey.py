from __future__ import annotations

from tests.conftest import TEST_PASSWORD


def test_an_author_creates_translates_previews_and_publishes_a_bilingual_consultation(
    page, live_server, make_user
):
    make_user("autorin@example.org", ("author",))
    page.goto(f"{live_server}/staff/consultations/")
    page.get_by_label("E-Mail-Adresse").fill("autorin@example.org")
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/staff/consultations/")

    page.get_by_role("link", name="Neue Beteiligung").click()
    page.get_by_label("Titel", exact=True).fill("Wohnen im Landkreis")
    page.get_by_label("Einleitung").fill("Bitte erzählen Sie uns von der Wohnungssuche.")
    page.get_by_label("Endet").fill("2099-03-16T12:00")
    page.get_by_label("Ausgangssprache").select_option("de")
    page.get_by_label("العربية – Arabisch").check()
    page.get_by_label("Datenschutzhinweis").fill("Wir speichern keine Namen.")
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_text("Die Beteiligung wurde angelegt.").is_visible()

    page.get_by_label("Titel des Abschnitts").fill("Wohnen")
    page.get_by_role("button", name="Abschnitt hinzufügen").click()
    page.get_by_label("Fragetyp").select_option("single_choice")
    page.get_by_label("Frage", exact=True).fill("Wie finden Sie Wohnungen?")
    page.get_by_role("button", name="Frage hinzufügen").click()
    # Both options in one go, as pasted from a spreadsheet column.
    page.get_by_label("Neue Antwortmöglichkeiten").fill("Über Bekannte\nÜber das Jobcenter")
    page.get_by_role("button", name="Antwortmöglichkeiten hinzufügen").click()
    assert page.locator('input[value="Über das Jobcenter"]').is_visible()

    page.get_by_role("link", name="Übersetzungen").click()
    page.locator("#main").get_by_role("link", name="العربية").click()
    arabic = {
        "consultation.title": "السكن في المقاطعة",
        "consultation.introduction": "أخبرونا من فضلكم عن البحث عن مسكن.",
        "consultation.privacy_notice": "لا نحفظ الأسماء.",
        "section.1.title": "السكن",
        "question.q1.prompt": "كيف تجدون المساكن؟",
        "option.q1.o1": "عن طريق المعارف",
        "option.q1.o2": "عن طريق مركز العمل",
    }
    for key, text in arabic.items():
        field = page.locator(f'[name="text:{key}"]')
        assert field.get_attribute("dir") == "rtl"
        field.fill(text)
    page.get_by_role("button", name="Übersetzungen speichern").click()
    assert page.get_by_text("7 Texte gespeichert.").is_visible()

    page.get_by_role("link", name="Übersicht").click()
    page.locator("#main").get_by_role("link", name="العربية", exact=True).click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_text("كيف تجدون المساكن؟").is_visible()
    # The preview can be tried out, as respondents would; nothing is sent anywhere.
    page.get_by_label("عن طريق مركز العمل").check()
    assert page.get_by_label("عن طريق مركز العمل").is_checked()

    page.goto(page.url.split("/preview")[0] + "/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_text("Alles ist bereit zur Veröffentlichung.").is_visible()
    page.get_by_role("button", name="Veröffentlichen").click()
    assert page.get_by_text("Die Beteiligung ist veröffentlicht.").is_visible()
    assert page.get_by_text("Veröffentlicht", exact=True).is_visible()
