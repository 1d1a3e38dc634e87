from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from surveys.base import utcnow
from surveys.models import AuditEvent, Consultation, Meeting, Response
from surveys.vocabulary import ConsultationStatus
from tests.conftest import build_consultation


@pytest.fixture()
def consultation(db_session):
    consultation = build_consultation(status=ConsultationStatus.DRAFT, languages=("de", "ar"))
    consultation.privacy_notice = {"de": "Datenschutz", "ar": "الخصوصية"}
    db_session.add(consultation)
    db_session.commit()
    return consultation


def _pages(c):
    q, o, s = c.questions[0], c.questions[0].options[0], c.sections[0]
    base = f"/staff/consultations/{c.id}"
    return [
        "/staff/consultations/",
        "/staff/consultations/new",
        f"{base}/",
        f"{base}/settings",
        f"{base}/questionnaire",
        f"{base}/sections/{s.id}",
        f"{base}/questions/{q.id}",
        f"{base}/translations",
        f"{base}/translations/ar",
        f"{base}/translations/export.csv",
        f"{base}/translations/export.xlsx",
        f"{base}/preview?lang=ar",
    ], [
        f"{base}/publish",
        f"{base}/close",
        f"{base}/reopen",
        f"{base}/archive",
        f"{base}/new-round",
        f"{base}/sections",
        f"{base}/sections/{s.id}/move",
        f"{base}/sections/{s.id}/delete",
        f"{base}/sections/{s.id}/questions",
        f"{base}/questions/{q.id}/move",
        f"{base}/questions/{q.id}/duplicate",
        f"{base}/questions/{q.id}/delete",
        f"{base}/questions/{q.id}/options",
        f"{base}/options/{o.id}",
        f"{base}/options/{o.id}/move",
        f"{base}/options/{o.id}/delete",
        f"{base}/translations/import",
        f"{base}/translations/import/apply",
    ]


def test_every_author_page_opens_for_an_author(client, sign_in, consultation):
    sign_in("author")
    gets, _posts = _pages(consultation)
    for url in gets:
        assert client.get(url).status_code == 200, url


def test_admins_may_author_too(client, sign_in, consultation):
    sign_in("admin")
    assert client.get(f"/staff/consultations/{consultation.id}/").status_code == 200


def test_a_facilitator_gets_403_everywhere(client, sign_in, consultation):
    sign_in("facilitator")
    gets, posts = _pages(consultation)
    for url in gets:
        assert client.get(url).status_code == 403, url
    for url in posts:
        assert client.post(url).status_code == 403, url


def test_anonymous_visitors_go_to_sign_in(client, consultation):
    gets, posts = _pages(consultation)
    for url in gets:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/auth/sign-in"), url
    for url in posts:
        assert client.post(url).headers["Location"].startswith("/auth/sign-in"), url


def test_objects_of_another_consultation_are_404(client, sign_in, consultation, db_session):
    other = build_consultation("other", status=ConsultationStatus.DRAFT)
    db_session.add(other)
    db_session.commit()
    sign_in("author")
    gets, posts = _pages(other)
    theirs, mine = f"/staff/consultations/{other.id}/", f"/staff/consultations/{consultation.id}/"
    nested = ("/sections/", "/questions/", "/options/")
    for url in gets:
        if any(part in url for part in nested):
            assert client.get(url.replace(theirs, mine)).status_code == 404, url
    for url in posts:
        if any(part in url for part in nested):
            assert client.post(url.replace(theirs, mine)).status_code == 404, url
    assert client.get("/staff/consultations/999999/").status_code == 404
    assert client.get(f"{mine}translations/fa").status_code == 404
    assert client.get(f"{mine}preview?lang=fa").status_code == 404


def test_the_staff_home_links_authors_to_their_pages(client, sign_in):
    sign_in("author")
    assert "/staff/consultations/" in client.get("/staff/").get_data(as_text=True)


def test_the_staff_home_has_no_author_link_for_facilitators(client, sign_in):
    sign_in("facilitator")
    assert "/staff/consultations/" not in client.get("/staff/").get_data(as_text=True)


def test_the_list_groups_by_committee_and_meeting(client, sign_in, db_session):
    sign_in("author", email="a@example.org")
    client.post(
        "/staff/consultations/new",
        data=_form(
            meeting="new",
            committee="Integrationsbeirat",
            meeting_title="Sitzung",
            meeting_starts_at="2030-03-23T17:00",
        ),
    )
    page = client.get("/staff/consultations/", headers={"Accept-Language": "en"})
    text = page.get_data(as_text=True)
    assert "Integrationsbeirat" in text and "Wohnen für alle" in text


