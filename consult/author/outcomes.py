"""What the committee decided: staff record outcomes after the meeting."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from consult import jobs as queue
from consult.auth import require
from consult.author.common import actor, bp, flash_error, load_consultation
from consult.author.forms import ActionForm, choices
from consult.extensions import db
from consult.i18n import localised
from surveys import jobs, rules
from surveys.authoring import outcomes
from surveys.base import utcnow
from surveys.errors import DomainError
from surveys.jobs import JobKind
from surveys.models import Consultation, Outcome
from surveys.vocabulary import FIELD_OF_ACTION_LABELS, OUTCOME_STATUS_LABELS


class OutcomeForm(FlaskForm):
    outcome_id = HiddenField()
    field_of_action = SelectField(_l("Field of action"), choices=[], validate_choice=False)
    question = SelectField(_l("Question"), choices=[], validate_choice=False)
    status = RadioField(
        _l("Decision"),
        choices=choices((key, _l(label)) for key, label in OUTCOME_STATUS_LABELS.items()),
        validators=[DataRequired()],
    )
    text = TextAreaField(
        _l("What the committee decided"),
        validators=[DataRequired(), Length(max=outcomes.TEXT_MAX)],
        description=_l("In the source language; translate it on the translations page."),
    )
    link = StringField(
        _l("Link to the paper or the minutes"),
        validators=[Length(max=outcomes.LINK_MAX)],
    )


def _form(consultation: Consultation) -> OutcomeForm:
    form = OutcomeForm()
    form.field_of_action.choices = choices(
        [("", _("None")), *((key, _(label)) for key, label in FIELD_OF_ACTION_LABELS.items())]
    )
    form.question.choices = choices(
        [
            ("", _("None")),
            *(
                (q.code, f"{q.code}: {localised(q.prompt, consultation.languages)}")
                for q in consultation.questions
            ),
        ]
    )
    return form


def _outcome(consultation: Consultation, outcome_id: Any) -> Outcome | None:
    return next((o for o in consultation.outcomes if str(o.id) == str(outcome_id)), None)


@bp.route("/<int:consultation_id>/outcomes", methods=["GET", "POST"])
@require(rules.may_author)
def outcome_list(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = _form(consultation)
    editing = _outcome(consultation, request.args.get("edit", ""))
    if request.method == "GET" and editing is not None:
        form.outcome_id.data = str(editing.id)
        form.field_of_action.data = editing.field_of_action or ""
        form.question.data = editing.question.code if editing.question else ""
        form.status.data = editing.status
        form.text.data = (editing.text or {}).get(consultation.source_language, "")
        form.link.data = editing.link
    if form.validate_on_submit():
        target = _outcome(consultation, form.outcome_id.data) if form.outcome_id.data else None
        try:
            outcomes.save_outcome(
                db.session,
                consultation,
                outcomes.OutcomeData(
                    status=form.status.data or "",
                    text=form.text.data or "",
                    field_of_action=form.field_of_action.data or "",
                    question_code=form.question.data or "",
                    link=form.link.data or "",
                ),
                actor(),
                target,
            )
        except DomainError as error:
            flash_error(error)
        else:
            db.session.commit()
            flash(_("The outcome has been saved."), "success")
            return redirect(url_for("author.outcome_list", consultation_id=consultation.id))
    return render_template(
        "author/outcomes.html",
        consultation=consultation,
        form=form,
        editing=editing,
        delete_form=ActionForm(),
        status_labels=OUTCOME_STATUS_LABELS,
        field_labels=FIELD_OF_ACTION_LABELS,
        recipients=len(outcomes.outcome_recipients(db.session, consultation)),
        send_form=ActionForm(),
    )


@bp.post("/<int:consultation_id>/outcomes/send")
@require(rules.may_author)
def outcome_send(consultation_id: int) -> Any:
    """Mail the outcomes to the invitees who asked for them, as a background job."""
    consultation = load_consultation(consultation_id)
    back = redirect(url_for("author.outcome_list", consultation_id=consultation.id))
    if not ActionForm().validate_on_submit():
        return back
    try:
        outcomes.ensure_outcomes_sendable(consultation)
        job = jobs.start_mail_job(
            db.session,
            consultation,
            JobKind.OUTCOMES,
            outcomes.outcome_recipients(db.session, consultation),
            utcnow(),
            actor(),
            max_attempts=int(current_app.config.get("JOBS_MAX_ATTEMPTS", 5)),
        )
    except DomainError as error:
        flash_error(error)
        return back
    db.session.commit()
    queue.enqueue(job.id)
    flash(_("The mails are being sent in the background; this page shows how far it got."), "info")
    return redirect(url_for("author.job_page", consultation_id=consultation.id, job_id=job.id))


@bp.post("/<int:consultation_id>/outcomes/<int:outcome_id>/delete")
@require(rules.may_author)
def outcome_delete(consultation_id: int, outcome_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    outcome = _outcome(consultation, outcome_id)
    if outcome is None:  # unknown, or another consultation's: as for every other object
        abort(404)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("author.outcome_list", consultation_id=consultation.id))
    try:
        outcomes.delete_outcome(db.session, consultation, outcome, actor())
    except DomainError as error:
        flash_error(error)
    else:
        db.session.commit()
        flash(_("The outcome has been deleted."), "success")
    return redirect(url_for("author.outcome_list", consultation_id=consultation.id))
