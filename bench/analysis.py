"""Analysis at scale: 100,000 responses × 25 questions, database → rows → frames → all
summaries → DOCX and XLSX, against a plain pandas groupby/value_counts baseline.

    .venv/bin/python -m bench.analysis [--responses 100000] [--postgres URL]

Prints one line per stage and ends with `ratio=<summaries/baseline> total_s=<…> peak_rss_mb=<…>`
(targets: ratio ≤ 3, total ≤ 60 s, peak memory ≤ 2 GB). Generating the data is not timed.
"""

from __future__ import annotations

import argparse
import time

import sqlalchemy as sa
from sqlalchemy.orm import Session

from analysis.frames import VALUE_COLUMNS, answers_frame, respondents_frame
from analysis.questions import OptionInfo, QuestionInfo
from analysis.report import build, docx, spreadsheets
from analysis.report.build import ReportInput
from analysis.summaries import summarise
from bench import generate
from bench.common import Stopwatch, fresh_database, peak_rss_mb
from surveys.base import prepare_engine
from surveys.export import answer_rows, respondent_rows


def questions_of(consultation) -> list[QuestionInfo]:
    return [
        QuestionInfo(
            code=q.code,
            kind=q.kind,
            label=q.prompt.get("de", q.code),
            field_of_action=q.field_of_action,
            options=tuple(OptionInfo(o.code, o.label.get("de", o.code)) for o in q.options),
            allows_dont_know=bool(q.settings.get("dont_know")),
        )
        for q in consultation.questions
    ]


def baseline(frame) -> float:
    """Plain pandas over the same long frame: counts per question and option, and means."""
    start = time.perf_counter()
    frame.groupby(["question_code", "option_code"], observed=True).size()
    frame.groupby("question_code", observed=True)["number"].mean()
    for _code, rows in frame.groupby("question_code", observed=True):
        rows["option_code"].value_counts()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--postgres", default=None, help="PostgreSQL URL (default: SQLite)")
    args = parser.parse_args()

    with fresh_database(args.postgres) as url:
        engine = sa.create_engine(url)
        prepare_engine(engine)
        with Session(engine) as session:
            started = time.perf_counter()
            consultation = generate.build(session)
            answers_stored = generate.populate(session, consultation, args.responses)
            session.commit()
            print(
                f"generated {args.responses:,} responses, {answers_stored:,} answers "
                f"in {time.perf_counter() - started:.1f} s (not timed)",
                flush=True,
            )
            questions = questions_of(consultation)
            watch = Stopwatch()
            with watch.stage("database → rows"):
                rows = list(answer_rows(session, consultation))
                people = list(respondent_rows(session, consultation))
            with watch.stage("rows → frames"):
                respondents = respondents_frame(people)
                frame = answers_frame(rows, VALUE_COLUMNS, respondents)
                del rows, people
            with watch.stage("all summaries"):
                summarise(frame, questions, len(respondents))
            summaries_s = watch.stages["all summaries"]
            base_s = min(baseline(frame) for _ in range(3))
            print(f"{'baseline (pandas groupby)':<28} {base_s:8.2f} s", flush=True)
            data = ReportInput(
                title="Benchmark",
                meeting="",
                language="de",
                period=("—", "—"),
                respondents=respondents,
                answers=frame,
                questions=questions,
                fields={f: f for f in generate.FIELDS},
            )
            with watch.stage("report → DOCX"):
                report = build.build(data)
                docx.render(report)
            with watch.stage("answers → XLSX"):
                spreadsheets.xlsx_bytes(report, spreadsheets.anonymised_answers(frame, questions))
        engine.dispose()
    ratio = summaries_s / base_s
    print(f"ratio={ratio:.2f} total_s={watch.total:.1f} peak_rss_mb={peak_rss_mb():.0f}")


if __name__ == "__main__":
    main()
