"""`consult serve`: gunicorn with the settings a county's server needs."""

from __future__ import annotations

import os
import sys

import click

from consult.serving import ACCESS_LOG_FORMAT


def gunicorn_arguments(bind: str, workers: int, threads: int, timeout: int) -> list[str]:
    """The gunicorn command line `consult serve` runs (also documented in the README)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        str(timeout),
        "--logger-class",
        "consult.serving.PrivateAccessLog",
        "--access-logfile",
        "-",
        "--access-logformat",
        ACCESS_LOG_FORMAT,
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "consult.wsgi:app",
    ]


@click.command("serve")
@click.option("--bind", default="127.0.0.1:8000", show_default=True, help="Address and port.")
@click.option(
    "--workers",
    default=min(2 * (os.cpu_count() or 1) + 1, 9),
    show_default="2 × CPUs + 1, at most 9",
    help="Worker processes.",
)
@click.option("--threads", default=4, show_default=True, help="Threads per worker.")
@click.option(
    "--timeout", default=120, show_default=True, help="Seconds before a stuck worker restarts."
)
def serve_command(bind: str, workers: int, threads: int, timeout: int) -> None:
    """Serve Consult with gunicorn (production); access logs keep personal links out."""
    arguments = gunicorn_arguments(bind, workers, threads, timeout)
    click.echo(f"Serving Consult on http://{bind}/ with {workers} workers × {threads} threads")
    os.execv(arguments[0], arguments)
