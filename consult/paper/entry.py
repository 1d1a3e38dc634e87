"""Staff type in paper questionnaires: the list, one long form per sheet with the
respondents' own inputs, a second entry of the same sheet, and resolving differences."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from consult.auth import require
from consult.author.common import load_consultation, to_utc
from consult.extensions import db
from consult.i18n import current_language, language_name, localised
from consult.messages import domain_message
from consult.paper import bp
from consult.paper.forms import SecondSheetForm, SheetForm
from consult.paper.questions import conditions
from consult.respond.fields import display, error_text, field_id, raw_from_form
from surveys import rules
from surveys.answering import paper
from surveys.answering.drafts import rows_by_code
from surveys.base import utcnow
from surveys.errors import DomainError
from surveys.models import Consultation, Response
from surveys.vocabulary import ConsultationStatus

BASE = "/staff/consultations/<int:consultation_id>/paper"


def status_label(status: str) -> str:
    labels = {
        paper.ENTERED: _("Entered once"),
        paper.TO_CHECK: _("To check"),
        paper.VERIFIED: _("Verified"),
    }
    return labels[status]


def _consultation(consultation_id: int) -> Consultation:
    consultation = load_consultation(consultation_id, with_questionnaire=True)
    g.consultation = consultation
    return consultation


def _group_choices(consultation: Consultation) -> list[tuple[str, str]]:
    langs = list(consultation.languages)
    return [("", _("None ticked"))] + [
        (grp.code, localised(grp.label, langs)) for grp in consultation.groups
    ]


def _group_label(consultation: Consultation, code: str | None) -> str:
    if not code:
        return _("None ticked")
    for group in consultation.groups:
        if group.code == code:
            return localised(group.label, list(consultation.languages))
    return code


def _print_links(consultation: Consultation) -> list[tuple[str, str]]:
    """The PDF per language: the staff address for authors (drafts too), else the public one."""
    if rules.may_author(current_user):
        return [
            (lang, url_for(".staff_pdf", consultation_id=consultation.id, lang=lang))
            for lang in consultation.languages
        ]
    if consultation.status == ConsultationStatus.DRAFT:
        return []
    return [
        (lang, url_for(".public_pdf", slug=consultation.slug, lang=lang))
        for lang in consultation.languages
    ]


@bp.get(BASE + "/")
@require(rules.may_enter_paper)
def index(consultation_id: int) -> Any:
    consultation = _consultation(consultation_id)
    rows = [
        {"response": response, "status": paper.status(response)}
        for response in paper.paper_responses(db.session, consultation)
    ]
    return render_template(
        "paper/index.html",
        consultation=consultation,
        rows=rows,
        to_check=sum(1 for row in rows if row["status"] == paper.TO_CHECK),
        status_label=status_label,
        group_label=lambda code: _group_label(consultation, code),
        can_author=rules.may_author(current_user),
        print_links=_print_links(consultation),
        accepting=consultation.status in paper.ACCEPTING,
    )


def _summary(form: Any, questions: list, errors: dict) -> list[tuple[str, str]]:
    """(link target, text) of every problem, entry fields first, for the error summary."""
    items = []
    for name, messages in form.errors.items():
        if name == "csrf_token":
            items.append(("", _("The form has expired. Please send it again.")))
            continue
        field = form[name]
        items.extend((field.id, f"{field.label.text}: {message}") for message in messages)
    langs = list(g.consultation.languages)
    for question in questions:
        if question.code in errors:
            prompt = localised(question.prompt, langs)
            items.append(
                (errors[question.code][0], f"{question.code} {prompt}: {errors[question.code][1]}")
            )
    return items


def _render_entry(
    consultation: Consultation, form: Any, raw: dict, answer_errors: dict, second: bool
) -> Any:
    questions = consultation.questions
    shown = {
        q.code: (field_id(q, answer_errors[q.code].part), error_text(answer_errors[q.code]))
        for q in questions
        if q.code in answer_errors
    }
    summary = _summary(form, questions, shown)
    return render_template(
        "paper/entry.html",
        consultation=consultation,
        form=form,
        raw=raw,
        errors=shown,
        summary=summary,
        second=second,
        conditions=conditions(consultation),
    ), 422 if summary else 200


def _apply_field_errors(form: Any, fields: dict[str, str]) -> None:
    names = {"submitted_at": "submitted_on"}
    for name, message in fields.items():
        field = getattr(form, names.get(name, name), None)
        if field is not None:
            field.errors = [*field.errors, _(message)]


def _submitted_at(form: SheetForm) -> datetime | None:
    day = form.submitted_on.data
    # Noon in the county: the date stays the same whichever time zone shows it.
    return to_utc(datetime.combine(day, time(12))) if day else None


def _entry(consultation_id: int, second: bool) -> Any:
    consultation = _consultation(consultation_id)
    if consultation.status not in paper.ACCEPTING:
        flash(_("Paper responses can be entered once the consultation is published."), "error")
        return redirect(url_for(".index", consultation_id=consultation.id))
    form = SecondSheetForm(prefix="paper") if second else SheetForm(prefix="paper")
    form.group.choices = _group_choices(consultation)
    if not second:
        form.language.choices = [(lang, language_name(lang)) for lang in consultation.languages]
    if request.method == "GET":
        if not second:
            current = current_language()
            form.language.data = (
                current if current in consultation.languages else consultation.source_language
            )
        else:
            form.sheet.data = request.args.get("sheet", "")
        return _render_entry(consultation, form, {}, {}, second)
    raw = raw_from_form(request.form, consultation.questions)
    sheet = paper.Sheet(
        raw=raw,
        language="" if second else (form.language.data or ""),
        group_code=form.group.data or "",
        sheet=form.sheet.data or "",
    )
    if not form.validate_on_submit():
        _rows, answer_errors = paper.validate_sheet(consultation, sheet, second=second)
        _apply_field_errors(form, sheet.fields)
        return _render_entry(consultation, form, raw, answer_errors, second)
    if not second:
        sheet.submitted_at = _submitted_at(form)
    user = current_user._get_current_object()
    try:
        if second:
            response = paper.enter_second(db.session, consultation, sheet, user=user, now=utcnow())
        else:
            response = paper.enter(db.session, consultation, sheet, user=user, now=utcnow())
        db.session.commit()
    except paper.EntryInvalid as invalid:
        db.session.rollback()
        _apply_field_errors(form, invalid.fields)
        return _render_entry(consultation, form, raw, invalid.answers, second)
    except IntegrityError:
        # A colleague saved the same sheet number a moment earlier.
        db.session.rollback()
        taken = paper.SHEET_CHECKED if second else paper.SHEET_TAKEN
        _apply_field_errors(form, {"sheet": taken})
        return _render_entry(consultation, form, raw, {}, second)
    if not second:
        flash(_("The paper response has been saved."), "success")
        return redirect(url_for(".index", consultation_id=consultation.id))
    if paper.status(response) == paper.VERIFIED:
        flash(_("Both entries agree: the paper response is verified."), "success")
        return redirect(url_for(".index", consultation_id=consultation.id))
    flash(_("The entries differ. Please compare them with the paper sheet."), "info")
    return redirect(url_for(".check", consultation_id=consultation.id, response_id=response.id))


@bp.route(BASE + "/new", methods=["GET", "POST"])
@require(rules.may_enter_paper)
def enter(consultation_id: int) -> Any:
    return _entry(consultation_id, second=False)


@bp.route(BASE + "/second", methods=["GET", "POST"])
@require(rules.may_enter_paper)
def second(consultation_id: int) -> Any:
    return _entry(consultation_id, second=True)


def _shown(consultation: Consultation, key: str, question: Any, rows: list) -> list[str]:
    if question is None:
        return [_group_label(consultation, rows[0]["option_code"] if rows else None)]
    langs = list(consultation.languages)
    return display(question, rows, current_language(), langs) or [_("No answer")]


@bp.route(BASE + "/<int:response_id>", methods=["GET", "POST"])
@require(rules.may_enter_paper)
def check(consultation_id: int, response_id: int) -> Any:
    consultation = _consultation(consultation_id)
    response = paper.find_paper_response(db.session, consultation, response_id)
    if response is None:
        abort(404)
    missing: list[str] = []
    chosen = {}
    if request.method == "POST":
        # Flask-WTF checks the CSRF token of every POST before the view runs.
        found = paper.differences(response)
        chosen = {d.key: request.form.get("choice-" + d.key, "") for d in found}
        try:
            missing = paper.resolve(
                db.session, response, chosen, user=current_user._get_current_object(), now=utcnow()
            )
        except DomainError as error:
            db.session.rollback()
            flash(domain_message(error), "error")
            return redirect(
                url_for(".check", consultation_id=consultation.id, response_id=response.id)
            )
        if not missing:
            db.session.commit()
            flash(_("The differences are resolved: the paper response is verified."), "success")
            return redirect(url_for(".index", consultation_id=consultation.id))
        db.session.rollback()
    return _render_check(consultation, response, chosen, missing)


def _render_check(
    consultation: Consultation, response: Response, chosen: dict, missing: list[str]
) -> Any:
    items = [
        {
            "key": d.key,
            "code": d.question.code if d.question is not None else "",
            "label": localised(d.question.prompt, list(consultation.languages))
            if d.question is not None
            else _("Stakeholder group"),
            "first": _shown(consultation, d.key, d.question, d.first),
            "second": _shown(consultation, d.key, d.question, d.second),
            "chosen": chosen.get(d.key, ""),
            "missing": d.key in missing,
        }
        for d in paper.differences(response)
    ]
    stored = rows_by_code(response)
    answers = [
        {
            "code": q.code,
            "label": localised(q.prompt, list(consultation.languages)),
            "shown": _shown(consultation, q.code, q, stored.get(q.code, [])),
        }
        for q in consultation.questions
        if stored.get(q.code)
    ]
    return render_template(
        "paper/check.html",
        consultation=consultation,
        response=response,
        status=paper.status(response),
        status_label=status_label,
        group=_group_label(consultation, response.group.code if response.group else None),
        items=items,
        missing=missing,
        answers=answers,
    ), 422 if missing else 200
