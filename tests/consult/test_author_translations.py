from __future__ import annotations

import io
import json

import pytest
from openpyxl import Workbook, load_workbook

from surveys.models import Consultation
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation


@pytest.fixture()
def consultation(db_session):
    consultation = build_consultation(status=ConsultationStatus.DRAFT, languages=("de", "ar"))
    consultation.questions[0].prompt = {"de": "=Wählen Sie"}
    db_session.add(consultation)
    db_session.commit()
    return consultation


@pytest.fixture()
def author(sign_in):
    return sign_in("author")


def _base(c):
    return f"/staff/consultations/{c.id}/translations"


def _fresh(db_session, consultation):
    db_session.expire_all()
    return db_session.get(Consultation, consultation.id)


def _upload(client, consultation, data, name="texts.csv"):
    return client.post(
        f"{_base(consultation)}/import",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
        headers={"Accept-Language": "en"},
    )


def _apply(client, consultation, page):
    raw = page.split('name="changes" type="hidden" value="')[1].split('"')[0]
    import html

    return client.post(f"{_base(consultation)}/import/apply", data={"changes": html.unescape(raw)})


def test_the_grid_lists_each_gap_with_a_link(client, author, consultation):
    page = client.get(_base(consultation)).get_data(as_text=True)
    assert f"{_base(consultation)}/ar#text-question.q_choice.prompt" in page
    assert f"{_base(consultation)}/ar#text-consultation.privacy_notice" in page


def test_the_side_by_side_editor_is_right_to_left_for_arabic(client, author, consultation):
    page = client.get(f"{_base(consultation)}/ar").get_data(as_text=True)
    assert 'name="text:question.q_choice.prompt" value="" lang="ar" dir="rtl"' in page
    assert "=Wählen Sie" in page


def test_saving_the_side_by_side_editor_stores_texts(client, author, consultation, db_session):
    client.post(
        f"{_base(consultation)}/ar",
        data={"text:question.q_choice.prompt": "اختر", "text:unknown.key": "x"},
    )
    assert _fresh(db_session, consultation).questions[0].prompt == {
        "de": "=Wählen Sie",
        "ar": "اختر",
    }


def test_csv_export_has_a_bom_guards_formulas_and_one_column_per_language(
    client, author, consultation
):
    response = client.get(f"{_base(consultation)}/export.csv")
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "key,de,ar"
    assert "question.q_choice.prompt,'=Wählen Sie," in text
    assert "attachment" in response.headers["Content-Disposition"]


def test_xlsx_export_guards_formulas(client, author, consultation):
    data = client.get(f"{_base(consultation)}/export.xlsx").get_data()
    sheet = load_workbook(io.BytesIO(data)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["key"] == ("key", "de", "ar")
    assert rows["question.q_choice.prompt"][1] == "'=Wählen Sie"


def test_csv_round_trip_with_arabic_and_german_through_preview(
    client, author, consultation, db_session
):
    exported = client.get(f"{_base(consultation)}/export.csv").get_data().decode("utf-8-sig")
    edited = exported.replace(
        "question.q_choice.prompt,'=Wählen Sie,", "question.q_choice.prompt,'=Wählen Sie,اختر"
    ).replace("q_text.prompt,Tell us (de)", "q_text.prompt,Erzählen Sie")
    edited += "question.gone.prompt,weg,\r\n"
    edited = edited.replace("Section ar", "")
    page = _upload(client, consultation, edited.encode("utf-8-sig")).get_data(as_text=True)
    assert "<del>—</del>" in page and "<ins>اختر</ins>" in page
    assert "<del>Tell us (de)</del>" in page and "<ins>Erzählen Sie</ins>" in page
    assert "question.gone.prompt" in page
    assert "Section ar" in page  # an emptied cell is reported and kept
    assert _fresh(db_session, consultation).questions[0].prompt.get("ar") is None
    _apply(client, consultation, page)
    fresh = _fresh(db_session, consultation)
    assert fresh.questions[0].prompt == {"de": "=Wählen Sie", "ar": "اختر"}
    assert fresh.questions[1].prompt["de"] == "Erzählen Sie"
    assert fresh.sections[0].title["ar"] == "Section ar"


def test_xlsx_round_trip(client, author, consultation, db_session):
    data = client.get(f"{_base(consultation)}/export.xlsx").get_data()
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    for row in sheet.iter_rows():
        if row[0].value == "question.q_choice.prompt":
            row[2].value = "اختر"
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = _upload(client, consultation, buffer.getvalue(), "texts.xlsx").get_data(as_text=True)
    assert "1 texts would change" in page
    _apply(client, consultation, page)
    assert _fresh(db_session, consultation).questions[0].prompt["ar"] == "اختر"


def test_a_utf8_csv_with_semicolons_imports(client, author, consultation, db_session):
    data = "key;de\r\nquestion.q_text.prompt;Größere Ämter\r\n".encode()
    page = _upload(client, consultation, data).get_data(as_text=True)
    assert "<ins>Größere Ämter</ins>" in page


def test_a_csv_from_german_excel_is_refused_and_nothing_is_offered(
    client, author, consultation, db_session
):
    # What Excel writes for Arabic in "CSV (semicolon)": question marks, in cp1252.
    data = "key;de;ar\r\nquestion.q_text.prompt;Größere Ämter;????\r\n".encode("cp1252")
    response = _upload(client, consultation, data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "UTF-8" in page and "would change" not in page


def test_an_invalid_row_changes_nothing_and_names_row_and_column(
    client, author, consultation, db_session
):
    data = b"key,de\r\nquestion.q_text.prompt,Neu\r\n,orphan\r\n"
    response = _upload(client, consultation, data)
    assert response.status_code == 422
    assert "Row 3, column 1: the key is missing." in response.get_data(as_text=True)
    assert _fresh(db_session, consultation).questions[1].prompt["de"] == "Tell us (de)"


def test_uploads_are_type_checked(client, author, consultation):
    response = _upload(client, consultation, b"MZ\x00\x00binary", "texts.exe")
    assert "Please upload a CSV or XLSX file." in response.get_data(as_text=True)
    response = _upload(client, consultation, b"key,de\r\n", "texts.xlsx")
    assert "This file is not an XLSX workbook." in response.get_data(as_text=True)


def test_uploads_are_size_limited(app, client, author, consultation):
    app.config["TRANSLATION_UPLOAD_MAX_BYTES"] = 2048
    response = _upload(client, consultation, b"key,de\r\n" + b"x" * 3000)
    assert "larger than 2 kB" in response.get_data(as_text=True)


def test_apply_ignores_keys_that_do_not_exist(client, author, consultation, db_session):
    changes = json.dumps([["nope.key", "ar", "x"], ["question.q_text.prompt", "ar", "قل"]])
    client.post(f"{_base(consultation)}/import/apply", data={"changes": changes})
    assert _fresh(db_session, consultation).questions[1].prompt["ar"] == "قل"


def test_an_xlsx_with_formula_like_cells_is_unguarded(client, author, consultation, db_session):
    workbook = Workbook()
    workbook.active.append(["key", "ar"])
    workbook.active.append(["question.q_text.prompt", "'+ قل"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = _upload(client, consultation, buffer.getvalue(), "t.xlsx").get_data(as_text=True)
    assert "<ins>+ قل</ins>" in page
