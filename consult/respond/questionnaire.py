"""The questionnaire itself: one page per section, review, submit exactly once, confirmation,
continue later, and re-rendering typed answers when a form expired or was too large."""

from __future__ import annotations

from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, generate_csrf
from markupsafe import Markup, escape
from werkzeug.exceptions import RequestEntityTooLarge, TooManyRequests

from consult import links
from consult.auth import may_be_signed_in
from consult.extensions import db
from consult.i18n import format_number
from consult.public import footer_organisation
from consult.respond import bp, shells, state, structure
from consult.respond.common import (
    consultation_or_404,
    current_draft,
    current_locale,
    gate,
    invitation_token,
    questionnaire,
    refuse,
    remember_response,
    shown_pages,
)
from consult.respond.fields import (
    display,
    error_text,
    field_id,
    page_questions,
    question_helpers,
    raw_from_form,
    typed_answers,
)
from consult.security import draft_submit_limit, limiter, submit_limit
from surveys.answering import drafts, responses
from surveys.answering.access import (
    Refusal,
)
from surveys.answering.drafts import Draft
from surveys.answering.snapshot import ConsultationView
from surveys.answering.validation import raw_from_rows
from surveys.answering.visibility import visible_questions
from surveys.authoring import outcomes
from surveys.base import utcnow
from surveys.models import Response
from surveys.vocabulary import ConsultationStatus, ResponseStatus

# --- pages ----------------------------------------------------------------------------------


def _not_working(consultation: ConsultationView, draft: Draft | None) -> Any:
    """The reply to give instead of the page when this browser cannot work on `draft`."""
    refusal = gate(consultation)
    if refusal is not None:
        return refuse(refusal, consultation)
    if draft is None:
        flash(
            _(
                "We could not find your answers on this device. Please start here or "
                "continue with your code."
            ),
            "info",
        )
        return redirect(url_for(".landing", slug=consultation.slug))
    if not responses.editable(draft):
        return redirect(url_for(".done", slug=consultation.slug))
    return None


def _restart(consultation: ConsultationView, number: int) -> tuple[Response | None, Any]:
    """Answers posted after the session ended are never thrown away.

    The page comes back with everything typed and asks to send it again (choosing the group
    again where the public link needs one); that second post starts a new draft and saves.
    Through an invitation the link itself is needed, so those respondents are sent to it.
    """
    if gate(consultation) is not None or invitation_token(consultation):
        return None, _not_working(consultation, None)
    section = _section(consultation, number)
    raw = raw_from_form(request.form, page_questions(section, {}))
    groups = questionnaire(consultation).groups
    code = request.form.get("restart_group", "")
    group = next((grp for grp in groups if grp.code == code), None)
    if request.form.get("restart") and (group is not None or not groups):
        state.clear(consultation)
        response = responses.start_draft(
            db.session, consultation, language=current_locale(), now=utcnow(), group=group
        )
        remember_response(consultation, response)
        return response, None
    message = _(
        "Your session had ended, so this page was not saved yet. Your answers are still "
        "here: please send the page again."
    )
    reply = render_page(consultation, number, raw, {}, {}, message=message, status=409)
    return None, reply


def _section(consultation: ConsultationView, number: int) -> Any:
    """The page's section from the cached copy of the questionnaire; 404 if there is none."""
    sections = questionnaire(consultation).sections
    if not 1 <= number <= len(sections):
        abort(404)
    return sections[number - 1]


