"""Word clouds per question, language and theme: the right font per script, deterministic.

Pillow's raqm layout engine shapes Arabic-script words from the raw string, so no
reshaping or bidi reordering is applied here (it would reverse the text twice).
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_DIRS = (
    Path("/usr/share/fonts/truetype"),
    Path("/usr/share/fonts/opentype"),
    Path("/usr/share/fonts"),
)
DEJAVU = ("dejavu/DejaVuSans.ttf",)
# Noto Sans Arabic (fonts-noto-core) has every letter of Pashto and Sorani; DejaVu Sans lacks
# some (e.g. Pashto's ۍ) but has Latin letters, which the Noto fonts leave out.
ARABIC = (
    "noto/NotoSansArabic-Regular.ttf",
    "noto/NotoNaskhArabic-Regular.ttf",
    "dejavu/DejaVuSans.ttf",
)
ETHIOPIC = (
    "noto/NotoSansEthiopic-Regular.ttf",
    "noto/NotoSerifEthiopic-Regular.ttf",
    "abyssinica/AbyssinicaSIL-Regular.ttf",
)
SEED = 7
MAX_WORDS = 80
MAX_TERM_LENGTH = 50
ALT_TERMS = 15


class FontMissing(RuntimeError):
    """No installed font covers the script of these words."""


@dataclass(frozen=True)
class Cloud:
    png: bytes
    svg: str
    alt: str
    terms: list[tuple[str, int]]


def script_of(words: list[str]) -> str:
    """ "ethiopic", "arabic", "cyrillic" or "latin": the script of most letters."""
    counts: Counter[str] = Counter()
    for word in words:
        for char in word:
            name = unicodedata.name(char, "")
            for script in ("ETHIOPIC", "ARABIC", "CYRILLIC"):
                if name.startswith(script):
                    counts[script.lower()] += 1
                    break
            else:
                if char.isalpha():
                    counts["latin"] += 1
    return counts.most_common(1)[0][0] if counts else "latin"


def font_for(script: str, text: str = "") -> str:
    """The font file for a script (DejaVu Sans for Latin and Cyrillic, Noto for Arabic script
    and Ethiopic): of the installed candidates, the first that has a glyph for every letter
    of `text`, else the one that has the most."""
    candidates = {"ethiopic": ETHIOPIC, "arabic": ARABIC}.get(script, DEJAVU)
    found = _installed(candidates)
    if not found:
        raise FontMissing(
            f"no font for {script} text (install fonts-dejavu-core / fonts-noto-core)"
        )
    wanted = {ord(char) for char in text if not char.isspace()}
    if not wanted:
        return found[0]
    return max(found, key=lambda path: (len(wanted & _coverage(path)), -found.index(path)))


def _installed(candidates: tuple[str, ...]) -> list[str]:
    paths: list[str] = []
    for relative in candidates:
        path = next((base / relative for base in FONT_DIRS if (base / relative).is_file()), None)
        if path is None:
            path = next(
                (
                    hit
                    for base in FONT_DIRS
                    if base.is_dir()
                    for hit in base.rglob(Path(relative).name)
                ),
                None,
            )
        if path is not None and str(path) not in paths:
            paths.append(str(path))
    return paths


def lacking(path: str, text: str) -> str:
    """The letters of `text` the font file has no glyph for, in order of appearance."""
    have = _coverage(path)
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in have))


@lru_cache(maxsize=16)
def _coverage(path: str) -> frozenset[int]:
    """The code points a font file has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def alt_text(terms: list[tuple[str, int]], lead: str = "Most frequent terms") -> str:
    """A text alternative listing the top terms with their counts."""
    listed = ", ".join(f"{term} ({count})" for term, count in terms[:ALT_TERMS])
    return f"{lead}: {listed}" if listed else ""


def render(
    frequencies: Counter[str] | dict[str, int],
    *,
    lead: str = "Most frequent terms",
    width: int = 800,
    height: int = 450,
    seed: int = SEED,
) -> Cloud | None:
    """A word cloud as PNG and SVG with its text alternative; None when there are no words."""
    terms = [
        (t, int(c))
        for t, c in Counter(frequencies).most_common(MAX_WORDS)
        if c > 0 and len(t) <= MAX_TERM_LENGTH
    ]
    if not terms:
        return None
    from wordcloud import WordCloud

    words = [t for t, _ in terms]
    cloud = WordCloud(
        font_path=font_for(script_of(words), "".join(words)),
        width=width,
        height=height,
        background_color="white",
        colormap="gray",
        random_state=seed,
        max_words=MAX_WORDS,
        prefer_horizontal=1.0,
        collocations=False,
        include_numbers=True,
        normalize_plurals=False,
    )
    cloud.generate_from_frequencies(dict(terms))
    cloud.recolor(color_func=_greys(seed), random_state=seed)
    buffer = io.BytesIO()
    cloud.to_image().save(buffer, format="PNG", optimize=False)
    return Cloud(
        png=buffer.getvalue(),
        svg=cloud.to_svg(embed_font=False),
        alt=alt_text(terms, lead),
        terms=terms,
    )


def _greys(seed: int):
    """Dark greys only (contrast ≥ 7:1 on white), chosen from the word so output is stable."""

    def colour(word: str, font_size: int, *args: object, **kwargs: object) -> str:
        shade = 10 + (len(word) * 7 + font_size + seed) % 60
        return f"rgb({shade}, {shade}, {shade})"

    return colour
