"""The one path for published figures: bounded, consistent noise, derived figures from
published counts, no extremes, nothing for small views; and the misleading figures fixed."""

from __future__ import annotations

import io

import openpyxl

from analysis.frames import answers_frame, respondents_frame
from analysis.published import NOISE, publish
from analysis.questions import OptionInfo, QuestionInfo
from analysis.report import build, spreadsheets
from analysis.report.build import ReportInput
from analysis.text.clusters import cut
from analysis.text.tokens import tokens
from tests.analysis.conftest import row

YES_NO = QuestionInfo("agree", "yes_no", "Einverstanden?", extra_labels={"yes": "Ja", "no": "Nein"})
SCALE = QuestionInfo("safe", "scale", "Sicher?", allows_dont_know=True)
NUMBER = QuestionInfo("age", "number", "Alter")
DATE = QuestionInfo("since", "date", "Seit wann?")
RANKING = QuestionInfo(
    "rank", "ranking", "Reihenfolge", options=(OptionInfo("a", "A"), OptionInfo("b", "B"))
)


def _answers(people: int = 40):
    rows = []
    for rid in range(1, people + 1):
        group = "police" if rid <= 3 else "volunteers"
        rows.append(row(rid, "agree", option="yes" if rid % 3 else "no", group=group))
        rows.append(row(rid, "safe", number=float(rid % 5 + 1), group=group))
        rows.append(row(rid, "age", number=float(20 + rid), group=group))
        rows.append(row(rid, "since", text=f"2026-0{rid % 9 + 1}-15", group=group))
        rows.append(row(rid, "rank", option="a", number=float(1 + rid % 2), group=group))
        rows.append(row(rid, "rank", option="b", number=float(2 - rid % 2), group=group))
    return answers_frame(rows)


def _publish(answers, threshold=5, secret="s"):
    questions = [YES_NO, SCALE, NUMBER, DATE, RANKING]
    return publish(answers, respondents_frame(None, answers), questions, threshold, secret)


def _counts(view):
    return {(r.question.code, row.code): row.count for r in view.results for row in r.rows}


def test_counts_move_by_at_most_the_noise_and_the_same_people_get_the_same_noise():
    answers = _answers()
    view = _publish(answers)
    true_yes = int((answers["option_code"] == "yes").sum())
    yes = _counts(view)[("agree", "yes")]
    assert yes is not None and abs(yes - true_yes) <= NOISE
    # Another view holding exactly the same "yes" people publishes exactly the same count.
    without_no = answers[
        ~answers["response_id"].isin(answers[answers["option_code"] == "no"]["response_id"])
    ]
    assert _counts(_publish(without_no))[("agree", "yes")] == yes
    # Different secrets give different noise somewhere: the noise is not a fixed offset.
    others = [_counts(_publish(answers, secret=f"k{i}")) for i in range(5)]
    assert len({tuple(sorted(c.items())) for c in others}) > 1


def test_shares_and_means_come_from_published_counts_rounded():
    view = _publish(_answers())
    scale = next(r for r in view.results if r.question.code == "safe")
    points = {row.code: row.count for row in scale.rows if row.code.isdigit()}
    valid = sum(points.values())
    expected_mean = round(sum(int(p) * c for p, c in points.items()) / valid, 1)
    assert scale.stats["mean"] == expected_mean
    for line in scale.rows:
        assert line.share == round(line.count / scale.n, 2)
    top_two = round((points["4"] + points["5"]) / valid, 2)
    assert scale.stats["top_two_share"] == top_two


def test_no_extremes_and_no_single_dates_are_published():
    view = _publish(_answers())
    number = next(r for r in view.results if r.question.code == "age")
    date = next(r for r in view.results if r.question.code == "since")
    assert set(number.stats) == {"mean", "median"}
    assert not ({"min", "max", "earliest", "latest"} & set(date.stats))


def test_dates_are_published_by_year_so_that_spread_out_answers_still_show():
    """Sixty people started in twelve different months of three years: every month holds
    five or fewer, every year twenty."""
    answers = answers_frame(
        [row(rid, "since", text=f"{2020 + rid % 3}-{rid % 12 + 1:02d}-15") for rid in range(1, 61)]
    )
    view = publish(answers, respondents_frame(None, answers), [DATE], 5, "secret")
    (date,) = view.results
    shown = {r.code: r.count for r in date.rows}
    assert set(shown) == {"2020", "2021", "2022"}
    assert all(count is not None and abs(count - 20) <= 3 for count in shown.values())


def test_a_view_below_the_threshold_shows_nothing_not_even_its_size():
    answers = _answers()
    police = answers[answers["group"] == "police"]
    view = _publish(police)
    assert view.too_few and view.respondents is None and view.results == []


def test_mean_rank_is_not_called_a_share():
    view = _publish(_answers(), threshold=1)
    ranking = next(r for r in view.results if r.question.code == "rank")
    assert {row.code: row.mean_rank for row in ranking.rows} == {"a": 1.5, "b": 1.5}
    assert all(row.share is None for row in ranking.rows)


def _report(answers, threshold=5):
    return build.build(
        ReportInput(
            title="T",
            meeting="",
            language="de",
            period=("1", "2"),
            respondents=respondents_frame(None, answers),
            answers=answers,
            questions=[YES_NO, SCALE],
            threshold=threshold,
            disclosure_key="s",
        )
    )


def test_xlsx_summary_holds_numbers_as_numbers_and_shares_as_percentages():
    answers = _answers()
    report = _report(answers)
    book = openpyxl.load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(report, answers.iloc[0:0])))
    cells = {
        r[0].value: r for r in book["Summary"].iter_rows() if r and isinstance(r[0].value, str)
    }
    yes = cells["Ja"]
    assert isinstance(yes[1].value, int)
    assert isinstance(yes[2].value, float) and yes[2].number_format == "0%"
    # And the same figures as the pages publish.
    view = _publish(answers)
    assert yes[1].value == _counts(view)[("agree", "yes")]


def test_the_report_states_the_percentage_base_once():
    report = _report(_answers())
    texts = [getattr(b, "text", "") for b in report.blocks]
    assert sum("including “don't know”" in t for t in texts) == 1


def test_german_words_keep_their_sharp_s_and_emoji_are_not_split():
    assert "größte" in tokens("Die größte Sorge", "de")
    flag = "🏳️‍🌈"
    label = "x" * 37 + flag + "yyyy"
    shortened = cut(label, 40)
    assert shortened.endswith("…") and (flag in shortened or flag[0] not in shortened)
