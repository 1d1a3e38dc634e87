from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from consult import create_app
from consult.config import ConfigError
from surveys.administration import users
from surveys.base import utcnow
from surveys.models import User
from tests.conftest import TEST_PASSWORD, build_consultation


@pytest.mark.parametrize("path", ["/", "/auth/sign-in", "/nowhere", "/staff/"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cache-Control"] == "no-store"


def test_forms_work_over_https_where_the_csrf_check_wants_a_same_origin_referer(
    make_app, make_user
):
    # Over https flask-wtf refuses a post without a same-origin Referer; our referrer policy
    # must let browsers send it to us (while no other site gets our addresses).
    app = make_app(PUBLIC_BASE_URL="https://beteiligung.example", WTF_CSRF_ENABLED=True)
    client = app.test_client()
    base = "https://beteiligung.example"
    page = client.get("/auth/sign-in", base_url=base)
    assert page.headers["Referrer-Policy"] in ("same-origin", "strict-origin")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True))[1]
    form = {"csrf_token": token, "email": "nobody@example.org", "password": "wrong"}

    without = client.post("/auth/sign-in", data=form, base_url=base)
    assert without.status_code == 400  # what "no-referrer" would have made of every form

    with_referer = client.post(
        "/auth/sign-in", data=form, base_url=base, headers={"Referer": f"{base}/auth/sign-in"}
    )
    assert with_referer.status_code == 401  # past the CSRF check: the password was wrong


def test_pages_contain_no_inline_script_or_style(client):
    page = client.get("/auth/sign-in").get_data(as_text=True)
    assert "<script>" not in page and "<style" not in page and " style=" not in page


def test_session_cookies_are_secure_when_the_site_is_served_over_https(make_app):
    app = make_app(SESSION_COOKIE_SECURE=None, PUBLIC_BASE_URL="https://beteiligung.example")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_the_debugger_cannot_be_switched_on_outside_development(tmp_path):
    with pytest.raises(ConfigError, match="Debug mode is only for development"):
        create_app(
            {
                "DEBUG": True,
                "SECRET_KEY": "x" * 32,
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db",
            }
        )


def test_sign_in_is_rate_limited_with_a_translated_page(make_app, make_user):
    app = make_app(SIGN_IN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    for _ in range(3):
        client.post("/auth/sign-in", data={"email": "x@example.org", "password": "nope-nope-1"})
    response = client.post(
        "/auth/sign-in",
        data={"email": "x@example.org", "password": "nope-nope-1"},
        headers={"Accept-Language": "de"},
    )
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.get_data(as_text=True)
    assert client.get("/auth/sign-in").status_code == 200


def _fail(client, email="anna@example.org"):
    return client.post("/auth/sign-in", data={"email": email, "password": "wrong-password-1"})


def test_repeated_failures_make_the_account_wait_even_with_the_right_password(client, make_user):
    make_user("anna@example.org", ("author",))
    for _ in range(users.FREE_ATTEMPTS):
        assert _fail(client).status_code == 401
    response = client.post(
        "/auth/sign-in",
        data={"email": "anna@example.org", "password": TEST_PASSWORD},
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 429
    assert "Too many failed attempts. Please wait 5 seconds." in response.get_data(as_text=True)


def test_the_wait_grows_with_each_failure_and_is_capped():
    delays = [users.sign_in_delay(n).total_seconds() for n in range(1, 12)]
    assert delays[:5] == [0, 0, 5, 10, 20]
    assert delays == sorted(delays) and delays[-1] == users.MAX_DELAY_SECONDS


def test_after_waiting_the_right_password_works_and_resets_the_count(session):
    user = users.create_user(session, "anna@example.org", TEST_PASSWORD, ["author"])
    now = utcnow()
    for _ in range(users.FREE_ATTEMPTS):
        users.authenticate(session, "anna@example.org", "wrong-password-1", now)
    with pytest.raises(users.SignInThrottled):
        users.authenticate(session, "anna@example.org", TEST_PASSWORD, now)
    later = now + timedelta(seconds=users.BASE_DELAY_SECONDS)
    assert users.authenticate(session, "anna@example.org", TEST_PASSWORD, later) is user
    assert user.failed_sign_ins == 0


def test_failed_sign_ins_of_unknown_addresses_store_nothing(client, db_session):
    _fail(client, "nobody@example.org")
    assert db_session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_guessing_resume_and_receipt_codes_is_rate_limited(make_app, db_session):
    app = make_app(LOOKUP_RATE_LIMIT="3 per minute")
    consultation = build_consultation("limited")
    db_session.add(consultation)
    db_session.commit()
    client = app.test_client()
    statuses = [client.get(f"/c/limited/r/GUESS{n:04d}").status_code for n in range(4)]
    assert statuses[-1] == 429 and 429 not in statuses[:3]
    statuses = [
        client.post("/c/limited/withdraw", data={"code": f"GUESS{n}"}).status_code for n in range(4)
    ]
    assert statuses[-1] == 429
