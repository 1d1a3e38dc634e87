"""Published figures of consent and matrix questions, and their place in the reports."""

from __future__ import annotations

from analysis.frames import answers_frame, respondents_frame
from analysis.published import NOISE, publish
from analysis.questions import OptionInfo, QuestionInfo
from analysis.summaries import summarise
from tests.analysis.conftest import row

CONSENT = QuestionInfo("agree", "consent", "Einverstanden", extra_labels={"yes": "Zugestimmt"})
MATRIX = QuestionInfo(
    "informed",
    "matrix",
    "Informiert über",
    options=(OptionInfo("courses", "Kurse"), OptionInfo("doctors", "Ärzte")),
    scale_min=1,
    scale_max=5,
)


def _answers(people: int = 40):
    rows = []
    for rid in range(1, people + 1):
        if rid % 4:  # three in four agree
            rows.append(row(rid, "agree", option="yes"))
        rows.append(row(rid, "informed", option="courses", number=2.0))
        if rid <= 20:  # only half rate the doctors, all with a 4
            rows.append(row(rid, "informed", option="doctors", number=4.0))
    return answers_frame(rows)


def _view(threshold: int = 5):
    answers = _answers()
    respondents = respondents_frame(None, answers)
    return publish(answers, respondents, [CONSENT, MATRIX], threshold, "secret")


def test_consent_is_a_count_and_a_share_of_everyone_shown_it():
    consent = _view().results[0]
    (agreed,) = consent.rows
    assert agreed.label == "Zugestimmt"
    assert abs(agreed.count - 30) <= NOISE
    # Not ticking is not agreeing: the share is of everyone, about three in four.
    assert 0.6 <= agreed.share <= 0.9
    exact = _view(threshold=1).results[0].rows[0]
    assert (exact.count, exact.share) == (30, 0.75)


def test_a_matrix_publishes_each_item_with_its_raters_and_mean():
    exact = _view(threshold=1).results[1]
    assert [(r.code, r.label, r.count, r.mean) for r in exact.rows] == [
        ("courses", "Kurse", 40, 2.0),
        ("doctors", "Ärzte", 20, 4.0),
    ]
    assert exact.n == 40
    protected = _view().results[1]
    assert all(
        abs(r.count - e.count) <= NOISE for r, e in zip(protected.rows, exact.rows, strict=True)
    )


def test_a_matrix_item_rated_by_too_few_shows_no_mean():
    answers = answers_frame(
        [row(rid, "informed", option="courses", number=3.0) for rid in range(1, 11)]
        + [row(1, "informed", option="doctors", number=5.0)]
    )
    result = publish(answers, respondents_frame(None, answers), [MATRIX], 5, "s").results[0]
    doctors = result.rows[1]
    assert (doctors.count, doctors.mean) == (None, None)
    assert result.suppressed


def test_internal_summaries_know_both_kinds():
    summaries = summarise(_answers(), [CONSENT, MATRIX], respondents=40)
    assert summaries["agree"].n == 30
    assert summaries["informed"].table.loc["doctors", "mean"] == 4.0
