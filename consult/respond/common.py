"""Shared by the respondent views: loading the consultation, who may answer, the draft in
the cookie, refusal pages. Status codes of refusals are listed in `surveys.answering.access`
(404 unknown or draft; 403 not yet open, invitation needed, invalid invitation; 410 closed,
archived, invitation used after the deadline)."""

from __future__ import annotations

from typing import Any

from flask import abort, g, render_template, session
from flask_babel import format_date, format_time, get_locale
from flask_babel import gettext as _

from consult.extensions import db
from consult.i18n import SESSION_KEY
from consult.respond import bp, state, structure
from consult.respond.fields import page_questions
from surveys import consultations
from surveys.answering import drafts, responses
from surveys.answering.access import (
    Refusal,
    invitation_refusal,
    public_refusal,
)
from surveys.answering.snapshot import ConsultationView
from surveys.base import utcnow
from surveys.credentials import token_hash
from surveys.models import Response
from surveys.vocabulary import ConsultationStatus

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
    if not slug:
        g.consultation = None
        return
    # The row only: the views read sections, questions and options through `questionnaire()`.
    # The same query reads the draft this browser works on, for `current_draft`.
    draft_ids = state.draft_ids()[: drafts.DRAFT_SLOTS]
    consultation, draft = structure.consultation(db.engine, db.session, slug, draft_ids)
    g.consultation = consultation
    g.draft_lookup = (draft_ids, draft)
    if consultation is not None and consultation.status != ConsultationStatus.DRAFT:
        g.offered_languages = list(consultation.languages)


def questionnaire(consultation: ConsultationView) -> structure.Structure:
    """The consultation's sections, questions and options from this worker's cache."""
    return structure.structure(
        consultation,
        lambda: consultations.get_by_slug(db.session, consultation.slug, with_questionnaire=True),
    )


def current_locale() -> str:
    return str(get_locale())


def consultation_or_404() -> ConsultationView:
    consultation = g.consultation
    if consultation is None or consultation.status == ConsultationStatus.DRAFT:
        abort(404)
    return consultation


def refuse(
    refusal: Refusal,
    consultation: ConsultationView | None = None,
    typed: list[tuple[str, list[str]]] | None = None,
) -> Any:
    """A clear page saying why answering is not possible; nothing is stored.

    `typed` is what the visitor had just typed on a page, shown so that nothing is lost.
    """
    closes = real_closing(consultation) if consultation is not None else None
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
        "respond/refused.html", title=title, text=text, consultation=consultation, typed=typed
    ), STATUS[refusal]


def real_closing(consultation: ConsultationView) -> Any:
    """When answering really ended or ends: a consultation closed early ended then."""
    closed, planned = consultation.closed_at, consultation.closes_at
    if closed is not None and (planned is None or closed < planned):
        return closed
    return planned


def when(moment: Any) -> str | None:
    if moment is None:
        return None
    return _(
        "%(date)s, %(time)s", date=format_date(moment, "full"), time=format_time(moment, "short")
    )


def invitation_token(consultation: ConsultationView) -> str | None:
    return state.get(consultation).get("invitation")


def gate(consultation: ConsultationView) -> Refusal | None:
    """Why this visitor may not answer now (through their invitation or the public link)."""
    token = invitation_token(consultation)
    now = utcnow()
    if token:
        invitation = responses.find_invitation(db.session, token)
        return invitation_refusal(consultation, invitation, now)
    return public_refusal(consultation, now)


def current_draft(consultation: ConsultationView) -> drafts.Draft | None:
    """The response this browser works on, if its cookie still points at a valid one: its
    state and answers, read with the consultation at the start of the request (see
    `load_consultation`), or in one query."""
    bucket = state.get(consultation)
    public_id = bucket.get("draft")
    draft_ids, draft = g.pop("draft_lookup", ((), None))  # read with the consultation, once
    if public_id not in draft_ids:
        draft = drafts.find_draft(db.session, consultation.id, public_id)
    elif draft is not None and draft.public_id != public_id:
        draft = None
    if draft is None or not _holds(bucket, draft.access_hash):
        return None
    return draft


def _holds(bucket: dict, access_hash: str | None) -> bool:
    """A response made through an invitation is only reachable with that invitation."""
    if access_hash is None:
        return True
    token = bucket.get("invitation")
    if not token:
        return False
    return token_hash(token, responses.RESPONSE) == access_hash


def shown_pages(consultation: ConsultationView, stored: dict) -> list[int]:
    """The numbers of the pages with a question to show, given the answers so far.

    A page whose questions are all hidden by conditions is skipped everywhere: in moving on
    and back, in the progress count and on resuming. A page without questions counts.
    """
    return [
        number
        for number, section in enumerate(questionnaire(consultation).sections, start=1)
        if not section.questions or page_questions(section, stored)
    ]


def first_open_page(consultation: ConsultationView, response: Response | drafts.Draft) -> int:
    """The first shown page without any answer, to send a returning respondent onwards."""
    sections = questionnaire(consultation).sections
    if isinstance(response, drafts.Draft):
        stored = response.rows
    else:
        stored = drafts.rows_by_code(response)
    pages = shown_pages(consultation, stored) or [1]
    for number in pages:
        if not any(stored.get(q.code) for q in sections[number - 1].questions):
            return number
    return pages[-1]


def use_response_language(consultation: ConsultationView, response: Response) -> None:
    """Show a returning respondent's pages in the language their response was started in."""
    if response.language in consultation.languages:
        session[SESSION_KEY] = response.language


def remember_response(consultation: ConsultationView, response: Response) -> None:
    bucket = state.get(consultation)
    state.update(
        consultation,
        draft=response.public_id,
        receipt=bucket.get("receipt") or responses.new_code(),
    )
