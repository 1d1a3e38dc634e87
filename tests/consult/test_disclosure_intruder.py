"""An intruder attacks the app's own outputs and must not recover any figure below the threshold.

The intruder holds what a careful reader can get: the staff results page under many filters
(each group, each language, and the complement of each), the API and the public results page.
It knows the threshold and the published noise bound (the API's `noise`, 0 when absent) and
works the way the issue describes: differences between filtered and unfiltered views, solving
a table's total, shares, mean and top-two share for its hidden cells, min / max, per-language
free-text counts, and every source against the others. A cell is "recovered" when everything
published leaves exactly one possible value for it.
"""

from __future__ import annotations

import html
import random
import re
from collections import defaultdict
from datetime import UTC, datetime

import pytest

from surveys.administration import users
from surveys.models import (
    Answer,
    Consultation,
    Option,
    Question,
    ReportSettings,
    Response,
    Section,
    StakeholderGroup,
)
from surveys.vocabulary import ConsultationStatus, QuestionKind, ResponseStatus

THRESHOLD = 5
# Groups of 1, 2, 3, 4, threshold and threshold + 1 respondents.
SIZES = {"g1": 1, "g2": 2, "g3": 3, "g4": 4, "g5": THRESHOLD, "g6": THRESHOLD + 1}
LANGUAGES = ("de", "en", "ar")
YES_NO = {"yes": "Ja", "no": "Nein", "dont_know": "Weiß nicht"}
LANGUAGE_LABELS = {"de": "Deutsch", "en": "English", "ar": "العربية"}


def _consultation(session, seed: int) -> tuple[Consultation, list[dict]]:
    """A closed consultation with groups of every small size; returns the true answers."""
    rng = random.Random(seed)
    consultation = Consultation(
        slug=f"intruder-{seed}",
        title={lang: "Intruder" for lang in LANGUAGES},
        languages=list(LANGUAGES),
        status=ConsultationStatus.CLOSED,
        small_cell_threshold=THRESHOLD,
    )
    consultation.disclosure_key = f"fixed-test-secret-{seed}"
    for code in SIZES:
        consultation.groups.append(StakeholderGroup(code=code, label={"de": f"Gruppe {code}"}))
    section = Section(title={"de": "Teil"})
    consultation.sections.append(section)
    questions = {
        "q_yes": Question(code="q_yes", kind=QuestionKind.YES_NO, prompt={"de": "Ja oder nein"}),
        "q_scale": Question(
            code="q_scale",
            kind=QuestionKind.SCALE,
            prompt={"de": "Wie sicher"},
            settings={"min": 1, "max": 5, "dont_know": True},
        ),
        "q_choice": Question(code="q_choice", kind=QuestionKind.SINGLE_CHOICE, prompt={"de": "W"}),
        "q_age": Question(code="q_age", kind=QuestionKind.NUMBER, prompt={"de": "Alter"}),
        "q_text": Question(code="q_text", kind=QuestionKind.LONG_TEXT, prompt={"de": "Sonst"}),
    }
    for code in ("a", "b", "c"):
        questions["q_choice"].options.append(Option(code=code, label={"de": f"Option {code}"}))
    for question in questions.values():
        section.questions.append(question)
    session.add(consultation)
    session.flush()
    session.add(
        ReportSettings(
            consultation_id=consultation.id,
            fields=[],
            questions=[],
            summaries={},
            open_points={},
            public_results=True,
        )
    )
    people = []
    groups = {g.code: g for g in consultation.groups}
    for group, size in SIZES.items():
        for _ in range(size):
            person = {
                "group": group,
                "language": rng.choice(("de", "de", "en", "ar")),
                "q_yes": rng.choice(("yes", "no", "no", "dont_know")),
                "q_scale": rng.choice(("1", "2", "3", "4", "5", "dont_know")),
                "q_choice": rng.choice(("a", "b", "c")),
                "q_age": rng.randint(18, 80),
                "q_text": rng.random() < 0.8,
            }
            people.append(person)
            response = Response(
                consultation=consultation,
                language=person["language"],
                group=groups[group],
                status=ResponseStatus.SUBMITTED,
                submitted_at=datetime(2027, 2, 3, 9, 30, tzinfo=UTC),
            )
            response.answers.append(
                Answer(question=questions["q_yes"], option_code=person["q_yes"])
            )
            scale = person["q_scale"]
            response.answers.append(
                Answer(question=questions["q_scale"], option_code="dont_know")
                if scale == "dont_know"
                else Answer(question=questions["q_scale"], number=float(scale))
            )
            response.answers.append(
                Answer(question=questions["q_choice"], option_code=person["q_choice"])
            )
            response.answers.append(Answer(question=questions["q_age"], number=person["q_age"]))
            if person["q_text"]:
                response.answers.append(
                    Answer(question=questions["q_text"], text=f"Meinung {rng.random()}")
                )
            session.add(response)
    session.commit()
    return consultation, people


