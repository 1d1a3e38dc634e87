"""Throughput of a 30-question Arabic questionnaire page against a bare Jinja page of the
same size, served in the same run by the same WSGI machinery.

    .venv/bin/python -m bench.pages [--requests 500] [--rounds 5] [--answered]

Both pages are measured in alternating rounds (consult, bare, consult, bare, ...) so that
whatever else the machine does at a moment falls on both alike; each throughput is the
median of its rounds. Prints both throughputs and `ratio=<consult/bare>` (target ≥ 0.6).

By default the page is measured as a respondent first sees it (nothing answered yet);
`--answered` measures it after every question on it was answered, as on coming back.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from datetime import timedelta

from flask import Flask
from werkzeug.datastructures import MultiDict

from bench.common import fresh_database
from surveys.base import utcnow
from surveys.models import Consultation, Option, Question, Section, StakeholderGroup
from surveys.vocabulary import ConsultationStatus, QuestionKind

KINDS = [
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.MULTIPLE_CHOICE,
    QuestionKind.SCALE,
    QuestionKind.YES_NO,
    QuestionKind.SHORT_TEXT,
    QuestionKind.LONG_TEXT,
    QuestionKind.NUMBER,
    QuestionKind.DATE,
    QuestionKind.RANKING,
]
ARABIC_PROMPT = "ما مدى رضاك عن إمكانية الحصول على سكن مناسب للعائلات اللاجئة في منطقتك؟"

BARE_TEMPLATE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{{ title }}</title></head><body><main><h1>{{ title }}</h1><form method="post">
{% for q in questions %}<fieldset><legend>{{ q.prompt }}</legend>
{% for o in q.options %}<label><input type="radio" name="{{ q.code }}" value="{{ o.code }}">
{{ o.label }}</label>
{% endfor %}</fieldset>
{% endfor %}{{ padding }}<button type="submit">{{ title }}</button></form></main></body></html>"""


def build(session) -> Consultation:
    """A published consultation with one page of 30 questions, in German and Arabic."""
    now = utcnow()
    consultation = Consultation(
        slug="bench-pages",
        title={"de": "Leistungstest", "ar": "اختبار الأداء"},
        introduction={"de": "Einleitung", "ar": "مقدمة"},
        privacy_notice={"de": "Datenschutz", "ar": "الخصوصية"},
        languages=["de", "ar"],
        status=ConsultationStatus.PUBLISHED,
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )
    consultation.groups.append(
        StakeholderGroup(code="volunteers", label={"de": "Ehrenamt", "ar": "متطوعون"})
    )
    section = Section(title={"de": "Fragen", "ar": "أسئلة"})
    consultation.sections.append(section)
    for n in range(30):
        kind = KINDS[n % len(KINDS)]
        settings = (
            {
                "min": 1,
                "max": 5,
                "dont_know": True,
                "min_label": {"de": "schlecht", "ar": "سيئ"},
                "max_label": {"de": "gut", "ar": "جيد"},
            }
            if kind is QuestionKind.SCALE
            else {}
        )
        question = Question(
            code=f"q{n:02d}",
            kind=kind,
            prompt={"de": f"Frage {n}", "ar": f"{n}. {ARABIC_PROMPT}"},
            help_text={"de": "Hilfe", "ar": "يمكنك اختيار إجابة واحدة."},
            settings=settings,
        )
        section.questions.append(question)
        if kind.has_options:
            for o in range(5):
                question.options.append(
                    Option(code=f"o{o}", label={"de": f"Option {o}", "ar": f"الخيار رقم {o}"})
                )
    session.add(consultation)
    session.commit()
    return consultation


