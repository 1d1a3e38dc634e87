"""Facilitators: the dashboard, reading and coding free text, moderation, results, reports."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, abort, g
from flask_babel import gettext as _
from flask_login import current_user

from consult.extensions import db, login_manager
from surveys import rules
from surveys.models import Consultation
from surveys.vocabulary import N_

bp = Blueprint("review", __name__, url_prefix="/staff/review/<int:consultation_id>")


@bp.url_value_preprocessor
def _load_consultation(endpoint: str | None, values: dict[str, Any] | None) -> None:
    consultation_id = (values or {}).pop("consultation_id", None)
    g.consultation = db.session.get(Consultation, consultation_id) if consultation_id else None


@bp.url_defaults
def _keep_consultation(endpoint: str, values: dict[str, Any]) -> None:
    if "consultation_id" not in values and getattr(g, "consultation", None) is not None:
        values["consultation_id"] = g.consultation.id


@bp.before_request
def _check_access() -> Any:
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not rules.may_review(current_user):
        abort(403)
    if g.consultation is None:
        abort(404)
    return None


STAT_LABELS = {
    "mean": N_("Mean"),
    "median": N_("Median"),
    "min": N_("Minimum"),
    "max": N_("Maximum"),
    "top_two_share": N_("Top two"),
    "dont_know": N_("Don't know"),
    "earliest": N_("Earliest"),
    "latest": N_("Latest"),
}


@bp.app_context_processor
def _review_helpers() -> dict[str, Any]:
    return {"stat_label": lambda key: _(STAT_LABELS.get(key, key))}


def language_options(consultation: Consultation) -> list[tuple[str, str]]:
    """(code, name in itself) of the consultation's languages, for filter lists."""
    from consult.i18n import language_name

    return [(code, language_name(code)) for code in consultation.languages]


def question_options(consultation: Consultation, questions: list) -> list[tuple[str, str]]:
    """(code, "code – prompt") of questions, for filter lists."""
    from analysis.text.clusters import cut
    from consult.i18n import localised

    options = []
    for question in questions:
        prompt = localised(question.prompt, list(consultation.languages))
        short = cut(prompt, 60)
        options.append((question.code, f"{question.code} – {short}"))
    return options


@bp.app_template_filter("dict_without")
def dict_without(values: dict[str, Any], *keys: str) -> dict[str, Any]:
    """A copy of a mapping without some keys (for links that change one query parameter)."""
    return {k: v for k, v in values.items() if k not in keys}


def init_app(app: Flask) -> None:
    from consult.review import (  # noqa: F401  (register routes)
        dashboard,
        report,
        results,
        texts,
        themes,
    )

    app.register_blueprint(bp)
