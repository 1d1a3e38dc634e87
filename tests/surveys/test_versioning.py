"""The questionnaire version goes up with every change respondents could see, and only then."""

from __future__ import annotations

from surveys.answering import responses
from surveys.base import utcnow
from surveys.models import Option, Question


def _version(session, consultation) -> int:
    session.refresh(consultation)
    return consultation.questionnaire_version


def test_a_new_consultation_starts_at_version_one(session, make_consultation):
    assert _version(session, make_consultation()) == 1


def test_changing_a_question_text_raises_the_version(session, make_consultation):
    consultation = make_consultation()
    consultation.questions[0].prompt = {"de": "Neu", "en": "New"}
    session.commit()

    assert _version(session, consultation) == 2


def test_adding_an_option_raises_the_version(session, make_consultation):
    consultation = make_consultation()
    choice = next(q for q in consultation.questions if q.options)
    choice.options.append(Option(code="new", label={"de": "Neu"}))
    session.commit()

    assert _version(session, consultation) == 2


def test_removing_a_question_raises_the_version(session, make_consultation):
    consultation = make_consultation(questions=3)
    section = consultation.sections[0]
    section.questions.remove(section.questions[-1])
    session.commit()

    assert _version(session, consultation) == 2


def test_adding_a_question_raises_the_version(session, make_consultation):
    consultation = make_consultation()
    consultation.sections[0].questions.append(
        Question(code="extra", kind="short_text", prompt={"de": "Extra"})
    )
    session.commit()

    assert _version(session, consultation) == 2


def test_answering_leaves_the_version_alone(session, make_consultation):
    consultation = make_consultation()
    response = responses.start_draft(session, consultation, language="de", now=utcnow())
    section = consultation.sections[0]
    responses.save_page(session, response, section, {}, language="de", now=utcnow(), require=False)
    session.commit()

    assert _version(session, consultation) == 1


def test_other_consultations_keep_their_version(session, make_consultation):
    first, second = make_consultation(slug="first"), make_consultation(slug="second")
    first.questions[0].prompt = {"de": "Neu"}
    session.commit()

    assert (_version(session, first), _version(session, second)) == (2, 1)


def test_changing_the_consultation_itself_raises_the_version(session, make_consultation):
    consultation = make_consultation()
    consultation.title["de"] = "Neuer Titel"  # changed in place: still noticed
    session.commit()
    assert _version(session, consultation) == 2

    consultation.status = "closed"
    session.commit()
    assert _version(session, consultation) == 3


def test_renaming_the_meeting_or_committee_raises_the_version(session, make_consultation):
    from datetime import timedelta

    from surveys.models import Committee, Meeting

    committee = Committee(name="Ausschuss für Integration")
    meeting = Meeting(committee=committee, title="Sitzung", starts_at=utcnow() + timedelta(30))
    first, second = make_consultation(slug="first"), make_consultation(slug="second")
    first.meeting = meeting
    session.commit()
    before = _version(session, first)
    assert _version(session, second) == 1

    meeting.title = "Sondersitzung"
    session.commit()
    assert _version(session, first) == before + 1

    committee.name = "Koordinierungsstab Migration und Teilhabe"
    session.commit()
    assert (_version(session, first), _version(session, second)) == (before + 2, 1)
