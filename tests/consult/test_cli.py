from __future__ import annotations

import sqlalchemy as sa

from surveys.administration import users
from surveys.models import Answer, Consultation, Response, User


def test_users_create_and_list(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Anna@Example.org",
            "--role",
            "author",
            "--role",
            "facilitator",
            "--password",
            "a-long-password",
        ]
    )
    assert result.exit_code == 0, result.output
    listing = runner.invoke(args=["users", "list"]).output
    assert "anna@example.org\tauthor,facilitator\tactive" in listing


def test_users_create_prompts_for_a_password_when_none_is_given(runner, db_session):
    result = runner.invoke(
        args=["users", "create", "--email", "b@example.org", "--role", "admin"],
        input="a-long-password\na-long-password\n",
    )
    assert result.exit_code == 0, result.output
    assert users.authenticate(db_session, "b@example.org", "a-long-password") is not None


def test_users_create_explains_a_weak_password_and_stores_nothing(runner, db_session):
    result = runner.invoke(
        args=["users", "create", "--email", "b@example.org", "--role", "admin", "--password", "x"]
    )
    assert result.exit_code != 0
    assert "at least 12 characters" in result.output
    assert db_session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_users_token_prints_a_token_that_is_stored_only_hashed(runner, make_user, db_session):
    make_user("f@example.org", ("facilitator",))
    result = runner.invoke(args=["users", "token", "--email", "f@example.org"])
    token = result.output.strip()
    assert result.exit_code == 0 and len(token) > 30
    stored = db_session.scalar(sa.select(User.api_token_hash))
    assert stored and token not in stored
    assert users.user_for_api_token(db_session, token).email == "f@example.org"


def test_users_token_for_an_unknown_user_fails_clearly(runner):
    result = runner.invoke(args=["users", "token", "--email", "nobody@example.org"])
    assert result.exit_code != 0
    assert "No active user" in result.output


def _counts(session):
    return tuple(
        session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (Consultation, Response, Answer, User)
    )


def test_demo_load_is_idempotent(runner, db_session):
    first = runner.invoke(args=["demo", "load", "--responses", "40"])
    assert first.exit_code == 0, first.output
    assert "autorin@consult.example" in first.output
    after_first = _counts(db_session)
    second = runner.invoke(args=["demo", "load", "--responses", "40"])
    assert second.exit_code == 0
    assert "already present" in second.output
    assert _counts(db_session) == after_first
    assert after_first[0] == 1 and after_first[1] == 40


def test_consultations_list_prints_slug_status_count_and_url(runner):
    runner.invoke(args=["demo", "load", "--responses", "30"])
    line = runner.invoke(args=["consultations", "list"]).output.strip()
    slug, status, submitted, url = line.split("\t")
    assert (slug, status) == ("integrationsgipfel-2027", "published")
    assert 0 < int(submitted) <= 30
    assert url == "https://consult.example/c/integrationsgipfel-2027"


def test_db_upgrade_builds_a_fresh_database(make_app, tmp_path):
    from consult.extensions import db

    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/fresh.sqlite3")
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        tables = set(sa.inspect(db.engine).get_table_names())
    assert {"consultation", "question", "response", "answer", "user", "audit_event"} <= tables


def test_consultations_close_due_closes_past_deadlines(runner, db_session):
    from datetime import timedelta

    from surveys.base import utcnow
    from tests.conftest import build_consultation

    due = build_consultation("due")
    due.closes_at = utcnow() - timedelta(minutes=1)
    db_session.add(due)
    db_session.commit()
    result = runner.invoke(args=["consultations", "close-due"])
    assert result.exit_code == 0, result.output
    assert "closed\tdue" in result.output
    db_session.expire_all()
    assert db_session.get(Consultation, due.id).status == "closed"


def test_consultations_export_and_import_round_trip(runner, db_session, tmp_path):
    import json

    from tests.conftest import build_consultation

    db_session.add(build_consultation("wohnen", languages=("de", "ar")))
    db_session.commit()
    out = tmp_path / "wohnen.json"
    result = runner.invoke(args=["consultations", "export", "wohnen", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "consult-questionnaire"
    result = runner.invoke(args=["consultations", "import", str(out)])
    assert result.exit_code == 0, result.output
    assert "Imported wohnen-2 as a draft" in result.output
    copy = db_session.scalar(sa.select(Consultation).where(Consultation.slug == "wohnen-2"))
    assert [q.code for q in copy.questions] == ["q_choice", "q_text"]


def test_consultations_import_reports_an_invalid_file(runner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "consult-questionnaire", "version": 9}', encoding="utf-8")
    result = runner.invoke(args=["consultations", "import", str(bad)])
    assert result.exit_code != 0
    assert "$.version" in result.output
