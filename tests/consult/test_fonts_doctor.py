"""`consult doctor` fails the font check when the font for Arabic script lacks Pashto or
Sorani letters (DejaVu Sans alone has no ۍ), and names the package that brings them."""

from __future__ import annotations

from pathlib import Path

import pytest

from consult import system

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.skipif(not DEJAVU.is_file(), reason="fonts-dejavu-core is not installed")
def test_a_font_without_pashto_letters_fails_and_names_fonts_noto_core(monkeypatch):
    monkeypatch.setattr(system, "font_for", lambda script, text="": str(DEJAVU))
    arabic = next(f for f in system.findings() if f.name == "Font for arabic script")
    assert not arabic.ok
    assert "lacks ۍ" in arabic.detail
    assert "fonts-noto-core" in arabic.packages


def test_the_installed_fonts_cover_every_script_sample():
    fonts = [f for f in system.findings() if f.name.startswith("Font for")]
    assert [(f.name, f.ok) for f in fonts] == [
        ("Font for arabic script", True),
        ("Font for ethiopic script", True),
    ], [f.detail for f in fonts]
