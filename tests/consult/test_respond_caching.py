"""Respondent pages come from per-worker copies and cached page shells (consult/respond/
structure.py and shells.py). What respondents and staff notice: changes show at once, no
respondent ever sees another's answers, typed values come back exactly and safely."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy import select

from consult.extensions import db
from consult.respond import common, structure
from surveys.models import Question, Response
from tests.consult.respond_support import (
    BASE,
    PAGE_ONE,
    add,
    every_kind_consultation,
    post_page,
    set_state,
    start,
)


@pytest.fixture()
def consultation(db_session):
    return add(db_session, every_kind_consultation())


def _page(client, number: int = 1) -> str:
    reply = client.get(f"{BASE}/p/{number}?lang=en")
    assert reply.status_code == 200, reply.get_data(as_text=True)[:500]
    return reply.get_data(as_text=True)


def _without_token(html: str) -> str:
    return re.sub(r'name="csrf_token" value="[^"]+"', "", html)


def test_a_title_changed_by_staff_shows_on_the_next_page(client, consultation, db_session):
    start(client)
    assert "every-kind (en)" in _page(client)  # the title, now cached by this worker
    consultation.title["en"] = "Every kind, renamed"
    db_session.commit()

    assert "Every kind, renamed" in _page(client)


def test_closing_a_consultation_stops_answers_on_the_next_request(client, consultation, db_session):
    start(client)
    _page(client)
    set_state(db_session, consultation, status="closed")

    assert client.get(f"{BASE}/p/1").status_code == 410
    assert post_page(client, 1, PAGE_ONE, expect=410).status_code == 410


def test_two_respondents_get_the_same_page_but_each_only_their_own_answers(
    app, consultation, db_session
):
    first, second = app.test_client(), app.test_client()
    start(first)
    start(second)
    blank_first, blank_second = _page(first), _page(second)
    assert _without_token(blank_first) == _without_token(blank_second)
    assert blank_first != blank_second  # each session has its own token

    secret = "Geheimer Ort von Person A"
    post_page(first, 1, {**PAGE_ONE, "name_of_place": secret}, action="later")

    assert f'value="{secret}"' in _page(first)
    assert secret not in _page(second)
    assert _without_token(_page(second)) == _without_token(blank_second)


def test_typed_values_come_back_exactly_and_escaped(client, consultation):
    start(client)
    typed = 'Nord"><script>alert(1)</script> & Süd'
    post_page(client, 1, {**PAGE_ONE, "name_of_place": typed, "story": "<b>kurz</b>"}, "later")

    html = _page(client)
    assert "<script>alert(1)</script>" not in html and "<b>kurz</b>" not in html
    assert 'value="Nord&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Süd"' in html
    assert "&lt;b&gt;kurz&lt;/b&gt;</textarea>" in html


def test_choices_and_ranks_come_back_checked(client, consultation):
    start(client)
    post_page(client, 1, PAGE_ONE)
    post_page(client, 2, {"housing": "b", "areas": ["a", "c"], "recognised": "yes"}, "later")
    html = _page(client, 2)
    checked = set(re.findall(r'name="(\w+)" value="(\w+)" checked', html))
    assert checked == {("housing", "b"), ("areas", "a"), ("areas", "c"), ("recognised", "yes")}

    post_page(client, 2, {"housing": "b", "areas": ["a"], "recognised": "yes"})
    ranks = {"priorities__rank__x": "3", "priorities__rank__y": "1", "priorities__rank__z": "2"}
    assert (
        post_page(client, 3, {"details": "x", "safety": "dont_know", **ranks}, "later").status_code
        == 302
    )
    html = _page(client, 3)
    assert re.search(r'value="dont_know" checked', html)
    rank_x = re.search(r'name="priorities__rank__x".*?</select>', html, re.S).group(0)
    assert '<option value="3" selected>' in rank_x and rank_x.count(" selected") == 1


def test_an_authors_text_with_the_marker_character_still_renders(client, consultation, db_session):
    question = db_session.scalar(select(Question).where(Question.code == "name_of_place"))
    question.prompt = {**question.prompt, "en": "Place \ue000 name"}
    db_session.commit()
    start(client)
    post_page(client, 1, {**PAGE_ONE, "name_of_place": "Nordstadt"}, "later")

    html = _page(client)
    assert "Place \ue000 name" in html and 'value="Nordstadt"' in html


def test_the_shared_snapshot_of_a_consultation_cannot_be_changed(app, consultation):
    """Every respondent of a worker reads the same snapshot: a view or template that tried
    to change it would change it for all of them, so any attempt is an error."""
    with app.test_request_context(f"{BASE}"):
        shared, _draft = structure.consultation(db.engine, db.session, consultation.slug, [])
        assert shared is structure.consultation(db.engine, db.session, consultation.slug, [])[0]
        with pytest.raises(TypeError):
            shared.title["de"] = "Geändert"  # type: ignore[index]
        with pytest.raises(dataclasses.FrozenInstanceError):
            shared.status = "closed"  # type: ignore[misc]
        with pytest.raises(AttributeError):
            shared.languages.append("fr")  # type: ignore[attr-defined]
        with pytest.raises(AttributeError):  # no ORM object: it cannot join a session
            db.session.add(Response(consultation=shared, language="de"))  # type: ignore[arg-type]
        db.session.rollback()
        copy = common.questionnaire(shared)
        with pytest.raises(TypeError):
            copy.questions[0].settings["max"] = 1  # type: ignore[index]
    with app.test_request_context(f"{BASE}?lang=en"):
        again, _draft = structure.consultation(db.engine, db.session, consultation.slug, [])
        assert again.title == consultation.title  # unchanged for the next respondent


def test_a_renamed_meeting_shows_on_the_landing_page_at_once(client, db_session):
    from surveys.demo.loader import load

    demo = load(db_session, password="demo-passwort-2027", responses=0).consultation
    db_session.commit()
    assert "Integrationsgipfel 2027" in client.get(f"/c/{demo.slug}?lang=en").get_data(True)
    demo.meeting.title = "Sondersitzung Integration"
    db_session.commit()

    assert "Sondersitzung Integration" in client.get(f"/c/{demo.slug}?lang=en").get_data(True)
