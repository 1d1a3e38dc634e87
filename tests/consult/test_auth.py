from __future__ import annotations

import sqlalchemy as sa

from surveys.models import AuditEvent, User
from tests.conftest import TEST_PASSWORD


def _sign_in(client, email, password=TEST_PASSWORD, **kw):
    return client.post("/auth/sign-in", data={"email": email, "password": password}, **kw)


def test_the_sign_in_page_is_german_by_default(client):
    page = client.get("/auth/sign-in").get_data(as_text=True)
    assert '<html lang="de" dir="ltr">' in page
    assert "Anmelden" in page
    assert 'autocomplete="current-password"' in page


def test_a_right_password_signs_in_and_opens_the_staff_area(client, make_user):
    make_user("anna@example.org", ("author",))
    response = _sign_in(client, "anna@example.org")
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/"
    assert "anna@example.org" in client.get("/staff/").get_data(as_text=True)


def test_sign_in_follows_only_local_next_addresses(client, make_user):
    make_user("anna@example.org", ("author",))
    response = client.post(
        "/auth/sign-in?next=//evil.example/x",
        data={"email": "anna@example.org", "password": TEST_PASSWORD},
    )
    assert response.headers["Location"] == "/staff/"


def test_wrong_password_unknown_user_and_disabled_account_get_the_same_message(
    client, make_user, db_session
):
    make_user("anna@example.org", ("author",))
    disabled = make_user("old@example.org", ("author",))
    db_session.execute(sa.update(User).where(User.id == disabled.id).values(active=False))
    db_session.commit()
    for email, password in [
        ("anna@example.org", "wrong-password-1"),
        ("nobody@example.org", TEST_PASSWORD),
        ("old@example.org", TEST_PASSWORD),
    ]:
        response = _sign_in(client, email, password, headers={"Accept-Language": "en"})
        page = response.get_data(as_text=True)
        assert response.status_code == 401
        assert "The email address or password is not correct" in page
        assert "Traceback" not in page
    assert client.get("/staff/").status_code == 302


def test_a_failed_sign_in_keeps_the_email_but_not_the_password(client, make_user):
    make_user("anna@example.org", ("author",))
    page = _sign_in(client, "anna@example.org", "wrong-password-1").get_data(as_text=True)
    assert 'value="anna@example.org"' in page
    assert "wrong-password-1" not in page


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/staff/users")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/sign-in?next=")


def test_the_wrong_role_gets_403(client, sign_in):
    sign_in("author")
    assert client.get("/staff/users").status_code == 403
    assert client.get("/staff/audit").status_code == 403


def test_admins_see_accounts_and_the_audit_log(client, sign_in, make_user):
    make_user("facilitator@example.org", ("facilitator",))
    sign_in("admin")
    users_page = client.get("/staff/users").get_data(as_text=True)
    assert "facilitator@example.org" in users_page
    assert "Moderation" in users_page  # the facilitator role, in German
    assert "user.sign_in" in client.get("/staff/audit").get_data(as_text=True)


def test_staff_home_shows_admin_links_only_to_admins(client, sign_in):
    sign_in("facilitator")
    assert "/staff/users" not in client.get("/staff/").get_data(as_text=True)
    client.post("/auth/sign-out")
    sign_in("admin")
    assert "/staff/users" in client.get("/staff/").get_data(as_text=True)


def test_sign_out_ends_the_session_even_for_a_copied_cookie(app, client, make_user):
    make_user("anna@example.org", ("author",))
    _sign_in(client, "anna@example.org")
    stolen = client.get_cookie("session").value
    client.post("/auth/sign-out")
    assert client.get("/staff/").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/staff/").status_code == 302


def test_a_password_change_ends_open_sessions(client, make_user, db_session):
    from surveys.administration import users

    make_user("anna@example.org", ("author",))
    _sign_in(client, "anna@example.org")
    assert client.get("/staff/").status_code == 200
    user = users.find_user(db_session, "anna@example.org")
    users.set_password(db_session, user, "a-brand-new-password")
    db_session.commit()
    assert client.get("/staff/").status_code == 302


def test_a_tampered_session_cookie_means_signed_out_not_an_error(client, make_user):
    make_user("anna@example.org", ("author",))
    _sign_in(client, "anna@example.org")
    value = client.get_cookie("session").value
    client.set_cookie("session", value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
    response = client.get("/staff/")
    assert response.status_code == 302


def test_sign_in_without_a_csrf_token_is_refused_and_nothing_changes(make_app, make_user):
    app = make_app(WTF_CSRF_ENABLED=True)
    from consult.extensions import db
    from surveys.administration import users

    with app.app_context():
        users.create_user(db.session, "anna@example.org", TEST_PASSWORD, ["author"])
        db.session.commit()
        events_before = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
    client = app.test_client()
    response = _sign_in(client, "anna@example.org", headers={"Accept-Language": "en"})
    assert response.status_code in (200, 400)
    assert client.get("/staff/").status_code == 302
    with app.app_context():
        events_after = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
        assert db.session.scalar(sa.select(User.last_sign_in_at)) is None
    assert events_after == events_before


def test_unknown_pages_get_a_translated_404(client):
    response = client.get("/nowhere", headers={"Accept-Language": "ar"})
    assert response.status_code == 404
    assert 'dir="rtl"' in response.get_data(as_text=True)


def test_the_language_chosen_before_signing_in_stays_afterwards(client, make_user):
    make_user("sprache@example.org", ("author",))
    client.get("/auth/sign-in?lang=ar")
    client.post(
        "/auth/sign-in", data={"email": "sprache@example.org", "password": "correct-horse-battery"}
    )
    assert '<html lang="ar" dir="rtl">' in client.get("/staff/").get_data(as_text=True)
