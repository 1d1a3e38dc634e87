"""A facilitator gives themes a field of action, codes answers with them and finds each theme
under its field's heading in the exported DOCX report."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

from tests.conftest import TEST_PASSWORD
from tests.consult.review_support import arrange


def _sections(document) -> dict[str, list[str]]:
    """Texts of paragraphs and table cells under each top-level (Heading 1) heading."""
    sections: dict[str, list[str]] = {}
    current = ""
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            if style is not None and style.get(qn("w:val")) == "Heading1":
                current = text
                continue
            sections.setdefault(current, []).append(text)
        elif element.tag == qn("w:tbl"):
            for cell in element.iter(qn("w:tc")):
                sections.setdefault(current, []).append(
                    "".join(t.text or "" for t in cell.iter(qn("w:t")))
                )
    return sections


def test_themes_appear_under_the_heading_of_their_field_of_action(
    page, live_server, make_user, db_session, tmp_path
):
    consultation, _ = arrange(db_session, slug="fields-journey")
    consultation.small_cell_threshold = 1
    db_session.commit()
    make_user("moderation@example.org", ("facilitator",))
    base = f"{live_server}/staff/review/{consultation.id}"

    page.goto(f"{live_server}/auth/sign-in")
    page.get_by_label("E-Mail-Adresse").fill("moderation@example.org")
    page.get_by_label("Passwort").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server}/staff/")

    for label, field in (("Sprachkurse", "Sprache und Bildung"), ("Wohnraum", "Wohnen")):
        page.goto(f"{base}/themes")
        page.get_by_label("Thema", exact=True).fill(label)
        page.get_by_label("Handlungsfeld").select_option(label=field)
        page.get_by_role("button", name="Speichern").click()
        assert page.locator("table", has_text=label).count()

    page.goto(f"{base}/texts")
    for texts, theme in (
        (("نحتاج إلى مزيد من دورات اللغة", "Потрібно більше курсів мови"), "Sprachkurse"),
        (("Es fehlen bezahlbare Wohnungen.",), "Wohnraum"),
    ):
        for text in texts:
            page.locator("article.answer-card", has_text=text).locator(
                "input[type=checkbox]"
            ).check()
        page.get_by_label("Thema für die ausgewählten Antworten").select_option(label=theme)
        page.get_by_role("button", name="Thema zuordnen").click()
        page.get_by_role("status").first.wait_for()
        page.goto(f"{base}/texts")

    page.goto(f"{base}/report")
    with page.expect_download() as download:
        page.get_by_role("link", name="Als DOCX exportieren").click()
    path = tmp_path / "report.docx"
    download.value.save_as(path)
    sections = _sections(Document(path))
    assert "Sprachkurse" in sections["Sprache und Bildung"]
    assert "Wohnraum" in sections["Wohnen"]
    assert (
        "Sprachkurse" not in sections["Wohnen"]
        and "Wohnraum" not in sections["Sprache und Bildung"]
    )
