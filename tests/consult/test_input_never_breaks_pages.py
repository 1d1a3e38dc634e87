"""Input that used to break pages for everyone: each answers clearly and stores nothing."""

from __future__ import annotations

import io
import json

import pytest
import sqlalchemy as sa

from consult.downloads import safe_filename
from surveys.models import Consultation
from tests.conftest import build_consultation
from tests.consult.respond_support import (
    PAGE_ONE,
    add,
    answers,
    every_kind_consultation,
    post_page,
    start,
)


@pytest.fixture()
def author(sign_in):
    return sign_in("author")


def _questionnaire(**changes) -> dict:
    consultation = {
        "slug": "wohnen-2027",
        "languages": ["de", "ar"],
        "title": {"de": "Wohnen", "ar": "السكن"},
        "sections": [
            {
                "title": {"de": "Teil 1"},
                "questions": [
                    {
                        "code": "q1",
                        "kind": "scale",
                        "required": True,
                        "prompt": {"de": "Wie zufrieden?"},
                        "settings": {"min": 1, "max": 5},
                    }
                ],
            }
        ],
    }
    consultation.update(changes)
    return {"format": "consult-questionnaire", "version": 1, "consultation": consultation}


def _import(client, data: bytes, name: str = "q.json"):
    return client.post("/staff/consultations/import", data={"file": (io.BytesIO(data), name)})


def _count(db_session) -> int:
    db_session.expire_all()
    return db_session.scalar(sa.select(sa.func.count()).select_from(Consultation))


@pytest.mark.parametrize("code", ["ua", "farsi", "dari", "prs", "xx", "de-DE", "a" * 300])
@pytest.mark.parametrize(
    "path", ["/", "/auth/sign-in", "/static/consult.css", "/api/v1/openapi.json"]
)
def test_an_unknown_language_in_the_address_never_breaks_a_page(client, path, code):
    with client.get(f"{path}?lang={code}") as response:
        assert response.status_code == 200


@pytest.mark.parametrize(
    ("code", "shown"),
    [("ua", "uk"), ("farsi", "fa"), ("prs", "fa-AF"), ("dari", "fa-AF"), ("fa-af", "fa-AF")],
)
def test_common_names_for_offered_languages_choose_them(client, code, shown):
    page = client.get(f"/auth/sign-in?lang={code}").get_data(as_text=True)
    assert f'<html lang="{shown}"' in page


def test_a_lone_surrogate_in_an_imported_title_is_refused_and_creates_nothing(
    client, author, db_session
):
    data = json.dumps(_questionnaire(title={"de": "Wohnen \ud800"})).encode("utf-8")
    response = _import(client, data)
    assert response.status_code == 422
    assert "$.consultation.title.de" in response.get_data(as_text=True)
    assert _count(db_session) == 0
    assert client.get("/staff/consultations/").status_code == 200


def test_non_characters_in_the_address_are_dropped(client):
    client.get("/auth/sign-in?lang=en\uffff")
    page = client.get("/auth/sign-in").get_data(as_text=True)
    assert '<html lang="en"' in page


@pytest.mark.parametrize(
    ("changes", "place"),
    [
        ({"slug": "../../etc/passwd"}, "$.consultation.slug"),
        ({"small_cell_threshold": True}, "$.consultation.small_cell_threshold"),
        ({"estimated_minutes": "zehn"}, "$.consultation.estimated_minutes"),
        ({"anonymous": "no"}, "$.consultation.anonymous"),
    ],
)
def test_an_import_that_breaks_the_documented_format_is_refused_by_place(
    client, author, db_session, changes, place
):
    response = _import(client, json.dumps(_questionnaire(**changes)).encode())
    assert response.status_code == 422
    assert place in response.get_data(as_text=True)
    assert _count(db_session) == 0


def test_deeply_nested_json_is_refused_clearly(client, author, db_session):
    response = _import(client, b"[" * 100_000 + b"]" * 100_000)
    assert response.status_code == 422
    assert _count(db_session) == 0


def test_nan_is_refused(client, author, db_session):
    data = json.dumps(_questionnaire()).replace('"max": 5', '"max": NaN').encode()
    assert _import(client, data).status_code == 422
    assert _count(db_session) == 0


def test_the_api_names_the_allowed_methods_on_405(client):
    response = client.post("/api/v1/consultations")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_csv_downloads_state_their_charset_once(client, author, db_session):
    consultation = build_consultation("wohnen")
    db_session.add(consultation)
    db_session.commit()
    response = client.get(f"/staff/consultations/{consultation.id}/translations/export.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"


def test_a_stored_hostile_slug_never_names_a_download_outside_its_folder(
    client, author, db_session
):
    consultation = build_consultation("../../etc/passwd")  # as stored before slugs were checked
    db_session.add(consultation)
    db_session.commit()
    response = client.get(f"/staff/consultations/{consultation.id}/translations/export.csv")
    disposition = response.headers["Content-Disposition"]
    assert "/" not in disposition.split("filename=", 1)[1] and ".." not in disposition


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd-de.csv", "etc_passwd-de.csv"),
        ('a"b\r\nc.pdf', "a_b_c.pdf"),
        ("", "download"),
        ("..", "download"),
        ("wohnen-2027-ar.pdf", "wohnen-2027-ar.pdf"),
    ],
)
def test_download_names_are_safe(name, safe):
    assert safe_filename(name) == safe


def test_a_german_respondents_1_500_is_never_stored_as_1_5(client, db_session):
    add(db_session, every_kind_consultation())
    client.get("/?lang=de")
    start(client)
    page = post_page(client, 1, {**PAGE_ONE, "count": "1.500"}, expect=422).get_data(as_text=True)
    assert "0 bis 10" in page  # 1500 is outside the question's range
    assert [a.number for a in answers(db_session, "count")] == []
