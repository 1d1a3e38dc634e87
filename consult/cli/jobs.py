"""`consult jobs run` (run every due job once) and `consult worker` (the RQ worker)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from consult import jobs


@click.group("jobs")
def group() -> None:
    """Background jobs: invitation and reminder mails."""


@group.command("run")
@click.option(
    "--stale-after",
    type=float,
    default=None,
    help="Seconds without a heartbeat after which a running job counts as crashed.",
)
@with_appcontext
def run_command(stale_after: float | None) -> None:
    """Run every job that is due now, then stop (after a crash, or from cron)."""
    if stale_after is not None:
        current_app.config["JOBS_STALE_SECONDS"] = stale_after
    count = jobs.run_due()
    click.echo(f"{count} job(s) run.")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run the RQ worker that sends the mails (JOBS_BACKEND=rq)."""
    backend = jobs.backend()
    if backend.name != "rq":
        raise click.ClickException(
            "The worker is for JOBS_BACKEND=rq (with REDIS_URL). The embedded default runs "
            "jobs inside the app; use `consult jobs run` to run waiting jobs once."
        )
    backend.work(burst=burst)
