"""Shared fixtures: a fresh, migrated database per backend, the app, and factories.

Every test runs on SQLite; when TEST_DATABASE_URL points at a PostgreSQL server, every
database test runs there too, in a database this run creates and drops.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from surveys import credentials
from surveys.administration import users
from surveys.base import Base, prepare_engine, utcnow
from surveys.models import Consultation, Option, Question, Section, StakeholderGroup, User
from surveys.vocabulary import ConsultationStatus, QuestionKind

TEST_PASSWORD = "correct-horse-battery"
SECRET = "test-secret-key-that-is-long-enough"
REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashes() -> Iterator[None]:
    """Hash staff passwords cheaply: the suite signs in hundreds of times, and each hash at
    production cost takes tens of milliseconds. Stored hashes carry their own cost, so
    checking works unchanged."""
    with mock.patch.dict(credentials._SCRYPT, n=2**4):
        yield


def _backends() -> list[str]:
    backends = ["sqlite"]
    if os.environ.get("TEST_DATABASE_URL"):
        backends.append("postgresql")
    return backends


def _postgres_url(database: str) -> sa.URL:
    url = sa.make_url(os.environ["TEST_DATABASE_URL"]).set(drivername="postgresql+psycopg")
    return url.set(database=database)


def _migrate(url: str) -> None:
    """Build the schema the way production does: by running the migrations."""
    from flask_migrate import upgrade

    from consult import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": SECRET, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        from consult.extensions import db

        db.engine.dispose()


@pytest.fixture(scope="session", params=_backends())
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated, empty database of one backend for this test run."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "consult.sqlite3"
        url = f"sqlite:///{path}"
        _migrate(url)
        yield url
        return
    name = f"consult_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(_postgres_url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = _postgres_url(name).render_as_string(hide_password=False)
    try:
        _migrate(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _empty_tables(connection: sa.Connection) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        connection.execute(table.delete())


@pytest.fixture()
def engine(database_url: str) -> Iterator[sa.Engine]:
    """An engine on the run's database; every table is emptied after the test."""
    engine = sa.create_engine(database_url)
    prepare_engine(engine)
    yield engine
    with engine.begin() as connection:
        _empty_tables(connection)
    engine.dispose()


@pytest.fixture()
def session(engine: sa.Engine) -> Iterator[Session]:
    """A plain SQLAlchemy session, no Flask: what domain code gets in production too."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture()
def make_app(database_url: str) -> Iterator[Callable[..., Any]]:
    """Build apps on the run's database with extra settings; tables are emptied afterwards."""
    from consult import create_app
    from consult.extensions import db

    built = []

    def make(**settings: Any) -> Any:
        config = {
            "TESTING": True,
            "SECRET_KEY": SECRET,
            "SQLALCHEMY_DATABASE_URI": database_url,
            "WTF_CSRF_ENABLED": False,
            "PUBLIC_BASE_URL": "https://consult.example",
            **settings,
        }
        app = create_app(config)
        built.append(app)
        return app

    yield make
    for app in built:
        jobs = app.extensions.get("consult_jobs")
        if hasattr(jobs, "stop"):  # the embedded thread must not poll a dropped database
            jobs.stop()
        with app.app_context():
            db.session.remove()
            with db.engine.begin() as connection:
                _empty_tables(connection)
            db.engine.dispose()


@pytest.fixture()
def app(make_app: Callable[..., Any]) -> Any:
    return make_app()


@pytest.fixture()
def app_context(app: Any) -> Iterator[Any]:
    with app.app_context():
        yield app


@pytest.fixture()
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture()
def runner(app: Any) -> Any:
    return app.test_cli_runner()


@pytest.fixture()
def db_session(app: Any) -> Iterator[Session]:
    """A plain session on the app's engine, for arranging and checking data in view tests.

    It holds no app context, so each request in the test gets a fresh one (and fresh `g`).
    """
    from consult.extensions import db

    with app.app_context():
        engine = db.engine
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture()
def make_user(app: Any) -> Callable[..., User]:
    """Create a staff user with the given roles through the real service."""
    from consult.extensions import db

    def make(
        email: str = "staff@example.org", roles: tuple[str, ...] = ("author",), **kw: Any
    ) -> User:
        with app.app_context():
            user = users.create_user(
                db.session, email, kw.pop("password", TEST_PASSWORD), roles, **kw
            )
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


@pytest.fixture()
def sign_in(client: Any, make_user: Callable[..., User]) -> Callable[..., User]:
    """Sign the test client in as a new user with the given roles."""

    def do(*roles: str, email: str | None = None) -> User:
        email = email or f"{'-'.join(roles) or 'none'}@example.org"
        user = make_user(email, roles)
        response = client.post("/auth/sign-in", data={"email": email, "password": TEST_PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return do


def build_consultation(
    slug: str = "test-consultation",
    *,
    languages: tuple[str, ...] = ("de", "en"),
    status: str = ConsultationStatus.PUBLISHED,
    questions: int = 2,
) -> Consultation:
    """A small questionnaire: one section with a single-choice and a text question."""
    now = utcnow()
    consultation = Consultation(
        slug=slug,
        title={lang: f"{slug} ({lang})" for lang in languages},
        introduction={lang: f"Intro {lang}" for lang in languages},
        languages=list(languages),
        status=status,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=14),
    )
    consultation.groups.append(
        StakeholderGroup(
            code="volunteers", label={lang: f"Volunteers {lang}" for lang in languages}
        )
    )
    section = Section(title={lang: f"Section {lang}" for lang in languages})
    consultation.sections.append(section)
    choice = Question(
        code="q_choice",
        kind=QuestionKind.SINGLE_CHOICE,
        required=True,
        prompt={lang: f"Choose ({lang})" for lang in languages},
    )
    section.questions.append(choice)
    for code in ("a", "b"):
        choice.options.append(
            Option(code=code, label={lang: f"{code} {lang}" for lang in languages})
        )
    if questions > 1:
        section.questions.append(
            Question(
                code="q_text",
                kind=QuestionKind.LONG_TEXT,
                prompt={lang: f"Tell us ({lang})" for lang in languages},
            )
        )
    return consultation


@pytest.fixture()
def make_consultation(session: Session) -> Callable[..., Consultation]:
    """Create a consultation on the plain session."""

    def make(**kw: Any) -> Consultation:
        consultation = build_consultation(**kw)
        session.add(consultation)
        session.commit()
        return consultation

    return make


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture()
def redis_queue() -> Iterator[str]:
    """A queue name of its own on the machine's Redis, removed afterwards."""
    if not _redis_answers():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379; .ci/run should start it")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    from redis import Redis
    from rq import Queue

    name = f"consult-test-{uuid.uuid4().hex[:8]}"
    connection = Redis.from_url(REDIS_URL)
    yield name
    Queue(name, connection=connection).empty()
    connection.close()
