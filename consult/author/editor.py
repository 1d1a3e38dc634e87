"""The questionnaire editor: sections, questions and options, without JavaScript."""

from __future__ import annotations

from typing import Any

from flask import Response, flash, get_flashed_messages, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from consult.auth import require
from consult.author import conditions as condition_editor
from consult.author.common import (
    actor,
    bp,
    delta,
    flash_error,
    load_consultation,
    load_option,
    load_question,
    load_section,
)
from consult.author.forms import (
    ActionForm,
    AddQuestionForm,
    NewOptionForm,
    OptionForm,
    QuestionForm,
    SectionForm,
    domain_message,
    parse_option_lines,
)
from consult.extensions import db
from consult.paper.questions import condition_text
from surveys import rules
from surveys.authoring import lifecycle, structure
from surveys.errors import DomainError
from surveys.models import Consultation, Question
from surveys.vocabulary import CHOICE_KINDS, QUESTION_KIND_LABELS, SCALE_KINDS, QuestionKind


def _to_editor(consultation: Consultation, anchor: str = "") -> Any:
    url = url_for("author.questionnaire", consultation_id=consultation.id)
    return redirect(f"{url}#{anchor}" if anchor else url)


def _run(consultation: Consultation, change: Any, done: str | None = None) -> bool:
    """Call one service after a CSRF check; commit on success, flash the domain's refusal."""
    if not ActionForm().validate_on_submit():
        flash(_("The form has expired. Please send it again."), "error")
        return False
    try:
        change()
    except DomainError as error:
        flash_error(error)
        return False
    db.session.commit()
    if done:
        flash(done, "success")
    return True


@bp.get("/<int:consultation_id>/questionnaire")
@require(rules.may_author)
def questionnaire(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id, with_questionnaire=True)
    return render_template(
        "author/questionnaire.html",
        consultation=consultation,
        frozen=lifecycle.has_responses(db.session, consultation),
        section_form=SectionForm(formdata=None),
        add_forms={
            s.id: AddQuestionForm(formdata=None, prefix=f"s{s.id}") for s in consultation.sections
        },
        kind_labels=QUESTION_KIND_LABELS,
        action_form=ActionForm(),
        condition_texts=_condition_texts(consultation),
    )


def _condition_texts(consultation: Consultation) -> dict[str, str]:
    """Each condition in words: by question code, and by "section-<id>" for sections."""
    by_code = {q.code: q for q in consultation.questions}
    fallbacks = list(consultation.languages)
    texts = {}
    for section in consultation.sections:
        texts[f"section-{section.id}"] = condition_text(section.show_if, by_code, fallbacks)
        for question in section.questions:
            texts[question.code] = condition_text(question.show_if, by_code, fallbacks)
    return {key: text for key, text in texts.items() if text}


# Sections ------------------------------------------------------------------------------


