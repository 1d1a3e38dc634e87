"""The staff start page and the administrators' pages: accounts and audit log."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, render_template, request
from flask_login import current_user
from sqlalchemy import select

from consult.auth import require
from consult.extensions import db
from surveys import rules
from surveys.authoring import lifecycle
from surveys.base import utcnow
from surveys.models import AuditEvent
from surveys.services import consultations, users

bp = Blueprint("staff", __name__, url_prefix="/staff")

AUDIT_PAGE_SIZE = 50


@bp.get("/")
@require(rules.is_staff)
def home() -> Any:
    # Consultations past their deadline are closed lazily, before anyone sees the list.
    if lifecycle.close_due(db.session, utcnow()):
        db.session.commit()
    return render_template(
        "staff/home.html",
        rows=consultations.list_with_counts(db.session),
        can_author=rules.may_author(current_user),
        can_review=rules.may_review(current_user),
        can_administer=rules.may_administer(current_user),
    )


@bp.get("/users")
@require(rules.may_administer)
def user_list() -> Any:
    return render_template("staff/users.html", users=users.list_users(db.session))


@bp.get("/audit")
@require(rules.may_administer)
def audit_log() -> Any:
    page = max(request.args.get("page", 1, type=int) or 1, 1)
    events = db.session.scalars(
        select(AuditEvent)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(AUDIT_PAGE_SIZE + 1)
        .offset((page - 1) * AUDIT_PAGE_SIZE)
    ).all()
    return render_template(
        "staff/audit.html",
        events=events[:AUDIT_PAGE_SIZE],
        page=page,
        has_next=len(events) > AUDIT_PAGE_SIZE,
    )


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
