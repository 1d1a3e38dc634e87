"""Hostile input across the whole application: every case answers clearly, stores nothing it
should not, and loses nothing that was accepted. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
import sqlalchemy as sa
from werkzeug.routing import Rule

from surveys.models import Answer, Option, Outcome, Question, Response, Section, Theme
from tests.consult.respond_support import (
    BASE,
    PAGE_ONE,
    add,
    answer_everything,
    answers,
    count,
    every_kind_consultation,
    post_page,
    start,
)
from tests.consult.review_support import arrange

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
RLO = "\u202e"
ZERO_WIDTH = "\u200b"
FORMULA = '=HYPERLINK("http://evil.example","klick")'


@pytest.fixture()
def questionnaire(db_session):
    return add(db_session, every_kind_consultation())


def _page_one(**changes):
    return {**PAGE_ONE, **changes}


def test_markup_in_an_answer_is_stored_as_typed_and_shown_inert_everywhere(
    client, questionnaire, db_session, sign_in
):
    start(client)
    post_page(client, 1, _page_one(story=HOSTILE[:50]))
    review = client.get(f"{BASE}/p/1").get_data(as_text=True)
    assert "<script>alert" not in review and "&lt;script&gt;alert" in review
    assert [a.text for a in answers(db_session, "story")] == [HOSTILE[:50]]


def test_direction_overrides_and_zero_width_characters_are_removed(
    client, questionnaire, db_session
):
    start(client)
    post_page(client, 1, _page_one(name_of_place=f"Bei{ZERO_WIDTH}spiel{RLO}stadt"))
    assert [a.text for a in answers(db_session, "name_of_place")] == ["Beispielstadt"]


def test_a_nul_byte_is_refused_clearly_and_the_other_answers_stay(
    client, questionnaire, db_session
):
    start(client)
    response = post_page(client, 1, _page_one(story="a\x00b", count="7"), expect=422)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="7"' in page
    assert answers(db_session, "story") == []
    assert [a.number for a in answers(db_session, "count")] == [7.0]


def test_a_huge_answer_gets_the_limit_stated_and_is_not_stored(client, questionnaire, db_session):
    start(client)
    response = post_page(client, 1, _page_one(story="x" * 100_000), expect=422)
    assert response.status_code == 422
    assert "50" in response.get_data(as_text=True)
    assert answers(db_session, "story") == []


def test_a_request_larger_than_the_site_accepts_gets_a_clear_page(make_app, db_session):
    app = make_app(MAX_CONTENT_LENGTH=10_000)
    add(db_session, every_kind_consultation())
    client = app.test_client()
    start(client)
    response = post_page(client, 1, _page_one(story="x" * 20_000), expect=413)
    assert response.status_code == 413
    assert "Traceback" not in response.get_data(as_text=True)
    assert count(db_session, Answer) == 0


def test_malformed_utf8_never_causes_a_server_error(client, questionnaire):
    start(client)
    response = client.post(
        f"{BASE}/p/1",
        data=b"name_of_place=%FF%FE%FA&count=%C3&action=next",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (302, 422)


@pytest.mark.parametrize(("typed", "stored"), [("٣", 3.0), ("۷", 7.0), ("2,5", 2.5)])
def test_numbers_in_other_digits_are_understood(client, questionnaire, db_session, typed, stored):
    start(client)
    post_page(client, 1, _page_one(count=typed))
    assert [a.number for a in answers(db_session, "count")] == [stored]


@pytest.mark.parametrize("typed", ["drei", "1e999", "NaN", "11", "-1"])
def test_wrong_or_out_of_range_numbers_are_refused(client, questionnaire, db_session, typed):
    start(client)
    assert post_page(client, 1, _page_one(count=typed), expect=422).status_code == 422
    assert answers(db_session, "count") == []


def test_option_codes_that_do_not_exist_are_refused(client, questionnaire, db_session):
    start(client)
    post_page(client, 1, PAGE_ONE)
    response = post_page(
        client, 2, {"housing": "zzz", "areas": ["a"], "recognised": "perhaps"}, expect=422
    )
    assert response.status_code == 422
    assert answers(db_session, "housing") == [] and answers(db_session, "recognised") == []


def test_a_forged_csrf_token_stores_nothing_and_keeps_what_was_typed(make_app, db_session):
    app = make_app(WTF_CSRF_ENABLED=True)
    add(db_session, every_kind_consultation())
    client = app.test_client()
    landing = client.get(BASE).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', landing).group(1)
    client.post(f"{BASE}/start", data={"group": "volunteers", "csrf_token": token})
    response = client.post(
        f"{BASE}/p/1", data={**PAGE_ONE, "action": "next", "csrf_token": "forged"}
    )
    assert response.status_code == 400
    assert 'value="Beispielstadt"' in response.get_data(as_text=True)
    assert count(db_session, Answer) == 0


def test_guessed_and_replayed_codes_are_refused(client, questionnaire, db_session):
    assert client.get(f"{BASE}/i/guessed-invitation-token").status_code == 403
    assert client.get(f"{BASE}/r/AAAA-BBBB-CCCC").status_code == 404
    withdrawn = client.post(f"{BASE}/withdraw", data={"code": "AAAA-BBBB-CCCC"})
    assert withdrawn.status_code == 422
    assert 'role="alert"' in withdrawn.get_data(as_text=True)
    answer_everything(client)
    client.post(f"{BASE}/submit")
    assert count(db_session, Response, status="submitted") == 1


# --- staff pages: every route, every role ------------------------------------------------


def _staff_rules(app) -> list[Rule]:
    return [r for r in app.url_map.iter_rules() if r.rule.startswith("/staff")]


def _url(rule: Rule, **values) -> str:
    path = rule.rule
    for name in rule.arguments:
        converter = rule._converters[name]
        value = values.get(name, 1 if type(converter).__name__ == "IntegerConverter" else "de")
        path = re.sub(rf"<(?:\w+:)?{name}>", str(value), path)
    return path


def test_anonymous_visitors_are_sent_to_sign_in_from_every_staff_page(app, client):
    for rule in _staff_rules(app):
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(_url(rule), method=method)
        assert response.status_code == 302, rule.rule
        assert "/auth/sign-in" in response.headers["Location"], rule.rule


@pytest.mark.parametrize(
    ("role", "prefix"),
    [
        ("facilitator", "/staff/consultations"),
        ("author", "/staff/review"),
        ("author", "/staff/users"),
    ],
)
def test_the_wrong_role_gets_403_on_every_page_of_another_role(app, client, sign_in, role, prefix):
    sign_in(role)
    checked = 0
    for rule in _staff_rules(app):
        # Every staff role may type in paper responses (surveys.rules.may_enter_paper).
        if not rule.rule.startswith(prefix) or rule.endpoint.startswith("paper."):
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        assert client.open(_url(rule), method=method).status_code == 403, rule.rule
        checked += 1
    assert checked


def _objects_of(db_session, consultation) -> dict[str, int]:
    section = consultation.sections[0]
    question = section.questions[0]
    theme = Theme(consultation=consultation, code="t", label={"de": "T"})
    outcome = Outcome(consultation=consultation, status="adopted", text={"de": "Beschlossen"})
    db_session.add_all([theme, outcome])
    db_session.commit()
    answer_id = db_session.scalar(
        sa.select(Answer.id).join(Response).where(Response.consultation_id == consultation.id)
    )
    return {
        "section_id": section.id,
        "question_id": question.id,
        "option_id": question.options[0].id if question.options else 0,
        "theme_id": theme.id,
        "outcome_id": outcome.id,
        "answer_id": answer_id or 0,
    }


def test_ids_of_another_consultations_objects_are_404_on_every_page(
    app, client, sign_in, db_session
):
    sign_in("admin")
    mine, _ = arrange(db_session, slug="mine")
    theirs, _ = arrange(db_session, slug="theirs")
    foreign = _objects_of(db_session, theirs)
    checked = 0
    for rule in _staff_rules(app):
        object_args = set(rule.arguments) - {"consultation_id", "lang", "fmt"}
        if "consultation_id" not in rule.arguments or not object_args:
            continue
        url = _url(rule, consultation_id=mine.id, **foreign)
        method = "GET" if "GET" in rule.methods else "POST"
        assert client.open(url, method=method).status_code == 404, rule.rule
        checked += 1
    assert checked >= 15
    assert {o.id for o in db_session.scalars(sa.select(Option))}
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Question)) == 4
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Section)) == 2


# --- exports -------------------------------------------------------------------------------


def test_translation_exports_are_safe_against_formula_injection(client, sign_in, db_session):
    consultation, _ = arrange(db_session, slug="formula")
    consultation.title["de"] = FORMULA
    consultation.sections[0].questions[0].prompt["de"] = "+49 30 1234567"
    db_session.commit()
    sign_in("author")
    base = f"/staff/consultations/{consultation.id}/translations"
    text = client.get(f"{base}/export.csv").get_data().decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"{base}/export.xlsx").get_data()))
    cells += [str(c.value) for ws in workbook for row in ws.iter_rows() for c in row if c.value]
    assert f"'{FORMULA}" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
