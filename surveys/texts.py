"""Content translations: pick a text for a locale, and list what is missing."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


def pick(texts: Mapping[str, str] | None, locale: str, fallbacks: Sequence[str] = ()) -> str:
    """The text for `locale`, else for its base language, else the first fallback that has one."""
    if not texts:
        return ""
    candidates = [locale, locale.split("_")[0].split("-")[0], *fallbacks]
    for candidate in candidates:
        text = texts.get(candidate)
        if text and text.strip():
            return text
    return ""


@dataclass(frozen=True)
class TextField:
    """One translatable text of a consultation, addressed by a stable key."""

    key: str
    texts: Mapping[str, str]
    required: bool = True


def text_fields(consultation: Any) -> Iterator[TextField]:
    """Every translatable text of a consultation, in questionnaire order, with stable keys."""
    yield TextField("consultation.title", consultation.title)
    yield TextField("consultation.introduction", consultation.introduction)
    yield TextField("consultation.privacy_notice", consultation.privacy_notice)
    for group in consultation.groups:
        yield TextField(f"group.{group.code}", group.label)
    for number, section in enumerate(consultation.sections, start=1):
        yield TextField(f"section.{number}.title", section.title)
        yield TextField(f"section.{number}.description", section.description, required=False)
        for question in section.questions:
            yield TextField(f"question.{question.code}.prompt", question.prompt)
            yield TextField(
                f"question.{question.code}.help_text", question.help_text, required=False
            )
            for end in ("min_label", "max_label"):
                if end in question.settings:
                    yield TextField(f"question.{question.code}.{end}", question.settings[end])
            for option in question.options:
                yield TextField(f"option.{question.code}.{option.code}", option.label)
    for outcome in getattr(consultation, "outcomes", ()):
        yield TextField(f"outcome.{outcome.id}.text", outcome.text, required=False)


def missing_translations(consultation: Any) -> dict[str, list[str]]:
    """Per offered language, the keys of texts that the source language has and it lacks."""
    source = consultation.languages[0]
    gaps: dict[str, list[str]] = {lang: [] for lang in consultation.languages}
    for field in text_fields(consultation):
        has_source = bool((field.texts or {}).get(source, "").strip())
        if not has_source and not field.required:
            continue
        for lang in consultation.languages:
            if not (field.texts or {}).get(lang, "").strip():
                gaps[lang].append(field.key)
    return gaps


# Codes and names people use for languages, which are not (or not these) locale codes:
# Ukraine's country code, and Dari (ISO 639-3 `prs`), which Babel knows as Persian of
# Afghanistan (fa_AF); where a text has no Dari version, `pick` falls back to Persian (fa).
LANGUAGE_ALIASES = {
    "ua": "uk",
    "farsi": "fa",
    "persian": "fa",
    "dari": "fa_AF",
    "prs": "fa_AF",
    "fa_af": "fa_AF",
    "persisch": "fa",
}


def _is_not_text(char: str) -> bool:
    """Lone surrogates and Unicode non-characters: no keyboard types them, UTF-8 cannot hold
    surrogates (PostgreSQL refuses the row) and XML cannot hold U+FFFE/U+FFFF (DOCX, XLSX)."""
    point = ord(char)
    return 0xD800 <= point <= 0xDFFF or 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def has_non_text(value: str) -> bool:
    """Whether `value` holds a lone surrogate or a non-character."""
    return any(_is_not_text(char) for char in value)


def without_non_text(value: str) -> str:
    """`value` with lone surrogates and non-characters removed."""
    if not has_non_text(value):
        return value
    return "".join(char for char in value if not _is_not_text(char))