def _form(**changes):
    data = {
        "title": "Wohnen für alle",
        "introduction": "Bitte helfen Sie uns.",
        "slug": "",
        "meeting": "",
        "committee": "",
        "meeting_title": "",
        "meeting_starts_at": "",
        "agenda_item": "",
        "paper_number": "",
        "opens_at": "",
        "closes_at": "",
        "access_mode": "public",
        "anonymous": "y",
        "source_language": "de",
        "languages": ["ar"],
        "groups": "volunteers: Ehrenamtliche\nschools: Schulen",
        "privacy_notice": "Wir speichern keine Namen.",
        "controller_contact": "Landkreis, Datenschutz",
        "small_cell_threshold": "5",
    }
    data.update(changes)
    return data


def test_create_makes_a_draft_with_a_slug_and_its_meeting(client, sign_in, db_session):
    sign_in("author")
    meeting_time = (utcnow() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        "/staff/consultations/new",
        data=_form(
            meeting="new",
            committee="Integrationsbeirat",
            meeting_title="Sitzung März",
            meeting_starts_at=meeting_time,
            agenda_item="TOP 4",
            paper_number="BV/2027/12",
        ),
    )
    assert response.status_code == 302
    consultation = db_session.scalar(sa.select(Consultation))
    assert consultation.slug == "wohnen-fuer-alle"
    assert consultation.languages == ["de", "ar"]
    assert consultation.status == "draft"
    assert [g.code for g in consultation.groups] == ["volunteers", "schools"]
    meeting = db_session.get(Meeting, consultation.meeting_id)
    assert meeting.paper_number == "BV/2027/12"
    # Left empty, the deadline is suggested: the configured days before the meeting.
    assert consultation.closes_at == meeting.starts_at - timedelta(days=7)


def test_languages_are_picked_by_their_own_names(client, sign_in):
    sign_in("author")
    page = client.get("/staff/consultations/new").get_data(as_text=True)
    assert '<bdi lang="ar" dir="rtl">العربية</bdi> – Arabisch' in page
    assert '<bdi lang="uk" dir="ltr">Українська</bdi> – Ukrainisch' in page


def test_the_new_form_prefills_the_deadline_for_a_chosen_meeting(client, sign_in, db_session, app):
    app.config["CLOSE_DAYS_BEFORE_MEETING"] = 3
    sign_in("author")
    client.post(
        "/staff/consultations/new",
        data=_form(
            meeting="new",
            committee="Beirat",
            meeting_title="Sitzung",
            meeting_starts_at="2030-03-23T17:00",
        ),
    )
    meeting = db_session.scalar(sa.select(Meeting))
    page = client.get(f"/staff/consultations/new?meeting={meeting.id}").get_data(as_text=True)
    assert 'value="2030-03-20T17:00"' in page


