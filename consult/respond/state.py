"""What the respondent's signed session cookie holds per consultation.

Per consultation id: ``draft`` (the response's public id), ``receipt`` (the receipt code
chosen when the draft started, so every repeat of a submit shows the same one),
``invitation`` (the invitation token, when the respondent came through one) and ``resume``
(a resume code waiting to be shown once). Nothing of this is stored on the server.
"""

from __future__ import annotations

from typing import Any

from flask import session

from surveys.answering.snapshot import ConsultationView

KEY = "respond"


def get(consultation: ConsultationView) -> dict[str, Any]:
    return dict((session.get(KEY) or {}).get(str(consultation.id)) or {})


def draft_ids() -> list[str]:
    """The public ids of every draft this browser works on, in any consultation."""
    buckets = session.get(KEY) or {}
    return [bucket["draft"] for bucket in buckets.values() if bucket.get("draft")]


def update(consultation: ConsultationView, **values: Any) -> None:
    buckets = dict(session.get(KEY) or {})
    bucket = dict(buckets.get(str(consultation.id)) or {})
    for name, value in values.items():
        if value is None:
            bucket.pop(name, None)
        else:
            bucket[name] = value
    buckets[str(consultation.id)] = bucket
    session[KEY] = buckets


def clear(consultation: ConsultationView) -> None:
    buckets = dict(session.get(KEY) or {})
    buckets.pop(str(consultation.id), None)
    session[KEY] = buckets
