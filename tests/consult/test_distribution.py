"""Sharing and inviting as an author: QR codes, the printed notice, invitation pages."""

from __future__ import annotations

import html
import io
import xml.etree.ElementTree as ET
from email import message_from_bytes
from email.policy import default

import pytest
from sqlalchemy import select

from surveys.answering import responses
from surveys.base import utcnow
from surveys.models import AuditEvent, Invitation
from tests.conftest import build_consultation
from tests.surveys.test_xlsform import workbook

SVG = "{http://www.w3.org/2000/svg}svg"


@pytest.fixture()
def outbox(tmp_path):
    return tmp_path / "outbox"


@pytest.fixture()
def app(make_app, outbox):
    return make_app(MAIL_OUTBOX=str(outbox), MAIL_FROM="Landkreis <beteiligung@lk.example>")


@pytest.fixture()
def consultation(db_session):
    c = build_consultation(languages=("de", "ar"))
    c.controller_contact = "Landratsamt, datenschutz@lk.example"
    db_session.add(c)
    db_session.commit()
    return c


@pytest.fixture()
def other(db_session):
    c = build_consultation("other-consultation")
    db_session.add(c)
    db_session.commit()
    return c


@pytest.fixture()
def author(sign_in):
    return sign_in("author")


def base(c):
    return f"/staff/consultations/{c.id}"


def invite(db_session, consultation, **kw):
    invitation, token = responses.create_invitation(db_session, consultation, **kw)
    db_session.commit()
    return invitation


def upload(client, consultation, text, encoding="utf-8", name="people.csv"):
    return client.post(
        f"{base(consultation)}/invitations/upload",
        data={"file": (io.BytesIO(text.encode(encoding)), name)},
    )


def finish_jobs(app):
    """Wait until the app's job thread has sent every queued mail."""
    assert app.extensions["consult_jobs"].wait_idle(timeout=20)


def mails(outbox):
    return [
        message_from_bytes(path.read_bytes(), policy=default) for path in sorted(outbox.iterdir())
    ]


# --- permissions ----------------------------------------------------------------------------


def test_a_facilitator_gets_403_on_every_distribution_page(client, sign_in, consultation):
    sign_in("facilitator")
    invitation_id = 1
    for url in [
        f"{base(consultation)}/qr.png",
        f"{base(consultation)}/qr.svg",
        f"{base(consultation)}/notice/ar",
        f"{base(consultation)}/invitations",
        "/staff/consultations/import",
    ]:
        assert client.get(url).status_code == 403, url
    for url in [
        f"{base(consultation)}/invitations/upload",
        f"{base(consultation)}/invitations/confirm",
        f"{base(consultation)}/invitations/send",
        f"{base(consultation)}/invitations/remind",
        f"{base(consultation)}/invitations/{invitation_id}/reissue",
        "/staff/consultations/import",
    ]:
        assert client.post(url).status_code == 403, url


def test_signed_out_visitors_are_sent_to_sign_in(client, consultation):
    for url in [f"{base(consultation)}/qr.png", f"{base(consultation)}/invitations"]:
        response = client.get(url)
        assert response.status_code == 302 and "/auth/sign-in" in response.location


def test_another_consultations_invitation_is_404(client, author, consultation, other, db_session):
    foreign = invite(db_session, other, email="x@example.org")
    url = f"{base(consultation)}/invitations/{foreign.id}/reissue"
    assert client.post(url).status_code == 404


def test_a_notice_in_a_language_not_offered_is_404(client, author, consultation):
    assert client.get(f"{base(consultation)}/notice/fa").status_code == 404


# --- public link, QR code, notice -----------------------------------------------------------


def test_the_overview_shows_the_public_link_and_downloads(client, author, consultation):
    page = client.get(f"{base(consultation)}/").get_data(as_text=True)
    assert "https://consult.example/c/test-consultation" in page
    assert f"{base(consultation)}/qr.svg" in page and f"{base(consultation)}/notice/ar" in page


def test_the_qr_code_is_a_png(client, author, consultation):
    response = client.get(f"{base(consultation)}/qr.png")
    assert response.mimetype == "image/png"
    assert response.data.startswith(b"\x89PNG\r\n\x1a\n")


