"""The one upload reader: encodings, JSON limits and hostile workbooks."""

from __future__ import annotations

import io
import zipfile

import pytest

from surveys import uploads
from surveys.errors import Invalid
from surveys.uploads import check_size, check_xlsx, read_json, read_text

TEXT = "key;ar;uk\nq.prompt;السكن;Житло\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_excel_and_libreoffice_write_are_read(encoding):
    assert read_text(TEXT.encode(encoding)) == TEXT


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_other_encodings_are_refused_with_how_to_save_as_utf8(encoding):
    with pytest.raises(Invalid, match="CSV UTF-8"):
        read_text("Größe;Ämter\n".encode(encoding))


def test_a_file_over_the_limit_is_refused_with_the_limit():
    with pytest.raises(Invalid, match="larger than 1 kB"):
        check_size(b"x" * 1025, 1024)


def test_json_with_nan_infinity_or_escaped_surrogates_is_refused():
    for text in (b'{"a": NaN}', b'{"a": -Infinity}'):
        with pytest.raises(Invalid):
            read_json(text)
    with pytest.raises(Invalid, match=r"\$.title.de"):
        read_json(b'{"title": {"de": "x\\ud800"}}')


def test_nesting_is_limited_without_recursion_errors():
    assert read_json(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}') == {"a": "[" * 40}
    with pytest.raises(Invalid, match="nested more than"):
        read_json(b"[" * 200_000 + b"]" * 200_000)


def _workbook(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_workbook_declaring_entities_is_refused():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;">]><sst>&lol2;</sst>'
    )
    with pytest.raises(Invalid, match="XML entities"):
        check_xlsx(_workbook({"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": laughs}))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_XLSX_UNPACKED", 1024 * 1024)
    bomb = _workbook({"xl/worksheets/sheet1.xml": b"\0" * (2 * 1024 * 1024)})
    assert len(bomb) < 10 * 1024
    with pytest.raises(Invalid, match="too large"):
        check_xlsx(bomb)


def test_something_that_is_not_a_zip_is_refused():
    with pytest.raises(Invalid, match="not an XLSX"):
        check_xlsx(b"PK\x03\x04broken")
