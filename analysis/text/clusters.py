"""Cutting text without splitting what a reader sees as one character (🏳️‍🌈, é, 👍🏽)."""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"


def _joins(char: str) -> bool:
    """True for characters that attach to the one before them."""
    code = ord(char)
    return (
        char in (ZWJ, "\ufe0e", "\ufe0f", "\u20e3")
        or unicodedata.combining(char) > 0
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag sequences (flags of regions)
    )


def cut(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` shortened to at most `limit` characters, never inside a character cluster."""
    if len(text) <= limit:
        return text
    end = max(limit - len(ellipsis), 0)
    while 0 < end < len(text) and (_joins(text[end]) or text[end - 1] == ZWJ):
        end -= 1
    return text[:end] + ellipsis
