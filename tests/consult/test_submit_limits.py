"""Submit limits count per respondent's drafts, not per address, and a 429 keeps answers."""

from __future__ import annotations

from surveys.models import Response
from tests.consult.respond_support import (
    BASE,
    add,
    answer_everything,
    count,
    every_kind_consultation,
    start,
)


def _respondent(app):
    client = app.test_client()
    start(client)
    answer_everything(client)
    return client


def test_one_browser_is_limited_while_others_behind_the_same_address_still_submit(
    make_app, db_session
):
    app = make_app(SUBMIT_RATE_LIMIT="100 per minute", SUBMIT_RATE_LIMIT_PER_DRAFT="2 per minute")
    add(db_session, every_kind_consultation())
    eager = _respondent(app)
    assert eager.post(f"{BASE}/submit").status_code == 302
    assert eager.post(f"{BASE}/submit").status_code == 302
    refused = eager.post(f"{BASE}/submit", headers={"Accept-Language": "en"})
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    assert "Your answers are saved and kept" in refused.get_data(as_text=True)
    for _colleague in range(3):  # the same address (the test client's), other browsers
        assert _respondent(app).post(f"{BASE}/submit").status_code == 302
    assert count(db_session, Response, status="submitted") == 4


def test_the_default_ceiling_per_address_lets_a_crowd_submit(app):
    assert int(app.config["SUBMIT_RATE_LIMIT"].split()[0]) >= 1000