# --- what the intruder reads ---------------------------------------------------------------


def _number(text: str) -> float | None:
    text = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    if not text or text in ("–", "-"):
        return None
    share = text.endswith("%")
    text = text.rstrip("%").strip().replace(".", "").replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value / 100 if share else value


STAT_NAMES = {
    "Mittelwert": "mean",
    "Median": "median",
    "Minimum": "min",
    "Maximum": "max",
    "Zwei höchste Stufen": "top_two_share",
}


def _page(text: str) -> dict:
    """Published figures of a results page: total, and per question n, rows and stats."""
    view: dict = {"total": None, "questions": {}}
    total = re.search(r'<p role="status">([^<]*?) Antwort', text)
    if total:
        view["total"] = _number(total.group(1))
    sections = re.findall(
        r'<section class="result" aria-labelledby="result-(\w+)">(.*?)</section>', text, re.S
    )
    for code, body in sections:
        answered = re.search(r"Beantwortet: ([^·<]*)", body)
        rows = {}
        for label, cells in re.findall(
            r'<tr>\s*<td class="kern-table__cell" dir="auto">(.*?)</td>(.*?)</tr>', body, re.S
        ):
            numbers = re.findall(r'kern-table__cell--numeric">(.*?)</td>', cells, re.S)
            parsed = [_number(n) for n in numbers] + [None, None]
            rows[html.unescape(label).strip()] = (parsed[0], parsed[1])
        stats = {
            STAT_NAMES.get(html.unescape(key).strip(), key): _number(value)
            for key, value in re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", body, re.S)
        }
        crosstabs = []
        for table in re.findall(r'<details class="crosstab">(.*?)</details>', body, re.S):
            heads = [
                html.unescape(h).strip()
                for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table, re.S)
            ][1:]
            lines = {}
            for label, cells in re.findall(
                r'<tr><th scope="row"[^>]*>(.*?)</th>(.*?)</tr>', table, re.S
            ):
                numbers = re.findall(r'kern-table__cell--numeric">(.*?)</td>', cells, re.S)
                lines[html.unescape(label).strip()] = [_number(n) for n in numbers]
            crosstabs.append((heads, lines))
        view["questions"][code] = {
            "n": _number(answered.group(1)) if answered else None,
            "rows": rows,
            "stats": stats,
            "crosstabs": crosstabs,
        }
    return view


def _api(body: dict) -> dict:
    view: dict = {"total": body.get("respondents"), "questions": {}}
    for question in body["questions"]:
        rows = {
            (
                LANGUAGE_LABELS.get(row["label"], row["label"])
                if question["kind"] == "long_text"
                else row["label"]
            ): (row["count"], row["share"] if question["kind"] != "ranking" else None)
            for row in question["rows"]
        }
        stats = {k: v for k, v in question["stats"].items() if isinstance(v, int | float)}
        view["questions"][question["code"]] = {"n": question["n"], "rows": rows, "stats": stats}
    return view


# --- the truth ------------------------------------------------------------------------------


