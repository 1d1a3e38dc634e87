from __future__ import annotations

import re

import pytest

from surveys.models import ReportSettings
from surveys.vocabulary import ConsultationStatus
from tests.consult.review_support import arrange


@pytest.fixture()
def closed(db_session):
    consultation, answers = arrange(db_session, slug="closed-results")
    consultation.status = ConsultationStatus.CLOSED
    consultation.small_cell_threshold = 2
    answers[1].quote = answers[1].publish_quote = True
    answers[2].quote = True  # marked for the report, not for the public
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
    return consultation


def test_a_closed_consultation_shows_aggregates_and_published_quotes_only(client, closed):
    page = client.get("/c/closed-results/results").get_data(as_text=True)
    # Four respondents at threshold 2: shown, with at most 3 of noise (analysis.published).
    assert re.search(r"[1-7] Antworten", page) and "a de" in page
    assert "نحتاج إلى مزيد من دورات اللغة" in page
    assert "Потрібно більше курсів мови" not in page
    assert "max.muster" not in page


def test_the_results_page_speaks_every_offered_language(client, closed):
    page = client.get("/c/closed-results/results?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page and "a ar" in page


def test_no_results_page_unless_chosen_and_closed(client, closed, db_session):
    closed.status = ConsultationStatus.PUBLISHED
    db_session.commit()
    assert client.get("/c/closed-results/results").status_code == 404
    closed.status = ConsultationStatus.CLOSED
    db_session.query(ReportSettings).update({"public_results": False})
    db_session.commit()
    assert client.get("/c/closed-results/results").status_code == 404
