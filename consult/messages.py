"""Domain errors shown to people: their msgid translated, their parameters filled in."""

from __future__ import annotations

from flask_babel import gettext as _

from surveys.errors import DomainError
from surveys.vocabulary import STATUS_LABELS, ConsultationStatus

STATUS_VALUES = frozenset(s.value for s in ConsultationStatus)


def domain_message(error: DomainError) -> str:
    """A domain error's message, translated, with its parameters filled in."""
    params = dict(error.params)
    status = params.get("status")
    # A status may arrive as the enum or as its stored string; both look up the same label.
    label = STATUS_LABELS.get(ConsultationStatus(status)) if status in STATUS_VALUES else None
    if label:
        params["status"] = _(label)
    return _(error.message, **params)
