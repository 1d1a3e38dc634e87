"""What the server itself must provide: system libraries and fonts, and how to get them.

`consult doctor` lists these; PDF views ask `require_pdf()` first so a missing library is
a clear page (503) naming the cause, never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from analysis.wordclouds import FONT_DIRS, FontMissing, font_for, lacking

# The Debian packages PDFs (WeasyPrint: Pango, HarfBuzz) and word clouds (fonts for Latin,
# Arabic, Persian, Cyrillic and Ethiopic script) need at run time.
PDF_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0")
FONT_PACKAGES = (
    "fonts-dejavu-core",
    "fonts-sil-abyssinica",
    "fonts-noto-core",
    "fonts-noto-color-emoji",
)
RUNTIME_PACKAGES = PDF_PACKAGES + FONT_PACKAGES
# Letters each script's font must have: Arabic, Farsi, Pashto and Sorani; Tigrinya.
SAMPLES = {"arabic": "العربية فارسی گپ ټډړږښګڼېۍ ڕڵۆێە", "ethiopic": "ትግርኛ ሰላም ቋንቋ"}
# What only the tests need on top (the Makefile's `system` target installs them): a browser,
# PDF text extraction, LibreOffice to check the DOCX report's layout, and Java for the Nu
# HTML checker (npm's vnu-jar).
TEST_PACKAGES = ("chromium", "poppler-utils", "libreoffice-writer-nogui", "default-jre-headless")


class PdfUnavailable(RuntimeError):
    """PDFs cannot be made here: WeasyPrint's system libraries are missing."""


@dataclass(frozen=True)
class Finding:
    name: str
    ok: bool
    detail: str
    packages: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def pdf_problem() -> str | None:
    """None when WeasyPrint loads (it opens Pango when imported), else the reason."""
    try:
        import weasyprint  # noqa: F401
    except (OSError, ImportError) as error:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    return None


def require_pdf() -> None:
    problem = pdf_problem()
    if problem is not None:
        raise PdfUnavailable(problem)


def findings() -> list[Finding]:
    """PDF libraries and fonts, each with the Debian packages that provide it."""
    problem = pdf_problem()
    result = [
        Finding(
            "PDF (WeasyPrint, Pango, HarfBuzz)",
            problem is None,
            problem or "loads",
            PDF_PACKAGES,
        )
    ]
    for script, packages in (
        ("arabic", ("fonts-noto-core", "fonts-dejavu-core")),
        ("ethiopic", ("fonts-noto-core", "fonts-sil-abyssinica")),
    ):
        name = f"Font for {script} script"
        try:
            path = font_for(script, SAMPLES[script])
        except FontMissing as missing:
            result.append(Finding(name, False, str(missing), packages))
            continue
        gaps = lacking(path, SAMPLES[script])
        detail = f"{path} lacks {gaps}" if gaps else path
        result.append(Finding(name, not gaps, detail, packages))
    emoji = emoji_font()
    result.append(
        Finding(
            "Emoji font for reports",
            emoji is not None,
            emoji or "missing: emoji print as empty boxes",
            ("fonts-noto-color-emoji",),
        )
    )
    return result


def emoji_font() -> str | None:
    """The emoji font reports name (PDF and DOCX), if installed."""
    for base in FONT_DIRS:
        found = next(base.rglob("NotoColorEmoji.ttf"), None) if base.is_dir() else None
        if found:
            return str(found)
    return None
