"""The interface catalogs go out to a translator workbook and come back with a preview; each
language's review status and completeness show on the administrators' languages page."""

from __future__ import annotations

import io
import json
import re
import shutil
import tomllib
from datetime import date
from html import unescape

import pytest
from babel.numbers import format_decimal
from click.testing import CliRunner
from openpyxl import load_workbook

from consult import catalogs
from consult.cli.translate import group as translate
from consult.config import ROOT_DIR, TRANSLATIONS_DIR

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture()
def root(tmp_path):
    """A copy of the catalogs, review status and glossary to change freely."""
    copy = tmp_path / "translations"
    for path in TRANSLATIONS_DIR.glob("*/LC_MESSAGES/messages.po"):
        target = copy / path.relative_to(TRANSLATIONS_DIR)
        target.parent.mkdir(parents=True)
        shutil.copy2(path, target)
    for path in TRANSLATIONS_DIR.glob("*.toml"):
        shutil.copy2(path, copy / path.name)
    return copy


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets


def _rows(data: bytes) -> list[list[str]]:
    return catalogs.decode_workbook(data)


def _row(rows, key, form=""):
    header = rows[0]
    for row in rows[1:]:
        if row[0] == key and row[1] == form:
            return dict(zip(header, row, strict=False))
    raise AssertionError(f"no row {key!r} {form!r}")


def _with(rows, key, lang, text, form=""):
    header = rows[0]
    changed = [list(row) for row in rows]
    for row in changed[1:]:
        if row[0] == key and row[1] == form:
            row[header.index(lang)] = text
    return changed


def _xlsx(rows) -> bytes:
    from consult.author.xlsx import encode_xlsx

    return encode_xlsx(rows)


def test_the_workbook_has_the_source_beside_one_column_per_language(root):
    data = catalogs.encode_workbook(catalogs.languages(root), root)
    texts, glossary, plurals = _sheet(data)
    assert [c.value for c in texts[1]][:5] == [
        "key",
        "plural form",
        "notes for translators",
        "source (English)",
        "de",
    ]
    rows = _rows(data)
    assert {"de", "en", "ar", "fa", "uk", "ru", "tr"} <= set(rows[0])
    committee = _row(rows, "Committee")
    assert committee["source (English)"] == "Committee"
    assert committee["de"] == "Ausschuss" and committee["ar"] == "اللجنة"
    assert "Glossary “committee”" in committee["notes for translators"]
    # Plural messages: one row per form, the notes say which numbers take it.
    arabic_forms = [r for r in rows if r[0] == "%(num)s answer"]
    assert [r[1] for r in arabic_forms] == ["0", "1", "2", "3", "4", "5"]
    assert "ar: n = 3, 4, 5" in _row(rows, "%(num)s answer", "3")["notes for translators"]
    assert glossary.title == "glossary" and plurals.title == "plural forms"


def test_a_translation_that_looks_like_a_formula_is_exported_as_text_and_imports_back(root):
    catalog = catalogs.read_catalog("tr", root)
    catalog["Committee"].string = '=HYPERLINK("http://x.example","Komisyon")'
    catalogs.write_catalog("tr", catalog, root)
    data = catalogs.encode_workbook(["de", "tr"], root)
    texts = _sheet(data)[0]
    cell = next(row[5] for row in texts.iter_rows(min_row=2) if row[0].value == "Committee")
    assert cell.data_type == "s" and cell.value.startswith("'=")
    assert catalogs.preview_import(_rows(data), root).changes == []


def test_an_edited_workbook_shows_its_changes_and_writes_them_when_applied(root):
    rows = _rows(catalogs.encode_workbook(catalogs.languages(root), root))
    rows = _with(rows, "Committee", "de", "Ausschuss (Rat)")
    rows = _with(rows, "%(num)s answer", "ar", "%(num)s إجابات فقط", form="3")
    preview = catalogs.preview_import(_rows(_xlsx(rows)), root)
    old_arabic = catalogs.read_catalog("ar", root)["%(num)s answer"].string[3]
    assert sorted((c.language, c.key, c.form, c.old, c.new) for c in preview.changes) == [
        ("ar", "%(num)s answer", 3, old_arabic, "%(num)s إجابات فقط"),
        ("de", "Committee", 0, "Ausschuss", "Ausschuss (Rat)"),
    ]
    assert catalogs.read_catalog("de", root)["Committee"].string == "Ausschuss"
    assert catalogs.apply_changes(preview.changes, root) == 2
    assert catalogs.read_catalog("de", root)["Committee"].string == "Ausschuss (Rat)"
    assert catalogs.read_catalog("ar", root)["%(num)s answer"].string[3] == "%(num)s إجابات فقط"


def test_a_translation_that_loses_or_invents_a_placeholder_is_not_taken(root):
    rows = _rows(catalogs.encode_workbook(["de"], root))
    key = "For the meeting of %(committee)s on %(date)s"
    rows = _with(rows, key, "de", "Für die Sitzung am %(datum)s")
    preview = catalogs.preview_import(rows, root)
    assert preview.changes == []
    assert [(p.key, p.reason) for p in preview.problems] == [
        (key, "placeholders differ from the source; missing: committee, date; unknown: datum")
    ]


def test_empty_cells_and_unknown_messages_change_nothing(root):
    rows = [["key", "plural form", "de"], ["Committee", "", ""], ["No such message", "", "x"]]
    preview = catalogs.preview_import(rows, root)
    assert preview.changes == [] and preview.unknown_keys == ["No such message"]


