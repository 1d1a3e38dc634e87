from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from surveys.base import utcnow
from surveys.models import AuditEvent, Consultation, Response, User
from surveys.vocabulary import ConsultationStatus, ResponseStatus
from tests.conftest import build_consultation


def test_backup_and_restore_bring_back_exactly_what_was_there(
    runner, make_user, db_session, tmp_path
):
    make_user("kept@example.org", ("author",))
    out = tmp_path / "consult.backup"
    result = runner.invoke(args=["backup", "--out", str(out)])
    assert result.exit_code == 0, result.output
    make_user("later@example.org", ("author",))
    db_session.execute(sa.update(User).where(User.email == "kept@example.org").values(name="X"))
    db_session.commit()
    result = runner.invoke(args=["restore", str(out), "--yes"])
    assert result.exit_code == 0, result.output
    db_session.expire_all()
    rows = db_session.execute(sa.select(User.email, User.name)).all()
    assert [tuple(r) for r in rows] == [("kept@example.org", "")]


def test_restore_refuses_a_file_that_is_not_a_backup(runner, tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a backup at all")
    result = runner.invoke(args=["restore", str(junk), "--yes"])
    assert result.exit_code != 0
    assert "is not a" in result.output


def test_restore_asks_before_replacing_everything(runner, tmp_path):
    out = tmp_path / "consult.backup"
    runner.invoke(args=["backup", "--out", str(out)])
    result = runner.invoke(args=["restore", str(out)], input="n\n")
    assert result.exit_code != 0
    assert "Aborted" in result.output


def _archived(db_session, slug, days_ago, responses=2):
    consultation = build_consultation(slug, status=ConsultationStatus.ARCHIVED)
    consultation.archived_at = utcnow() - timedelta(days=days_ago)
    db_session.add(consultation)
    for _ in range(responses):
        db_session.add(
            Response(consultation=consultation, language="de", status=ResponseStatus.SUBMITTED)
        )
    db_session.commit()
    return consultation


def test_purge_deletes_responses_archived_beyond_retention_and_audits_it(make_app, db_session):
    app = make_app(RETENTION_DAYS=30)
    _archived(db_session, "old", days_ago=31)
    _archived(db_session, "recent", days_ago=29)
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 responses of old" in result.output
    remaining = db_session.execute(
        sa.select(Consultation.slug, sa.func.count(Response.id))
        .outerjoin(Response, Response.consultation_id == Consultation.id)
        .group_by(Consultation.slug)
        .order_by(Consultation.slug)
    ).all()
    assert [tuple(r) for r in remaining] == [("old", 0), ("recent", 2)]
    event = db_session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "responses.purge"))
    assert event.details == {"responses": 2, "retention_days": 30}


def test_purge_dry_run_deletes_nothing(make_app, db_session):
    app = make_app(RETENTION_DAYS=30)
    _archived(db_session, "old", days_ago=400)
    result = app.test_cli_runner().invoke(args=["purge", "--dry-run"])
    assert "Would delete 2 responses of old" in result.output
    assert db_session.scalar(sa.select(sa.func.count()).select_from(Response)) == 2


def test_a_backup_is_owner_only_and_never_overwrites_without_force(runner, tmp_path):
    import stat

    out = tmp_path / "consult.backup"
    assert runner.invoke(args=["backup", "--out", str(out)]).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    out.write_bytes(b"an older backup")
    refused = runner.invoke(args=["backup", "--out", str(out)])
    assert refused.exit_code != 0 and "--force" in refused.output
    assert out.read_bytes() == b"an older backup"
    assert runner.invoke(args=["backup", "--out", str(out), "--force"]).exit_code == 0
    assert out.read_bytes() != b"an older backup"


def test_a_backup_to_a_missing_folder_says_so_without_a_traceback(runner, tmp_path):
    result = runner.invoke(args=["backup", "--out", str(tmp_path / "nowhere" / "x.backup")])
    assert result.exit_code != 0 and "does not exist" in result.output
    assert "Traceback" not in result.output


def test_a_negative_retention_period_is_refused(make_app, tmp_path):
    import pytest

    from consult.config import ConfigError

    with pytest.raises(ConfigError, match="RETENTION_DAYS"):
        make_app(RETENTION_DAYS=-1)
