"""Personal invitations on a plain session: recipient CSV, checks, links, reminders, privacy."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from surveys.answering import responses
from surveys.authoring import invitations
from surveys.authoring.invitations import InvalidRecipients
from surveys.base import utcnow
from surveys.errors import Invalid
from surveys.models import AuditEvent, Invitation
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation

HEADER = "name,email,organisation,group,language\n"


@pytest.fixture()
def consultation(session):
    c = build_consultation(languages=("de", "en", "ar"))
    session.add(c)
    session.commit()
    return c


def preview(session, consultation, text, encoding="utf-8"):
    return invitations.preview_recipients(session, consultation, text.encode(encoding))


def problems(result):
    return [(p.row, p.column, p.message) for p in result.problems]


def create(session, consultation, text):
    result = preview(session, consultation, text)
    return invitations.create_invitations(session, consultation, result.raws, None, result.columns)


def test_a_valid_list_resolves_groups_by_code_or_label_and_languages_by_code_or_name(
    session, consultation
):
    result = preview(
        session,
        consultation,
        HEADER + "Amira,amira@example.org,Verein A,volunteers,ar\n"
        "Jan,jan@example.org,,Volunteers en,Englisch\n"
        "Eva,eva@example.org,,,\n",
    )
    assert result.valid
    assert [(r.email, r.group and r.group.code, r.language) for r in result.recipients] == [
        ("amira@example.org", "volunteers", "ar"),
        ("jan@example.org", "volunteers", "en"),
        ("eva@example.org", None, "de"),
    ]


def test_german_headers_semicolons_and_a_bom_are_read(session, consultation):
    text = (
        "\ufeffName;E-Mail;Organisation;Gruppe;Sprache\n"
        "Müller;m@example.org;Caritas;volunteers;de\n"
    )
    result = preview(session, consultation, text)
    assert result.valid and result.recipients[0].organisation == "Caritas"
    assert result.recipients[0].name == "Müller"


def test_a_cp1252_file_is_refused_with_how_to_save_as_utf8(session, consultation):
    text = "Name;E-Mail;Organisation\nJürgen Weiß;jw@example.org;Diakonie Süd\n"
    with pytest.raises(Invalid, match="CSV UTF-8"):
        preview(session, consultation, text, encoding="cp1252")


def test_a_utf16_file_as_excel_saves_unicode_text_is_read(session, consultation):
    text = "Name\tE-Mail\tOrganisation\nМарія\tm@example.org\tДіаконія\n"
    result = preview(session, consultation, text, encoding="utf-16")
    assert result.valid and result.recipients[0].name == "Марія"


def test_the_report_names_row_and_column_of_each_problem(session, consultation):
    result = preview(
        session,
        consultation,
        "Name,E-Mail,Gruppe,Sprache\n"
        "A,not-an-address,,\n"
        "B,b@example.org,police,\n"
        "C,c@example.org,,fa\n"
        "D,B@example.org,,\n",
    )
    assert problems(result) == [
        (2, "E-Mail", "This is not a valid email address."),
        (3, "Gruppe", "There is no stakeholder group “%(group)s”."),
        (4, "Sprache", "The consultation is not offered in “%(language)s”."),
        (5, "E-Mail", "This email address is already in row %(row)s."),
    ]
    assert result.problems[3].params == {"row": 3}


def test_an_address_invited_before_is_a_problem(session, consultation):
    create(session, consultation, HEADER + "A,a@example.org,,,\n")
    result = preview(session, consultation, HEADER + "A again,A@Example.org,,,\n")
    assert problems(result) == [(2, "email", "This email address has already been invited.")]


def test_a_file_without_an_email_column_is_refused(session, consultation):
    result = preview(session, consultation, "Name,Organisation\nA,B\n")
    assert problems(result) == [(1, "", "The file has no column for the email address.")]


def test_any_invalid_row_creates_nothing(session, consultation):
    result = preview(session, consultation, HEADER + "A,a@example.org,,,\nB,broken,,,\n")
    with pytest.raises(InvalidRecipients):
        invitations.create_invitations(session, consultation, result.raws, None, result.columns)
    assert session.scalars(select(Invitation)).all() == []


def test_creating_invitations_is_audited_and_stores_no_token(session, consultation):
    created = create(session, consultation, HEADER + "A,a@example.org,Org,volunteers,ar\n")
    invitation = created[0]
    assert (invitation.name, invitation.language, invitation.group.code) == (
        "A",
        "ar",
        "volunteers",
    )
    assert len(invitation.token_hash) == 64 and invitation.sent_at is None
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "invitations.import"))
    assert event.one().details == {"count": 1}


def test_a_new_link_replaces_the_old_one(session, consultation):
    invitation, old = responses.create_invitation(session, consultation, email="a@example.org")
    new = invitations.reissue(session, invitation)
    assert responses.find_invitation(session, old) is None
    assert responses.find_invitation(session, new) is invitation


def test_an_answered_invitation_gets_no_new_link(session, consultation):
    invitation, _token = responses.create_invitation(session, consultation, email="a@example.org")
    invitation.used_at = utcnow()
    with pytest.raises(Invalid):
        invitations.reissue(session, invitation)


def test_a_link_is_single_use_one_response_however_often_it_is_opened(session, consultation):
    invitation, _ = responses.create_invitation(session, consultation, email="a@example.org")
    token = invitations.new_link(session, invitation)
    first = responses.start_invited(session, consultation, token, language="de", now=utcnow())
    again = responses.start_invited(session, consultation, token, language="de", now=utcnow())
    assert first is again


def _answer(session, consultation, token):
    response = responses.start_invited(session, consultation, token, language="de", now=utcnow())
    responses.save_page(
        session,
        response,
        consultation.sections[0],
        {"q_choice": {"value": ["a"]}},
        language="de",
        now=utcnow(),
    )
    responses.submit(session, response, responses.new_code(), now=utcnow(), invitation_token=token)
    return response


def test_reminders_skip_those_who_answered_and_those_not_yet_invited(session, consultation):
    answered, token = responses.create_invitation(session, consultation, email="a@example.org")
    waiting, _ = responses.create_invitation(session, consultation, email="b@example.org")
    responses.create_invitation(session, consultation, email="c@example.org")  # never sent
    for invitation in (answered, waiting):
        invitations.mark_sent(session, invitation, utcnow())
    _answer(session, consultation, token)
    assert invitations.due_reminders(session, consultation) == [waiting]
    with pytest.raises(Invalid):
        invitations.mark_reminded(session, answered, utcnow())
    invitations.mark_reminded(session, waiting, utcnow())
    assert waiting.reminded_at is not None


def test_unsent_lists_invitations_with_an_address_not_yet_sent(session, consultation):
    sent, _ = responses.create_invitation(session, consultation, email="a@example.org")
    pending, _ = responses.create_invitation(session, consultation, email="b@example.org")
    invitations.mark_sent(session, sent, utcnow())
    assert invitations.unsent(session, consultation) == [pending]


def test_nothing_links_an_anonymous_answer_to_its_invitation(session, consultation):
    invitation, token = responses.create_invitation(session, consultation, email="a@example.org")
    response = _answer(session, consultation, token)
    assert invitation.used_at is not None
    assert invitation.token_hash not in (response.access_hash, response.receipt_hash)
    # Only the day is kept, so the time of answering cannot be matched to the response.
    assert invitation.used_at != response.submitted_at
    assert (invitation.used_at.hour, invitation.used_at.minute, invitation.used_at.second) == (
        0,
        0,
        0,
    )
    row = invitations.invitation_rows(session, consultation)[0]
    assert row.answered is True and row.answered_at is None
    assert not hasattr(row, "response_id")


def test_a_named_consultation_shows_when_someone_answered(session, consultation):
    consultation.anonymous = False
    invitation, token = responses.create_invitation(session, consultation, email="a@example.org")
    _answer(session, consultation, token)
    row = invitations.invitation_rows(session, consultation)[0]
    assert row.answered_at == invitation.used_at is not None


def test_invitations_are_only_sent_while_published(session, consultation):
    consultation.status = ConsultationStatus.CLOSED
    with pytest.raises(Invalid):
        invitations.ensure_sendable(consultation)
