from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from surveys.base import Base


def test_the_migrations_build_exactly_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_every_migration_can_be_undone_and_redone(database_url, tmp_path):
    import uuid

    import sqlalchemy as sa
    from flask_migrate import downgrade, upgrade

    from consult import create_app
    from consult.extensions import db
    from tests.conftest import SECRET, _postgres_url

    if database_url.startswith("sqlite"):
        url, cleanup = f"sqlite:///{tmp_path}/roundtrip.sqlite3", None
    else:
        name = f"consult_roundtrip_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(_postgres_url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = _postgres_url(name).render_as_string(hide_password=False)

        def cleanup():
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            admin.dispose()

    app = create_app({"TESTING": True, "SECRET_KEY": SECRET, "SQLALCHEMY_DATABASE_URI": url})
    try:
        with app.app_context():
            upgrade()
            downgrade(revision="base")
            assert sa.inspect(db.engine).get_table_names() == ["alembic_version"]
            upgrade()
            assert "answer_theme" in sa.inspect(db.engine).get_table_names()
            db.engine.dispose()
    finally:
        if cleanup:
            cleanup()