def test_form_errors_are_shown_beside_the_fields_and_typed_values_kept(client, sign_in):
    sign_in("author")
    response = client.post(
        "/staff/consultations/new",
        data=_form(languages=["xx-nonsense"], small_cell_threshold="0", groups="no label"),
        headers={"Accept-Language": "en"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "xx-nonsense is not a language code we know." in page
    assert 'id="languages-error"' in page and 'id="small_cell_threshold-error"' in page
    assert 'id="groups-error"' in page
    assert 'value="Wohnen für alle"' in page
    assert 'href="#languages"' in page


def test_a_taken_slug_is_an_error_beside_the_slug(client, sign_in, consultation):
    sign_in("author")
    page = client.post(
        "/staff/consultations/new",
        data=_form(slug="test-consultation"),
        headers={"Accept-Language": "en"},
    ).get_data(as_text=True)
    assert 'id="slug-error"' in page


def test_editing_settings_keeps_unchanged_values(client, sign_in, consultation, db_session):
    sign_in("author")
    page = client.get(f"/staff/consultations/{consultation.id}/settings").get_data(as_text=True)
    assert '<option selected value="de">' in page
    assert 'id="language-ar" name="languages" value="ar" checked' in page
    assert 'id="language-fa" name="languages" value="fa">' in page
    response = client.post(
        f"/staff/consultations/{consultation.id}/settings",
        data=_form(title="Neuer Titel", slug="neu", languages=["ar", "fa"]),
    )
    assert response.status_code == 302
    db_session.expire_all()
    changed = db_session.get(Consultation, consultation.id)
    assert (changed.slug, changed.title["de"], changed.languages) == (
        "neu",
        "Neuer Titel",
        ["de", "ar", "fa"],
    )


def test_lists_close_consultations_past_their_deadline(client, sign_in, db_session):
    due = build_consultation("due")
    due.closes_at = utcnow() - timedelta(minutes=5)
    db_session.add(due)
    db_session.commit()
    sign_in("author")
    client.get("/staff/consultations/")
    db_session.expire_all()
    assert db_session.get(Consultation, due.id).status == "closed"


def test_publish_shows_the_problems_and_changes_nothing(client, sign_in, consultation, db_session):
    db_session.execute(
        sa.update(Consultation).where(Consultation.id == consultation.id).values(closes_at=None)
    )
    db_session.commit()
    sign_in("author")
    response = client.post(
        f"/staff/consultations/{consultation.id}/publish", headers={"Accept-Language": "en"}
    )
    assert response.status_code == 422
    assert "Set the date on which answering closes." in response.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.get(Consultation, consultation.id).status == "draft"


def test_publish_close_reopen_archive(client, sign_in, consultation, db_session):
    sign_in("author")
    base = f"/staff/consultations/{consultation.id}"
    assert client.post(f"{base}/publish").status_code == 302
    client.post(f"{base}/close")
    client.post(f"{base}/reopen", data={"reason": "", "closes_at": "2099-01-01T12:00"})
    db_session.expire_all()
    assert db_session.get(Consultation, consultation.id).status == "closed"
    client.post(f"{base}/reopen", data={"reason": "Nachfrist", "closes_at": "2099-01-01T12:00"})
    db_session.expire_all()
    assert db_session.get(Consultation, consultation.id).status == "published"
    client.post(f"{base}/close")
    client.post(f"{base}/archive")
    db_session.expire_all()
    assert db_session.get(Consultation, consultation.id).status == "archived"
    actions = db_session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert [a for a in actions if a.startswith("consultation.")] == [
        "consultation.publish",
        "consultation.close",
        "consultation.reopen",
        "consultation.close",
        "consultation.archive",
    ]


def test_new_round_copies_for_a_later_meeting(client, sign_in, consultation, db_session):
    sign_in("author")
    response = client.post(
        f"/staff/consultations/{consultation.id}/new-round", data={"meeting": ""}
    )
    assert response.status_code == 302
    copy = db_session.scalar(
        sa.select(Consultation).where(Consultation.previous_round_id == consultation.id)
    )
    assert copy.status == "draft" and copy.slug == "test-consultation-round-2"
    assert [q.code for q in copy.questions] == ["q_choice", "q_text"]


def test_the_preview_is_right_to_left_in_arabic_and_records_nothing(
    client, sign_in, consultation, db_session
):
    sign_in("author")
    client.get("/staff/?lang=en")
    page = client.get(f"/staff/consultations/{consultation.id}/preview?lang=ar")
    text = page.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in text
    assert "Choose (ar)" in text and "a ar" in text
    main = text.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert "<form" not in main  # the inputs can be tried but go nowhere
    assert db_session.scalar(sa.select(sa.func.count(Response.id))) == 0
    # The author's own interface stays in the language chosen before.
    assert '<html lang="en"' in client.get("/staff/").get_data(as_text=True)


def test_publishing_needs_a_csrf_token(make_app, make_user, consultation):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    make_user("csrf@example.org", ("author",))
    # Sign-in itself needs the token; fetch it from the form.
    page = client.get("/auth/sign-in").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    client.post(
        "/auth/sign-in",
        data={
            "email": "csrf@example.org",
            "password": "correct-horse-battery",
            "csrf_token": token,
        },
    )
    response = client.post(f"/staff/consultations/{consultation.id}/publish")
    assert response.status_code == 400
    with app.app_context():
        from consult.extensions import db

        assert db.session.get(Consultation, consultation.id).status == "draft"


def test_the_staff_home_closes_consultations_past_their_deadline(client, sign_in, db_session):
    due = build_consultation("due")
    due.closes_at = utcnow() - timedelta(minutes=5)
    db_session.add(due)
    db_session.commit()
    sign_in("facilitator")
    client.get("/staff/")
    db_session.expire_all()
    assert db_session.get(Consultation, due.id).status == "closed"