def test_the_cli_exports_previews_and_applies_a_workbook(root, tmp_path):
    runner = CliRunner()
    out = tmp_path / "texts.xlsx"
    result = runner.invoke(
        translate, ["export-workbook", "--catalogs", str(root), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    edited = tmp_path / "edited.xlsx"
    edited.write_bytes(_xlsx(_with(_rows(out.read_bytes()), "Committee", "tr", "Kurul")))
    args = ["import-workbook", "--catalogs", str(root), str(edited)]
    result = runner.invoke(translate, args)
    assert "tr: 1 changed" in result.output and "+ Kurul" in result.output
    assert catalogs.read_catalog("tr", root)["Committee"].string == "Komisyon"
    result = runner.invoke(translate, [*args, "--apply"])
    assert result.exit_code == 0, result.output
    assert catalogs.read_catalog("tr", root)["Committee"].string == "Kurul"


def test_the_cli_records_a_native_speaker_review(root):
    runner = CliRunner()
    args = ["review", "--catalogs", str(root), "uk", "--on", "2027-01-15", "--by", "Olena K."]
    assert runner.invoke(translate, args).exit_code == 0
    review = catalogs.reviews(root)["uk"]
    assert (review.reviewed_on, review.reviewed_by) == (date(2027, 1, 15), "Olena K.")
    assert catalogs.reviews(root)["ar"].reviewed_on is None
    status = runner.invoke(translate, ["status", "--catalogs", str(root)]).output
    assert "reviewed by a native speaker on 2027-01-15 (Olena K.)" in status
    assert "ar" in status and "not yet reviewed" in status


def test_the_readme_shows_each_languages_review_status():
    readme = (ROOT_DIR / "README.md").read_text(encoding="utf-8")
    data = tomllib.loads((TRANSLATIONS_DIR / "review.toml").read_text(encoding="utf-8"))
    for lang, review in catalogs.reviews().items():
        assert lang in data["languages"]
        expected = (
            f"reviewed by a native speaker on {review.reviewed_on.isoformat()}"
            if review.reviewed_on
            else "not yet reviewed"
        )
        assert f"| `{lang}` |" in readme
        line = next(line for line in readme.splitlines() if line.startswith(f"| `{lang}` |"))
        assert expected in line


# --- the languages page -----------------------------------------------------------------


@pytest.fixture()
def admin_app(app, root):
    app.config["CATALOG_SOURCE_DIR"] = root
    app.config["CATALOG_EDITS"] = True
    return app


def test_the_languages_page_shows_completeness_and_review_status(client, sign_in, admin_app, root):
    catalogs.mark_reviewed("fa", date(2027, 2, 1), "Parwin A.", root)
    sign_in("admin")
    page = client.get("/staff/languages/").get_data(as_text=True)
    assert "فارسی" in page and "Українська" in page
    assert "Noch nicht geprüft" in page
    assert "Parwin A." in page and "Von einer Person mit dieser Muttersprache geprüft am" in page
    total = format_decimal(catalogs.completeness("de", root).total, locale="de")
    assert page.count(f"{total} von {total}") == len(catalogs.languages(root))


def test_only_admins_see_the_languages_page(client, sign_in, admin_app):
    sign_in("facilitator", "author")
    assert client.get("/staff/languages/").status_code == 403
    assert client.get("/staff/languages/workbook.xlsx").status_code == 403


def test_an_admin_downloads_uploads_previews_and_applies_a_workbook(
    client, sign_in, admin_app, root
):
    sign_in("admin")
    response = client.get("/staff/languages/workbook.xlsx")
    assert response.status_code == 200 and response.mimetype == XLSX
    edited = _with(_rows(response.data), "Committee", "uk", "Комітет (рада)")
    edited = _with(edited, "For the meeting of %(committee)s on %(date)s", "ru", "К заседанию")
    page = client.post(
        "/staff/languages/import",
        data={"file": (io.BytesIO(_xlsx(edited)), "texts.xlsx")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "Комітет (рада)" in page and "<del>Комітет</del>" in page
    assert "К заседанию" in page  # listed as not taken: its placeholders are gone
    assert catalogs.read_catalog("uk", root)["Committee"].string == "Комітет"
    changes = re.search(r'name="changes" type="hidden" value="([^"]*)"', page)
    assert changes
    response = client.post("/staff/languages/import/apply", data={"changes": unescape(changes[1])})
    assert response.status_code == 302
    assert catalogs.read_catalog("uk", root)["Committee"].string == "Комітет (рада)"
    key = "For the meeting of %(committee)s on %(date)s"
    assert catalogs.read_catalog("ru", root)[key].string != "К заседанию"


def test_a_tampered_apply_cannot_write_a_broken_placeholder(client, sign_in, admin_app, root):
    sign_in("admin")
    key = "For the meeting of %(committee)s on %(date)s"
    response = client.post(
        "/staff/languages/import/apply",
        data={"changes": json.dumps([["ru", key, 0, "К заседанию %(oops)s"]])},
    )
    assert response.status_code == 302
    assert "%(committee)s" in catalogs.read_catalog("ru", root)[key].string


def test_a_file_that_is_no_workbook_is_refused_with_a_message(client, sign_in, admin_app):
    sign_in("admin")
    response = client.post(
        "/staff/languages/import",
        data={"file": (io.BytesIO(b"not a workbook"), "texts.xlsx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
