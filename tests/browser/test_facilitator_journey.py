from __future__ import annotations

from docx import Document

from surveys.reviewing import coding
from tests.conftest import TEST_PASSWORD
from tests.consult.review_support import arrange


def test_a_facilitator_filters_codes_quotes_and_exports_the_report(
    page, live_server, make_user, db_session, tmp_path
):
    consultation, _ = arrange(db_session, slug="journey")
    consultation.small_cell_threshold = 1
    coding.save_theme(db_session, consultation, label="Sprachkurse", language="de")
    db_session.commit()
    make_user("moderation@example.org", ("facilitator",))
    base = f"{live_server}/staff/review/{consultation.id}"

    page.goto(f"{live_server}/auth/sign-in")
    page.get_by_label("E-Mail-Adresse").fill("moderation@example.org")
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server}/staff/")

    page.goto(f"{base}/results")
    page.get_by_label("Gruppe").select_option("volunteers")
    page.get_by_role("button", name="Filter anwenden").click()
    assert "group=volunteers" in page.url
    assert page.get_by_role("status").first.inner_text().startswith("4 Antworten")

    page.goto(f"{base}/texts")
    for text in (
        "Es fehlen bezahlbare Wohnungen.",
        "نحتاج إلى مزيد من دورات اللغة",
        "Потрібно більше курсів мови",
    ):
        card = page.locator("article.answer-card", has_text=text)
        card.locator("input[type=checkbox]").check()
    page.get_by_label("Thema für die ausgewählten Antworten").select_option(label="Sprachkurse")
    page.get_by_role("button", name="Thema zuordnen").click()
    assert "Thema 3 Antworten zugeordnet." in page.get_by_role("status").first.inner_text()

    page.locator("article.answer-card", has_text="نحتاج إلى مزيد").get_by_role("link").first.click()
    page.get_by_label("Zitat für den Bericht").check()
    page.get_by_label("Übersetzung", exact=True).fill("Wir brauchen mehr Sprachkurse")
    page.get_by_role("button", name="Speichern").click()

    page.goto(f"{base}/report")
    with page.expect_download() as download:
        page.get_by_role("link", name="Als DOCX exportieren").click()
    path = tmp_path / "report.docx"
    download.value.save_as(path)
    document = Document(path)
    texts = [p.text for p in document.paragraphs]
    texts += [
        p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ]
    assert "نحتاج إلى مزيد من دورات اللغة" in texts  # the quote, its translation beside it
    assert "Wir brauchen mehr Sprachkurse" in texts
    rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert ["Sprachkurse", "3"] in rows