def _label(question: str, code: str) -> str:
    if question == "q_yes":
        return YES_NO[code]
    if question == "q_scale":
        return YES_NO["dont_know"] if code == "dont_know" else code
    if question == "q_choice":
        return f"Option {code}"
    return LANGUAGE_LABELS[code]


def _truth(people: list[dict]) -> dict:
    """True counts per view, question and label, and the respondents per view."""
    truth: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    totals: dict = defaultdict(int)
    for person in people:
        for view in ("all", f"group={person['group']}", f"lang_filter={person['language']}"):
            totals[view] += 1
            for question in ("q_yes", "q_scale", "q_choice"):
                truth[view][question][_label(question, person[question])] += 1
            if person["q_text"]:
                truth[view]["q_text"][_label("q_text", person["language"])] += 1
    return {"cells": truth, "totals": totals}


# --- the attack -----------------------------------------------------------------------------


def _interval(value: float | None, bound: int) -> tuple[float, float] | None:
    return None if value is None else (value - bound, value + bound)


def _solve_table(published: dict, question: str, bound: int, threshold: int) -> dict:
    """Hidden cells of one table from its total, shares, mean and top-two: label -> values."""
    rows, n, stats = published["rows"], published["n"], published["stats"]
    hidden = [label for label, (count, _share) in rows.items() if count is None]
    if not hidden or n is None or len(hidden) > 5:
        return {}
    known = {label: count for label, (count, _share) in rows.items() if count is not None}
    slack = bound * (len(known) + 1)
    rest = n - sum(known.values())
    limit = int(n) + slack
    tolerance = 1e-6 if bound == 0 else 0.05
    points = {label: int(label) for label in rows if label.isdigit()}
    solutions = []

    def consistent(values: dict) -> bool:
        if question != "q_scale" or not points:
            return True
        counts = {**known, **values}
        valid = sum(counts[label] for label in points)
        if not valid:
            return True
        mean = stats.get("mean")
        if mean is not None:
            actual = sum(points[label] * counts[label] for label in points) / valid
            if abs(actual - mean) > max(tolerance, 0.05 if bound else 0.051):
                return False
        top = stats.get("top_two_share")
        if top is not None:
            high = sorted(points, key=points.get)[-2:]
            if abs(sum(counts[label] for label in high) / valid - top) > max(tolerance, 0.005):
                return False
        return True

    def walk(index: int, chosen: dict, used: int) -> None:
        if len(solutions) > 2000:
            return
        if index == len(hidden):
            if abs(used - rest) <= slack and consistent(chosen):
                solutions.append(dict(chosen))
            return
        for value in range(0, limit + 1):
            if used + value > rest + slack:
                break
            chosen[hidden[index]] = value
            walk(index + 1, chosen, used + value)
        chosen.pop(hidden[index], None)

    walk(0, {}, 0)
    if not solutions or len(solutions) > 2000:
        return {}
    return {label: {s[label] for s in solutions} for label in hidden}


