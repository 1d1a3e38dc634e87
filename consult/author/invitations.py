"""Personal invitations: upload a recipient list, check it, create, send, remind, re-issue.

Batches of invitations and reminders are background jobs (`consult.jobs.mailing`): the
request only records who is to get a mail and hands the job to the queue.
"""

from __future__ import annotations

import json
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField

from consult import jobs as queue
from consult import mail
from consult.auth import require
from consult.author.common import actor, bp, flash_error, load_consultation
from consult.author.forms import ActionForm
from consult.extensions import db
from consult.links import invitation_url
from consult.messages import domain_message
from surveys import jobs, rules
from surveys.authoring import invitations
from surveys.authoring.invitations import InvalidRecipients, RawRecipient, RowProblem
from surveys.base import utcnow
from surveys.errors import DomainError, Invalid
from surveys.jobs import JobKind
from surveys.models import Consultation
from surveys.vocabulary import N_

MAX_UPLOAD = 2 * 1024 * 1024


class RecipientsForm(FlaskForm):
    file = FileField(_l("CSV file with the recipients"), validators=[FileRequired()])


class ConfirmRecipientsForm(FlaskForm):
    rows = HiddenField()
    columns = HiddenField()


def _problem_items(problems: list[RowProblem]) -> list[dict[str, Any]]:
    return [{"row": p.row, "column": p.column, "text": _(p.message, **p.params)} for p in problems]


def _render_list(consultation: Consultation, **extra: Any) -> Any:
    rows = invitations.invitation_rows(db.session, consultation)
    return render_template(
        "author/invitations.html",
        consultation=consultation,
        rows=rows,
        # The same rules as invitations.unsent and invitations.due_reminders, on rows in hand.
        unsent=sum(1 for r in rows if r.email and r.sent_at is None),
        due=sum(1 for r in rows if r.email and r.sent_at is not None and not r.answered),
        upload_form=extra.pop("upload_form", None) or RecipientsForm(formdata=None),
        action_form=ActionForm(),
        published=consultation.status == "published",
        outbox=mail.outbox_folder(),
        jobs=[jobs.summary(job) for job in jobs.jobs_of(db.session, consultation, limit=10)],
        job_kind_labels=jobs.JOB_KIND_LABELS,
        job_status_labels=jobs.JOB_STATUS_LABELS,
        **extra,
    )


@bp.get("/<int:consultation_id>/invitations")
@require(rules.may_author)
def invitation_list(consultation_id: int) -> Any:
    return _render_list(load_consultation(consultation_id))


