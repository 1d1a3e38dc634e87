"""Predicates answering "may this user do that?"; views turn a False into 403."""

from __future__ import annotations

from typing import Any

from surveys.vocabulary import Role


def _has(user: Any, role: Role) -> bool:
    return bool(user is not None and getattr(user, "active", False) and user.has_role(role))


def is_staff(user: Any) -> bool:
    return any(_has(user, role) for role in Role)


def may_administer(user: Any) -> bool:
    """Manage staff accounts, site texts and read the audit log."""
    return _has(user, Role.ADMIN)


def may_author(user: Any) -> bool:
    """Create, edit, translate, publish consultations and invite stakeholders."""
    return _has(user, Role.AUTHOR) or _has(user, Role.ADMIN)


def may_review(user: Any) -> bool:
    """See aggregated answers, code free text and export reports."""
    return _has(user, Role.FACILITATOR) or _has(user, Role.ADMIN)


def may_enter_paper(user: Any) -> bool:
    """Type in paper questionnaires, enter them a second time and resolve differences.

    Authors and administrators, and facilitators too: they collect the sheets at meetings
    and counselling hours, and typing in what is written changes no questionnaire.
    """
    return is_staff(user)
