"""Ways in: the landing page, starting, invitation links, resume codes and links, withdrawal."""

from __future__ import annotations

from typing import Any

from flask import g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from consult.extensions import db
from consult.respond import bp, state
from consult.respond.common import (
    consultation_or_404,
    current_draft,
    current_locale,
    first_open_page,
    gate,
    invitation_token,
    questionnaire,
    refuse,
    remember_response,
    use_response_language,
    when,
)
from consult.security import limiter, lookup_limit
from surveys.answering import responses
from surveys.answering.access import (
    Refusal,
    invitation_refusal,
    landing_refusal,
    public_refusal,
)
from surveys.answering.snapshot import ConsultationView
from surveys.base import utcnow
from surveys.models import Response
from surveys.vocabulary import ResponseStatus

# --- landing and start ----------------------------------------------------------------------


@bp.get("/<slug>")
def landing(slug: str) -> Any:
    consultation = g.consultation
    refusal = landing_refusal(consultation, utcnow())
    if refusal is not None:
        return refuse(refusal, consultation)
    return _render_landing(consultation)


def _render_landing(consultation: ConsultationView, group_error: str | None = None) -> Any:
    token = invitation_token(consultation)
    invitation = responses.find_invitation(db.session, token) if token else None
    refusal = gate(consultation)
    if refusal is not None:
        return refuse(refusal, consultation)
    response = current_draft(consultation)
    copy = questionnaire(consultation)
    meeting = copy.meeting
    return render_template(
        "respond/landing.html",
        consultation=consultation,
        meeting=meeting,
        groups=copy.groups,
        deadline=when(consultation.closes_at),
        meeting_date=when(meeting.starts_at) if meeting is not None else None,
        invitation=invitation,
        response=response,
        submitted=response is not None and response.status == ResponseStatus.SUBMITTED,
        continue_page=first_open_page(consultation, response) if response is not None else None,
        choose_group=invitation is None and bool(copy.groups),
        group_error=group_error,
    ), (422 if group_error else 200)


@bp.post("/<slug>/start")
def start(slug: str) -> Any:
    consultation = consultation_or_404()
    refusal = gate(consultation)
    if refusal is not None:
        return refuse(refusal, consultation)
    now = utcnow()
    token = invitation_token(consultation)
    if token:
        response = responses.start_invited(
            db.session, consultation, token, language=current_locale(), now=now
        )
    else:
        current = current_draft(consultation)
        if current is not None and current.status == ResponseStatus.DRAFT:
            return redirect(
                url_for(".page", slug=slug, number=first_open_page(consultation, current))
            )
        group = None
        groups = questionnaire(consultation).groups
        if groups:
            code = request.form.get("group", "")
            group = next((grp for grp in groups if grp.code == code), None)
            if group is None:
                return _render_landing(consultation, _("Please choose who you are answering for."))
        state.clear(consultation)
        response = responses.start_draft(
            db.session, consultation, language=current_locale(), now=now, group=group
        )
    db.session.commit()
    remember_response(consultation, response)
    if response.status == ResponseStatus.SUBMITTED:
        return redirect(url_for(".review", slug=slug))
    if token:
        return redirect(url_for(".page", slug=slug, number=first_open_page(consultation, response)))
    return redirect(url_for(".page", slug=slug, number=1))  # a new draft has no answers yet


@bp.get("/<slug>/i/<token>")
@limiter.limit(lookup_limit)
def invitation(slug: str, token: str) -> Any:
    consultation = g.consultation
    found = responses.find_invitation(db.session, token)
    refusal = invitation_refusal(consultation, found, utcnow())
    if refusal is not None:
        return refuse(refusal, consultation)
    state.clear(consultation)
    state.update(consultation, invitation=token)
    existing = responses.invited_response(db.session, consultation, token)
    if existing is not None:
        remember_response(consultation, existing)
        use_response_language(consultation, existing)
    # Off the address bar: the token should not end up in bookmarks, screenshots or logs.
    return redirect(url_for(".landing", slug=slug))


def _resume(consultation: ConsultationView, code: str) -> Response | None:
    response = responses.find_by_resume_code(db.session, consultation, code)
    if response is not None:
        state.clear(consultation)
        remember_response(consultation, response)
        use_response_language(consultation, response)
    return response


@bp.route("/<slug>/resume", methods=["GET", "POST"])
@limiter.limit(lookup_limit, methods=["POST"])
def resume(slug: str) -> Any:
    consultation = consultation_or_404()
    refusal = gate(consultation)
    if refusal is not None and refusal != Refusal.INVITATION_ONLY:
        return refuse(refusal, consultation)
    error = None
    if request.method == "POST":
        response = _resume(consultation, request.form.get("code", ""))
        if response is not None:
            return redirect(
                url_for(".page", slug=slug, number=first_open_page(consultation, response))
            )
        error = _("We found no saved answers for this code. Please check it and try again.")
    code = request.form.get("code", "")
    return render_template(
        "respond/resume.html", consultation=consultation, error=error, code=code
    ), (422 if error else 200)


@bp.get("/<slug>/r/<code>")
@limiter.limit(lookup_limit)
def resume_link(slug: str, code: str) -> Any:
    consultation = consultation_or_404()
    refusal = public_refusal(consultation, utcnow())
    if refusal is not None and refusal != Refusal.INVITATION_ONLY:
        return refuse(refusal, consultation)
    response = _resume(consultation, code)
    if response is None:
        error = _(
            "This link to your saved answers is no longer valid. Perhaps the answers "
            "were already sent, or a newer code replaced it."
        )
        return render_template(
            "respond/resume.html", consultation=consultation, error=error, code=""
        ), 404
    return redirect(url_for(".page", slug=slug, number=first_open_page(consultation, response)))


# --- withdraw -------------------------------------------------------------------------------


@bp.route("/<slug>/withdraw", methods=["GET", "POST"])
@limiter.limit(lookup_limit, methods=["POST"])
def withdraw(slug: str) -> Any:
    consultation = g.consultation
    refusal = landing_refusal(consultation, utcnow())
    if refusal is not None:
        return refuse(refusal, consultation)
    error = None
    if request.method == "POST":
        code = request.form.get("code", "")
        if responses.withdraw(db.session, consultation, code, now=utcnow()):
            db.session.commit()
            state.clear(consultation)
            return render_template("respond/withdrawn.html", consultation=consultation)
        error = _("No answers were found for this receipt code. Please check it and try again.")
    return render_template("respond/withdraw.html", consultation=consultation, error=error), (
        422 if error else 200
    )