def _question_blocks(
    copy: structure.Structure, questions: list, raw: dict, errors: dict
) -> list[Markup]:
    """Each question's HTML: its cached shell with this respondent's values filled in (see
    `shells`), or, with an error to show, rendered afresh."""
    if not questions:
        return []
    helpers = question_helpers()
    locale, langs = current_locale(), helpers["langs"]
    macro = None
    blocks = []
    for q in questions:
        values, error = raw.get(q.code, {}), errors.get(q.code)
        key = structure.fragment_key(copy, locale, langs, q)
        parts = structure.cached_fragment(key) if error is None else None
        if parts is None:
            if macro is None:
                macro = structure.question_macro({**helpers, "format_number": format_number})
            if error is None:
                parts = shells.shell_of(macro, q)
            if parts is None:
                blocks.append(Markup(macro(q, values, error)))
                continue
            structure.remember_fragment(key, parts)
        blocks.append(shells.fill(parts, values))
    return blocks


def render_page(
    consultation: ConsultationView,
    number: int,
    raw: dict,
    errors: dict,
    stored: dict,
    message: str | None = None,
    status: int = 200,
) -> Any:
    copy = questionnaire(consultation)
    section = _section(consultation, number)
    questions = page_questions(section, stored)
    pages = shown_pages(consultation, stored)
    if number not in pages:
        pages = sorted([*pages, number])
    shown_errors = {
        q.code: (field_id(q, errors[q.code].part), error_text(errors[q.code]))
        for q in questions
        if q.code in errors
    }
    context = {
        "consultation": consultation,
        "section": section,
        "number": number,
        "total": len(copy.sections),
        # The progress counts only the pages shown to this respondent.
        "position": pages.index(number) + 1,
        "shown_total": len(pages),
        "questions": questions,
        "errors": shown_errors,
        "message": message,
        "restart": status == 409,
        "groups": copy.groups,
    }
    if message or shown_errors or _personal():
        blocks = _question_blocks(copy, questions, raw, shown_errors)
        return render_template("respond/page.html", blocks=blocks, **context), status
    # The same for everyone but the token and the answered questions: see `shells`. Blank
    # questions are part of the cached page; answered ones are rendered into its holes.
    answered = [q for q in questions if any(raw.get(q.code, {}).values())]
    values = {
        f"q-{q.code}": block
        for q, block in zip(answered, _question_blocks(copy, answered, raw, {}), strict=True)
    }
    values["csrf"] = escape(generate_csrf())
    key = (
        consultation.id,
        copy.version,
        current_locale(),
        number,
        (context["position"], context["shown_total"]),
        tuple((q.code, f"q-{q.code}" in values) for q in questions),
        footer_organisation(),
    )

    def shell() -> str:
        blank = iter(_question_blocks(copy, [q for q in questions if q not in answered], {}, {}))
        blocks = [shells.hole(f"q-{q.code}") if q in answered else next(blank) for q in questions]
        return render_template(
            "respond/page.html",
            blocks=blocks,
            csrf_token=lambda: shells.hole("csrf"),
            **context,
        )

    return shells.render(key, shell, values), status


def _personal() -> bool:
    """Whether the layout shows something of this visitor: messages, or a staff member's menu."""
    return "_flashes" in session or may_be_signed_in()


