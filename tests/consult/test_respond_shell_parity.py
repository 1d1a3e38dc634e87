"""Question shells (consult/respond/shells.py) are rendered once with holes and filled per
respondent. What a respondent sees must be exactly what a fresh rendering shows, for every
question kind, every setting the test consultation uses, every language and value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from jinja2 import ChoiceLoader, DictLoader

from consult.i18n import format_number
from consult.respond import shells, structure
from consult.respond.common import consultation_or_404, questionnaire
from consult.respond.fields import question_helpers
from surveys.answering.values import ITEM_PREFIX, OTHER_PART, RANK_PREFIX, VALUE
from tests.consult.respond_support import (
    BASE,
    SLUG,
    add,
    every_kind_consultation,
    post_page,
    start,
)

HOSTILE = "<b>&\"'</b> \u202eحر\ue000"  # markup, quotes, bidi override, the marker itself


@pytest.fixture()
def consultation(db_session):
    return add(db_session, every_kind_consultation())


def _raw_values(question: Any) -> Iterator[dict[str, list[str]]]:
    """Every shape of value the question macro can be asked to show."""
    codes = [option.code for option in question.options]
    yield {}
    yield {VALUE: [""]}
    yield {VALUE: ["3,5"]}
    yield {VALUE: [HOSTILE]}
    yield {OTHER_PART: [HOSTILE]}
    for code in [*codes, "yes", "no", "dont_know", "other", "1", "3", "5"]:
        yield {VALUE: [code]}
    yield {VALUE: [*codes, "other"], OTHER_PART: ["something else"]}
    yield {f"{RANK_PREFIX}{code}": [str(rank)] for rank, code in enumerate(codes, start=1)}
    yield {f"{RANK_PREFIX}{code}": ["1"] for code in codes}
    yield {f"{ITEM_PREFIX}{code}": [str(point)] for point, code in enumerate(codes, start=1)}
    yield {f"{ITEM_PREFIX}{code}": [HOSTILE] for code in codes}


def _renderings(app: Any, language: str) -> Iterator[tuple[str, str, str]]:
    with app.test_request_context(f"/c/{SLUG}/p/1?lang={language}"):
        app.preprocess_request()
        copy = questionnaire(consultation_or_404())
        macro = structure.question_macro({**question_helpers(), "format_number": format_number})
        for section in copy.sections:
            for question in section.questions:
                parts = shells.shell_of(macro, question)
                assert parts is not None, f"{question.code} could not be cached"
                for raw in _raw_values(question):
                    fresh = str(macro(question, raw, None))
                    filled = str(shells.fill(parts, raw))
                    yield f"{question.code} {raw!r}", fresh, filled


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_a_filled_shell_is_exactly_the_fresh_question(app, consultation, language):
    compared = 0
    for case, fresh, filled in _renderings(app, language):
        assert filled == fresh, case
        compared += 1
    kinds = {q.kind for s in consultation.sections for q in s.questions}
    assert len(kinds) >= 9  # every kind the test consultation covers was compared
    assert compared > 100


def _with_template(app: Any, name: str, source: str) -> None:
    app.jinja_env.loader = ChoiceLoader([DictLoader({name: source}), app.jinja_env.loader])
    app.jinja_env.cache.clear()


def test_a_template_that_tests_a_value_is_rendered_per_respondent(app, client, consultation):
    """A template line such as `{% if answer.text() %}` decides by one respondent's value; a
    shared shell would show its result to everyone. Such questions are rendered afresh."""
    name = "respond/_question.html"
    source = app.jinja_env.loader.get_source(app.jinja_env, name)[0]
    typed_marker = "{% if answer.text() %}<span>TYPED-SOMETHING</span>{% endif %}"
    anchor = "{{ answer.text() }}</textarea>"
    assert anchor in source
    mutated = source.replace(anchor, anchor + typed_marker, 1)
    _with_template(app, name, mutated)

    start(client)
    first = client.get(f"{BASE}/p/1?lang=en").get_data(as_text=True)
    assert "TYPED-SOMETHING" not in first  # an empty story shows no marker

    reply = post_page(client, 1, {"name_of_place": "Kreisstadt", "story": "Seit 2015"})
    assert reply.status_code == 302, reply.get_data(as_text=True)
    again = client.get(f"{BASE}/p/1?lang=en").get_data(as_text=True)
    assert "TYPED-SOMETHING" in again  # this respondent typed a story

    other = app.test_client()
    start(other)
    fresh = other.get(f"{BASE}/p/1?lang=en").get_data(as_text=True)
    assert "TYPED-SOMETHING" not in fresh  # and nobody else sees the marker