@bp.post("/<int:consultation_id>/sections")
@require(rules.may_author)
def add_section(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = SectionForm()
    if not form.validate_on_submit():
        flash(_("Please give the section a title."), "error")
        return _to_editor(consultation)
    try:
        section = structure.add_section(
            db.session, consultation, form.title.data, form.description.data or "", actor()
        )
    except DomainError as error:
        flash_error(error)
        return _to_editor(consultation)
    db.session.commit()
    return _to_editor(consultation, f"section-{section.id}")


@bp.route("/<int:consultation_id>/sections/<int:section_id>", methods=["GET", "POST"])
@require(rules.may_author)
def section(consultation_id: int, section_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    section = load_section(consultation, section_id)
    source = consultation.source_language
    form = SectionForm()
    found = condition_editor.targets(structure.earlier_questions(consultation, section), [source])
    if request.method == "GET":
        form.title.data = section.title.get(source, "")
        form.description.data = (section.description or {}).get(source, "")
        condition = condition_editor.from_stored(section.show_if, found)
        show_if = section.show_if
    else:
        condition, show_if = condition_editor.from_form(request.form, found)
    ready = not (request.form.get("cond-refresh") or condition.incomplete or condition.has_errors)
    if form.validate_on_submit() and ready:
        try:
            structure.update_section(
                db.session,
                consultation,
                section,
                form.title.data,
                form.description.data or "",
                actor(),
            )
            structure.set_section_condition(db.session, consultation, section, show_if, actor())
        except structure.ConditionRefused as error:
            db.session.rollback()
            condition_editor.show_problems(condition, error.problems)
            flash(domain_message(error), "error")
        except DomainError as error:
            flash_error(error)
        else:
            db.session.commit()
            flash(_("The section has been saved."), "success")
            return _to_editor(consultation, f"section-{section.id}")
    return render_template(
        "author/section.html",
        consultation=consultation,
        section=section,
        form=form,
        condition=condition,
        condition_legend=_("Condition: show this section only when …"),
    )


@bp.post("/<int:consultation_id>/sections/<int:section_id>/move")
@require(rules.may_author)
def move_section(consultation_id: int, section_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    section = load_section(consultation, section_id)
    _run(consultation, lambda: structure.move_section(db.session, consultation, section, delta()))
    return _to_editor(consultation, f"section-{section.id}")


@bp.post("/<int:consultation_id>/sections/<int:section_id>/delete")
@require(rules.may_author)
def delete_section(consultation_id: int, section_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    section = load_section(consultation, section_id)
    _run(
        consultation,
        lambda: structure.delete_section(db.session, consultation, section, actor()),
        _("The section has been deleted."),
    )
    return _to_editor(consultation)


# Questions -----------------------------------------------------------------------------


@bp.post("/<int:consultation_id>/sections/<int:section_id>/questions")
@require(rules.may_author)
def add_question(consultation_id: int, section_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    section = load_section(consultation, section_id)
    form = AddQuestionForm(prefix=f"s{section.id}")
    if not form.validate_on_submit():
        flash(_("Please choose a kind of question."), "error")
        return _to_editor(consultation)
    try:
        question = structure.add_question(
            db.session, consultation, section, form.kind.data, form.prompt.data or "", None, actor()
        )
    except DomainError as error:
        flash_error(error)
        return _to_editor(consultation)
    db.session.commit()
    return redirect(
        url_for("author.question", consultation_id=consultation.id, question_id=question.id)
    )


def _fill_question(form: QuestionForm, consultation: Consultation, question: Question) -> None:
    source = consultation.source_language
    settings = question.settings or {}
    form.code.data = question.code
    form.kind.data = question.kind
    form.required.data = question.required
    form.prompt.data = (question.prompt or {}).get(source, "")
    form.help_text.data = (question.help_text or {}).get(source, "")
    form.field_of_action.data = question.field_of_action or ""
    if question.kind in SCALE_KINDS:
        form.scale_min.data = settings.get("min")
        form.scale_max.data = settings.get("max")
    if question.kind == QuestionKind.NUMBER:
        form.number_min.data = settings.get("min")
        form.number_max.data = settings.get("max")
    form.min_label.data = (settings.get("min_label") or {}).get(source, "")
    form.max_label.data = (settings.get("max_label") or {}).get(source, "")
    form.dont_know.data = bool(settings.get("dont_know"))
    form.min_selected.data = settings.get("min_selected")
    form.max_selected.data = settings.get("max_selected")
    form.other.data = bool(settings.get("other"))
    form.max_length.data = settings.get("max_length")


def _question_data(form: QuestionForm, condition: dict[str, Any] | None) -> structure.QuestionData:
    kind = form.kind.data
    settings: dict[str, Any] = {
        "dont_know": form.dont_know.data,
        "other": form.other.data,
        "min_selected": form.min_selected.data,
        "max_selected": form.max_selected.data,
        "max_length": form.max_length.data,
    }
    if kind in SCALE_KINDS:
        settings.update(min=form.scale_min.data, max=form.scale_max.data)
    elif kind == QuestionKind.NUMBER:
        settings.update(min=form.number_min.data, max=form.number_max.data)
    return structure.QuestionData(
        code=form.code.data,
        kind=kind,
        required=form.required.data,
        prompt=form.prompt.data or "",
        help_text=form.help_text.data or "",
        field_of_action=form.field_of_action.data or None,
        settings=settings,
        min_label=form.min_label.data or "",
        max_label=form.max_label.data or "",
        show_if=condition,
    )


@bp.route("/<int:consultation_id>/questions/<int:question_id>", methods=["GET", "POST"])
@require(rules.may_author)
def question(consultation_id: int, question_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    question = load_question(consultation, question_id)
    form = QuestionForm()
    found = condition_editor.targets(
        structure.earlier_questions(consultation, question), [consultation.source_language]
    )
    if request.method == "GET":
        _fill_question(form, consultation, question)
        condition = condition_editor.from_stored(question.show_if, found)
        show_if = question.show_if
    else:
        condition, show_if = condition_editor.from_form(request.form, found)
    ready = not (request.form.get("cond-refresh") or condition.incomplete or condition.has_errors)
    if form.validate_on_submit() and ready:
        try:
            structure.update_question(
                db.session, consultation, question, _question_data(form, show_if), actor()
            )
        except structure.ConditionRefused as error:
            db.session.rollback()
            condition_editor.show_problems(condition, error.problems)
            flash(domain_message(error), "error")
        except DomainError as error:
            db.session.rollback()
            if "code" in error.message:
                form.code.errors = [*form.code.errors, domain_message(error)]
            else:
                flash(domain_message(error), "error")
        else:
            db.session.commit()
            flash(_("The question has been saved."), "success")
            return redirect(
                url_for("author.question", consultation_id=consultation.id, question_id=question.id)
            )
    option_forms = [
        (
            option,
            OptionForm(
                formdata=None,
                prefix=f"option-{option.id}",
                code=option.code,
                label=(option.label or {}).get(consultation.source_language, ""),
            ),
        )
        for option in question.options
    ]
    return render_template(
        "author/question.html",
        consultation=consultation,
        question=question,
        form=form,
        option_forms=option_forms,
        new_option_form=NewOptionForm(formdata=None, prefix="new"),
        action_form=ActionForm(),
        has_options=QuestionKind(question.kind) in CHOICE_KINDS,
        condition=condition,
        condition_legend=_("Condition: show this question only when …"),
        frozen=lifecycle.has_responses(db.session, consultation),
    )


@bp.post("/<int:consultation_id>/questions/<int:question_id>/move")
@require(rules.may_author)
def move_question(consultation_id: int, question_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    question = load_question(consultation, question_id)
    _run(consultation, lambda: structure.move_question(db.session, consultation, question, delta()))
    return _to_editor(consultation, f"question-{question.id}")


@bp.post("/<int:consultation_id>/questions/<int:question_id>/duplicate")
@require(rules.may_author)
def duplicate_question(consultation_id: int, question_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    question = load_question(consultation, question_id)
    copies: list[Question] = []
    if _run(
        consultation,
        lambda: copies.append(
            structure.duplicate_question(db.session, consultation, question, actor())
        ),
        _("The question has been duplicated."),
    ):
        return _to_editor(consultation, f"question-{copies[0].id}")
    return _to_editor(consultation)


@bp.post("/<int:consultation_id>/questions/<int:question_id>/delete")
@require(rules.may_author)
def delete_question(consultation_id: int, question_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    question = load_question(consultation, question_id)
    _run(
        consultation,
        lambda: structure.delete_question(db.session, consultation, question, actor()),
        _("The question has been deleted."),
    )
    return _to_editor(consultation)


# Options -------------------------------------------------------------------------------


def _to_question(consultation: Consultation, question: Question, ok: bool = True) -> Any:
    if request.headers.get("X-Requested-With") == "fetch":
        # editor.js moves or removes the item itself: it needs the outcome, not a page. A
        # refusal stays flashed for the page editor.js then reloads.
        if not ok:
            return Response(status=409)
        get_flashed_messages()
        return Response(status=204)
    return redirect(
        url_for("author.question", consultation_id=consultation.id, question_id=question.id)
        + "#options"
    )


@bp.post("/<int:consultation_id>/questions/<int:question_id>/options")
@require(rules.may_author)
def add_option(consultation_id: int, question_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    question = load_question(consultation, question_id)
    form = NewOptionForm(prefix="new")
    rows = parse_option_lines(form.options.data) if form.validate_on_submit() else []
    if not rows:
        flash(_("Please enter the label of the new option."), "error")
        return _to_question(consultation, question)
    try:
        for code, label in rows:
            structure.add_option(db.session, consultation, question, label, code, actor())
    except DomainError as error:
        db.session.rollback()
        flash_error(error)
    else:
        db.session.commit()
        flash(
            ngettext(
                "%(num)d option has been added.", "%(num)d options have been added.", len(rows)
            ),
            "success",
        )
    return _to_question(consultation, question)


@bp.post("/<int:consultation_id>/options/<int:option_id>")
@require(rules.may_author)
def option(consultation_id: int, option_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    option = load_option(consultation, option_id)
    question = option.question
    form = OptionForm(prefix=f"option-{option.id}")
    if not form.validate_on_submit():
        flash(_("An option needs a code and a label."), "error")
        return _to_question(consultation, question)
    try:
        structure.update_option(
            db.session, consultation, option, form.code.data, form.label.data, actor()
        )
    except DomainError as error:
        flash_error(error)
    else:
        db.session.commit()
        flash(_("The option has been saved."), "success")
    return _to_question(consultation, question)


@bp.post("/<int:consultation_id>/options/<int:option_id>/move")
@require(rules.may_author)
def move_option(consultation_id: int, option_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    option = load_option(consultation, option_id)
    question = option.question
    ok = _run(
        consultation, lambda: structure.move_option(db.session, consultation, option, delta())
    )
    return _to_question(consultation, question, ok)


@bp.post("/<int:consultation_id>/options/<int:option_id>/delete")
@require(rules.may_author)
def delete_option(consultation_id: int, option_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    option = load_option(consultation, option_id)
    question = option.question
    ok = _run(
        consultation,
        lambda: structure.delete_option(db.session, consultation, option),
        _("The option has been deleted."),
    )
    return _to_question(consultation, question, ok)
