"""The demo's matrix and consent on the staff results page, the public page and the API."""

from __future__ import annotations

import re

from surveys.administration import users
from surveys.demo import loader
from surveys.models import ReportSettings
from surveys.vocabulary import ConsultationStatus


def _section(page: str, code: str) -> str:
    start = page.index(f'id="result-{code}"')
    end = page.find('<section class="result"', start)
    return page[start : end if end > 0 else len(page)]


def test_matrix_items_show_raters_and_means_and_consent_shows_who_agreed(
    client, sign_in, db_session
):
    consultation = loader.load(db_session, password="demo-passwort-2027-k", responses=60)
    consultation = consultation.consultation
    consultation.status = ConsultationStatus.CLOSED
    db_session.add(
        ReportSettings(
            consultation_id=consultation.id,
            fields=[],
            questions=[],
            summaries={},
            open_points={},
            public_results=True,
        )
    )
    db_session.commit()
    user = sign_in("facilitator", email="kinds@example.org")
    token = users.issue_api_token(db_session, users.find_user(db_session, user.email))
    db_session.commit()
    page = client.get(f"/staff/review/{consultation.id}/results").get_data(as_text=True)
    assert "Mittelwert" in page
    for item in ("Sprachkurse", "Ärztliche Versorgung", "Beratungsstellen"):
        assert item in page
    assert "Zugestimmt" in page
    body = client.get(
        f"/api/v1/consultations/{consultation.slug}/results?lang=de",
        headers={"Authorization": f"Bearer {token}"},
    ).get_json()
    results = {q["code"]: q for q in body["questions"]}
    matrix = results["well_informed"]["rows"]
    assert [row["code"] for row in matrix] == ["courses", "doctors", "counselling"]
    # Random answers on 1 … 5: every item's mean lies on the scale.
    assert all(1 <= row["mean"] <= 5 for row in matrix)
    (agreed,) = results["quote_consent"]["rows"]
    assert agreed["code"] == "yes" and 0.4 <= agreed["share"] <= 0.95
    public = client.get(f"/c/{consultation.slug}/results").get_data(as_text=True)
    # The public page shows each item's mean (German decimals), not a share.
    assert re.search(r">\d,\d<", _section(public, "well_informed"))
