"""What pages, the API and exports say about published figures (issue: misleading figures)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from surveys.administration import users
from surveys.models import Answer, Option, Question, ReportSettings, Response
from surveys.vocabulary import ConsultationStatus, QuestionKind, ResponseStatus
from tests.consult.review_support import arrange


def _base(consultation):
    return f"/staff/review/{consultation.id}/results"


@pytest.fixture()
def arranged(db_session):
    consultation, answers = arrange(db_session, slug="published-pages")
    consultation.small_cell_threshold = 2
    db_session.commit()
    return consultation, answers


def test_the_rule_for_percentages_stands_next_to_the_tables(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(_base(consultation)).get_data(as_text=True)
    assert "Prozentwerte sind Anteile aller, die die Frage beantwortet haben" in page
    assert "höchstens 3" in page


def test_a_filtered_page_and_its_export_say_they_are_filtered(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}?lang_filter=de&lang_filter=ar").get_data(as_text=True)
    assert "Ergebnisse (gefiltert)" in page
    export = client.get(f"{_base(consultation)}/export.docx?lang_filter=de&lang_filter=ar")
    assert "-filtered.docx" in export.headers["Content-Disposition"]
    unfiltered = client.get(f"{_base(consultation)}/export.docx")
    assert "-filtered" not in unfiltered.headers["Content-Disposition"]


def test_a_filter_below_the_threshold_shows_no_numbers(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"{_base(consultation)}?lang_filter=uk").get_data(as_text=True)
    assert "Zu wenige Antworten, um sie zu zeigen." in page
    assert "1 Antwort" not in page and "Beantwortet:" not in page


def test_the_public_page_never_prints_nan_under_a_quote(client, arranged, db_session):
    consultation, answers = arranged
    consultation.status = ConsultationStatus.CLOSED
    answers[1].quote = answers[1].publish_quote = True  # no translation entered
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
    page = client.get(f"/c/{consultation.slug}/results").get_data(as_text=True)
    assert "نحتاج إلى مزيد من دورات اللغة" in page
    assert "nan" not in page.lower().replace("nanny", "")


def test_quotes_need_enough_answers_in_the_view(client, arranged, db_session):
    consultation, answers = arranged
    consultation.status = ConsultationStatus.CLOSED
    consultation.small_cell_threshold = 5  # four answers are too few to quote from
    answers[1].quote = answers[1].publish_quote = True
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
    page = client.get(f"/c/{consultation.slug}/results").get_data(as_text=True)
    assert "نحتاج إلى مزيد من دورات اللغة" not in page
    assert "Zu wenige Antworten, um sie zu zeigen." in page


def test_the_api_names_option_codes_and_keeps_the_mean_rank_out_of_share(
    client, make_user, db_session
):
    consultation, _ = arrange(db_session, slug="api-ranking")
    consultation.small_cell_threshold = 1
    ranking = Question(code="q_rank", kind=QuestionKind.RANKING, prompt={"de": "Reihenfolge"})
    for code in ("x", "y"):
        ranking.options.append(Option(code=code, label={"de": f"{code} de"}))
    consultation.sections[0].questions.append(ranking)
    response = Response(
        consultation=consultation,
        language="de",
        group=consultation.groups[0],
        status=ResponseStatus.SUBMITTED,
        submitted_at=datetime(2027, 2, 3, 9, 30, tzinfo=UTC),
    )
    response.answers.append(Answer(question=ranking, option_code="x", number=1))
    response.answers.append(Answer(question=ranking, option_code="y", number=2))
    db_session.add(response)
    make_user("ranker@example.org", ("facilitator",))
    token = users.issue_api_token(db_session, users.find_user(db_session, "ranker@example.org"))
    db_session.commit()
    body = client.get(
        "/api/v1/consultations/api-ranking/results?lang=de",
        headers={"Authorization": f"Bearer {token}"},
    ).get_json()
    rows = next(q for q in body["questions"] if q["code"] == "q_rank")["rows"]
    assert [(r["code"], r["mean_rank"], r["share"], r["count"]) for r in rows] == [
        ("x", 1.0, None, 1),
        ("y", 2.0, None, 0),
    ]
    choice = next(q for q in body["questions"] if q["code"] == "q_choice")
    assert [r["code"] for r in choice["rows"]] == ["a", "b"]


def test_results_show_answers_by_language_with_small_columns_hidden(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(_base(consultation)).get_data(as_text=True)
    tables = re.findall(r'<details class="crosstab">(.*?)</details>', page, re.S)
    by_language = next(t for t in tables if "Deutsch" in t)
    # Two German respondents reach the threshold of 2; one Arabic and one Ukrainian do not.
    row = re.search(r"a de</th>(.*?)</tr>", by_language, re.S).group(1)
    cells = re.findall(r'numeric">(.*?)</td>', row)
    assert cells.count("–") == 2 and len(cells) == 3


def test_no_word_cloud_from_fewer_answers_than_the_threshold(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    base = f"/staff/review/{consultation.id}/wordclouds"
    assert client.get(f"{base}/cloud.png?lang_filter=uk").status_code == 404  # one answer
    assert client.get(f"{base}/cloud.png?lang_filter=de").status_code == 200  # two answers


def test_the_dashboard_hides_what_the_report_hides(client, sign_in, arranged):
    consultation, _ = arranged
    sign_in("facilitator")
    page = client.get(f"/staff/review/{consultation.id}/").get_data(as_text=True)
    # One Arabic respondent at a threshold of 2: the dashboard shows "–", not "1".
    row = re.search(r'dir="auto">العربية</td><td[^>]*>(.*?)</td>', page).group(1)
    assert row == "–"


def test_page_api_and_xlsx_agree_cell_by_cell_for_the_demo(client, sign_in, db_session):
    import io

    import openpyxl

    from surveys.demo import loader
    from tests.consult.test_disclosure_intruder import _api, _page

    consultation = loader.load(db_session, password="demo-passwort-2027-x", responses=60)
    db_session.commit()
    consultation = consultation.consultation
    user = sign_in("facilitator", email="agree@example.org")
    token = users.issue_api_token(db_session, users.find_user(db_session, user.email))
    db_session.commit()
    base = f"/staff/review/{consultation.id}/results"
    page = _page(client.get(base).get_data(as_text=True))
    api_body = client.get(
        f"/api/v1/consultations/{consultation.slug}/results?lang=de",
        headers={"Authorization": f"Bearer {token}"},
    ).get_json()
    api = _api(api_body)
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"{base}/export.xlsx").get_data()))
    sheet = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    tables, caption = {}, None
    for row in sheet:
        if len(row) == 1 or (row and all(v is None for v in row[1:])):
            # A question's table is named by its numbered heading ("4. Wo leben …").
            caption = re.sub(r"^\d+\. ", "", str(row[0])) if row and row[0] else None
        elif caption:
            tables.setdefault(caption, {})[row[0]] = row[1]
    labels = {q["code"]: q["label"] for q in api_body["questions"]}
    kinds = {q["code"]: q["kind"] for q in api_body["questions"]}
    compared = 0
    for code, figures in api["questions"].items():
        closed = ("single_choice", "multiple_choice", "yes_no", "scale")
        if kinds[code] not in closed or code not in page["questions"]:
            continue
        in_xlsx = tables.get(labels[code], {})
        for label, (count, share) in figures["rows"].items():
            if label in page["questions"][code]["rows"]:
                assert page["questions"][code]["rows"][label][0] == count, (code, label)
                if share is not None and page["questions"][code]["rows"][label][1] is not None:
                    assert page["questions"][code]["rows"][label][1] == share, (code, label)
            if label in in_xlsx and isinstance(in_xlsx[label], int | float):
                assert in_xlsx[label] == count, (code, label)
                compared += 1
    assert compared > 20
