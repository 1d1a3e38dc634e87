"""The staff results page (unfiltered and filtered) and a DOCX report of a consultation of
20,000 responses, served by the real app, against a plain pandas pass over the same rows.

    .venv/bin/python -m bench.results [--responses 20000] [--rounds 3]

Every published figure goes through `analysis.published` (cell key noise, suppression), so
this measures what disclosure control costs on top of reading and counting. Prints one line
per measurement, each as seconds and as a ratio to the pandas pass (database → frames →
groupby counts and means), and ends with `page_s=… report_s=…` (targets: page ≤ 1 s,
report ≤ 10 s).
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench import generate
from bench.analysis import baseline
from bench.common import fresh_database


def _timed(get, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = get()
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--profile", action="store_true", help="print where one results page spends its time"
    )
    args = parser.parse_args()

    from analysis.frames import VALUE_COLUMNS, answers_frame, respondents_frame
    from consult import create_app
    from consult.extensions import db
    from surveys.administration import users
    from surveys.export import answer_rows, respondent_rows

    with fresh_database() as url:
        app = create_app(
            {
                "SECRET_KEY": "bench-secret-" * 4,
                "SQLALCHEMY_DATABASE_URI": url,
                "PUBLIC_BASE_URL": "https://beteiligung.bench.example",
                "RATELIMIT_ENABLED": False,
                "WTF_CSRF_ENABLED": False,  # only the sign-in posts; the timed pages are GETs
            }
        )
        with app.app_context():
            consultation = generate.build(db.session)
            generate.populate(db.session, consultation, args.responses)
            users.create_user(db.session, "bench@example.org", "bench-password-1", ("facilitator",))
            db.session.commit()
            consultation_id = consultation.id
            group = consultation.groups[0].code
            start = time.perf_counter()
            rows = list(answer_rows(db.session, consultation))
            people = list(respondent_rows(db.session, consultation))
            frame = answers_frame(rows, VALUE_COLUMNS, respondents_frame(people))
            read_s = time.perf_counter() - start
            pandas_s = read_s + min(baseline(frame) for _ in range(3))
        print(f"{'plain pandas pass':<32} {pandas_s:7.2f} s", flush=True)
        # The app's cookies are secure (https): talk to it as its public address.
        client = app.test_client()
        client.environ_base["wsgi.url_scheme"] = "https"
        data = {"email": "bench@example.org", "password": "bench-password-1"}
        signed_in = client.post("/auth/sign-in", data=data)
        assert signed_in.status_code == 302, signed_in.get_data(as_text=True)[:3000]
        base = f"/staff/review/{consultation_id}/results"
        if args.profile:
            import cProfile
            import pstats

            client.get(base)  # charts are cached on their published shares: profile warm
            profiler = cProfile.Profile()
            profiler.runcall(client.get, f"{base}?group={group}")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        measured = {
            "results page": _timed(lambda: client.get(base), args.rounds),
            "results page, one group": _timed(
                lambda: client.get(f"{base}?group={group}"), args.rounds
            ),
            "DOCX report": _timed(lambda: client.get(f"{base}/export.docx"), args.rounds),
        }
        for name, seconds in measured.items():
            print(f"{name:<32} {seconds:7.2f} s  ratio={seconds / pandas_s:.1f}", flush=True)
    page_s = max(measured["results page"], measured["results page, one group"])
    print(f"page_s={page_s:.2f} report_s={measured['DOCX report']:.2f}")


if __name__ == "__main__":
    main()
