"""Quick committed reads and the pool's liveness check, on SQLite and PostgreSQL."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from surveys.answering import drafts, responses
from surveys.base import RECENTLY_USED, utcnow
from surveys.models import Consultation
from surveys.reads import CommittedRead


def test_a_committed_read_sees_what_is_committed(engine, session, make_consultation):
    consultation = make_consultation()
    draft = responses.start_draft(session, consultation, language="de", now=utcnow())
    question = next(q for q in consultation.questions if q.kind == "long_text")
    section = question.section
    responses.save_page(
        session,
        draft,
        section,
        {question.code: {"value": ["Nordstadt"]}},
        language="de",
        now=utcnow(),
        require=False,
    )
    session.commit()

    found = drafts.consultation_and_draft(engine, consultation.slug, ["other", draft.public_id])
    assert found is not None
    consultation_id, version, seen = found
    assert (consultation_id, version) == (consultation.id, consultation.questionnaire_version)
    assert seen is not None and seen.public_id == draft.public_id and seen.status == "draft"
    assert seen.rows == {
        question.code: [{"option_code": None, "text": "Nordstadt", "number": None}]
    }

    assert drafts.consultation_and_draft(engine, "no-such-slug", []) is None
    _id, _version, nothing = drafts.consultation_and_draft(engine, consultation.slug, [])
    assert nothing is None


def test_a_failing_read_raises_sqlalchemys_error_and_the_pool_goes_on(engine):
    broken = CommittedRead(
        sa.select(sa.literal_column("nonexistent_column")).select_from(Consultation.__table__)
    )
    with pytest.raises(DBAPIError):
        broken.all(engine, {})
    assert CommittedRead(sa.select(sa.literal(1).label("one"))).all(engine, {})[0].one == 1


def test_converted_columns_come_back_as_the_orm_gives_them(engine, session, make_consultation):
    """Timestamps with their time zone and JSON as dicts, as through a session."""
    consultation = make_consultation()
    consultation.title = {"de": "Wohnen", "ar": "السكن"}
    session.commit()
    read = CommittedRead(
        sa.select(Consultation.created_at, Consultation.title, Consultation.id).where(
            Consultation.id == sa.bindparam("id")
        )
    )
    for _ in range(2):  # the processors are looked up once, then reused
        (row,) = read.all(engine, {"id": consultation.id})
        assert row.created_at == consultation.created_at
        assert row.created_at.tzinfo is not None
        assert row.title == {"de": "Wohnen", "ar": "السكن"}
        assert row.id == consultation.id


def test_a_dropped_server_connection_is_replaced_before_use(engine, database_url):
    if engine.dialect.name == "sqlite":
        pytest.skip("an SQLite file has no server to drop connections")
    read = CommittedRead(sa.select(sa.literal(1).label("one")))
    assert read.all(engine, {})[0].one == 1  # a connection now waits in the pool
    admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        dropped = conn.execute(
            sa.text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar()
    admin.dispose()
    assert dropped >= 1
    time.sleep(RECENTLY_USED + 0.1)  # past the window in which a used connection is trusted

    assert read.all(engine, {})[0].one == 1
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT 2")).scalar() == 2
