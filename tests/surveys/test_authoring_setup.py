from __future__ import annotations

from datetime import UTC, datetime

import pytest

from surveys.authoring import setup
from surveys.authoring.setup import ConsultationData, MeetingData
from surveys.errors import Invalid
from surveys.vocabulary import ConsultationStatus


def test_slugify_transliterates_german_and_drops_punctuation():
    assert setup.slugify("Wohnen für alle? Größe & Maß") == "wohnen-fuer-alle-groesse-mass"
    assert setup.slugify("السكن") == "consultation"


def test_parse_languages_keeps_order_and_refuses_unknown_codes():
    assert setup.parse_languages("de, en ar;fa  uk") == ["de", "en", "ar", "fa", "uk"]
    assert setup.parse_languages("de de ti") == ["de", "ti"]
    with pytest.raises(Invalid, match="xx-nonsense"):
        setup.parse_languages("de, xx-nonsense")
    with pytest.raises(Invalid):
        setup.parse_languages(" ")


def test_parse_groups_reads_code_label_lines():
    assert setup.parse_groups("volunteers: Ehrenamtliche\n\nschools: Schulen: alle") == [
        ("volunteers", "Ehrenamtliche"),
        ("schools", "Schulen: alle"),
    ]
    with pytest.raises(Invalid, match="Line 2"):
        setup.parse_groups("a: A\nno label")


def _data(**kw):
    base = dict(title="Wohnen für alle", languages=["de", "ar"], groups=[("v", "Ehrenamt")])
    return ConsultationData(**(base | kw))


def test_create_makes_a_unique_slug_from_the_title(session):
    first = setup.create_consultation(session, _data())
    second = setup.create_consultation(session, _data())
    assert (first.slug, second.slug) == ("wohnen-fuer-alle", "wohnen-fuer-alle-2")
    assert first.status == ConsultationStatus.DRAFT
    assert first.title == {"de": "Wohnen für alle"}
    assert [g.code for g in first.groups] == ["v"]


def test_a_chosen_slug_in_use_is_refused_on_create(session):
    setup.create_consultation(session, _data(slug="wohnen"))
    with pytest.raises(Invalid, match="address"):
        setup.create_consultation(session, _data(slug="wohnen"))


def test_the_small_cell_threshold_is_at_least_one(session):
    with pytest.raises(Invalid):
        setup.create_consultation(session, _data(small_cell_threshold=0))


def test_meetings_are_found_again_by_committee_title_and_time(session):
    when = datetime(2027, 3, 23, 17, 0, tzinfo=UTC)
    data = MeetingData("Integrationsbeirat", "Sitzung März", when, "TOP 4", "BV/2027/12")
    meeting = setup.find_or_create_meeting(session, data)
    assert setup.find_or_create_meeting(session, data) is meeting
    assert meeting.committee.name == "Integrationsbeirat"


def test_update_changes_slug_groups_and_source_texts(session):
    consultation = setup.create_consultation(session, _data())
    setup.update_consultation(
        session,
        consultation,
        _data(slug="wohnen-2027", title="Wohnen", groups=[("s", "Schulen"), ("v", "Ehrenamt!")]),
    )
    assert consultation.slug == "wohnen-2027"
    assert consultation.title == {"de": "Wohnen"}
    assert [(g.code, g.label["de"]) for g in consultation.groups] == [
        ("s", "Schulen"),
        ("v", "Ehrenamt!"),
    ]


def test_a_slug_in_use_is_refused(session):
    setup.create_consultation(session, _data(slug="taken"))
    other = setup.create_consultation(session, _data(title="Andere"))
    with pytest.raises(Invalid, match="address"):
        setup.update_consultation(session, other, _data(slug="taken"))


def test_new_round_copies_the_questionnaire_with_its_codes(make_consultation, session):
    consultation = make_consultation()
    copy = setup.new_round(session, consultation)
    assert copy.slug == "test-consultation-round-2"
    assert copy.status == ConsultationStatus.DRAFT
    assert copy.previous_round_id == consultation.id
    assert [q.code for q in copy.questions] == ["q_choice", "q_text"]
    assert [o.code for o in copy.questions[0].options] == ["a", "b"]
    assert copy.questions[0].id != consultation.questions[0].id
    assert setup.new_round(session, copy).slug == "test-consultation-round-3"


def test_a_group_that_invitations_use_cannot_be_removed(session):
    from surveys.models import Invitation

    consultation = setup.create_consultation(session, _data())
    session.add(
        Invitation(consultation=consultation, token_hash="x" * 64, group=consultation.groups[0])
    )
    session.flush()
    with pytest.raises(Invalid, match="Invitations use this stakeholder group"):
        setup.update_consultation(session, consultation, _data(groups=[("s", "Schulen")]))
    assert [g.code for g in consultation.groups] == ["v"]
