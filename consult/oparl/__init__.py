"""OParl import: fetch a body from a council information system and apply it in one go.

Used by `consult oparl sync` and by the administrators' OParl page; see docs/oparl.md.
"""

from __future__ import annotations

from flask import Blueprint, Flask, current_app
from sqlalchemy.exc import SQLAlchemyError

from consult.extensions import db
from consult.oparl.client import Limits, fetch_snapshot
from surveys import oparl
from surveys.base import utcnow
from surveys.models import OParlSync
from surveys.vocabulary import N_

bp = Blueprint("oparl", __name__, url_prefix="/staff/oparl")


def limits() -> Limits:
    config = current_app.config
    return Limits(
        timeout=float(config["OPARL_TIMEOUT"]),
        max_pages=int(config["OPARL_MAX_PAGES"]),
        deadline=float(config["OPARL_DEADLINE"]),
    )


def run_sync(url: str, body_id: str = "", user_id: int | None = None) -> OParlSync:
    """Fetch everything first, then write it in one transaction; log the run either way.

    A failure while fetching or writing rolls back whatever was written, so the imported
    committees and meetings stay exactly as before; only the failed run is logged.
    """
    started = utcnow()
    try:
        snapshot = fetch_snapshot(
            url, body_id, oparl.known_meeting_ids(db.session), started, limits()
        )
        counts = oparl.apply_snapshot(db.session, snapshot, started)
        run = oparl.record_sync(
            db.session,
            url=url,
            body=snapshot.body.oparl_id,
            started_at=started,
            finished_at=utcnow(),
            counts=counts,
            user_id=user_id,
        )
    except (oparl.OParlError, SQLAlchemyError) as caught:
        db.session.rollback()
        error = (
            caught
            if isinstance(caught, oparl.OParlError)
            else oparl.OParlError(
                N_("The imported data could not be saved (%(reason)s)."),
                reason=type(caught).__name__,
            )
        )
        run = oparl.record_sync(
            db.session,
            url=url,
            body=body_id,
            started_at=started,
            finished_at=utcnow(),
            error=error,
            user_id=user_id,
        )
    db.session.commit()
    return run


def init_app(app: Flask) -> None:
    from consult.oparl import views  # noqa: F401  (register routes)

    app.register_blueprint(bp)