def _answers(kind: QuestionKind, code: str) -> list[tuple[str, str]]:
    """Form fields answering one question of `build`."""
    return {
        QuestionKind.SINGLE_CHOICE: [(code, "o1")],
        QuestionKind.MULTIPLE_CHOICE: [(code, "o0"), (code, "o2")],
        QuestionKind.SCALE: [(code, "4")],
        QuestionKind.YES_NO: [(code, "yes")],
        QuestionKind.SHORT_TEXT: [(code, "حي الشمال")],
        QuestionKind.LONG_TEXT: [(code, "نحتاج إلى دورات لغة مسائية للعائلات.")],
        QuestionKind.NUMBER: [(code, "12")],
        QuestionKind.DATE: [(code, "2026-03-01")],
        QuestionKind.RANKING: [(f"{code}__rank__o{n}", str(n + 1)) for n in range(5)],
    }[kind]


def _throughput(get, requests: int) -> float:
    start = time.perf_counter()
    for _ in range(requests):
        get()
    return requests / (time.perf_counter() - start)


def _medians(pages: dict, requests: int, rounds: int) -> dict[str, float]:
    """Requests per second of each page: the median of `rounds` alternating rounds."""
    for get in pages.values():
        for _ in range(20):  # warm caches and the template compiler
            get()
    measured: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(rounds):
        for name, get in pages.items():
            measured[name].append(_throughput(get, requests))
    return {name: statistics.median(values) for name, values in measured.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500, help="per round and page")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--answered", action="store_true", help="every question answered")
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    args = parser.parse_args()

    from consult import create_app
    from consult.extensions import db

    with fresh_database() as url:
        app = create_app(
            {
                "SECRET_KEY": "bench-secret-" * 4,
                "SQLALCHEMY_DATABASE_URI": url,
                "PUBLIC_BASE_URL": "https://beteiligung.bench.example",
                "RATELIMIT_ENABLED": False,
            }
        )
        with app.app_context():
            consultation = build(db.session)
            questions = [
                {
                    "code": q.code,
                    "prompt": q.prompt["ar"],
                    "options": [{"code": o.code, "label": o.label["ar"]} for o in q.options],
                }
                for q in consultation.questions
            ]
        client = app.test_client()
        landing = client.get("/c/bench-pages?lang=ar").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', landing).group(1)
        started = client.post(
            "/c/bench-pages/start", data={"csrf_token": token, "group": "volunteers"}
        )
        page_url = started.headers["Location"]
        if args.answered:
            form = [("csrf_token", token), ("action", "back")]
            for n in range(30):
                form += _answers(KINDS[n % len(KINDS)], f"q{n:02d}")
            saved = client.post(page_url, data=MultiDict(form))
            assert saved.status_code == 302, saved.get_data(as_text=True)[:2000]
        page = client.get(page_url)
        assert page.status_code == 200 and 'dir="rtl"' in page.get_data(as_text=True), (
            page.status_code
        )
        size = len(page.get_data())

        bare = Flask("bare")
        template = bare.jinja_env.from_string(BARE_TEMPLATE)
        padding_holder = {"padding": ""}

        @bare.get("/")
        def bare_page() -> str:
            return template.render(
                title="اختبار الأداء", questions=questions, padding=padding_holder["padding"]
            )

        bare_client = bare.test_client()
        base = len(bare_client.get("/").get_data())
        padding_holder["padding"] = "ـ" * max(0, (size - base) // 2)  # two bytes per letter
        bare_response = bare_client.get("/")
        assert bare_response.status_code == 200
        bare_size = len(bare_response.get_data())

        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(lambda: [client.get(page_url) for _ in range(100)])
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        rates = _medians(
            {"consult": lambda: client.get(page_url), "bare": lambda: bare_client.get("/")},
            args.requests,
            args.rounds,
        )
        consult_rps, bare_rps = rates["consult"], rates["bare"]
        print(f"questionnaire page  {consult_rps:8.1f} req/s  {size} bytes")
        print(f"bare jinja page     {bare_rps:8.1f} req/s  {bare_size} bytes")
        print(f"ratio={consult_rps / bare_rps:.2f}")
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main()
