"""Who may answer a consultation now, and why not: one reason per refusal page.

The web layer maps each reason to a status code and a translated page:

===================  ======  ==========================================================
reason               status  when
===================  ======  ==========================================================
NOT_FOUND            404     unknown slug, or a consultation still in draft
NOT_YET_OPEN         403     published, but `opens_at` lies in the future
CLOSED               410     the deadline has passed or staff closed it
ARCHIVED             410     archived after the meeting
INVITATION_ONLY      403     reached by the public link, but only invitations may answer
INVALID_INVITATION   403     the invitation link is unknown or belongs elsewhere
INVITATION_USED      410     the invitation was used and the deadline has passed
===================  ======  ==========================================================
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from surveys.answering.snapshot import ConsultationLike
from surveys.consultations import is_open
from surveys.models import Invitation
from surveys.vocabulary import AccessMode, ConsultationStatus


class Refusal(StrEnum):
    NOT_FOUND = "not_found"
    NOT_YET_OPEN = "not_yet_open"
    CLOSED = "closed"
    ARCHIVED = "archived"
    INVITATION_ONLY = "invitation_only"
    INVALID_INVITATION = "invalid_invitation"
    INVITATION_USED = "invitation_used"


def _lifecycle(consultation: ConsultationLike | None, now: datetime) -> Refusal | None:
    if consultation is None or consultation.status == ConsultationStatus.DRAFT:
        return Refusal.NOT_FOUND
    if consultation.status == ConsultationStatus.ARCHIVED:
        return Refusal.ARCHIVED
    if is_open(consultation, now):
        return None
    if consultation.status == ConsultationStatus.PUBLISHED and (
        consultation.opens_at is not None and now < consultation.opens_at
    ):
        return Refusal.NOT_YET_OPEN
    return Refusal.CLOSED


def public_refusal(consultation: ConsultationLike | None, now: datetime) -> Refusal | None:
    """Why the public link may not be used now, or None when it may."""
    refusal = _lifecycle(consultation, now)
    if refusal is not None:
        return refusal
    assert consultation is not None
    if consultation.access_mode == AccessMode.INVITATION:
        return Refusal.INVITATION_ONLY
    return None


def landing_refusal(consultation: ConsultationLike | None, now: datetime) -> Refusal | None:
    """Why the landing page cannot be shown; invitation-only consultations still show it."""
    return _lifecycle(consultation, now)


def invitation_refusal(
    consultation: ConsultationLike | None,
    invitation: Invitation | None,
    now: datetime,
) -> Refusal | None:
    """Why this invitation link may not be used now, or None when it may."""
    refusal = _lifecycle(consultation, now)
    if refusal == Refusal.NOT_FOUND:
        return refusal
    assert consultation is not None
    if invitation is None or invitation.consultation_id != consultation.id:
        return Refusal.INVALID_INVITATION
    if refusal == Refusal.CLOSED and invitation.used_at is not None:
        return Refusal.INVITATION_USED
    return refusal
