"""Small hand-made answer frames whose figures are worked out by hand in the tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from analysis.frames import answers_frame, respondents_frame
from analysis.questions import OptionInfo, QuestionInfo

DAY = datetime(2027, 2, 3, 10, 30, tzinfo=UTC)


def row(
    rid,
    code,
    option=None,
    text=None,
    number=None,
    language="de",
    group="volunteers",
    channel="online",
    submitted=DAY,
):
    return (rid, code, option, text, number, language, group, channel, submitted)


CHOICE = QuestionInfo(
    "housing",
    "single_choice",
    "Wo wohnen die Menschen?",
    "housing",
    (OptionInfo("shared", "Gemeinschaftsunterkunft"), OptionInfo("flat", "Wohnung")),
    allows_other=True,
    extra_labels={"other": "Sonstiges"},
)
MULTI = QuestionInfo(
    "areas",
    "multiple_choice",
    "Bereiche",
    "volunteering",
    (
        OptionInfo("school", "Schule"),
        OptionInfo("job", "Arbeit"),
        OptionInfo("health", "Gesundheit"),
    ),
)
SCALE = QuestionInfo(
    "safety",
    "scale",
    "Sicherheit",
    "safety",
    scale_min=1,
    scale_max=5,
    scale_min_label="unsicher",
    scale_max_label="sicher",
    allows_dont_know=True,
)
NUMBER = QuestionInfo("people", "number", "Wie viele?", "general")
RANKING = QuestionInfo(
    "priorities",
    "ranking",
    "Prioritäten",
    "general",
    (
        OptionInfo("housing", "Wohnen"),
        OptionInfo("language", "Sprache"),
        OptionInfo("work", "Arbeit"),
    ),
)
TEXT = QuestionInfo("wishes", "long_text", "Wünsche", "general")
DATE = QuestionInfo("since", "date", "Seit wann?", "general")
YES_NO = QuestionInfo(
    "recognised",
    "yes_no",
    "Anerkannt?",
    "labour_market",
    extra_labels={"yes": "Ja", "no": "Nein", "dont_know": "Weiß nicht"},
)
QUESTIONS = [CHOICE, MULTI, SCALE, NUMBER, RANKING, TEXT, DATE, YES_NO]


@pytest.fixture()
def rows():
    """Six respondents (1–6); respondent 6 answered nothing but the date."""
    return [
        # housing: shared ×3, flat ×1, other ×1; respondent 6 no answer
        row(1, "housing", "shared"),
        row(2, "housing", "shared"),
        row(3, "housing", "shared"),
        row(4, "housing", "flat"),
        row(5, "housing", "other", text="bei Freunden"),
        # areas: respondent 1: school+job, 2: school, 3: job+health, 4: school
        row(1, "areas", "school"),
        row(1, "areas", "job"),
        row(2, "areas", "school"),
        row(3, "areas", "job"),
        row(3, "areas", "health"),
        row(4, "areas", "school"),
        # safety: 5, 4, 4, 2, don't know
        row(1, "safety", number=5.0),
        row(2, "safety", number=4.0),
        row(3, "safety", number=4.0),
        row(4, "safety", number=2.0),
        row(5, "safety", "dont_know"),
        # people: 10, 20, 60
        row(1, "people", number=10.0),
        row(2, "people", number=20.0),
        row(3, "people", number=60.0),
        # priorities: r1 housing>language>work, r2 language>housing>work
        row(1, "priorities", "housing", number=1.0),
        row(1, "priorities", "language", number=2.0),
        row(1, "priorities", "work", number=3.0),
        row(2, "priorities", "language", number=1.0),
        row(2, "priorities", "housing", number=2.0),
        row(2, "priorities", "work", number=3.0),
        # wishes in two languages
        row(1, "wishes", text="Mehr Wohnungen"),
        row(2, "wishes", text="نحتاج إلى سكن", language="ar"),
        row(3, "wishes", text="Sprachkurse fehlen dringend"),
        # since
        row(6, "since", text="2016-04-01"),
        row(1, "since", text="2019-11-20"),
        # recognised
        row(1, "recognised", "yes"),
        row(2, "recognised", "no"),
        row(3, "recognised", "dont_know"),
    ]


@pytest.fixture()
def answers(rows):
    return answers_frame(rows)


@pytest.fixture()
def respondents(answers):
    return respondents_frame(None, answers)
