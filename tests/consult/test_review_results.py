from __future__ import annotations

import io
import re

import pytest
import sqlalchemy as sa
from docx import Document

from surveys.models import AuditEvent, ReportSettings
from surveys.reviewing import coding
from tests.consult.review_support import arrange


@pytest.fixture()
def arranged(db_session):
    consultation, answers = arrange(db_session)
    consultation.small_cell_threshold = 1
    db_session.commit()
    return consultation, answers


def _base(consultation):
    return f"/staff/review/{consultation.id}"


def test_results_show_each_question_with_table_and_chart(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/results").get_data(as_text=True)
    assert "4 Antworten" in page
    assert "Choose (de)" in page and "a de" in page
    assert "100 %" in page  # everyone chose a
    assert 'src="data:image/png;base64,' in page
    # A screen reader hears what the chart shows, not only that there is one.
    alts = re.findall(r'<img src="data:image/png;base64,[^"]*" alt="([^"]*)"', page)
    assert alts and any("a de: 100 %" in alt for alt in alts)


def test_filters_apply_to_every_figure(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/results?lang_filter=ar").get_data(as_text=True)
    assert "1 Antwort" in page


@pytest.mark.parametrize(
    "query",
    ["group=nobody", "lang_filter=tr", "channel=fax", "answer=q_choice:zzz", "since=yesterday"],
)
def test_unknown_filter_values_are_404(client, sign_in, arranged, query):
    consultation, _ = arranged
    sign_in("facilitator")
    assert client.get(f"{_base(consultation)}/results?{query}").status_code == 404


def test_small_cells_are_suppressed_on_the_page(client, sign_in, arranged, db_session):
    consultation, _ = arranged
    consultation.small_cell_threshold = 5
    db_session.commit()
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/results").get_data(as_text=True)
    assert "Zu wenige Antworten, um sie zu zeigen." in page
    assert "4 Antworten" not in page and ">4<" not in page


def test_exports_carry_the_filters(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    csv_all = client.get(f"{_base(consultation)}/results/export.csv").get_data().decode("utf-8-sig")
    csv_ar = (
        client.get(f"{_base(consultation)}/results/export.csv?lang_filter=ar")
        .get_data()
        .decode("utf-8-sig")
    )
    assert csv_all.count("\n") > csv_ar.count("\n") > 1
    assert ",de," not in csv_ar


def test_word_clouds_show_an_image_with_its_text_alternative(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/wordclouds?lang_filter=de").get_data(as_text=True)
    assert 'alt="Häufigste Begriffe: ' in page
    svg = client.get(f"{_base(consultation)}/wordclouds/cloud.svg?lang_filter=de")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    png = client.get(f"{_base(consultation)}/wordclouds/cloud.png?lang_filter=uk")
    assert png.get_data().startswith(b"\x89PNG")


def test_report_settings_are_saved_and_used_in_the_export(client, sign_in, arranged, db_session):
    consultation, answers = arranged
    sign_in("facilitator")
    theme = coding.save_theme(db_session, consultation, label="Sprachkurse", language="de")
    db_session.commit()
    client.post(
        f"{_base(consultation)}/texts/code",
        data={"theme": theme.id, "answer": [answers[1].id, answers[2].id]},
    )
    client.post(
        f"{_base(consultation)}/answers/{answers[1].id}",
        data={"quote": "y", "translation": "Mehr Sprachkurse"},
    )
    response = client.post(
        f"{_base(consultation)}/report",
        data={
            "question": ["q_choice", "q_text"],
            "open_points": "Kitaplätze klären",
            "public_results": "1",
        },
    )
    assert response.status_code == 302
    settings = db_session.scalar(sa.select(ReportSettings))
    assert settings.open_points == {"de": "Kitaplätze klären"} and settings.public_results
    document = Document(
        io.BytesIO(client.get(f"{_base(consultation)}/report/export.docx").get_data())
    )
    texts = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Kitaplätze klären" in texts and "نحتاج إلى مزيد من دورات اللغة" in texts + cells
    assert "Sprachkurse" in cells and "2" in cells
    assert db_session.scalar(
        sa.select(AuditEvent.action).where(AuditEvent.action == "report.export")
    )


def test_the_preview_shows_the_report_with_escaped_texts(client, sign_in, arranged, db_session):
    consultation, answers = arranged
    answers[3].quote = True
    db_session.commit()
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/report/preview").get_data(as_text=True)
    assert "Input für das Integrationskonzept" in page
    assert "&lt;script&gt;" in page and '<script>alert("x")' not in page


def test_authors_may_not_see_results(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("author")
    for path in ("results", "wordclouds", "report", "report/preview", "results/export.csv"):
        assert client.get(f"{_base(consultation)}/{path}").status_code == 403


def test_empty_filter_fields_mean_no_filter(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    response = client.get(
        f"{_base(consultation)}/results?group=&lang_filter=&channel=&answer=&since=&until="
    )
    assert response.status_code == 200
    assert "4 Antworten" in response.get_data(as_text=True)


def test_a_later_round_is_compared_with_the_earlier_one(client, sign_in, arranged, db_session):
    consultation, _ = arranged
    earlier, earlier_answers = arrange(db_session, slug="round-one")
    earlier.small_cell_threshold = 1
    for answer in earlier_answers[:2]:
        next(a for a in answer.response.answers if a.option_code == "a").option_code = "b"
    consultation.previous_round_id = earlier.id
    db_session.commit()
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/results").get_data(as_text=True)
    assert "Im Vergleich zur früheren Runde (n = 4, jetzt n = 4)" in page
    # a: 50 % before, 100 % now → +50 points
    assert "50,0 Punkte" in page


def test_the_codebook_suggests_key_phrases_from_the_answers(client, sign_in, arranged, db_session):
    consultation, answers = arranged
    for answer in answers:
        answer.text = "Bezahlbare Wohnungen fehlen im Landkreis."
    db_session.commit()
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}/themes").get_data(as_text=True)
    assert "Vorschläge" in page and "Bezahlbare Wohnungen" in page


def test_reading_and_exporting_a_report_stores_no_settings(client, sign_in, arranged, db_session):
    consultation, _ = arranged
    sign_in("facilitator")
    for path in ("report", "report/preview", "report/export.csv"):
        assert client.get(f"{_base(consultation)}/{path}").status_code == 200
    assert db_session.scalar(sa.select(sa.func.count()).select_from(ReportSettings)) == 0
