"""What the author views share: the blueprint, loading objects, times, errors."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, g, request, session
from flask_babel import gettext as _
from flask_login import current_user

from consult.author import bp
from consult.extensions import db
from consult.i18n import SESSION_KEY
from consult.messages import domain_message
from surveys import consultations
from surveys.errors import DomainError
from surveys.models import Consultation, Option, Question, Section


@bp.url_value_preprocessor
def _keep_ui_language(endpoint: str | None, values: dict[str, Any] | None) -> None:
    # Runs before the app's `?lang=` handling: a preview in Arabic must not switch the
    # author's own interface to Arabic, so the preview view restores what was chosen.
    if endpoint == "author.preview":
        g.kept_ui_language = session.get(SESSION_KEY)


@bp.app_template_global("agenda_item_label")
def agenda_item_label(item: str) -> str:
    """ "TOP 5" for "5"; an item typed with its own word ("TOP 5", "Ö 3") stays as typed."""
    item = (item or "").strip()
    return _("agenda item %(item)s", item=item) if item[:1].isdigit() else item


@bp.app_template_global("author_field_attrs")
def field_attrs(field: Any, hint: str | None, attrs: dict[str, Any]) -> dict[str, Any]:
    """HTML attributes of an input: direction, error state and what describes it."""
    described = [f"{field.id}-error"] if field.errors else []
    if hint:
        described.append(f"{field.id}-hint")
    result: dict[str, Any] = {"dir": "auto"}
    if field.errors:
        result["aria-invalid"] = "true"
    if described:
        result["aria-describedby"] = " ".join(described)
    result.update(attrs)
    return result


def restore_ui_language() -> None:
    kept = g.get("kept_ui_language")
    if kept is None:
        session.pop(SESSION_KEY, None)
    else:
        session[SESSION_KEY] = kept


def actor() -> Any:
    return current_user._get_current_object()


def load_consultation(consultation_id: int, *, with_questionnaire: bool = False) -> Consultation:
    """The consultation of the URL (404 if none); pages that show every section, question
    and option ask for `with_questionnaire`."""
    consultation = consultations.get(
        db.session, consultation_id, with_questionnaire=with_questionnaire
    )
    if consultation is None:
        abort(404)
    return consultation


def load_section(consultation: Consultation, section_id: int) -> Section:
    section = db.session.get(Section, section_id)
    if section is None or section.consultation_id != consultation.id:
        abort(404)
    return section


def load_question(consultation: Consultation, question_id: int) -> Question:
    question = db.session.get(Question, question_id)
    if question is None or question.consultation_id != consultation.id:
        abort(404)
    return question


def load_option(consultation: Consultation, option_id: int) -> Option:
    option = db.session.get(Option, option_id)
    if option is None or option.question.consultation_id != consultation.id:
        abort(404)
    return option


def flash_error(error: DomainError) -> None:
    db.session.rollback()
    flash(domain_message(error), "error")


def delta() -> int:
    """-1 for "up", +1 for "down" from the pressed button."""
    return -1 if request.form.get("direction") == "up" else 1


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def to_utc(local: datetime | None) -> datetime | None:
    """A wall-clock time typed into a form (county time) as UTC."""
    if local is None:
        return None
    return local.replace(tzinfo=_zone()).astimezone(UTC)


def to_local(moment: datetime | None) -> datetime | None:
    """A stored UTC time as the naive county wall-clock time a form shows."""
    if moment is None:
        return None
    return moment.astimezone(_zone()).replace(tzinfo=None)
