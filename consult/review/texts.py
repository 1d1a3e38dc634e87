"""Reading free text across languages, coding it with themes, and moderating it."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import Length

from consult import machine_translation
from consult.extensions import db
from consult.i18n import current_language, localised
from consult.messages import domain_message
from consult.review import bp, language_options, question_options
from surveys.errors import DomainError
from surveys.models import Answer, Theme
from surveys.reviewing import answer_translations, coding, moderation, reading

PAGE_SIZE = 50
SEARCH_MAX = 200


class ActionForm(FlaskForm):
    """Carries the CSRF token of every button on these pages."""


class AnswerForm(FlaskForm):
    translation = TextAreaField(_l("Translation"), validators=[Length(max=20_000)])
    note = TextAreaField(_l("Note"), validators=[Length(max=4000)])
    quote = BooleanField(_l("Quote for the report"))
    publish_quote = BooleanField(_l("May be published on the public results page"))


class RedactForm(FlaskForm):
    passage = StringField(_l("Passage to remove"), validators=[Length(max=2000)])


def _themes() -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme).where(Theme.consultation_id == g.consultation.id).order_by(Theme.position)
        )
    )


def _filters(themes: list[Theme]) -> reading.TextFilters:
    """Filters from the query string; unknown values are a 404, never a silent empty list."""
    args = request.args
    consultation = g.consultation
    question = args.get("question") or None
    if question and question not in {q.code for q in coding.text_questions(consultation)}:
        abort(404)
    theme_id = args.get("theme", type=int)
    if "theme" in args and args.get("theme") and theme_id not in {t.id for t in themes}:
        abort(404)
    language = args.get("lang_filter") or None
    if language and language not in consultation.languages:
        abort(404)
    return reading.TextFilters(
        question=question,
        theme_id=theme_id,
        uncoded=args.get("uncoded") == "1",
        flagged=args.get("flagged") == "1",
        hidden=True if args.get("hidden") == "1" else False,
        language=language,
        search=(args.get("q") or "")[:SEARCH_MAX],
    )


@bp.get("/texts")
def texts() -> Any:
    themes = _themes()
    filters = _filters(themes)
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    result = reading.text_answers(
        db.session, g.consultation, filters, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    return render_template(
        "review/texts.html",
        consultation=g.consultation,
        themes=themes,
        question_options=question_options(g.consultation, coding.text_questions(g.consultation)),
        theme_options=[(t.id, localised(t.label, list(g.consultation.languages))) for t in themes],
        language_options=language_options(g.consultation),
        filters=filters,
        result=result,
        page=page,
        pages=max(1, -(-result.total // PAGE_SIZE)),
        form=ActionForm(),
        report_language=current_language(),
        machine_translation=machine_translation.configured(),
    )


@bp.post("/texts/code")
def code_texts() -> Any:
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    theme = db.session.get(Theme, request.form.get("theme", type=int) or 0)
    if theme is None or theme.consultation_id != g.consultation.id:
        flash(_("Choose a theme first."), "error")
        return redirect(request.referrer or url_for("review.texts"))
    ids = request.form.getlist("answer", type=int)
    user = current_user._get_current_object()
    if request.form.get("action") == "remove":
        count = coding.unassign(db.session, g.consultation, theme, ids, user=user)
        message = ngettext(
            "Theme removed from %(num)s answer.", "Theme removed from %(num)s answers.", count
        )
    else:
        count = coding.assign(db.session, g.consultation, theme, ids, user=user)
        message = ngettext(
            "Theme given to %(num)s answer.", "Theme given to %(num)s answers.", count
        )
    db.session.commit()
    flash(message, "success")
    return redirect(_back())


def _back() -> str:
    """Back to the list the facilitator came from, if it was ours."""
    target = request.form.get("next", "")
    prefix = url_for("review.texts")
    return target if target.startswith(prefix) else prefix


def _answer(answer_id: int) -> Answer:
    answer = reading.answer_in(db.session, g.consultation, answer_id)
    if answer is None or answer.text is None:
        abort(404)
    return answer


@bp.route("/answers/<int:answer_id>", methods=["GET", "POST"])
def answer_detail(answer_id: int) -> Any:
    answer = _answer(answer_id)
    language = current_language()
    translation = answer_translations.current(db.session, answer, language)
    form = AnswerForm()
    if not form.is_submitted():
        form.translation.data = translation.text if translation else ""
        form.note.data = answer.note
        form.quote.data = answer.quote
        form.publish_quote.data = answer.publish_quote
    if form.validate_on_submit():
        user = current_user._get_current_object()
        if not translation or translation.text != (form.translation.data or "").strip():
            answer_translations.set_human(
                db.session, answer, language, form.translation.data or "", user=user
            )
        answer.note = (form.note.data or "").strip()
        coding.set_quote(answer, quote=form.quote.data, publish=form.publish_quote.data)
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("review.answer_detail", answer_id=answer.id))
    return render_template(
        "review/answer.html",
        consultation=g.consultation,
        answer=answer,
        translation=translation,
        form=form,
        redact_form=RedactForm(),
        action_form=ActionForm(),
        findings=moderation.find_personal_data(answer.text),
        themes=_themes(),
        report_language=language,
        machine_translation=machine_translation.configured(),
    )


@bp.post("/answers/<int:answer_id>/moderate")
def moderate(answer_id: int) -> Any:
    answer = _answer(answer_id)
    form = RedactForm()
    if not form.validate_on_submit():
        abort(400)
    user = current_user._get_current_object()
    action = request.form.get("action")
    try:
        if action == "hide":
            moderation.set_hidden(
                db.session, answer, True, user=user, reason=request.form.get("reason", "")
            )
        elif action == "unhide":
            moderation.set_hidden(db.session, answer, False, user=user)
        elif action == "redact":
            moderation.redact(db.session, answer, [form.passage.data or ""], user=user)
        elif action == "redact_findings":
            moderation.redact_findings(db.session, answer, user=user)
        else:
            abort(400)
    except DomainError as error:
        db.session.rollback()
        flash(domain_message(error), "error")
    else:
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for("review.answer_detail", answer_id=answer.id))


@bp.post("/answers/<int:answer_id>/machine-translation")
def machine_translate(answer_id: int) -> Any:
    answer = _answer(answer_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    language = current_language()
    try:
        text = machine_translation.translate(answer.text or "", answer.response.language, language)
    except machine_translation.TranslationUnavailable:
        flash(_("The translation service is not available. Please translate by hand."), "error")
    else:
        if answer_translations.set_machine(db.session, answer, language, text) is None:
            flash(_("A person has already translated this answer; it was kept."), "info")
        db.session.commit()
    return redirect(url_for("review.answer_detail", answer_id=answer.id))
