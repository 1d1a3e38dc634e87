"""The JSON reader checks what docs/questionnaire-format.md promises, naming the place."""

from __future__ import annotations

import copy

import pytest
import sqlalchemy as sa

from surveys.authoring.interchange import import_questionnaire
from surveys.errors import Invalid
from surveys.models import Consultation

BASE = {
    "format": "consult-questionnaire",
    "version": 1,
    "consultation": {
        "slug": "wohnen",
        "languages": ["de"],
        "title": {"de": "Wohnen"},
        "sections": [
            {
                "title": {"de": "Teil"},
                "questions": [
                    {"code": "q1", "kind": "scale", "prompt": {"de": "Wie?"}, "settings": {}},
                    {"code": "q2", "kind": "number", "prompt": {"de": "Wie viele?"}},
                ],
            }
        ],
    },
}


def _with(path: str, value):
    data = copy.deepcopy(BASE)
    target = data["consultation"]
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "place"),
    [
        ("slug", "../../etc/passwd", "$.consultation.slug"),
        ("slug", "Wohnen 2027", "$.consultation.slug"),
        ("small_cell_threshold", True, "small_cell_threshold"),
        ("small_cell_threshold", 0, "small_cell_threshold"),
        ("estimated_minutes", "10", "estimated_minutes"),
        ("estimated_minutes", 100000, "estimated_minutes"),
        ("anonymous", "false", "anonymous"),
        ("controller_contact", ["x"], "controller_contact"),
        ("sections.0.questions.0.required", "false", "questions[0].required"),
        ("sections.0.questions.0.settings", {"min": "1", "max": 5}, "settings.min"),
        ("sections.0.questions.0.settings", {"min": 5, "max": 1}, "questions[0].settings"),
        ("sections.0.questions.0.settings", {"min": 1, "max": 10**9}, "settings.max"),
        ("sections.0.questions.0.settings", {"colour": "red"}, "settings.colour"),
        ("sections.0.questions.1.settings", {"max": float("nan")}, "settings.max"),
        ("sections.0.questions.1.settings", {"min": 10, "max": 1}, "questions[1].settings"),
    ],
)
def test_a_value_the_format_does_not_allow_is_refused_by_place(session, path, value, place):
    with pytest.raises(Invalid) as refused:
        import_questionnaire(session, _with(path, value))
    assert place in str(refused.value)
    assert session.scalar(sa.select(sa.func.count()).select_from(Consultation)) == 0


def test_a_hostile_slug_from_the_command_line_is_refused(session):
    with pytest.raises(Invalid, match="--slug"):
        import_questionnaire(session, BASE, slug="../x")


def test_a_valid_file_keeps_its_values(session):
    data = _with("sections.0.questions.0.settings", {"min": 0, "max": 10, "dont_know": True})
    data["consultation"]["small_cell_threshold"] = 3
    consultation = import_questionnaire(session, data)
    assert consultation.slug == "wohnen" and consultation.small_cell_threshold == 3
    assert consultation.questions[0].settings == {"min": 0, "max": 10, "dont_know": True}
