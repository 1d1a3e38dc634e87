"""Administrators manage staff accounts on a page: create, roles, disable, password link."""

from __future__ import annotations

import re

import sqlalchemy as sa

from surveys.models import User


def _user(db_session, email):
    db_session.expire_all()
    return db_session.scalar(sa.select(User).where(User.email == email))


def _link(html):
    return re.search(r'href="https://consult\.example(/auth/set-password/[^"]+)"', html).group(1)


def test_an_administrator_creates_an_account_and_the_colleague_sets_a_password(
    app, client, sign_in, db_session
):
    sign_in("admin")
    page = client.post(
        "/staff/users",
        data={"new-email": "Neu@Example.org", "new-name": "Neu", "new-roles": ["author"]},
    ).get_data(as_text=True)
    assert "Das Konto wurde angelegt." in page
    link = _link(page)
    assert _user(db_session, "neu@example.org").roles == ["author"]

    colleague = app.test_client()
    form = colleague.get(link).get_data(as_text=True)
    assert "neu@example.org" in form
    new_password = "lange-sichere-passphrase-2027"
    done = colleague.post(link, data={"password": new_password, "repeat": new_password})
    assert done.status_code == 302
    signed_in = colleague.post(
        "/auth/sign-in", data={"email": "neu@example.org", "password": new_password}
    )
    assert signed_in.status_code == 302
    # The link works once.
    assert colleague.get(link).status_code == 410


def test_roles_change_and_a_disabled_account_cannot_sign_in(client, sign_in, make_user, db_session):
    other = make_user("kollege@example.org", ("author",))
    sign_in("admin")
    client.post(f"/staff/users/{other.id}", data={"roles": ["facilitator"]})
    changed = _user(db_session, "kollege@example.org")
    assert (changed.roles, changed.active) == (["facilitator"], False)
    refused = client.application.test_client().post(
        "/auth/sign-in", data={"email": "kollege@example.org", "password": "correct-horse-battery"}
    )
    assert refused.status_code == 401


def test_nobody_disables_themselves_or_drops_their_own_administration(client, sign_in, db_session):
    me = sign_in("admin")
    page = client.post(
        f"/staff/users/{me.id}", data={"roles": ["author"], "active": "1"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "kern-alert--danger" in page
    assert _user(db_session, me.email).roles == ["admin"]


def test_only_administrators_reach_the_accounts(client, sign_in, make_user):
    other = make_user("kollege@example.org", ("author",))
    sign_in("author")
    assert client.get("/staff/users").status_code == 403
    assert client.post(f"/staff/users/{other.id}", data={"roles": ["admin"]}).status_code == 403
    assert client.post(f"/staff/users/{other.id}/password-link").status_code == 403


def test_a_forged_password_link_is_refused(client):
    assert client.get("/auth/set-password/not-a-token").status_code == 410
