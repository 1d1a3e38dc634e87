from __future__ import annotations

import pytest
import sqlalchemy as sa

from surveys.errors import Invalid, NotFound
from surveys.models import Answer, AuditEvent, Response, User
from surveys.reviewing import answer_translations, coding, moderation
from surveys.vocabulary import ResponseStatus


@pytest.fixture()
def staff(session):
    user = User(email="f@example.org", password_hash="-", roles=["facilitator"])
    session.add(user)
    session.commit()
    return user


@pytest.fixture()
def texts(session, make_consultation):
    consultation = make_consultation()
    answers = []
    for text, language in [
        ("Wir brauchen mehr Wohnungen.", "de"),
        ("نحتاج إلى سكن", "ar"),
        ("Потрібні курси мови", "uk"),
    ]:
        response = Response(
            consultation=consultation, language=language, status=ResponseStatus.SUBMITTED
        )
        answer = Answer(question=consultation.questions[1], text=text)
        response.answers.append(answer)
        session.add(response)
        answers.append(answer)
    session.commit()
    return consultation, answers


def test_themes_get_unique_codes_from_their_labels(session, texts, staff):
    consultation, _ = texts
    first = coding.save_theme(
        session, consultation, label="Wohnraum fehlt", language="de", user=staff
    )
    second = coding.save_theme(
        session, consultation, label="Wohnraum  fehlt!", language="de", user=staff
    )
    assert (first.code, second.code) == ("wohnraum_fehlt", "wohnraum_fehlt_2")
    assert second.position == first.position + 1


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"label": " "}, "name"),
        ({"label": "x", "colour": "red"}, "colour"),
        ({"label": "x", "field_of_action": "space"}, "field of action"),
    ],
)
def test_invalid_themes_are_refused(session, texts, kw, message):
    with pytest.raises(Invalid, match=message):
        coding.save_theme(session, texts[0], language="de", **kw)


def test_assigning_in_bulk_counts_each_answer_once(session, texts, staff):
    consultation, answers = texts
    theme = coding.save_theme(session, consultation, label="Wohnen", language="de")
    assert coding.assign(session, consultation, theme, [a.id for a in answers[:2]], user=staff) == 2
    assert coding.assign(session, consultation, theme, [a.id for a in answers], user=staff) == 1
    session.commit()
    assert all(theme in a.themes for a in answers)
    assert coding.unassign(session, consultation, theme, [answers[0].id], user=staff) == 1
    assert theme not in session.get(Answer, answers[0].id).themes


def test_answers_of_another_consultation_cannot_be_coded(session, texts, make_consultation, staff):
    consultation, answers = texts
    other = make_consultation(slug="other")
    theme = coding.save_theme(session, other, label="Fremd", language="de")
    with pytest.raises(NotFound):
        coding.assign(session, consultation, theme, [answers[0].id], user=staff)
    own = coding.save_theme(session, other, label="Eigen", language="de")
    assert coding.assign(session, other, own, [answers[0].id], user=staff) == 0


def test_only_quotes_can_be_published(texts):
    _, answers = texts
    coding.set_quote(answers[0], quote=False, publish=True)
    assert (answers[0].quote, answers[0].publish_quote) == (False, False)
    coding.set_quote(answers[0], quote=True, publish=True)
    assert (answers[0].quote, answers[0].publish_quote) == (True, True)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Schreiben Sie an max.muster@example.org bitte", ["email"]),
        ("Call me on +49 30 1234567 any time", ["phone"]),
        ("Tel. 0151/2345678", ["phone"]),
        ("IBAN DE89 3704 0044 0532 0130 00 für Spenden", ["iban"]),
        ("Seit 2015 helfe ich, 40 Familien, 12.03.2023", []),
        ("Von 2015-2023 im Helferkreis", []),
        ("2019-05-12", []),
        ("اتصل بي على ‎+49 176 12345678", ["phone"]),
    ],
)
def test_personal_data_is_found(text, kinds):
    assert [f.kind for f in moderation.find_personal_data(text)] == kinds


def test_redaction_removes_the_passage_everywhere_and_audits_without_it(session, texts, staff):
    consultation, answers = texts
    answer = answers[0]
    answer.text = "Mail: max.muster@example.org, again max.muster@example.org"
    moderation.flag(answer)
    answer_translations.set_human(session, answer, "en", "Mail: max.muster@example.org", user=staff)
    assert answer.flagged
    assert moderation.redact_findings(session, answer, user=staff) == 2
    session.commit()
    assert answer.text == "Mail: […], again […]"
    assert answer.redacted and not answer.flagged
    assert answer_translations.current(session, answer, "en") is None
    event = session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "answer.redact"))
    assert event.details == {"passages": 2}
    assert "max.muster" not in str(event.details)


def test_redacting_a_passage_that_is_not_there_changes_nothing(session, texts, staff):
    answer = texts[1][0]
    with pytest.raises(Invalid):
        moderation.redact(session, answer, ["not in the text"], user=staff)
    assert answer.text == "Wir brauchen mehr Wohnungen." and not answer.redacted


def test_hiding_is_audited_once(session, texts, staff):
    answer = texts[1][0]
    moderation.set_hidden(session, answer, True, user=staff, reason="off topic")
    moderation.set_hidden(session, answer, True, user=staff)
    actions = session.scalars(sa.select(AuditEvent.action)).all()
    assert actions == ["answer.hide"]


def test_a_machine_translation_never_replaces_a_human_one(session, texts, staff):
    answer = texts[1][1]
    answer_translations.set_machine(session, answer, "de", "Wir brauchen Wohnraum (MT)")
    answer_translations.set_human(session, answer, "de", "Wir brauchen Wohnraum", user=staff)
    assert answer_translations.set_machine(session, answer, "de", "Maschine") is None
    stored = answer_translations.current(session, answer, "de")
    assert (stored.text, stored.origin, stored.translated_by) == (
        "Wir brauchen Wohnraum",
        "human",
        staff,
    )


def test_translate_missing_skips_translated_and_same_language_answers(session, texts, staff):
    _, answers = texts
    answer_translations.set_human(session, answers[1], "de", "Wohnraum", user=staff)
    calls = []

    def fake(text, source, target):
        calls.append((source, target))
        return f"[{target}] {text}"

    languages = {a.id: lang for a, lang in zip(answers, ["de", "ar", "uk"], strict=True)}
    done = answer_translations.translate_missing(
        session, answers, "de", fake, lambda a: languages[a.id]
    )
    assert done == 1 and calls == [("uk", "de")]
    assert answer_translations.current(session, answers[2], "de").origin == "machine"
