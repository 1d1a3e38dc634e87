"""Results per question with filters that apply to every figure and to the exports."""

from __future__ import annotations

import base64
from typing import Any

from flask import abort, g, render_template, request
from flask_babel import gettext as _

from consult import reporting
from consult.downloads import file_response
from consult.extensions import db
from consult.i18n import current_language
from consult.results import disclosure_note, filters_from_args, formatted, published
from consult.review import bp, language_options
from surveys.texts import pick
from surveys.vocabulary import CHANNEL_LABELS

EXPORT_FORMATS = ("pdf", "docx", "xlsx", "csv")
ROUND_KINDS = ("single_choice", "multiple_choice", "yes_no", "scale", "number")


def _filters():
    try:
        return filters_from_args(request.args, g.consultation)
    except LookupError:
        abort(404)


def _choices(questions: list) -> list[tuple[str, str]]:
    """ "question:option" values of every choice answer, labelled for the filter list."""
    choices = []
    for info in questions:
        if info.kind not in ("single_choice", "multiple_choice", "yes_no", "consent"):
            continue
        for code in info.option_codes:
            choices.append((f"{info.code}:{code}", f"{info.code} – {info.option_label(code)}"))
    return choices


@bp.get("/results")
def results_page() -> Any:
    consultation = g.consultation
    filters = _filters()
    data = reporting.load(db.session, consultation, current_language(), filters)
    view = published(data, with_charts=True, crosstabs=True)
    earlier = {} if view.too_few else _compare_rounds(consultation, view, filters)
    return render_template(
        "review/results.html",
        consultation=consultation,
        figures=view.results,
        category_labels={
            "group": {
                g_.code: pick(g_.label, current_language(), consultation.languages)
                for g_ in consultation.groups
            },
            "language": dict(language_options(consultation)),
        },
        too_few=view.too_few,
        filters=filters,
        respondents=view.respondents,
        disclosure_note=disclosure_note(consultation.small_cell_threshold),
        groups=[
            (g_.code, pick(g_.label, current_language(), consultation.languages))
            for g_ in consultation.groups
        ],
        channels=[(k, _(v)) for k, v in CHANNEL_LABELS.items()],
        answer_choices=_choices(data.questions),
        chosen_answers=[
            f"{code}:{option}" for code, options in filters.answers.items() for option in options
        ],
        language_options=language_options(consultation),
        formatted=formatted,
        chart_src=lambda png: "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
        query=request.query_string.decode("ascii", "replace"),
        export_formats=EXPORT_FORMATS,
        threshold=consultation.small_cell_threshold,
        earlier=earlier,
        previous_round=consultation.previous_round,
    )


def _compare_rounds(consultation, view, filters) -> dict[str, Any]:
    """Per question code: the comparison with the earlier round, where there is one.

    Both rounds' figures are published figures (analysis.published), each with its own
    consultation's secret and threshold; the change is worked out from those alone.
    """
    previous = consultation.previous_round
    if previous is None:
        return {}
    before = published(reporting.load(db.session, previous, current_language(), filters))
    if before.too_few:
        return {}
    earlier = {r.question.code: r for r in before.results}
    comparisons = {}
    for now in view.results:
        then = earlier.get(now.question.code)
        if then is None or now.question.kind not in ROUND_KINDS:
            continue
        if now.question.kind in ("scale", "number"):
            before_mean, now_mean = then.stats.get("mean"), now.stats.get("mean")
            change = None if before_mean is None or now_mean is None else now_mean - before_mean
            rows = [(_("Mean"), before_mean, now_mean, change)]
        else:
            shares_then = {row.code: row.share for row in then.rows}
            rows = []
            for row in now.rows:
                old = shares_then.get(row.code)
                change = None if old is None or row.share is None else (row.share - old) * 100
                rows.append((row.label, old, row.share, change))
        comparisons[now.question.code] = {
            "n": (then.n, now.n),
            "rows": rows,
            "kind": "mean" if now.question.kind in ("scale", "number") else "share",
        }
    return comparisons


@bp.get("/results/export.<fmt>")
def export(fmt: str) -> Any:
    if fmt not in EXPORT_FORMATS:
        abort(404)
    filters = _filters()
    content, mimetype, filename = reporting.render(
        db.session, g.consultation, fmt, current_language(), filters
    )
    return file_response(content, mimetype, filename)
