"""Every question kind is declared once and has a validator, a publisher and a summariser;
the registry's defaults are what authors and respondents actually get."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from analysis.published import _PUBLISHERS
from analysis.summaries import SUMMARISERS
from surveys.answering.validation import _VALIDATORS, validate_answer
from surveys.authoring.structure import _clean_settings
from surveys.kinds import KINDS, kind_of
from surveys.vocabulary import CHOICE_KINDS, QUESTION_KIND_LABELS, QuestionKind


@pytest.mark.parametrize("kind", list(QuestionKind))
def test_every_kind_is_declared_validated_published_summarised_and_labelled(kind):
    assert kind in KINDS and kind in _VALIDATORS and kind in QUESTION_KIND_LABELS
    assert kind.value in _PUBLISHERS and kind.value in SUMMARISERS
    assert KINDS[kind].has_options == (kind in CHOICE_KINDS)
    assert set(KINDS[kind].edited) <= set(KINDS[kind].settings)


def test_a_new_question_gets_its_kinds_defaults():
    assert _clean_settings("scale", {}) == {"min": 1, "max": 5}
    assert _clean_settings("matrix", {"dont_know": True}) == {"min": 1, "max": 5}
    assert _clean_settings("yes_no", {}) == {}
    assert _clean_settings("consent", {"other": True}) == {}


def test_yes_no_offers_dont_know_unless_switched_off():
    assert kind_of("yes_no").setting({}, "dont_know") is True
    assert kind_of("scale").setting({}, "dont_know") is False
    plain = SimpleNamespace(kind="yes_no", required=True, settings={}, options=[])
    without = SimpleNamespace(kind="yes_no", required=True, settings={"dont_know": False})
    assert validate_answer(plain, {"value": ["dont_know"]}).rows == [{"option_code": "dont_know"}]
    assert validate_answer(without, {"value": ["dont_know"]}).error is not None
