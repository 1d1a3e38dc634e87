"""The building blocks of a report, independent of the file format they end up in."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """Text; line breaks in it are kept in every format."""

    text: str
    language: str | None = None
    emphasis: bool = False


@dataclass(frozen=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()
    sheet: str = ""
    # The published numbers behind `rows` (int counts, float shares as Percent, None where
    # hidden), for formats that keep numbers as numbers (XLSX).
    values: list[list[object]] | None = None


class Percent(float):
    """A share that spreadsheets show as a percentage (the value stays a number)."""


@dataclass(frozen=True)
class Figure:
    png: bytes
    alt: str


@dataclass(frozen=True)
class Quote:
    """A marked answer: its language's name comes before it, its translation beside it."""

    text: str
    language: str
    direction: str
    translation: str | None = None
    source: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass
class Report:
    title: str
    language: str
    direction: str
    subtitle: str = ""
    blocks: list = field(default_factory=list)
    # Title page and document properties: (label, value) lines under the title, the subject
    # (the consultation) and the report's date as printed.
    title_lines: list[tuple[str, str]] = field(default_factory=list)
    subject: str = ""
    date: str = ""
    page_label: str = "Page {page} of {pages}"
    translation_label: str = "Translation"

    def add(self, *blocks: object) -> None:
        self.blocks.extend(blocks)
