from __future__ import annotations

import copy
import json
from datetime import UTC, datetime

import pytest

from surveys.authoring import interchange, setup
from surveys.errors import Invalid


@pytest.fixture()
def rich(make_consultation, session):
    consultation = make_consultation(languages=("de", "ar"))
    consultation.meeting = setup.find_or_create_meeting(
        session,
        setup.MeetingData(
            "Integrationsbeirat", "Sitzung", datetime(2030, 3, 23, 16, tzinfo=UTC), "4", "BV/1"
        ),
    )
    question = consultation.questions[1]
    question.kind = "scale"
    question.settings = {"min": 1, "max": 5, "min_label": {"de": "wenig", "ar": "قليل"}}
    question.show_if = {"question": "q_choice", "options": ["a"]}
    question.field_of_action = "housing"
    session.flush()
    return consultation


def test_export_is_versioned_json(rich):
    data = interchange.export_questionnaire(rich)
    assert (data["format"], data["version"]) == ("consult-questionnaire", 2)
    json.dumps(data)


def test_export_import_export_round_trips_exactly(rich, session):
    exported = interchange.export_questionnaire(rich)
    imported = interchange.import_questionnaire(session, copy.deepcopy(exported), slug="kopie")
    again = interchange.export_questionnaire(imported)
    assert imported.status == "draft"
    assert imported.meeting is rich.meeting
    exported["consultation"]["slug"] = "kopie"
    assert again == exported


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(format="other"), "$.format"),
        (lambda d: d.update(version=3), "$.version"),
        (lambda d: d["consultation"]["sections"][0]["questions"][0].update(kind="x"), ".kind"),
        (
            lambda d: d["consultation"]["sections"][0]["questions"][1].update(code="q_choice"),
            ".code",
        ),
        (
            lambda d: d["consultation"]["sections"][0]["questions"][0]["options"][0].update(
                code="a b"
            ),
            "options[0].code",
        ),
        (lambda d: d["consultation"].update(closes_at="2030-01-01T00:00"), "closes_at"),
        (lambda d: d["consultation"].update(languages=["de", "xx-nonsense"]), "xx-nonsense"),
    ],
)
def test_invalid_files_name_the_place_and_add_nothing(rich, session, change, where):
    data = interchange.export_questionnaire(rich)
    change(data)
    before = session.query(type(rich)).count()
    with pytest.raises(Invalid) as error:
        interchange.import_questionnaire(session, data)
    assert where in str(error.value)
    assert session.query(type(rich)).count() == before
