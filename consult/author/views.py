"""Consultations list, create/edit form, overview and lifecycle actions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from sqlalchemy import func, select

from consult.auth import require
from consult.author.common import (
    actor,
    bp,
    flash_error,
    load_consultation,
    to_local,
    to_utc,
)
from consult.author.forms import (
    ActionForm,
    ConsultationForm,
    NewRoundForm,
    ReopenForm,
    choices,
    domain_message,
)
from consult.extensions import db
from consult.i18n import language_name
from consult.links import public_url
from surveys import consultations, oparl, rules
from surveys.authoring import lifecycle, setup
from surveys.authoring.lifecycle import Problem, PublishRefused
from surveys.base import utcnow
from surveys.errors import DomainError, Invalid
from surveys.models import AgendaItem, Consultation, Meeting, Question, Response
from surveys.vocabulary import ConsultationStatus, ResponseStatus


def close_due_now() -> None:
    """Lazily close consultations past their deadline before showing lists."""
    if lifecycle.close_due(db.session, utcnow()):
        db.session.commit()


@bp.get("/")
@require(rules.may_author)
def index() -> Any:
    close_due_now()
    groups: dict[tuple[str, int], dict[str, Any]] = {}
    for row in consultations.list_with_counts(db.session):
        meeting = row.consultation.meeting
        key = (meeting.committee.name, meeting.id) if meeting else ("", 0)
        groups.setdefault(key, {"meeting": meeting, "rows": []})["rows"].append(row)
    ordered = [groups[key] for key in sorted(groups, key=lambda k: (k[0] == "", k[0], k[1]))]
    return render_template("author/index.html", groups=ordered)


def _meeting_choices(current: Consultation | None = None) -> list[tuple[str, str]]:
    options = [("", _("No meeting")), ("new", _("New meeting (fill in below)"))]
    for meeting in setup.list_meetings(db.session):
        if meeting.deleted and (current is None or current.meeting_id != meeting.id):
            continue  # deleted in the council information system
        label = f"{meeting.committee.name} – {meeting.title}"
        options.append((str(meeting.id), label))
    return options


def _agenda_item_choices(current: Consultation | None = None) -> list[tuple[str, str]]:
    """Imported agenda items of coming meetings (and the one already chosen)."""
    items = oparl.coming_agenda_items(db.session, utcnow())
    if current is not None and current.agenda_item is not None and current.agenda_item not in items:
        items.insert(0, current.agenda_item)
    if not items:
        return []
    options = [("", _("None: choose or type the meeting below"))]
    for item in items:
        meeting = item.meeting
        when = format_datetime(meeting.starts_at, "short")
        options.append(
            (str(item.id), f"{meeting.committee.name} – {when} – {meeting.title}: {item.label}")
        )
    return options


def _suggested_close(meeting: Meeting | None) -> Any:
    if meeting is None:
        return None
    days = int(current_app.config.get("CLOSE_DAYS_BEFORE_MEETING", 7))
    return meeting.starts_at - timedelta(days=days)


def _form_data(form: ConsultationForm) -> setup.ConsultationData:
    meeting: Meeting | None = None
    item = (
        db.session.get(AgendaItem, int(form.oparl_item.data))
        if (form.oparl_item.data or "").isdigit()
        else None
    )
    if item is not None:
        meeting = item.meeting
    elif form.meeting.data == "new":
        starts_at = to_utc(form.meeting_starts_at.data)
        assert starts_at is not None  # the form refuses a new meeting without its date
        meeting = setup.find_or_create_meeting(
            db.session,
            setup.MeetingData(
                committee=form.committee.data,
                title=form.meeting_title.data,
                starts_at=starts_at,
                agenda_item=form.agenda_item.data or "",
                paper_number=form.paper_number.data or "",
            ),
        )
    elif (form.meeting.data or "").isdigit():
        meeting = db.session.get(Meeting, int(form.meeting.data))
    closes_at = to_utc(form.closes_at.data) or _suggested_close(meeting)
    return setup.ConsultationData(
        title=form.title.data,
        languages=form.parsed_languages,
        slug=(form.slug.data or "").strip(),
        introduction=form.introduction.data or "",
        meeting=meeting,
        agenda_item=item,
        opens_at=to_utc(form.opens_at.data),
        closes_at=closes_at,
        access_mode=form.access_mode.data,
        anonymous=form.anonymous.data,
        groups=form.parsed_groups,
        privacy_notice=form.privacy_notice.data or "",
        controller_contact=form.controller_contact.data or "",
        small_cell_threshold=form.small_cell_threshold.data,
    )


def _form_error(form: ConsultationForm, error: Invalid) -> None:
    db.session.rollback()
    target = form.slug if "address" in error.message else form.title
    if "language" in error.message:
        target = form.languages
    elif "group" in error.message:
        target = form.groups
    target.errors = [*target.errors, domain_message(error)]


@bp.route("/new", methods=["GET", "POST"])
@require(rules.may_author)
def create() -> Any:
    form = ConsultationForm()
    form.meeting.choices = choices(_meeting_choices())
    form.oparl_item.choices = choices(_agenda_item_choices())
    if request.method == "GET":
        wanted = request.args.get("meeting", "")
        meeting = db.session.get(Meeting, int(wanted)) if wanted.isdigit() else None
        if meeting is not None:
            form.meeting.data = str(meeting.id)
            form.closes_at.data = to_local(_suggested_close(meeting))
    if form.validate_on_submit():
        try:
            consultation = setup.create_consultation(db.session, _form_data(form), actor())
        except Invalid as error:
            _form_error(form, error)
        else:
            db.session.commit()
            flash(_("The consultation has been created."), "success")
            return redirect(url_for("author.questionnaire", consultation_id=consultation.id))
    return render_template("author/form.html", form=form, consultation=None, days=_days())


def _days() -> int:
    return int(current_app.config.get("CLOSE_DAYS_BEFORE_MEETING", 7))


@bp.route("/<int:consultation_id>/settings", methods=["GET", "POST"])
@require(rules.may_author)
def edit(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = ConsultationForm()
    form.offer(list(consultation.languages))
    form.meeting.choices = choices(_meeting_choices(consultation))
    form.oparl_item.choices = choices(_agenda_item_choices(consultation))
    if request.method == "GET":
        _fill(form, consultation)
    if form.validate_on_submit():
        try:
            setup.update_consultation(db.session, consultation, _form_data(form), actor())
        except Invalid as error:
            _form_error(form, error)
        else:
            db.session.commit()
            flash(_("The settings have been saved."), "success")
            return redirect(url_for("author.overview", consultation_id=consultation.id))
    return render_template("author/form.html", form=form, consultation=consultation, days=_days())


def _fill(form: ConsultationForm, consultation: Consultation) -> None:
    source = consultation.source_language
    form.title.data = consultation.title.get(source, "")
    form.introduction.data = (consultation.introduction or {}).get(source, "")
    form.slug.data = consultation.slug
    form.meeting.data = str(consultation.meeting_id or "")
    form.oparl_item.data = str(consultation.agenda_item_id or "")
    form.opens_at.data = to_local(consultation.opens_at)
    form.closes_at.data = to_local(consultation.closes_at or _suggested_close(consultation.meeting))
    form.access_mode.data = consultation.access_mode
    form.anonymous.data = consultation.anonymous
    form.source_language.data = consultation.languages[0]
    form.languages.data = list(consultation.languages[1:])
    form.groups.data = "\n".join(
        f"{g.code}: {(g.label or {}).get(source, '')}" for g in consultation.groups
    )
    form.privacy_notice.data = (consultation.privacy_notice or {}).get(source, "")
    form.controller_contact.data = consultation.controller_contact
    form.small_cell_threshold.data = consultation.small_cell_threshold


def problem_items(consultation: Consultation, problems: list[Problem]) -> list[dict[str, str]]:
    """Translated problems with a link to where each can be fixed."""
    items = []
    questions = {q.code: q for q in consultation.questions}
    for problem in problems:
        params = dict(problem.params)
        url = url_for("author.edit", consultation_id=consultation.id)
        if problem.language:
            params["language"] = language_name(problem.language)
            url = url_for(
                "author.translate", consultation_id=consultation.id, lang=problem.language
            )
        elif problem.question in questions:
            question: Question = questions[problem.question]
            url = url_for(
                "author.question", consultation_id=consultation.id, question_id=question.id
            )
        elif problem.message == "Add at least one question.":
            url = url_for("author.questionnaire", consultation_id=consultation.id)
        items.append({"text": _(problem.message, **params), "url": url})
    return items


def _render_overview(
    consultation: Consultation,
    problems: list[Problem] | None = None,
    reopen_form: ReopenForm | None = None,
) -> Any:
    now = utcnow()
    if problems is None and consultation.status == ConsultationStatus.DRAFT:
        problems = lifecycle.publish_problems(consultation, now)
    # The posted, validated form when reopening failed: its errors show beside the fields.
    reopen_form = reopen_form or ReopenForm()
    if not reopen_form.closes_at.data:
        reopen_form.closes_at.data = to_local(now + timedelta(days=7))
    round_form = NewRoundForm()
    round_form.meeting.choices = choices([("", _("The same meeting"))] + _meeting_choices()[2:])
    return render_template(
        "author/overview.html",
        consultation=consultation,
        problems=problem_items(consultation, problems or []),
        action_form=ActionForm(),
        reopen_form=reopen_form,
        round_form=round_form,
        submitted=_submitted(consultation),
        frozen=lifecycle.has_responses(db.session, consultation),
        status=consultation.status,
        public_url=public_url(consultation),
    )


def _submitted(consultation: Consultation) -> int:
    return db.session.execute(
        select(func.count(Response.id))
        .where(Response.consultation_id == consultation.id)
        .where(Response.status == ResponseStatus.SUBMITTED)
    ).scalar_one()


@bp.get("/<int:consultation_id>/")
@require(rules.may_author)
def overview(consultation_id: int) -> Any:
    close_due_now()
    return _render_overview(load_consultation(consultation_id))


@bp.post("/<int:consultation_id>/publish")
@require(rules.may_author)
def publish(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("author.overview", consultation_id=consultation.id))
    try:
        lifecycle.publish(db.session, consultation, utcnow(), actor())
    except PublishRefused as refused:
        db.session.rollback()
        flash(_("The consultation cannot be published yet."), "error")
        return _render_overview(consultation, refused.problems), 422
    except DomainError as error:
        flash_error(error)
    else:
        db.session.commit()
        flash(_("The consultation is published."), "success")
    return redirect(url_for("author.overview", consultation_id=consultation.id))


def _transition(consultation_id: int, change: Any, done: str) -> Any:
    consultation = load_consultation(consultation_id)
    if ActionForm().validate_on_submit():
        try:
            change(consultation)
        except DomainError as error:
            flash_error(error)
        else:
            db.session.commit()
            flash(done, "success")
    return redirect(url_for("author.overview", consultation_id=consultation.id))


@bp.route("/<int:consultation_id>/delete", methods=["GET", "POST"])
@require(rules.may_author)
def delete(consultation_id: int) -> Any:
    """Delete a draft after a confirmation page (the GET) that names what goes."""
    consultation = load_consultation(consultation_id)
    form = ActionForm()
    if request.method == "POST" and form.validate_on_submit():
        title = consultation.title.get(consultation.source_language, consultation.slug)
        try:
            lifecycle.delete_draft(db.session, consultation, actor())
        except DomainError as error:
            flash_error(error)
            return redirect(url_for("author.overview", consultation_id=consultation_id))
        db.session.commit()
        flash(_("The draft “%(title)s” has been deleted.", title=title), "success")
        return redirect(url_for("author.index"))
    return render_template("author/delete.html", consultation=consultation, form=form)


@bp.post("/<int:consultation_id>/close")
@require(rules.may_author)
def close(consultation_id: int) -> Any:
    return _transition(
        consultation_id,
        lambda c: lifecycle.close(db.session, c, utcnow(), actor(), reason="manual"),
        _("The consultation is closed."),
    )


@bp.post("/<int:consultation_id>/archive")
@require(rules.may_author)
def archive(consultation_id: int) -> Any:
    return _transition(
        consultation_id,
        lambda c: lifecycle.archive(db.session, c, utcnow(), actor()),
        _("The consultation is archived."),
    )


@bp.post("/<int:consultation_id>/reopen")
@require(rules.may_author)
def reopen(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = ReopenForm()
    if not form.validate_on_submit():
        return _render_overview(consultation, reopen_form=form), 422
    try:
        lifecycle.reopen(
            db.session,
            consultation,
            utcnow(),
            form.reason.data,
            actor(),
            closes_at=to_utc(form.closes_at.data),
        )
    except DomainError as error:
        flash_error(error)
    else:
        db.session.commit()
        flash(_("The consultation is open again."), "success")
    return redirect(url_for("author.overview", consultation_id=consultation.id))


@bp.post("/<int:consultation_id>/new-round")
@require(rules.may_author)
def new_round(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = NewRoundForm()
    form.meeting.choices = []
    if not form.validate_on_submit():
        return redirect(url_for("author.overview", consultation_id=consultation.id))
    wanted = form.meeting.data or ""
    meeting = db.session.get(Meeting, int(wanted)) if wanted.isdigit() else None
    copy = setup.new_round(db.session, consultation, meeting, actor())
    db.session.commit()
    flash(_("A new round has been created as a draft."), "success")
    return redirect(url_for("author.edit", consultation_id=copy.id))
