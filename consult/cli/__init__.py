"""The `consult` command line: Flask's CLI group with our command groups added."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup, NoAppException

from consult.cli import (
    consultations,
    demo,
    doctor,
    jobs,
    maintenance,
    oparl,
    report,
    serve,
    translate,
    users,
)


def _create_app() -> Flask:
    from consult import create_app
    from consult.config import ConfigError

    try:
        return create_app()
    except ConfigError as error:
        # Flask's CLI prints this as a one-line error instead of a stack trace.
        raise NoAppException(str(error)) from None


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """Consult: participatory consultations for committees."""


# Catalog work needs no application (and no SECRET_KEY), so it hangs off the group itself.
main.add_command(translate.group)
# gunicorn loads the app in its workers; the command itself needs none.
main.add_command(serve.serve_command)
# The doctor runs even when the configuration is broken: it says what is wrong.
main.add_command(doctor.doctor_command)


def init_app(app: Flask) -> None:
    for command in (
        users.group,
        demo.group,
        consultations.group,
        maintenance.backup_command,
        maintenance.restore_command,
        maintenance.purge_command,
        report.report_command,
        jobs.group,
        jobs.worker_command,
        oparl.group,
    ):
        app.cli.add_command(command)
