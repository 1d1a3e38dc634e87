"""The administrators' OParl page: run a sync and see what the last runs did."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from consult import oparl as service
from consult.auth import require
from consult.extensions import db
from consult.messages import domain_message
from consult.oparl import bp
from surveys import oparl, rules
from surveys.base import utcnow
from surveys.errors import DomainError
from surveys.models import AgendaItem, Committee, Meeting, OParlSync
from surveys.vocabulary import N_

COUNT_LABELS = {
    "committees_added": N_("Committees added"),
    "committees_updated": N_("Committees updated"),
    "meetings_added": N_("Meetings added"),
    "meetings_updated": N_("Meetings updated"),
    "meetings_skipped": N_("Meetings without a known committee or date (skipped)"),
    "agenda_items_added": N_("Agenda items added"),
    "deleted": N_("Marked as deleted"),
}


class SyncForm(FlaskForm):
    url = StringField(
        _l("OParl address (System or Body)"),
        validators=[DataRequired(), Length(max=500)],
        description=_l("For example https://oparl.example.org/oparl/v1.1/system"),
    )
    body = StringField(_l("Body id (only if the system has several)"), validators=[Length(max=500)])


def run_message(run: OParlSync) -> str:
    """Why a run failed, translated; empty for a successful run."""
    if run.ok:
        return ""
    return domain_message(DomainError(run.message, **run.params))


@bp.route("/", methods=["GET", "POST"])
@require(rules.may_administer)
def index() -> Any:
    form = SyncForm()
    if not form.is_submitted():
        last = db.session.scalar(select(OParlSync).order_by(OParlSync.id.desc()).limit(1))
        form.url.data = last.url if last else current_app.config.get("OPARL_URL", "")
        form.body.data = last.body_oparl_id if last else current_app.config.get("OPARL_BODY", "")
    if form.validate_on_submit():
        run = service.run_sync(
            form.url.data.strip(), (form.body.data or "").strip(), current_user.id
        )
        if run.ok:
            flash(_("The sync has finished."), "success")
        else:
            flash(
                _("The sync failed; nothing was changed. %(reason)s", reason=run_message(run)),
                "error",
            )
        return redirect(url_for("oparl.index"))
    now = utcnow()
    return render_template(
        "oparl/index.html",
        form=form,
        runs=oparl.recent_syncs(db.session),
        run_message=run_message,
        count_labels=COUNT_LABELS,
        committees=db.session.scalar(
            select(func.count())
            .select_from(Committee)
            .where(Committee.oparl_id.is_not(None), Committee.deleted.is_(False))
        ),
        meetings=db.session.scalars(
            select(Meeting)
            .where(
                Meeting.oparl_id.is_not(None), Meeting.deleted.is_(False), Meeting.starts_at >= now
            )
            .order_by(Meeting.starts_at)
            .limit(50)
        ).all(),
        agenda_items=db.session.scalar(
            select(func.count()).select_from(AgendaItem).where(AgendaItem.deleted.is_(False))
        ),
    )
