"""The edges of bounded noise: what a published 0, a "–" and a shown count can mean."""

from __future__ import annotations

import random

from analysis.frames import answers_frame, respondents_frame
from analysis.published import NOISE, publish, published_count
from analysis.questions import QuestionInfo
from tests.analysis.conftest import row

THRESHOLD = 5
YES_NO = QuestionInfo("agree", "yes_no", "Einverstanden?", extra_labels={"yes": "Ja", "no": "Nein"})


def test_a_small_count_never_publishes_as_zero_nor_as_a_number():
    rng = random.Random(7)
    seen = set()
    for true in range(0, 3 * THRESHOLD):
        for _ in range(300):
            shown = published_count(true, rng.getrandbits(32), THRESHOLD)
            if true == 0:
                assert shown == 0  # a published 0 is exactly nobody
            elif true < THRESHOLD:
                assert shown is None  # "–": never 0, never a number
            else:
                assert shown is not None and shown >= THRESHOLD and abs(shown - true) <= NOISE
                seen.add(shown - true)
    # The noise does reach its bound both ways: the documented ±3 is the real range.
    assert {-NOISE, NOISE} <= seen


def test_published_zero_hidden_and_shown_cells_in_a_real_table():
    rows = []
    for rid in range(1, 31):
        # 3 people say "no", 27 say "yes".
        rows.append(row(rid, "agree", option="no" if rid <= 3 else "yes"))
    answers = answers_frame(rows)
    everyone_yes = answers[answers["option_code"] == "yes"]
    for secret in ("a", "b", "c", "d"):
        view = publish(answers, respondents_frame(None, answers), [YES_NO], THRESHOLD, secret)
        counts = {r.code: r.count for r in view.results[0].rows}
        assert counts["no"] is None  # three people: "–", not 0
        assert counts["yes"] is not None and abs(counts["yes"] - 27) <= NOISE
        view = publish(
            everyone_yes, respondents_frame(None, everyone_yes), [YES_NO], THRESHOLD, secret
        )
        counts = {r.code: r.count for r in view.results[0].rows}
        assert counts["no"] == 0  # nobody: 0, told apart from "–"
