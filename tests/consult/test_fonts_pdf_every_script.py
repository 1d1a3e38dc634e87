"""The printed questionnaire as PDF in Tigrinya, Sorani and Pashto embeds fonts that have
every letter: each Ethiopic or Arabic-script letter of the sheet is drawn with a glyph of the
installed Noto fonts, never with a missing-glyph box (.notdef) or a font of another script
(DejaVu Sans, for one, lacks Pashto's ۍ)."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest

from consult.system import pdf_problem
from tests.consult.fonts_support import TEXTS, script_consultation

pytestmark = pytest.mark.skipif(pdf_problem() is not None, reason="WeasyPrint cannot load")

# The installed Noto fonts (Debian's fonts-noto-core) draw these scripts in PDFs.
COVERING = {
    "ETHIOPIC": ("Noto-Sans-Ethiopic", "NotoSansEthiopic"),
    "ARABIC": ("Noto-Sans-Arabic", "NotoSansArabic"),
}


@pytest.fixture()
def consultation(db_session):
    consultation = script_consultation()
    db_session.add(consultation)
    db_session.commit()
    return consultation


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    return next((script for script in COVERING if name.startswith(script)), None)


def _drawn_letters(pdf: bytes) -> dict[str, set[str]]:
    """Each letter the PDF draws, with the fonts (base names) whose real glyphs draw it."""
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    drawn: dict[str, set[str]] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
            assert program is not None, f"{name} is not embedded"
            glyphs = TTFont(io.BytesIO(program.get_object().get_data()))["maxp"].numGlyphs
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for section in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for cid, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", section):
                    # Glyph 0 is .notdef; an id past the font's glyphs is a drawn box.
                    real = 0 < int(cid, 16) < glyphs
                    for char in bytes.fromhex(text).decode("utf-16-be"):
                        drawn.setdefault(char, set()).add(name if real else f"{name} (.notdef)")
    return drawn


@pytest.mark.parametrize("lang", list(TEXTS))
def test_every_letter_of_the_printed_sheet_has_a_glyph_in_an_embedded_covering_font(
    client, consultation, lang
):
    response = client.get(f"/c/{consultation.slug}/print.pdf?lang={lang}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    drawn = _drawn_letters(response.data)
    script = _script(TEXTS[lang]["title"][0])
    # Letters that share a glyph (ج ح خ draw one shape plus dots) are listed once per glyph.
    letters = {char for char in drawn if _script(char)}
    assert len(letters) > 10, f"hardly any {script} letters in the PDF: {letters}"
    wrong = {
        f"{char} U+{ord(char):04X}": sorted(fonts)
        for char, fonts in drawn.items()
        if _script(char) and any(not font.startswith(COVERING[script]) for font in fonts)
    }
    assert wrong == {}


@pytest.mark.parametrize("lang", list(TEXTS))
def test_the_printed_sheet_reads_back_as_the_same_words(client, consultation, lang):
    """Each glyph maps back to its letters, so the PDF can be searched and read aloud."""
    from pypdf import PdfReader

    pdf = client.get(f"/c/{consultation.slug}/print.pdf?lang={lang}").data
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    words = " ".join(text.split())
    assert TEXTS[lang]["title"] in words
    assert TEXTS[lang]["choice"].rstrip("؟፧?") in words
