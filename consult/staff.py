"""The staff start page and the administrators' pages: accounts and audit log."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import EmailField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from consult import links
from consult.auth import password_token, require
from consult.extensions import db
from consult.i18n import role_label
from consult.messages import domain_message
from consult.public import forget_site_texts
from surveys import consultations, rules
from surveys.administration import site, users
from surveys.authoring import lifecycle
from surveys.base import utcnow
from surveys.credentials import new_token
from surveys.errors import Invalid
from surveys.models import AuditEvent, User
from surveys.vocabulary import Role

bp = Blueprint("staff", __name__, url_prefix="/staff")

AUDIT_PAGE_SIZE = 50
SITE_TEXT_MAX = 20_000


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


class NewUserForm(FlaskForm):
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=254)])
    name = StringField(_l("Name"), validators=[Length(max=200)])
    roles = SelectMultipleField(_l("Roles"), choices=[], validate_choice=False)


def _role_choices() -> list[tuple[str, str]]:
    return [(str(role), role_label(role)) for role in Role]


@bp.route("/users", methods=["GET", "POST"])
@require(rules.may_administer)
def user_list() -> Any:
    form = NewUserForm(prefix="new")
    form.roles.choices = _role_choices()
    if form.validate_on_submit():
        try:
            # A random password nobody knows: the new colleague sets their own via the link.
            user = users.create_user(
                db.session,
                form.email.data,
                new_token(32),
                form.roles.data or [],
                name=form.name.data or "",
                actor=current_user._get_current_object(),
            )
        except Invalid as error:
            db.session.rollback()
            form.email.errors = [*form.email.errors, domain_message(error)]
        else:
            db.session.commit()
            flash(_("The account has been created."), "success")
            return _password_link_page(user)
    return render_template(
        "staff/users.html",
        users=users.list_users(db.session),
        form=form,
        roles=_role_choices(),
    )


@bp.post("/users/<int:user_id>")
@require(rules.may_administer)
def user_access(user_id: int) -> Any:
    user = db.session.get(User, user_id) or abort(404)
    if not FlaskForm().validate_on_submit():
        flash(_("The form has expired. Please send it again."), "error")
        return redirect(url_for("staff.user_list"))
    try:
        changed = users.update_access(
            db.session,
            user,
            request.form.getlist("roles"),
            request.form.get("active") == "1",
            actor=current_user._get_current_object(),
        )
    except Invalid as error:
        db.session.rollback()
        flash(domain_message(error), "error")
    else:
        db.session.commit()
        flash(_("The account has been saved.") if changed else _("Nothing changed."), "success")
    return redirect(url_for("staff.user_list") + f"#user-{user.id}")


@bp.post("/users/<int:user_id>/password-link")
@require(rules.may_administer)
def user_password_link(user_id: int) -> Any:
    user = db.session.get(User, user_id) or abort(404)
    if not FlaskForm().validate_on_submit():
        flash(_("The form has expired. Please send it again."), "error")
        return redirect(url_for("staff.user_list"))
    return _password_link_page(user)


def _password_link_page(user: User) -> Any:
    link = links.absolute("auth.set_password", token=password_token(user))
    return render_template("staff/password_link.html", user=user, link=link)


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


def _site_form(lang: str, current: dict[str, dict[str, str]]) -> FlaskForm:
    """One text area per site text, in `lang`, filled with what is stored."""

    class SiteTextsForm(FlaskForm):
        pass

    for key, label in site.SITE_TEXTS.items():
        setattr(
            SiteTextsForm,
            key,
            TextAreaField(
                _(label), validators=[Length(max=SITE_TEXT_MAX)], default=current[key].get(lang, "")
            ),
        )
    return SiteTextsForm()


@bp.route("/site/<lang>", methods=["GET", "POST"])
@require(rules.may_administer)
def site_texts(lang: str) -> Any:
    languages = current_app.config["UI_LANGUAGES"]
    if lang not in languages:
        abort(404)
    current = site.texts(db.session)
    form = _site_form(lang, current)
    if form.validate_on_submit():
        changed = [
            key
            for key in site.SITE_TEXTS
            if site.update(
                db.session,
                key,
                {**current[key], lang: form[key].data or ""},
                user=current_user._get_current_object(),
            )
        ]
        db.session.commit()
        forget_site_texts()
        flash(_("Saved.") if changed else _("Nothing changed."), "success")
        return redirect(url_for("staff.site_texts", lang=lang))
    reference = current_app.config["BABEL_DEFAULT_LOCALE"]
    return render_template(
        "staff/site_texts.html",
        form=form,
        lang=lang,
        languages=languages,
        reference={key: current[key].get(reference, "") for key in site.SITE_TEXTS},
        show_reference=lang != reference,
    )


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
