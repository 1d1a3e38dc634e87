"""Recording staff actions in the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from surveys.models import AuditEvent, User


def record(
    session: Session,
    action: str,
    *,
    user: User | None = None,
    obj: Any = None,
    **details: Any,
) -> AuditEvent:
    """Add an audit event for `action` done by `user` on `obj`."""
    event = AuditEvent(
        action=action,
        user=user,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(getattr(obj, "id", "") or "") if obj is not None else "",
        details=details,
    )
    session.add(event)
    session.flush()
    return event
