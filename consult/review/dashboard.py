"""The dashboard of one consultation: who took part, when, in which language."""

from __future__ import annotations

from typing import Any

from flask import g, render_template

from consult.extensions import db
from consult.review import bp
from surveys.reviewing import dashboard
from surveys.texts import pick


@bp.get("/")
def overview() -> Any:
    consultation = g.consultation
    figures = dashboard.participation(db.session, consultation)
    groups = {group.code: group.label for group in consultation.groups}
    peak = max((n for _, n in figures.by_day), default=0)
    return render_template(
        "review/dashboard.html",
        consultation=consultation,
        figures=figures,
        group_label=lambda code: pick(groups.get(code), "", consultation.languages) or code,
        peak=peak,
    )
