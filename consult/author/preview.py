"""The questionnaire as a respondent sees it, in any offered language; nothing is recorded.

The questions are drawn by the respondent page's own macro (respond/_question.html) with
the same helpers, so the preview cannot drift from what respondents get."""

from __future__ import annotations

from typing import Any

from flask import abort, g, render_template, request
from flask_babel import force_locale

from consult.auth import require
from consult.author.common import bp, load_consultation, restore_ui_language
from consult.paper.questions import conditions
from consult.respond.fields import question_helpers
from surveys import rules


@bp.get("/<int:consultation_id>/preview")
@require(rules.may_author)
def preview(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id, with_questionnaire=True)
    restore_ui_language()
    lang = request.args.get("lang") or consultation.source_language
    if lang not in consultation.languages:
        abort(404)
    g.offered_languages = consultation.languages
    g.consultation = consultation
    with force_locale(lang):
        return render_template(
            "author/preview.html",
            **question_helpers(),
            consultation=consultation,
            lang=lang,
            fallbacks=consultation.languages,
            conditions=conditions(consultation),
        )
