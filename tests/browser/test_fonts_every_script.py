"""Tigrinya (Ethiopic), Sorani and Pashto (Arabic script) are drawn with the fonts Consult
ships, on the landing page and a questionnaire page: no letter falls back to a system font
or to a missing-glyph box.

For every distinct letter of those scripts on the page, a probe with only that letter is put
beside the text it comes from (so it inherits that text's font, weight, language and
direction), and Chromium is asked which font it drew the probe with
(`CSS.getPlatformFontsForNode`). A letter the page fonts lack is drawn with a system font
(not a web font) or with the first font's .notdef box, which shows up as Fira Sans.
"""

from __future__ import annotations

import pytest

from tests.consult.fonts_support import TEXTS, script_consultation

# The font Consult ships for each script (the name inside the font file).
SHIPPED = {"ethiopic": "Noto Sans Ethiopic", "arabic": "Noto Sans Arabic"}

PROBE = """
() => {
  const scriptOf = (c) => /[\\u1200-\\u139F\\u2D80-\\u2DDF\\uAB00-\\uAB2F]/.test(c) ? "ethiopic"
    : /[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF]/.test(c)
      ? "arabic" : null;
  const seen = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("select, script, style")) continue;
    if (parent.getClientRects().length === 0) continue;
    for (const char of node.data) {
      const script = scriptOf(char);
      if (script && !seen.has(char)) seen.set(char, {script, parent});
    }
  }
  const probes = [];
  for (const [char, {script, parent}] of seen) {
    const probe = document.createElement("span");
    probe.dataset.glyphProbe = String(probes.length);
    probe.textContent = char;
    parent.appendChild(probe);
    probes.push({char, script});
  }
  return probes;
}
"""


@pytest.fixture()
def consultation(db_session):
    consultation = script_consultation()
    db_session.add(consultation)
    db_session.commit()
    return consultation


def _fonts_of_letters(page) -> dict[str, tuple[str, list[str]]]:
    """Each letter of Ethiopic or Arabic script on the page: its script and the fonts drawing it."""
    probes = page.evaluate(PROBE)
    page.evaluate(
        "async () => { document.body.offsetHeight;"
        " await new Promise((r) => requestAnimationFrame(r)); await document.fonts.ready; }"
    )
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node_ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-glyph-probe]"})
    found = {}
    for probe, node_id in zip(probes, node_ids["nodeIds"], strict=True):
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
        found[probe["char"]] = (
            probe["script"],
            [f"{f['familyName']}{'' if f['isCustomFont'] else ' (system)'}" for f in fonts],
        )
    cdp.detach()
    return found


def _not_drawn_with_shipped_fonts(page) -> dict[str, list[str]]:
    letters = _fonts_of_letters(page)
    assert letters, "no Ethiopic or Arabic-script letters found on the page"
    return {
        f"{char} U+{ord(char):04X}": fonts
        for char, (script, fonts) in letters.items()
        if fonts != [SHIPPED[script]]
    }


@pytest.mark.parametrize("lang", list(TEXTS))
def test_every_letter_of_the_landing_page_has_a_glyph_in_the_shipped_fonts(
    page, live_server, consultation, lang
):
    page.goto(f"{live_server}/c/{consultation.slug}?lang={lang}")
    assert page.locator("h1").inner_text() == TEXTS[lang]["title"]
    assert _not_drawn_with_shipped_fonts(page) == {}


@pytest.mark.parametrize("lang", list(TEXTS))
def test_every_letter_of_a_questionnaire_page_has_a_glyph_in_the_shipped_fonts(
    page, live_server, consultation, lang
):
    page.goto(f"{live_server}/c/{consultation.slug}?lang={lang}")
    page.locator('input[name="group"]').first.check()
    page.locator(".start-form button[type=submit]").click()
    page.wait_for_url(f"{live_server}/c/{consultation.slug}/p/1")
    assert page.get_by_text(TEXTS[lang]["choice"]).is_visible()
    assert _not_drawn_with_shipped_fonts(page) == {}