@bp.route("/<slug>/p/<int:number>", methods=["GET", "POST"])
def page(slug: str, number: int) -> Any:
    consultation = consultation_or_404()
    if request.method == "POST":
        refusal = gate(consultation)
        if refusal in (Refusal.CLOSED, Refusal.ARCHIVED, Refusal.INVITATION_USED):
            # Closed while this person was answering: say when, and keep what they typed.
            section = _section(consultation, number)
            typed = typed_answers(
                section, request.form, current_locale(), list(consultation.languages)
            )
            return refuse(refusal, consultation, typed=typed)
    draft = current_draft(consultation)
    response: Response | None = None
    if request.method == "POST" and draft is None:
        response, reply = _restart(consultation, number)
        if response is None:
            return reply
        stored: dict = {}
    else:
        reply = _not_working(consultation, draft)
        if reply is not None:
            return reply
        assert draft is not None
        stored = draft.rows
    section = _section(consultation, number)
    if request.method == "GET":
        if section.questions and not page_questions(section, stored):
            # Every question of this page is hidden by a condition: go on to the next one.
            return redirect(_onwards(consultation, number, stored))
        raw = {q.code: raw_from_rows(q, stored.get(q.code, [])) for q in section.questions}
        return render_page(consultation, number, raw, {}, stored)
    working = response if response is not None else draft
    assert working is not None  # a POST without a draft has just restarted one
    total = len(questionnaire(consultation).sections)
    action = request.form.get("action", "next")
    questions = page_questions(section, stored)
    raw = raw_from_form(request.form, questions)
    errors = responses.save_page(
        db.session,
        working,
        section,
        raw,
        language=current_locale(),
        now=utcnow(),
        require=action in ("next", "review"),
        questions=questionnaire(consultation).questions,
        consultation=consultation,
    )
    resume_code = None
    if not errors and action == "later" and working.access_hash is None:
        resume_code = responses.issue_resume_code(
            db.session, db.session.get_one(Response, working.id)
        )
    db.session.commit()  # the request's only commit: a restarted draft, answers, resume code
    stored = drafts.stored_rows(db.session, working.id)
    if errors:
        return render_page(consultation, number, raw, errors, stored, status=422)
    if action == "back":
        earlier = [n for n in shown_pages(consultation, stored) if n < number]
        if not earlier:
            return redirect(url_for(".landing", slug=slug))
        return redirect(url_for(".page", slug=slug, number=earlier[-1]))
    if action == "later":
        # Invited respondents come back with their invitation link; no code needed.
        state.update(consultation, resume=resume_code or "invitation")
        return redirect(url_for(".saved", slug=slug))
    if action == "review" or number == total:
        return redirect(url_for(".review", slug=slug))
    return redirect(_onwards(consultation, number, stored))


def _onwards(consultation: ConsultationView, number: int, stored: dict) -> str:
    """The next page shown to this respondent after page `number`, else the review."""
    later = [n for n in shown_pages(consultation, stored) if n > number]
    if not later:
        return url_for(".review", slug=consultation.slug)
    return url_for(".page", slug=consultation.slug, number=later[0])


# --- review, submit, confirmation -----------------------------------------------------------


def _review_sections(consultation: ConsultationView, stored: dict) -> list[dict]:
    copy = questionnaire(consultation)
    shown = {q.code for q in visible_questions(copy.questions, stored)}
    missing = {q.code: error_text(e) for q, e in responses.missing_in(copy.questions, stored)}
    locale, fallbacks = current_locale(), list(consultation.languages)
    sections = []
    for number, section in enumerate(copy.sections, start=1):
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
        if items or not section.questions:
            sections.append({"section": section, "number": number, "items": items})
    return sections


@bp.get("/<slug>/review")
def review(slug: str) -> Any:
    consultation = consultation_or_404()
    draft = current_draft(consultation)
    reply = _not_working(consultation, draft)
    if reply is not None:
        return reply
    assert draft is not None
    return _render_review(consultation, draft, draft.rows)


def _render_review(
    consultation: ConsultationView, response: Response | Draft, stored: dict, status: int = 200
) -> Any:
    sections = _review_sections(consultation, stored)
    missing = [item for s in sections for item in s["items"] if item["missing"]]
    return render_template(
        "respond/review.html",
        consultation=consultation,
        response=response,
        sections=sections,
        missing=missing,
        total=len(questionnaire(consultation).sections),
        last_page=(shown_pages(consultation, stored) or [1])[-1],
    ), status


def _browser_key() -> str:
    """The drafts this browser works on: a limit per respondent, not per address, so 200
    people behind one welfare office's address do not use up each other's submits."""
    drafts = state.draft_ids()
    return "drafts:" + ",".join(sorted(drafts)) if drafts else get_remote_address()


