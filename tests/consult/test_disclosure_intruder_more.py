"""The intruder of `test_disclosure_intruder` with more to read: rounds compared, date filters
and the DOCX / XLSX exports of every view. It must still recover nothing below the threshold.

The intruder here is also sharper: it knows what the method's marks mean ("–" is 1 … threshold
− 1 people, a shown count at least threshold, 0 exactly nobody) and subtracts intervals, not
just point values.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from datetime import UTC, datetime

import openpyxl
import pytest
from docx import Document
from sqlalchemy import select

from surveys.models import Response
from tests.consult.test_disclosure_intruder import (
    LANGUAGE_LABELS,
    LANGUAGES,
    SIZES,
    THRESHOLD,
    _consultation,
    _label,
    _number,
    _page,
)

DAYS = ("2027-02-01", "2027-02-02", "2027-02-03")
QUESTIONS = {"Ja oder nein": "q_yes", "Wie sicher": "q_scale", "W": "q_choice"}
BOUND = 3  # the published noise bound (the API's `noise`)


def _arrange(session, seed: int):
    """A consultation with an earlier round; answers spread over three days."""
    earlier, earlier_people = _consultation(session, seed + 100)
    consultation, people = _consultation(session, seed)
    consultation.previous_round = earlier
    for round_, members in ((consultation, people), (earlier, earlier_people)):
        responses = session.scalars(
            select(Response).where(Response.consultation_id == round_.id).order_by(Response.id)
        ).all()
        for index, (response, person) in enumerate(zip(responses, members, strict=True)):
            person["day"] = DAYS[(index * 7 + seed) % len(DAYS)]
            response.submitted_at = datetime.fromisoformat(person["day"]).replace(
                hour=10, tzinfo=UTC
            )
    session.commit()
    return consultation, people, earlier_people


def _views() -> dict[str, object]:
    """Query string -> who is in the view (a predicate on a person)."""
    views: dict[str, object] = {"all": lambda p: True}
    for column, members in (("group", list(SIZES)), ("lang_filter", list(LANGUAGES))):
        key = "group" if column == "group" else "language"
        for member in members:
            views[f"{column}={member}"] = lambda p, m=member, k=key: p[k] == m
            rest = [m for m in members if m != member]
            views["&".join(f"{column}={m}" for m in rest)] = lambda p, r=rest, k=key: p[k] in r
    for start, first in enumerate(DAYS):
        for last in DAYS[start:]:
            views[f"since={first}&until={last}"] = lambda p, a=first, b=last: a <= p["day"] <= b
    return views


def _truth(people: list[dict], who) -> tuple[int, dict]:
    cells: dict = defaultdict(lambda: defaultdict(int))
    members = [p for p in people if who(p)]
    for person in members:
        for question in ("q_yes", "q_scale", "q_choice"):
            cells[question][_label(question, person[question])] += 1
        if person["q_text"]:
            cells["q_text"][_label("q_text", person["language"])] += 1
    return len(members), cells


def _support(count) -> tuple[float, float]:
    """What one published count says about the true count."""
    if count is None:
        return (1, THRESHOLD - 1)
    if count == 0:
        return (0, 0)
    return (max(THRESHOLD, count - BOUND), count + BOUND)


# --- reading the exports ------------------------------------------------------------------


def _tables_xlsx(content: bytes) -> dict[str, dict[str, object]]:
    tables: dict[str, dict[str, object]] = {}
    caption = None
    for row in (
        openpyxl.load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True)
    ):
        cells = [c for c in row]
        while cells and cells[-1] is None:
            cells.pop()
        if len(cells) == 1:
            caption = re.sub(r"^\d+\. ", "", str(cells[0]))
            tables.setdefault(caption, {})
        elif len(cells) > 1 and caption is not None:
            value = cells[1]
            tables[caption][str(cells[0])] = (
                value if isinstance(value, int | float) else _number(str(value or ""))
            )
    return tables


def _tables_docx(content: bytes) -> dict[str, dict[str, object]]:
    document = Document(io.BytesIO(content))
    tables: dict[str, dict[str, object]] = {}
    caption = None
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")).strip()
            numbered = re.match(r"^\d+\. (.*)", text)
            if numbered or text.startswith("Antworten nach"):
                caption = numbered.group(1) if numbered else text
        elif tag == "tbl" and caption is not None:
            table = tables.setdefault(caption, {})
            for row in child.iter():
                if not row.tag.endswith("}tr"):
                    continue
                texts = [
                    "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")).strip()
                    for cell in row
                    if cell.tag.endswith("}tc")
                ]
                if len(texts) > 1:
                    table[texts[0]] = _number(texts[1])
    return tables


def _export_view(tables: dict[str, dict[str, object]]) -> dict:
    """Counts per question (and respondents per group / language) of an exported report."""
    view: dict = {"questions": {}, "categories": {}}
    for caption, rows in tables.items():
        for prompt, code in QUESTIONS.items():
            if caption == prompt:
                view["questions"][code] = rows
        if caption in ("Antworten nach Gruppe", "Antworten nach Sprache"):
            view["categories"].update(rows)
    return view


# --- rounds compared ----------------------------------------------------------------------


def _comparisons(text: str) -> dict[str, tuple[float | None, dict[str, float | None]]]:
    """Per question: the earlier round's n and its shares, as the comparison shows them."""
    found = {}
    for code, body in re.findall(
        r'<section class="result" aria-labelledby="result-(\w+)">(.*?)</section>', text, re.S
    ):
        match = re.search(
            r"Im Vergleich zur früheren Runde \(n = ([^,]*), jetzt n = [^)]*\)(.*?)</table>",
            body,
            re.S,
        )
        if not match:
            continue
        shares = {}
        for label, cells in re.findall(
            r'<tr><td class="kern-table__cell" dir="auto">(.*?)</td>(.*?)</tr>',
            match.group(2),
            re.S,
        ):
            numbers = re.findall(r'kern-table__cell--numeric">(.*?)</td>', cells, re.S)
            shares[label.strip()] = _number(numbers[0]) if numbers else None
        found[code] = (_number(match.group(1)), shares)
    return found