def _read(storage: Any) -> bytes:
    name = (storage.filename or "").lower()
    limit = int(current_app.config.get("RECIPIENTS_UPLOAD_MAX_BYTES", MAX_UPLOAD))
    try:
        data = storage.read(limit + 1)
    finally:
        storage.close()
    if len(data) > limit:
        raise Invalid(N_("The file is larger than %(n)s kB."), n=limit // 1024)
    if not name.endswith((".csv", ".txt")):
        raise Invalid(N_("Please upload a CSV file."))
    return data


@bp.post("/<int:consultation_id>/invitations/upload")
@require(rules.may_author)
def upload_recipients(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = RecipientsForm()
    if not form.validate_on_submit():
        return _render_list(
            consultation, upload_form=form, upload_error=_("Please choose a CSV file.")
        ), 422
    try:
        preview = invitations.preview_recipients(db.session, consultation, _read(form.file.data))
    except Invalid as error:
        return _render_list(consultation, upload_form=form, upload_error=domain_message(error)), 422
    confirm = ConfirmRecipientsForm(
        formdata=None,
        rows=json.dumps([raw.as_list() for raw in preview.raws], ensure_ascii=False),
        columns=json.dumps(preview.columns, ensure_ascii=False),
    )
    return render_template(
        "author/invitations_preview.html",
        consultation=consultation,
        preview=preview,
        problems=_problem_items(preview.problems),
        confirm_form=confirm,
    ), (200 if preview.valid else 422)


@bp.post("/<int:consultation_id>/invitations/confirm")
@require(rules.may_author)
def confirm_recipients(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = ConfirmRecipientsForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        raws = [RawRecipient.from_list(values) for values in json.loads(form.rows.data or "[]")]
        columns = {str(k): str(v) for k, v in json.loads(form.columns.data or "{}").items()}
    except (ValueError, TypeError, AttributeError):
        abort(400)
    try:
        created = invitations.create_invitations(db.session, consultation, raws, actor(), columns)
    except InvalidRecipients as error:
        db.session.rollback()
        flash(domain_message(error), "error")
        return redirect(url_for("author.invitation_list", consultation_id=consultation.id))
    except DomainError as error:
        flash_error(error)
        return redirect(url_for("author.invitation_list", consultation_id=consultation.id))
    db.session.commit()
    flash(_("%(n)s invitations created. They have not been sent yet.", n=len(created)), "success")
    return redirect(url_for("author.invitation_list", consultation_id=consultation.id))


def _batch(consultation_id: int, reminder: bool) -> Any:
    """Start a mail job and show its page; the mails leave in the background."""
    consultation = load_consultation(consultation_id)
    back = redirect(url_for("author.invitation_list", consultation_id=consultation.id))
    if not ActionForm().validate_on_submit():
        return back
    try:
        invitations.ensure_sendable(consultation)
    except DomainError as error:
        flash_error(error)
        return back
    pending = (
        invitations.due_reminders(db.session, consultation)
        if reminder
        else invitations.unsent(db.session, consultation)
    )
    if not pending:
        flash(_("There is nobody to write to."), "info")
        return back
    job = jobs.start_mail_job(
        db.session,
        consultation,
        JobKind.REMINDERS if reminder else JobKind.INVITATIONS,
        pending,
        utcnow(),
        actor(),
        max_attempts=int(current_app.config.get("JOBS_MAX_ATTEMPTS", 5)),
    )
    db.session.commit()
    queue.enqueue(job.id)
    flash(_("The mails are being sent in the background; this page shows how far it got."), "info")
    return redirect(url_for("author.job_page", consultation_id=consultation.id, job_id=job.id))


@bp.post("/<int:consultation_id>/invitations/send")
@require(rules.may_author)
def send_invitations(consultation_id: int) -> Any:
    return _batch(consultation_id, reminder=False)


@bp.post("/<int:consultation_id>/invitations/remind")
@require(rules.may_author)
def remind_invitations(consultation_id: int) -> Any:
    return _batch(consultation_id, reminder=True)


@bp.post("/<int:consultation_id>/invitations/<int:invitation_id>/reissue")
@require(rules.may_author)
def reissue_invitation(consultation_id: int, invitation_id: int) -> Any:
    """A new link replaces the old one; it is mailed when possible and shown once."""
    consultation = load_consultation(consultation_id)
    invitation = invitations.load_invitation(db.session, consultation, invitation_id)
    if invitation is None:
        abort(404)
    back = redirect(url_for("author.invitation_list", consultation_id=consultation.id))
    if not ActionForm().validate_on_submit():
        return back
    try:
        token = invitations.reissue(db.session, invitation, actor())
    except DomainError as error:
        flash_error(error)
        return back
    mailed = False
    if invitation.email and consultation.status == "published":
        try:
            with mail.Postbox() as box:
                box.send(mail.invitation_message(consultation, invitation, token))
        except mail.MailError:
            db.session.rollback()
            current_app.logger.exception("sending a re-issued invitation failed")
            flash(_("The mail could not be sent; the old link still works."), "error")
            return back
        invitations.mark_sent(db.session, invitation, utcnow(), actor())
        mailed = True
    db.session.commit()
    return render_template(
        "author/invitation_link.html",
        consultation=consultation,
        invitation=invitation,
        link=invitation_url(consultation, token),
        mailed=mailed,
    )
