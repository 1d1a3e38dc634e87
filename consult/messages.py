"""Domain errors shown to people: their msgid translated, their parameters filled in."""

from __future__ import annotations

from flask_babel import gettext as _

from surveys.errors import DomainError
from surveys.vocabulary import STATUS_LABELS


def domain_message(error: DomainError) -> str:
    """A domain error's message, translated, with its parameters filled in."""
    params = dict(error.params)
    # The labels are keyed by str: the enum and its stored string find the same one.
    label = STATUS_LABELS.get(str(params.get("status")))
    if label:
        params["status"] = _(label)
    return _(error.message, **params)