def test_the_qr_code_is_an_svg(client, author, consultation):
    response = client.get(f"{base(consultation)}/qr.svg")
    assert response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.data)
    assert root.tag == SVG and root.find(".//{http://www.w3.org/2000/svg}path") is not None


def test_the_arabic_notice_is_right_to_left_with_the_code_inline(client, author, consultation):
    response = client.get(f"{base(consultation)}/notice/ar")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert "test-consultation (ar)" in page and "Intro ar" in page
    assert '<svg viewBox="' in page and 'class="notice-qr-code"' in page
    assert "consult.example/c/test-consultation" in page
    assert "datenschutz@lk.example" in page
    assert (
        "style=" not in page
        and "<script" not in page
        and "https://consult.example/static" not in page
    )


def test_the_german_notice_speaks_german(client, author, consultation):
    page = client.get(f"{base(consultation)}/notice/de").get_data(as_text=True)
    assert '<html lang="de" dir="ltr">' in page and "Intro de" in page


# --- invitations ----------------------------------------------------------------------------


def test_an_upload_shows_a_preview_and_creates_nothing(client, author, consultation, db_session):
    response = upload(client, consultation, "Name;E-Mail;Sprache\nAmira;amira@example.org;ar\n")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "amira@example.org" in page
    assert db_session.scalars(select(Invitation)).all() == []