def _attack(views: dict, sources: dict, bound: int, truth: dict, groups, languages) -> list[str]:
    """Every cell below the threshold that the outputs pin down to its true value."""
    known: dict = defaultdict(list)  # (view, question, label) -> intervals or value sets

    def note(key, low, high):
        known[key].append((low, high))

    for source in sources.values():  # the same overall view from page, API and public page
        for question, figures in source["questions"].items():
            for label, (count, _share) in figures["rows"].items():
                if (i := _interval(count, bound)) is not None:
                    note(("all", question, label), *i)
    for view, figures in views.items():
        if figures["total"] is not None:
            note((view, "total", ""), *_interval(figures["total"], bound))
        for question, published in figures["questions"].items():
            for label, (count, _share) in published["rows"].items():
                if (i := _interval(count, bound)) is not None:
                    note((view, question, label), *i)
            for label, values in _solve_table(published, question, bound, THRESHOLD).items():
                note((view, question, label), min(values), max(values))
    # Cross-tabs (answer × group, answer × language) on the unfiltered page.
    categories = {f"Gruppe {g}": f"group={g}" for g in groups}
    categories.update({LANGUAGE_LABELS[lang]: f"lang_filter={lang}" for lang in languages})
    for question, published in views["all"]["questions"].items():
        for heads, lines in published.get("crosstabs", []):
            for label, counts in lines.items():
                for head, count in zip(heads, counts, strict=False):
                    if head in categories and (i := _interval(count, bound)) is not None:
                        note((categories[head], question, label), *i)
    # Differences: the whole minus everyone but a group (or language) is that group.
    for column, members in (("group", groups), ("lang_filter", languages)):
        for member in members:
            rest = "&".join(f"{column}={other}" for other in members if other != member)
            whole, others = views["all"], views[rest]
            if whole["total"] is not None and others["total"] is not None:
                e = whole["total"] - others["total"]
                note((f"{column}={member}", "total", ""), e - 2 * bound, e + 2 * bound)
            for question, published in whole["questions"].items():
                other = others["questions"].get(question)
                if not other:
                    continue
                for label, (count, _share) in published["rows"].items():
                    rest_count = other["rows"].get(label, (0, None))[0]
                    if count is None or rest_count is None:
                        continue
                    e = count - rest_count
                    note((f"{column}={member}", question, label), e - 2 * bound, e + 2 * bound)
    leaks = []
    for (view, question, label), bounds in known.items():
        actual = (
            truth["totals"].get(view, 0)
            if question == "total"
            else truth["cells"].get(view, {}).get(question, {}).get(label, 0)
        )
        if not 0 < actual < THRESHOLD:
            continue
        low = max([0.0] + [b[0] for b in bounds])
        high = min(b[1] for b in bounds)
        candidates = [v for v in range(int(low), int(high) + 1) if low <= v <= high]
        if candidates == [actual]:
            leaks.append(f"{view} {question} {label!r} = {actual}")
    # Extremes: the whole's max differs from everyone-but-a-group's max only by that group.
    for member in groups:
        rest = "&".join(f"group={other}" for other in groups if other != member)
        for stat in ("min", "max"):
            whole = views["all"]["questions"].get("q_age", {}).get("stats", {}).get(stat)
            others = views[rest]["questions"].get("q_age", {}).get("stats", {}).get(stat)
            if whole is not None and others is not None and whole != others:
                leaks.append(f"group={member} q_age {stat} = {whole}")
    return leaks


@pytest.mark.parametrize("seed", [1, 2])
def test_no_figure_below_the_threshold_can_be_recovered(client, sign_in, db_session, seed):
    consultation, people = _consultation(db_session, seed)
    sign_in("facilitator", email="reader@example.org")
    user = users.find_user(db_session, "reader@example.org")
    token = users.issue_api_token(db_session, user)
    db_session.commit()
    base = f"/staff/review/{consultation.id}/results"
    groups, languages = list(SIZES), list(LANGUAGES)
    queries = ["all"]
    for column, members in (("group", groups), ("lang_filter", languages)):
        for member in members:
            queries.append(f"{column}={member}")
            queries.append("&".join(f"{column}={other}" for other in members if other != member))
    views = {}
    for query in queries:
        page = client.get(base if query == "all" else f"{base}?{query}")
        assert page.status_code == 200
        views[query] = _page(page.get_data(as_text=True))
    api = client.get(
        f"/api/v1/consultations/{consultation.slug}/results?lang=de",
        headers={"Authorization": f"Bearer {token}"},
    ).get_json()
    public = client.get(f"/c/{consultation.slug}/results").get_data(as_text=True)
    sources = {"api": _api(api), "public": _page(public)}
    # The intruder really reads figures: the overall yes/no table is there in every source.
    for view in (views["all"], *sources.values()):
        assert any(c is not None for c, _s in view["questions"]["q_yes"]["rows"].values())
    bound = int(api.get("noise", 0))
    leaks = _attack(views, sources, bound, _truth(people), groups, languages)
    assert leaks == [], f"{len(leaks)} figures below the threshold recovered: {leaks}"