@bp.post("/<slug>/submit")
@limiter.limit(submit_limit)  # a high ceiling per address, against floods
@limiter.limit(draft_submit_limit, key_func=_browser_key)
def submit(slug: str) -> Any:
    consultation = consultation_or_404()
    refusal = gate(consultation)
    if refusal is not None:
        return refuse(refusal, consultation)
    draft = current_draft(consultation)
    if draft is None:
        return redirect(url_for(".landing", slug=slug))
    bucket = state.get(consultation)
    receipt = bucket.get("receipt") or responses.new_code()
    try:
        result = responses.submit(
            db.session,
            draft,
            receipt,
            now=utcnow(),
            language=current_locale(),
            invitation_token=bucket.get("invitation"),
            questions=questionnaire(consultation).questions,
            consultation=consultation,
        )
    except responses.Incomplete:
        db.session.rollback()
        return _render_review(consultation, draft, draft.rows, status=422)
    db.session.commit()
    state.update(consultation, receipt=receipt, changed=None if result.first else True)
    return redirect(url_for(".done", slug=slug))


@bp.get("/<slug>/done")
def done(slug: str) -> Any:
    consultation = consultation_or_404()
    response = current_draft(consultation)
    if response is None or response.status != ResponseStatus.SUBMITTED:
        return redirect(url_for(".landing", slug=slug))
    bucket = state.get(consultation)
    invitation = _answered_invitation(consultation)
    return render_template(
        "respond/done.html",
        consultation=consultation,
        receipt=bucket.get("receipt"),
        invited=response.access_hash is not None,
        can_ask_outcome=invitation is not None and bool(invitation.email),
        outcome_wanted=invitation is not None and invitation.outcome_wanted,
    )


def _answered_invitation(consultation: ConsultationView) -> Any:
    """The invitation this browser answered through, if any (its mail address stays there)."""
    token = invitation_token(consultation)
    invitation = responses.find_invitation(db.session, token) if token else None
    return invitation if invitation is not None and invitation.used_at is not None else None


@bp.post("/<slug>/done/outcome")
def ask_outcome(slug: str) -> Any:
    """An invitee asks to be told once, by mail, what the committee decided."""
    consultation = consultation_or_404()
    invitation = _answered_invitation(consultation)
    if invitation is None or not invitation.email:
        return redirect(url_for(".landing", slug=slug))
    outcomes.want_outcome(db.session, invitation)
    db.session.commit()
    return redirect(url_for(".done", slug=slug))


# --- continue later -------------------------------------------------------------------------


@bp.get("/<slug>/saved")
def saved(slug: str) -> Any:
    consultation = consultation_or_404()
    code = state.get(consultation).get("resume")
    if not code:
        return redirect(url_for(".landing", slug=slug))
    # Shown once: the server keeps only its hash, the cookie forgets it now.
    state.update(consultation, resume=None)
    if code == "invitation":
        return render_template("respond/saved.html", consultation=consultation, invited=True)
    link = links.resume_url(consultation, code)
    return render_template(
        "respond/saved.html", consultation=consultation, code=code, link=link, invited=False
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
        section = _section(consultation, number)
        draft = current_draft(consultation)
        stored = draft.rows if draft is not None else {}
        raw = raw_from_form(request.form, page_questions(section, stored))
        return render_page(consultation, number, raw, {}, stored, message=message, status=400)
    flash(message, "info")
    return render_template(
        "respond/refused.html",
        consultation=consultation,
        title=_("Please send again"),
        text=_("The form had expired. Please go back, reload the page and send it again."),
    ), 400


@bp.errorhandler(TooManyRequests)
def too_many(error: TooManyRequests) -> Any:
    """Only the sending was refused: the answers of every page are stored already."""
    response = current_app.make_response(
        (
            render_template(
                "respond/refused.html",
                consultation=g.get("consultation"),
                title=_("Please send again in a minute"),
                text=_(
                    "Many answers are arriving right now. Your answers are saved and kept. "
                    "Please wait a minute, then go back and press the send button again."
                ),
            ),
            429,
        )
    )
    response.headers["Retry-After"] = "60"
    return response


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
