"""The dashboard of one consultation: who took part, when, in which language."""

from __future__ import annotations

from typing import Any

from flask import g, render_template

from analysis.frames import respondents_frame
from analysis.published import category_counts
from consult.extensions import db
from consult.review import bp
from surveys.export import respondent_rows
from surveys.reviewing import dashboard
from surveys.texts import pick


@bp.get("/")
def overview() -> Any:
    consultation = g.consultation
    figures = dashboard.participation(db.session, consultation)
    # Breakdowns are published figures like any other: the same noise and suppression as the
    # results page and reports, so the dashboard shows no group the report hides.
    respondents = respondents_frame(list(respondent_rows(db.session, consultation)))
    threshold, secret = consultation.small_cell_threshold, consultation.disclosure_key or ""
    breakdowns: dict[str, list[tuple[str | None, int | None]]] = {
        column: [
            (None if key == "—" else key, n)
            for key, n in category_counts(respondents, column, threshold, secret).items()
        ]
        for column in ("group", "language", "channel")
    }
    groups = {group.code: group.label for group in consultation.groups}
    peak = max((n for _, n in figures.by_day), default=0)
    return render_template(
        "review/dashboard.html",
        consultation=consultation,
        figures=figures,
        breakdowns=breakdowns,
        group_label=lambda code: pick(groups.get(code), "", consultation.languages) or code,
        peak=peak,
    )
