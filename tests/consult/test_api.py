from __future__ import annotations

import pytest

from surveys.administration import users
from tests.conftest import build_consultation


@pytest.fixture()
def token(app, make_user, db_session):
    make_user("f@example.org", ("facilitator",))
    user = users.find_user(db_session, "f@example.org")
    value = users.issue_api_token(db_session, user)
    db_session.commit()
    return value


@pytest.fixture()
def consultation(db_session):
    consultation = build_consultation("api-test", languages=("de", "ar"))
    db_session.add(consultation)
    db_session.commit()
    return consultation


def _get(client, path, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(path, headers=headers)


@pytest.mark.parametrize("token_value", [None, "guessed-token", ""])
def test_requests_without_a_valid_token_get_401_and_reveal_nothing(
    client, consultation, token_value
):
    for path in ("/api/v1/consultations", "/api/v1/consultations/api-test"):
        response = _get(client, path, token_value)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert "api-test" not in response.get_data(as_text=True)


def test_a_disabled_users_token_stops_working(client, token, db_session, consultation):
    user = users.find_user(db_session, "f@example.org")
    user.active = False
    db_session.commit()
    assert _get(client, "/api/v1/consultations", token).status_code == 401


def test_the_list_shows_each_consultation_with_its_counts_and_links(client, token, consultation):
    body = _get(client, "/api/v1/consultations", token).get_json()
    [item] = body["consultations"]
    assert item["slug"] == "api-test"
    assert item["status"] == "published"
    assert item["submitted_responses"] == 0
    assert item["public_url"] == "https://consult.example/c/api-test"
    assert item["title"] == {"de": "api-test (de)", "ar": "api-test (ar)"}


def test_a_questionnaire_comes_in_the_chosen_language(client, token, consultation):
    body = _get(client, "/api/v1/consultations/api-test?lang=ar", token).get_json()
    assert body["language"] == "ar"
    question = body["sections"][0]["questions"][0]
    assert question["prompt"] == "Choose (ar)"
    assert [o["code"] for o in question["options"]] == ["a", "b"]
    assert body["groups"] == [{"code": "volunteers", "label": "Volunteers ar"}]


def test_a_language_the_consultation_does_not_offer_is_a_clear_400(client, token, consultation):
    response = _get(client, "/api/v1/consultations/api-test?lang=tr", token)
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "lang must be one of: de, ar"


def test_unknown_slugs_and_paths_get_json_404(client, token):
    for path in ("/api/v1/consultations/nope", "/api/v1/nothing-here"):
        response = _get(client, path, token)
        assert response.status_code == 404
        assert response.get_json()["error"]["status"] == 404


def test_the_openapi_document_describes_every_route(client, app):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    documented = {"/api/v1" + path for path in spec["paths"]}
    routes = {
        rule.rule.replace("<slug>", "{slug}")
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.openapi"
    }
    assert routes == documented


def test_results_are_aggregated_with_suppression(client, token, db_session):
    from tests.consult.review_support import arrange

    consultation, _ = arrange(db_session, slug="api-results")
    body = _get(client, "/api/v1/consultations/api-results/results?lang=de", token).get_json()
    # Four respondents are fewer than five: nothing is shown, not even how many they are.
    assert body["respondents"] is None and body["threshold"] == 5
    assert body["questions"] == []
    consultation.small_cell_threshold = 1
    db_session.commit()
    body = _get(client, "/api/v1/consultations/api-results/results", token).get_json()
    choice = next(q for q in body["questions"] if q["code"] == "q_choice")
    assert choice["n"] == 4
    assert choice["rows"][0] == {"code": "a", "label": "a de", "count": 4, "share": 1.0}


def test_results_need_the_facilitator_role(client, make_user, db_session, consultation):
    make_user("a@example.org", ("author",))
    user = users.find_user(db_session, "a@example.org")
    author_token = users.issue_api_token(db_session, user)
    db_session.commit()
    assert _get(client, "/api/v1/consultations/api-test/results", author_token).status_code == 403
    assert _get(client, "/api/v1/consultations/api-test", author_token).status_code == 200
