"""Views of the respondent journey; refusals and status codes are listed in
`surveys.answering.access` (404 unknown or draft, 403 not yet open / invitation needed /
invalid invitation, 410 closed / archived / invitation used)."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import format_date, format_decimal, format_time, get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import RequestEntityTooLarge

from consult.extensions import db
from consult.respond import bp, state
from consult.respond.fields import (
    display,
    error_text,
    field_id,
    page_questions,
    raw_from_form,
)
from surveys.answering import responses
from surveys.answering.access import (
    Refusal,
    invitation_refusal,
    landing_refusal,
    public_refusal,
)
from surveys.answering.validation import raw_from_rows, visible_questions
from surveys.base import utcnow
from surveys.credentials import token_hash
from surveys.kinds import ConsultationStatus, ResponseStatus
from surveys.models import Consultation, Response
from surveys.services import consultations

STATUS = {
    Refusal.NOT_FOUND: 404,
    Refusal.NOT_YET_OPEN: 403,
    Refusal.INVITATION_ONLY: 403,
    Refusal.INVALID_INVITATION: 403,
    Refusal.CLOSED: 410,
    Refusal.ARCHIVED: 410,
    Refusal.INVITATION_USED: 410,
}


@bp.url_value_preprocessor
def load_consultation(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """Load the consultation before the locale is chosen, so it offers its own languages."""
    slug = (values or {}).get("slug")
    consultation = consultations.get_by_slug(db.session, slug) if slug else None
    g.consultation = consultation
    if consultation is not None and consultation.status != ConsultationStatus.DRAFT:
        g.offered_languages = list(consultation.languages)


def _locale() -> str:
    return str(get_locale())


def _consultation() -> Consultation:
    consultation = g.consultation
    if consultation is None or consultation.status == ConsultationStatus.DRAFT:
        abort(404)
    return consultation


def refuse(refusal: Refusal, consultation: Consultation | None = None) -> Any:
    """A clear page saying why answering is not possible; nothing is stored."""
    closes = consultation.closes_at if consultation is not None else None
    opens = consultation.opens_at if consultation is not None else None
    texts = {
        Refusal.NOT_FOUND: (
            _("Consultation not found"),
            _("There is no open consultation at this address. Please check the link."),
        ),
        Refusal.NOT_YET_OPEN: (
            _("This consultation has not started yet"),
            _("You can answer from %(date)s.", date=format_date(opens, "long"))
            if opens
            else _("Please come back later."),
        ),
        Refusal.CLOSED: (
            _("This consultation has ended"),
            _(
                "Answers were accepted until %(date)s. Thank you for your interest.",
                date=format_date(closes, "long"),
            )
            if closes
            else _("It no longer accepts answers. Thank you for your interest."),
        ),
        Refusal.ARCHIVED: (
            _("This consultation has ended"),
            _("It has been archived and no longer accepts answers."),
        ),
        Refusal.INVITATION_ONLY: (
            _("Only with a personal invitation"),
            _(
                "This consultation can only be answered through a personal invitation link. "
                "Please use the link from your invitation."
            ),
        ),
        Refusal.INVALID_INVITATION: (
            _("This invitation link is not valid"),
            _(
                "Please check that you copied the whole link from your invitation. If it still "
                "does not work, please contact the organisers."
            ),
        ),
        Refusal.INVITATION_USED: (
            _("This invitation has already been used"),
            _(
                "Answers were sent with this invitation and the consultation has ended. "
                "Thank you for taking part."
            ),
        ),
    }
    title, text = texts[refusal]
    return render_template(
        "respond/refused.html", title=title, text=text, consultation=consultation
    ), STATUS[refusal]


def _when(moment: Any) -> str | None:
    if moment is None:
        return None
    return _(
        "%(date)s, %(time)s", date=format_date(moment, "full"), time=format_time(moment, "short")
    )


def _invitation_token(consultation: Consultation) -> str | None:
    return state.get(consultation).get("invitation")


def _gate(consultation: Consultation) -> Refusal | None:
    """Why this visitor may not answer now (through their invitation or the public link)."""
    token = _invitation_token(consultation)
    now = utcnow()
    if token:
        invitation = responses.find_invitation(db.session, token)
        return invitation_refusal(consultation, invitation, now)
    return public_refusal(consultation, now)


def _current(consultation: Consultation) -> Response | None:
    """The response this browser works on, if its cookie still points at a valid one."""
    bucket = state.get(consultation)
    response = responses.find_response(db.session, consultation, bucket.get("draft"))
    if response is None:
        return None
    if response.access_hash is not None:
        token = bucket.get("invitation")
        if not token or token_hash(token, responses.RESPONSE) != response.access_hash:
            return None
    return response


def _first_open_page(response: Response) -> int:
    sections = response.consultation.sections
    answered = responses.answered_sections(response, sections)
    for number, done in enumerate(answered, start=1):
        if not done:
            return number
    return max(len(sections), 1)


def _start_session(consultation: Consultation, response: Response) -> None:
    bucket = state.get(consultation)
    state.update(
        consultation,
        draft=response.public_id,
        receipt=bucket.get("receipt") or responses.new_code(),
    )


# --- landing and start ----------------------------------------------------------------------


@bp.get("/<slug>")
def landing(slug: str) -> Any:
    consultation = g.consultation
    refusal = landing_refusal(consultation, utcnow())
    if refusal is not None:
        return refuse(refusal, consultation)
    return _render_landing(consultation)


def _render_landing(consultation: Consultation, group_error: str | None = None) -> Any:
    token = _invitation_token(consultation)
    invitation = responses.find_invitation(db.session, token) if token else None
    refusal = _gate(consultation)
    if refusal is not None:
        return refuse(refusal, consultation)
    response = _current(consultation)
    meeting = consultation.meeting
    return render_template(
        "respond/landing.html",
        consultation=consultation,
        deadline=_when(consultation.closes_at),
        meeting_date=_when(meeting.starts_at) if meeting is not None else None,
        invitation=invitation,
        response=response,
        submitted=response is not None and response.status == ResponseStatus.SUBMITTED,
        continue_page=_first_open_page(response) if response is not None else None,
        choose_group=invitation is None and bool(consultation.groups),
        group_error=group_error,
    ), (422 if group_error else 200)


@bp.post("/<slug>/start")
def start(slug: str) -> Any:
    consultation = _consultation()
    refusal = _gate(consultation)
    if refusal is not None:
        return refuse(refusal, consultation)
    now = utcnow()
    token = _invitation_token(consultation)
    if token:
        response = responses.start_invited(
            db.session, consultation, token, language=_locale(), now=now
        )
    else:
        current = _current(consultation)
        if current is not None and current.status == ResponseStatus.DRAFT:
            return redirect(url_for(".page", slug=slug, number=_first_open_page(current)))
        group = None
        if consultation.groups:
            code = request.form.get("group", "")
            group = next((grp for grp in consultation.groups if grp.code == code), None)
            if group is None:
                return _render_landing(consultation, _("Please choose who you are answering for."))
        state.clear(consultation)
        response = responses.start_draft(
            db.session, consultation, language=_locale(), now=now, group=group
        )
    db.session.commit()
    _start_session(consultation, response)
    if response.status == ResponseStatus.SUBMITTED:
        return redirect(url_for(".review", slug=slug))
    return redirect(url_for(".page", slug=slug, number=_first_open_page(response)))


@bp.get("/<slug>/i/<token>")
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
        _start_session(consultation, existing)
    # Off the address bar: the token should not end up in bookmarks, screenshots or logs.
    return redirect(url_for(".landing", slug=slug))


# --- pages ----------------------------------------------------------------------------------


def _working_response(consultation: Consultation) -> tuple[Response | None, Any]:
    """The response to work on, or the reply to give instead."""
    refusal = _gate(consultation)
    if refusal is not None:
        return None, refuse(refusal, consultation)
    response = _current(consultation)
    if response is None:
        flash(
            _(
                "We could not find your answers on this device. Please start here or "
                "continue with your code."
            ),
            "info",
        )
        return None, redirect(url_for(".landing", slug=consultation.slug))
    if not responses.editable(response):
        return None, redirect(url_for(".done", slug=consultation.slug))
    return response, None


def _section(consultation: Consultation, number: int) -> Any:
    if not 1 <= number <= len(consultation.sections):
        abort(404)
    return consultation.sections[number - 1]


def render_page(
    consultation: Consultation,
    number: int,
    raw: dict,
    errors: dict,
    stored: dict,
    message: str | None = None,
    status: int = 200,
) -> Any:
    section = _section(consultation, number)
    questions = page_questions(section, stored)
    shown_errors = {
        q.code: (field_id(q, errors[q.code].part), error_text(errors[q.code]))
        for q in questions
        if q.code in errors
    }
    return render_template(
        "respond/page.html",
        consultation=consultation,
        section=section,
        number=number,
        total=len(consultation.sections),
        questions=questions,
        raw=raw,
        errors=shown_errors,
        message=message,
    ), status


@bp.route("/<slug>/p/<int:number>", methods=["GET", "POST"])
def page(slug: str, number: int) -> Any:
    consultation = _consultation()
    response, reply = _working_response(consultation)
    if response is None:
        return reply
    section = _section(consultation, number)
    stored = responses.rows_by_code(response)
    if request.method == "GET":
        raw = {q.code: raw_from_rows(q, stored.get(q.code, [])) for q in section.questions}
        return render_page(consultation, number, raw, {}, stored)
    action = request.form.get("action", "next")
    questions = page_questions(section, stored)
    raw = raw_from_form(request.form, questions)
    errors = responses.save_page(
        db.session,
        response,
        section,
        raw,
        language=_locale(),
        now=utcnow(),
        require=action in ("next", "review"),
    )
    db.session.commit()
    if errors:
        stored = responses.rows_by_code(response)
        return render_page(consultation, number, raw, errors, stored, status=422)
    if action == "back":
        if number == 1:
            return redirect(url_for(".landing", slug=slug))
        return redirect(url_for(".page", slug=slug, number=number - 1))
    if action == "later":
        if response.access_hash is not None:
            # Invited respondents come back with their invitation link; no code needed.
            state.update(consultation, resume="invitation")
            return redirect(url_for(".saved", slug=slug))
        code = responses.issue_resume_code(db.session, response)
        db.session.commit()
        state.update(consultation, resume=code)
        return redirect(url_for(".saved", slug=slug))
    if action == "review" or number == len(consultation.sections):
        return redirect(url_for(".review", slug=slug))
    return redirect(url_for(".page", slug=slug, number=number + 1))


# --- review, submit, confirmation -----------------------------------------------------------


def _review_sections(response: Response) -> list[dict]:
    consultation = response.consultation
    stored = responses.rows_by_code(response)
    shown = {q.code for q in visible_questions(consultation.questions, stored)}
    missing = {q.code: error_text(e) for q, e in responses.missing_answers(response)}
    locale, fallbacks = _locale(), list(consultation.languages)
    sections = []
    for number, section in enumerate(consultation.sections, start=1):
        items = [
            {
                "question": q,
                "answers": display(q, stored.get(q.code, []), locale, fallbacks),
                "missing": missing.get(q.code),
                "link": url_for(".page", slug=consultation.slug, number=number) + f"#q-{q.code}",
            }
            for q in section.questions
            if q.code in shown
        ]
        sections.append({"section": section, "number": number, "items": items})
    return sections


@bp.get("/<slug>/review")
def review(slug: str) -> Any:
    consultation = _consultation()
    response, reply = _working_response(consultation)
    if response is None:
        return reply
    return _render_review(consultation, response)


def _render_review(consultation: Consultation, response: Response, status: int = 200) -> Any:
    sections = _review_sections(response)
    missing = [item for s in sections for item in s["items"] if item["missing"]]
    return render_template(
        "respond/review.html",
        consultation=consultation,
        response=response,
        sections=sections,
        missing=missing,
        total=len(consultation.sections),
    ), status


@bp.post("/<slug>/submit")
def submit(slug: str) -> Any:
    consultation = _consultation()
    refusal = _gate(consultation)
    if refusal is not None:
        return refuse(refusal, consultation)
    response = _current(consultation)
    if response is None:
        return redirect(url_for(".landing", slug=slug))
    bucket = state.get(consultation)
    receipt = bucket.get("receipt") or responses.new_code()
    try:
        result = responses.submit(
            db.session,
            response,
            receipt,
            now=utcnow(),
            language=_locale(),
            invitation_token=bucket.get("invitation"),
        )
    except responses.Incomplete:
        db.session.rollback()
        return _render_review(consultation, response, status=422)
    db.session.commit()
    state.update(consultation, receipt=receipt, changed=None if result.first else True)
    return redirect(url_for(".done", slug=slug))


@bp.get("/<slug>/done")
def done(slug: str) -> Any:
    consultation = _consultation()
    response = _current(consultation)
    if response is None or response.status != ResponseStatus.SUBMITTED:
        return redirect(url_for(".landing", slug=slug))
    bucket = state.get(consultation)
    return render_template(
        "respond/done.html",
        consultation=consultation,
        response=response,
        receipt=bucket.get("receipt"),
        invited=response.access_hash is not None,
    )


# --- continue later -------------------------------------------------------------------------


@bp.get("/<slug>/saved")
def saved(slug: str) -> Any:
    consultation = _consultation()
    code = state.get(consultation).get("resume")
    if not code:
        return redirect(url_for(".landing", slug=slug))
    # Shown once: the server keeps only its hash, the cookie forgets it now.
    state.update(consultation, resume=None)
    if code == "invitation":
        return render_template("respond/saved.html", consultation=consultation, invited=True)
    link = url_for(".resume_link", slug=slug, code=code, _external=True)
    return render_template(
        "respond/saved.html", consultation=consultation, code=code, link=link, invited=False
    )


def _resume(consultation: Consultation, code: str) -> Response | None:
    response = responses.find_by_resume_code(db.session, consultation, code)
    if response is not None:
        state.clear(consultation)
        _start_session(consultation, response)
    return response


@bp.route("/<slug>/resume", methods=["GET", "POST"])
def resume(slug: str) -> Any:
    consultation = _consultation()
    refusal = _gate(consultation)
    if refusal is not None and refusal != Refusal.INVITATION_ONLY:
        return refuse(refusal, consultation)
    error = None
    if request.method == "POST":
        response = _resume(consultation, request.form.get("code", ""))
        if response is not None:
            return redirect(url_for(".page", slug=slug, number=_first_open_page(response)))
        error = _("We found no saved answers for this code. Please check it and try again.")
    code = request.form.get("code", "")
    return render_template(
        "respond/resume.html", consultation=consultation, error=error, code=code
    ), (422 if error else 200)


@bp.get("/<slug>/r/<code>")
def resume_link(slug: str, code: str) -> Any:
    consultation = _consultation()
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
    return redirect(url_for(".page", slug=slug, number=_first_open_page(response)))


# --- withdraw -------------------------------------------------------------------------------


@bp.route("/<slug>/withdraw", methods=["GET", "POST"])
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


# --- nothing lost: expired forms, too much data -------------------------------------------


@bp.errorhandler(CSRFError)
def form_expired(error: CSRFError) -> Any:
    """Re-render the page with what was typed; store nothing; ask to send again."""
    consultation = g.get("consultation")
    if consultation is None or consultation.status == ConsultationStatus.DRAFT:
        return refuse(Refusal.NOT_FOUND)
    message = _(
        "For your security this form had expired, so nothing was saved yet. "
        "Your answers are still here: please check them and send the page again."
    )
    if request.endpoint == "respond.page":
        number = request.view_args.get("number", 1) if request.view_args else 1
        if not 1 <= number <= len(consultation.sections):
            abort(404)
        response = _current(consultation)
        stored = responses.rows_by_code(response) if response is not None else {}
        section = consultation.sections[number - 1]
        raw = raw_from_form(request.form, page_questions(section, stored))
        return render_page(consultation, number, raw, {}, stored, message=message, status=400)
    flash(message, "info")
    return render_template(
        "respond/refused.html",
        consultation=consultation,
        title=_("Please send again"),
        text=_("The form had expired. Please go back, reload the page and send it again."),
    ), 400


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error: RequestEntityTooLarge) -> Any:
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return render_template(
        "respond/refused.html",
        consultation=g.get("consultation"),
        title=_("Too much data"),
        text=_(
            "What you sent is larger than the %(size)s this site accepts. Please shorten "
            "very long answers, go back and send the page again.",
            size=_("%(n)s MB", n=format_decimal(round(limit / (1024 * 1024), 1))),
        ),
    ), 413
