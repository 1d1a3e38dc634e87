"""Paper responses on a plain session: entering a sheet, the second entry, resolving."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from surveys.administration import users
from surveys.answering import paper
from surveys.answering.drafts import rows_by_code
from surveys.base import utcnow
from surveys.models import AuditEvent, PaperCheck, Question, Response
from surveys.vocabulary import Channel, ConsultationStatus, QuestionKind, ResponseStatus
from tests.conftest import TEST_PASSWORD, build_consultation


@pytest.fixture()
def consultation(session):
    c = build_consultation(languages=("de", "ar"))
    section = c.sections[0]
    section.questions.extend(
        [
            Question(code="q_known", kind=QuestionKind.YES_NO, prompt={"de": "Bekannt?"}),
            Question(
                code="q_why",
                kind=QuestionKind.SHORT_TEXT,
                prompt={"de": "Warum?"},
                show_if={"question": "q_known", "options": ["yes"]},
            ),
            Question(
                code="q_count",
                kind=QuestionKind.NUMBER,
                prompt={"de": "Wie viele?"},
                settings={"min": 0, "max": 10},
            ),
        ]
    )
    session.add(c)
    session.commit()
    return c


@pytest.fixture()
def staff(session):
    user = users.create_user(session, "clerk@example.org", TEST_PASSWORD, ["facilitator"])
    session.commit()
    return user


def sheet(values=None, **kw):
    raw = {
        code: {"value": value if isinstance(value, list) else [value]}
        for code, value in (values or {}).items()
    }
    return paper.Sheet(raw=raw, language=kw.pop("language", "ar"), **kw)


def count(session, model, **where):
    query = select(func.count()).select_from(model)
    for key, value in where.items():
        query = query.where(getattr(model, key) == value)
    return session.scalar(query)


def enter(session, consultation, staff, values, **kw):
    response = paper.enter(session, consultation, sheet(values, **kw), user=staff, now=utcnow())
    session.commit()
    return response


def test_a_paper_sheet_becomes_one_submitted_paper_response(session, consultation, staff):
    response = enter(
        session,
        consultation,
        staff,
        {"q_choice": "b", "q_count": "٣"},
        sheet=" 12 ",
        group_code="volunteers",
    )
    assert (response.channel, response.status) == (Channel.PAPER, ResponseStatus.SUBMITTED)
    assert response.entered_by_id == staff.id
    assert response.paper_sheet == "12"
    assert response.language == "ar"
    assert response.group.code == "volunteers"
    assert rows_by_code(response) == {
        "q_choice": [{"option_code": "b", "text": None, "number": None}],
        "q_count": [{"option_code": None, "text": None, "number": 3.0}],
    }


def test_a_required_question_left_blank_on_paper_stays_unanswered(session, consultation, staff):
    response = enter(session, consultation, staff, {"q_text": "Nur Text"})
    stored = rows_by_code(response)
    assert "q_text" in stored and "q_choice" not in stored


def test_a_date_from_the_paper_is_the_submission_date(session, consultation, staff):
    day = utcnow() - timedelta(days=3)
    response = enter(session, consultation, staff, {}, submitted_at=day)
    assert response.submitted_at == day


def test_a_date_in_the_future_is_refused(session, consultation, staff):
    with pytest.raises(paper.EntryInvalid) as refused:
        paper.enter(
            session,
            consultation,
            sheet({}, submitted_at=utcnow() + timedelta(days=2)),
            user=staff,
            now=utcnow(),
        )
    assert "submitted_at" in refused.value.fields


def test_bad_answers_are_refused_and_nothing_is_stored(session, consultation, staff):
    with pytest.raises(paper.EntryInvalid) as refused:
        paper.enter(
            session,
            consultation,
            sheet({"q_count": "11", "q_choice": "x"}),
            user=staff,
            now=utcnow(),
        )
    session.rollback()
    assert set(refused.value.answers) == {"q_count", "q_choice"}
    assert count(session, Response) == 0


def test_an_answer_to_a_question_show_if_hides_is_not_stored(session, consultation, staff):
    response = enter(session, consultation, staff, {"q_known": "no", "q_why": "Weil"})
    stored = rows_by_code(response)
    assert "q_known" in stored and "q_why" not in stored


def test_a_sheet_number_can_be_entered_only_once(session, consultation, staff):
    enter(session, consultation, staff, {}, sheet="7")
    with pytest.raises(paper.EntryInvalid) as refused:
        paper.enter(session, consultation, sheet({}, sheet="7"), user=staff, now=utcnow())
    assert "sheet" in refused.value.fields


def test_an_unknown_group_or_language_is_refused(session, consultation, staff):
    with pytest.raises(paper.EntryInvalid) as refused:
        paper.enter(
            session,
            consultation,
            sheet({}, language="fr", group_code="police"),
            user=staff,
            now=utcnow(),
        )
    assert set(refused.value.fields) == {"language", "group"}


def test_drafts_accept_no_paper_responses(session, staff):
    draft = build_consultation(slug="draft", status=ConsultationStatus.DRAFT)
    session.add(draft)
    session.commit()
    with pytest.raises(paper.NotAccepting):
        paper.enter(session, draft, sheet({}, language="de"), user=staff, now=utcnow())


def test_entering_a_sheet_is_recorded_in_the_audit_log(session, consultation, staff):
    response = enter(session, consultation, staff, {}, sheet="3")
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "paper.enter"))
    assert (event.user_id, event.object_id, event.details["sheet"]) == (
        staff.id,
        str(response.id),
        "3",
    )


def test_a_second_entry_that_agrees_verifies_without_a_second_response(
    session, consultation, staff
):
    enter(session, consultation, staff, {"q_choice": "a", "q_count": "4"}, sheet="5")
    response = paper.enter_second(
        session,
        consultation,
        sheet({"q_choice": "a", "q_count": "4,0"}, sheet="5"),
        user=staff,
        now=utcnow(),
    )
    session.commit()
    assert paper.status(response) == paper.VERIFIED
    assert count(session, Response) == 1


def test_a_second_entry_that_differs_lists_each_difference(session, consultation, staff):
    enter(
        session,
        consultation,
        staff,
        {"q_choice": "a", "q_count": "4"},
        sheet="5",
        group_code="volunteers",
    )
    response = paper.enter_second(
        session,
        consultation,
        sheet({"q_choice": "b", "q_count": "4"}, sheet="5"),
        user=staff,
        now=utcnow(),
    )
    session.commit()
    found = paper.differences(response)
    assert [d.key for d in found] == [paper.GROUP, "q_choice"]
    assert found[1].first[0]["option_code"] == "a"
    assert found[1].second[0]["option_code"] == "b"
    assert paper.status(response) == paper.TO_CHECK
    assert count(session, Response) == 1
    assert count(session, PaperCheck) == 1


def test_a_second_entry_needs_an_entered_sheet_number(session, consultation, staff):
    with pytest.raises(paper.EntryInvalid) as refused:
        paper.enter_second(session, consultation, sheet({}, sheet="99"), user=staff, now=utcnow())
    assert "sheet" in refused.value.fields


def test_a_sheet_is_entered_a_second_time_only_once(session, consultation, staff):
    enter(session, consultation, staff, {}, sheet="5")
    paper.enter_second(session, consultation, sheet({}, sheet="5"), user=staff, now=utcnow())
    session.commit()
    with pytest.raises(paper.EntryInvalid):
        paper.enter_second(session, consultation, sheet({}, sheet="5"), user=staff, now=utcnow())


def test_resolving_stores_the_chosen_values_and_verifies(session, consultation, staff):
    enter(
        session,
        consultation,
        staff,
        {"q_choice": "a", "q_count": "4"},
        sheet="5",
        group_code="volunteers",
    )
    response = paper.enter_second(
        session,
        consultation,
        sheet({"q_choice": "b", "q_count": "5"}, sheet="5", group_code="volunteers"),
        user=staff,
        now=utcnow(),
    )
    missing = paper.resolve(
        session,
        response,
        {"q_choice": paper.SECOND, "q_count": paper.FIRST},
        user=staff,
        now=utcnow(),
    )
    session.commit()
    assert missing == []
    stored = rows_by_code(response)
    assert stored["q_choice"][0]["option_code"] == "b"
    assert stored["q_count"][0]["number"] == 4.0
    assert paper.status(response) == paper.VERIFIED
    assert (
        session.scalar(select(AuditEvent).where(AuditEvent.action == "paper.resolve")) is not None
    )


def test_resolving_needs_a_choice_for_every_difference(session, consultation, staff):
    enter(session, consultation, staff, {"q_choice": "a", "q_count": "4"}, sheet="5")
    response = paper.enter_second(
        session,
        consultation,
        sheet({"q_choice": "b", "q_count": "5"}, sheet="5"),
        user=staff,
        now=utcnow(),
    )
    missing = paper.resolve(session, response, {"q_choice": paper.SECOND}, user=staff, now=utcnow())
    assert missing == ["q_count"]
    assert paper.status(response) == paper.TO_CHECK
    assert rows_by_code(response)["q_choice"][0]["option_code"] == "a"


def test_taking_the_other_trigger_drops_an_answer_it_hides(session, consultation, staff):
    enter(session, consultation, staff, {"q_known": "yes", "q_why": "Weil"}, sheet="8")
    response = paper.enter_second(
        session, consultation, sheet({"q_known": "no"}, sheet="8"), user=staff, now=utcnow()
    )
    paper.resolve(
        session, response, {"q_known": paper.SECOND, "q_why": paper.FIRST}, user=staff, now=utcnow()
    )
    session.commit()
    assert set(rows_by_code(response)) == {"q_known"}


def test_the_group_can_be_taken_from_the_second_entry(session, consultation, staff):
    enter(session, consultation, staff, {}, sheet="9", group_code="volunteers")
    response = paper.enter_second(
        session, consultation, sheet({}, sheet="9"), user=staff, now=utcnow()
    )
    paper.resolve(session, response, {paper.GROUP: paper.SECOND}, user=staff, now=utcnow())
    session.commit()
    assert response.group is None


def test_sheet_numbers_forgive_spaces_case_and_arabic_digits():
    assert paper.normalise_sheet(" ١٢ a ") == "12A"
