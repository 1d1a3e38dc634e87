"""The one reader of uploaded files: size limit, text encoding, JSON and XLSX safety.

Every upload (questionnaire import, translation tables, recipient lists) and the command
line go through here, so every way in refuses the same broken or hostile files with the
same clear message. Must not import flask, wtforms, consult, analysis or pandas.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from typing import Any

from surveys.errors import Invalid
from surveys.texts import has_non_text
from surveys.vocabulary import N_

MAX_JSON_DEPTH = 32
# An XLSX questionnaire or table of a few thousand rows unpacks to a few MB; a zip bomb to GB.
MAX_XLSX_UNPACKED = 64 * 1024 * 1024
MAX_XLSX_MEMBERS = 500
XLSX_MAGIC = b"PK\x03\x04"

SAVE_AS_UTF8 = N_(
    "The file is not saved as UTF-8, so letters of other scripts (Arabic, Persian, "
    "Ukrainian …) may already be lost as question marks. In Excel choose “Save as” → "
    "“CSV UTF-8 (comma delimited)”; in LibreOffice tick “Edit filter settings” and choose "
    "the character set “Unicode (UTF-8)”. Then upload the file again."
)


def check_size(data: bytes, limit: int) -> bytes:
    """`data` if it holds at most `limit` bytes (read `limit + 1` to find out)."""
    if len(data) > limit:
        raise Invalid(N_("The file is larger than %(n)s kB."), n=limit // 1024)
    return data


def read_text(data: bytes) -> str:
    """The text of an upload saved as UTF-8 (with or without BOM) or UTF-16 (with BOM, or
    without one when the zero bytes give it away); every other encoding is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise Invalid(SAVE_AS_UTF8) from None
    if "\x00" in text:
        raise Invalid(N_("This file is not a text file."))
    if has_non_text(text):
        raise Invalid(N_("The file contains characters that are not text. Please remove them."))
    return text.removeprefix("\ufeff")


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return False
    # Text of Latin letters, digits and separators in UTF-16 has a zero in every other byte.
    return sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _depth(text: str) -> int:
    """The deepest nesting of objects and lists, counted without parsing (strings skipped)."""
    deepest = depth = 0
    for char in _STRING.sub('""', text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def read_json(data: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """A JSON document: UTF-8/UTF-16 text, nested at most `max_depth` deep, no NaN or
    Infinity, no lone surrogates written as escapes (each refused with where it is)."""
    text = read_text(data)
    if _depth(text) > max_depth:
        raise Invalid(N_("The file is nested more than %(n)s levels deep."), n=max_depth)
    try:
        parsed = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise Invalid(N_("This file is not a questionnaire in JSON format.")) from None
    _check_strings(parsed, "$")
    return parsed


def _check_strings(value: Any, path: str) -> None:
    if isinstance(value, str):
        if has_non_text(value):
            raise Invalid(
                N_("%(path)s: contains characters that are not text (e.g. a lone surrogate)."),
                path=path,
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key, path)
            _check_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_strings(item, f"{path}[{index}]")


def check_xlsx(data: bytes) -> bytes:
    """`data` if it is a workbook that unpacks to a sane size and declares no XML entities
    (XXE, "billion laughs"); openpyxl itself would expand them."""
    if not data.startswith(XLSX_MAGIC):
        raise Invalid(N_("This file is not an XLSX workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_XLSX_MEMBERS:
                raise Invalid(N_("This workbook is too large to read."))
            if sum(member.file_size for member in members) > MAX_XLSX_UNPACKED:
                raise Invalid(N_("This workbook is too large to read."))
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    _refuse_entities(archive, member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise Invalid(N_("This file is not an XLSX workbook.")) from None
    return data


def _refuse_entities(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    with archive.open(member) as part:
        # Read in bounded steps: the declared size of a zip member may lie.
        read, previous = 0, b""
        while chunk := part.read(1024 * 1024):
            read += len(chunk)
            if read > MAX_XLSX_UNPACKED:
                raise Invalid(N_("This workbook is too large to read."))
            window = (previous + chunk).upper()
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise Invalid(N_("This workbook declares XML entities and is refused."))
            previous = chunk[-16:]
