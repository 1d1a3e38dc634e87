"""One source for public links: the configured address, else (development) the browser's."""

from __future__ import annotations

from surveys.administration import users
from tests.conftest import build_consultation


def _api_list(app, db_session, make_user, base_url="http://localhost"):
    make_user("f@example.org", ("facilitator",))
    token = users.issue_api_token(db_session, users.find_user(db_session, "f@example.org"))
    db_session.add(build_consultation("wohnen"))
    db_session.commit()
    response = app.test_client().get(
        "/api/v1/consultations", headers={"Authorization": f"Bearer {token}"}, base_url=base_url
    )
    return response.get_json()


def test_every_link_uses_the_configured_public_address(app, db_session, make_user):
    data = _api_list(app, db_session, make_user, base_url="http://10.0.0.5:8000")
    (item,) = data if isinstance(data, list) else data["consultations"]
    assert item["public_url"] == "https://consult.example/c/wohnen"
    assert item["url"].startswith("https://consult.example/api/v1/")


def test_without_one_links_follow_the_browsers_address_in_development(
    make_app, db_session, make_user
):
    app = make_app(PUBLIC_BASE_URL=None, DEVELOPMENT=True)
    data = _api_list(app, db_session, make_user, base_url="http://laptop.local:5000")
    (item,) = data if isinstance(data, list) else data["consultations"]
    assert item["public_url"] == "http://laptop.local:5000/c/wohnen"
    assert item["url"].startswith("http://laptop.local:5000/api/v1/")