def test_an_invalid_upload_reports_row_and_column(client, author, consultation, db_session):
    response = upload(
        client, consultation, "Name,E-Mail,Gruppe\nA,kaputt,\nB,b@example.org,police\n"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "E-Mail" in page and "Gruppe" in page and "police" in page
    assert db_session.scalars(select(Invitation)).all() == []


def test_confirming_creates_the_invitations_and_audits(client, author, consultation, db_session):
    preview = upload(client, consultation, "name,email,language\nAmira,amira@example.org,ar\n")
    page = preview.get_data(as_text=True)
    rows = page.split('name="rows" type="hidden" value="')[1].split('"')[0]
    response = client.post(
        f"{base(consultation)}/invitations/confirm",
        data={"rows": html.unescape(rows), "columns": "{}"},
    )
    assert response.status_code == 302
    invitation = db_session.scalars(select(Invitation)).one()
    assert (invitation.name, invitation.language) == ("Amira", "ar")
    assert db_session.scalars(select(AuditEvent.action)).all().count("invitations.import") == 1


def test_sending_writes_one_mail_per_person_in_their_language(
    app, client, author, consultation, db_session, outbox
):
    invite(db_session, consultation, name="Amira", email="amira@example.org", language="ar")
    invite(db_session, consultation, name="Jan", email="jan@example.org", language="de")
    response = client.post(f"{base(consultation)}/invitations/send")
    assert response.status_code == 302
    finish_jobs(app)
    arabic, german = sorted(mails(outbox), key=lambda m: m["To"])
    body = arabic.get_body().get_content()
    assert arabic["To"] == "Amira <amira@example.org>" and arabic["Content-Language"] == "ar"
    assert "test-consultation (ar)" in arabic["Subject"] and "Intro ar" in body
    assert "دعوة" in arabic["Subject"]
    link = next(line for line in body.splitlines() if "/i/" in line).strip()
    assert link.startswith("https://consult.example/c/test-consultation/i/")
    assert "Einladung" in german["Subject"] and "Intro de" in german.get_body().get_content()
    # The mailed link is the one that works.
    token = link.rsplit("/", 1)[1]
    assert responses.find_invitation(db_session, token).email == "amira@example.org"
    sent = db_session.scalars(select(Invitation.sent_at)).all()
    assert all(sent)
    actions = db_session.scalars(select(AuditEvent.action)).all()
    assert actions.count("invitation.send") == 2


def test_reminders_go_only_to_those_who_have_not_answered(
    app, client, author, consultation, db_session, outbox
):
    answered = invite(db_session, consultation, name="A", email="a@example.org")
    waiting = invite(db_session, consultation, name="B", email="b@example.org")
    for invitation in (answered, waiting):
        invitation.sent_at = utcnow()
    answered.used_at = utcnow()
    db_session.commit()
    client.post(f"{base(consultation)}/invitations/remind")
    finish_jobs(app)
    (reminder,) = mails(outbox)
    assert reminder["To"] == "B <b@example.org>" and "Erinnerung" in reminder["Subject"]
    db_session.expire_all()
    assert db_session.get(Invitation, waiting.id).reminded_at is not None
    assert db_session.get(Invitation, answered.id).reminded_at is None
    assert "invitation.remind" in db_session.scalars(select(AuditEvent.action)).all()


def test_reissuing_shows_and_mails_a_new_link_and_the_old_one_stops(
    client, author, consultation, db_session, outbox
):
    invitation, old = responses.create_invitation(
        db_session, consultation, name="A", email="a@example.org"
    )
    db_session.commit()
    response = client.post(f"{base(consultation)}/invitations/{invitation.id}/reissue")
    page = response.get_data(as_text=True)
    new = page.split("/c/test-consultation/i/")[1].split("<")[0]
    assert responses.find_invitation(db_session, old) is None
    assert responses.find_invitation(db_session, new).id == invitation.id
    assert new in mails(outbox)[0].get_body().get_content()
    assert "invitation.reissue" in db_session.scalars(select(AuditEvent.action)).all()


def test_the_list_of_an_anonymous_consultation_says_only_whether_someone_answered(
    client, author, consultation, db_session
):
    invitation = invite(
        db_session, consultation, name="Amira", email="a@example.org", organisation="Verein"
    )
    invitation.sent_at = utcnow()
    invitation.used_at = utcnow()
    db_session.commit()
    page = client.get(f"{base(consultation)}/invitations").get_data(as_text=True)
    row = page.split("Amira")[1].split("</tr>")[0]
    assert "Verein" in row and "Volunteers" not in row
    assert ">ja<" in row.replace(" ", "")


def test_the_invitation_list_shows_no_answers_or_response_ids(
    client, author, consultation, db_session
):
    invitation, token = responses.create_invitation(
        db_session, consultation, name="Amira", email="a@example.org"
    )
    answer = responses.start_invited(db_session, consultation, token, language="de", now=utcnow())
    responses.save_page(
        db_session,
        answer,
        consultation.sections[0],
        {"q_choice": {"value": ["a"]}, "q_text": {"value": "Mein geheimer Text"}},
        language="de",
        now=utcnow(),
    )
    responses.submit(db_session, answer, responses.new_code(), now=utcnow(), invitation_token=token)
    db_session.commit()
    page = client.get(f"{base(consultation)}/invitations").get_data(as_text=True)
    assert "Amira" in page
    assert "Mein geheimer Text" not in page and answer.public_id not in page
    assert f"/responses/{answer.id}" not in page


# --- questionnaire import -------------------------------------------------------------------


def test_an_author_imports_an_xlsform_and_sees_the_report(client, author, db_session):
    response = client.post(
        "/staff/consultations/import",
        data={"file": (io.BytesIO(workbook()), "form.xlsx")},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert (
        "Bedarfe 2027" in page and "geopoint" in page and "string-length(${story}) &gt; 3" in page
    )


def test_an_unknown_file_type_is_refused_with_a_message(client, author):
    response = client.post(
        "/staff/consultations/import", data={"file": (io.BytesIO(b"hello"), "form.txt")}
    )
    assert response.status_code == 422


def test_a_broken_questionnaire_file_is_refused_with_the_reason_in_german(client, author):
    broken = b'{"format": "consult-questionnaire", "version": 1, "consultation": []}'
    response = client.post(
        "/staff/consultations/import", data={"file": (io.BytesIO(broken), "q.json")}
    )
    assert response.status_code == 422
    assert "$.consultation: erwartet ein Objekt." in response.get_data(as_text=True)


def test_mails_written_to_the_outbox_are_never_called_sent(
    app, client, author, consultation, db_session, outbox
):
    invite(db_session, consultation, name="Jan", email="jan@example.org", language="de")
    client.get(f"{base(consultation)}/invitations?lang=en")
    job_page = client.post(f"{base(consultation)}/invitations/send").headers["Location"]
    finish_jobs(app)
    page = client.get(job_page).get_data(as_text=True)
    assert "1 message was written to the outbox folder" in page
    assert "invitations sent" not in page