def _earlier_interval(n, share) -> tuple[float, float] | None:
    """The earlier round's true count from its published n and a share rounded to 1 %."""
    if n is None or share is None:
        return None
    published_low = max(0.0, (share - 0.005) * n)
    published_high = (share + 0.005) * n
    if published_high < 0.5:
        return (0, 0)
    return (max(0.0, published_low - BOUND), published_high + BOUND)


# --- the attack ---------------------------------------------------------------------------


def _pinned(truth: int, intervals: list[tuple[float, float]]) -> bool:
    low = max([0.0] + [i[0] for i in intervals])
    high = min(i[1] for i in intervals)
    return [v for v in range(int(low), int(high) + 1) if low <= v <= high] == [truth]


@pytest.mark.parametrize("seed", [3, 4])
def test_rounds_dates_and_exports_give_nothing_below_the_threshold(
    client, sign_in, db_session, seed
):
    consultation, people, earlier_people = _arrange(db_session, seed)
    sign_in("facilitator", email="sharp@example.org")
    base = f"/staff/review/{consultation.id}/results"
    views = _views()
    known: dict = defaultdict(list)  # (round, view, question, label) -> intervals
    published: dict = {}
    texts: dict = {}
    earlier_published: dict = {}
    exports: dict = {}
    for query, _who in views.items():
        suffix = "" if query == "all" else f"?{query}"
        response = client.get(f"{base}{suffix}")
        assert response.status_code == 200
        text = response.get_data(as_text=True)
        # The comparison table is read on its own, not as the question's rows.
        page = _page(re.sub(r"<caption dir=\"auto\">Im Vergleich.*?</table>", "", text, flags=re.S))
        published[query] = page
        texts[query] = text
        earlier_published[query] = _comparisons(text)
        if "=" not in query or query.startswith(("group", "lang_filter")):
            exports[query] = [
                _export_view(_tables_xlsx(client.get(f"{base}/export.xlsx{suffix}").get_data())),
                _export_view(_tables_docx(client.get(f"{base}/export.docx{suffix}").get_data())),
            ]
    # The intruder does read figures from every source.
    assert published["all"]["questions"]["q_yes"]["rows"]
    assert any(earlier_published["all"].values())
    assert all(e["questions"].get("q_yes") for e in exports["all"])
    assert published["since=2027-02-01&until=2027-02-01"]["questions"]

    # Counts per view: pages and both exports.
    current: dict = {}
    for query, page in published.items():
        cells = {}
        if page["total"] is not None:
            cells[("total", "")] = page["total"]
        for question, figures in page["questions"].items():
            for label, (count, _share) in figures["rows"].items():
                cells[(question, label)] = count
        for export in exports.get(query, []):
            for question, rows in export["questions"].items():
                for label, count in rows.items():
                    if label in page["questions"].get(question, {}).get("rows", {}):
                        cells.setdefault((question, label), count)
                        assert cells[(question, label)] == count, (query, question, label)
            for label, count in export["categories"].items():
                for group in SIZES:
                    if label == f"Gruppe {group}":
                        known[("now", f"group={group}", "total", "")].append(_support(count))
                for language, name in LANGUAGE_LABELS.items():
                    if label == name:
                        known[("now", f"lang_filter={language}", "total", "")].append(
                            _support(count)
                        )
        current[query] = cells
        if "Zu wenige Antworten, um sie zu zeigen." in texts[query]:
            known[("now", query, "total", "")].append((1, THRESHOLD - 1))
        for key, count in cells.items():
            if page["total"] is not None or key[0] != "total":
                known[("now", query, *key)].append(_support(count))
    # The earlier round, through the comparison tables of every view.
    before: dict = {}
    for query, comparisons in earlier_published.items():
        cells = {}
        for question, (n, shares) in comparisons.items():
            for label, share in shares.items():
                interval = _earlier_interval(n, share)
                if interval is not None:
                    cells[(question, label)] = interval
                    known[("earlier", query, question, label)].append(interval)
        before[query] = cells
    # Differences: a view that holds another plus some people.
    pairs = []
    for column, members in (("group", list(SIZES)), ("lang_filter", list(LANGUAGES))):
        for member in members:
            rest = "&".join(f"{column}={m}" for m in members if m != member)
            pairs.append(("all", rest, f"{column}={member}"))
    day_views = {}
    for start, first in enumerate(DAYS):
        for last in DAYS[start:]:
            day_views[(start, DAYS.index(last))] = f"since={first}&until={last}"
    for (a, b), query in day_views.items():
        if b > a:
            pairs.append((query, day_views[(a, b - 1)], f"since={DAYS[b]}&until={DAYS[b]}"))
            pairs.append((query, day_views[(a + 1, b)], f"since={DAYS[a]}&until={DAYS[a]}"))
    for whole, rest, target in pairs:
        for key, count in current.get(whole, {}).items():
            if key in current.get(rest, {}):
                w, r = _support(count), _support(current[rest][key])
                known[("now", target, *key)].append((w[0] - r[1], w[1] - r[0]))
        for key, (w_low, w_high) in before.get(whole, {}).items():
            if key in before.get(rest, {}):
                r_low, r_high = before[rest][key]
                known[("earlier", target, *key)].append((w_low - r_high, w_high - r_low))
    leaks = []
    for (round_, query, question, label), intervals in known.items():
        members = people if round_ == "now" else earlier_people
        who = views.get(query)
        if who is None:
            continue
        total, cells = _truth(members, who)
        actual = total if question == "total" else cells.get(question, {}).get(label, 0)
        if 0 < actual < THRESHOLD and _pinned(actual, intervals):
            leaks.append(f"{round_} {query} {question} {label!r} = {actual}")
    assert leaks == [], f"{len(leaks)} figures below the threshold recovered: {leaks}"
