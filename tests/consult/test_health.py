"""Health and readiness for a load balancer."""

from __future__ import annotations

from consult import create_app
from consult.extensions import db
from consult.health import add_readiness_check


def test_healthz_answers_while_the_process_runs(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["checks"] == {"database": "ok"}


def test_readyz_is_503_while_a_check_fails_and_names_it(app, client):
    add_readiness_check(app, "queue", lambda: "no broker")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["queue"] == "no broker"


def test_readyz_is_503_when_the_database_cannot_be_reached(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "k" * 32,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/x.sqlite3",
        }
    )
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"] != "ok"
    with app.app_context():
        db.engine.dispose()
