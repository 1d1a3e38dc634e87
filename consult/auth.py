"""Staff sign-in and sign-out; "who are you" only — "may you" lives in surveys.rules."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
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
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from itsdangerous import BadData, URLSafeTimedSerializer
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from consult.extensions import db, login_manager
from consult.messages import domain_message
from consult.security import limiter
from surveys.administration import audit, users
from surveys.credentials import token_hash
from surveys.errors import DomainError
from surveys.models import User
from surveys.vocabulary import N_

bp = Blueprint("auth", __name__, url_prefix="/auth")


class SignInForm(FlaskForm):
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class SetPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=200)])
    repeat = PasswordField(_l("New password again"), validators=[DataRequired(), Length(max=200)])


PASSWORD_LINK_DAYS = 3


def _password_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-set")


def password_token(user: User) -> str:
    """A link token to set a password: valid for three days and only until the password
    changes (it carries a fingerprint of the current hash), so it works once."""
    fingerprint = token_hash(user.password_hash, "password-link")[:16]
    return str(_password_serializer().dumps({"user": user.id, "hash": fingerprint}))


def _user_of_password_token(token: str) -> User | None:
    try:
        data = _password_serializer().loads(token, max_age=PASSWORD_LINK_DAYS * 86400)
    except BadData:
        return None
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None or not user.active:
        return None
    if token_hash(user.password_hash, "password-link")[:16] != data.get("hash"):
        return None
    return user


@bp.route("/set-password/<token>", methods=["GET", "POST"])
def set_password(token: str) -> Any:
    user = _user_of_password_token(token)
    if user is None:
        return render_template("auth/set_password.html", form=None), 410
    form = SetPasswordForm()
    if form.validate_on_submit():
        if form.password.data != form.repeat.data:
            form.repeat.errors = [*form.repeat.errors, _("The two passwords differ.")]
        else:
            try:
                users.set_password(db.session, user, form.password.data)
            except DomainError as error:
                db.session.rollback()
                form.password.errors = [*form.password.errors, domain_message(error)]
            else:
                db.session.commit()
                flash(_("Your password has been set. Please sign in."), "success")
                return redirect(url_for("auth.sign_in"))
    return render_template("auth/set_password.html", form=form, user=user)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    # The id carries the session version: a password change or sign-out invalidates old cookies.
    user_id, _sep, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def may_be_signed_in() -> bool:
    """Whether this request's session names a staff member, without loading the account.

    Flask-Login keeps the id under "_user_id" (there is no remember cookie), so respondents'
    requests, which never carry one, can skip loading a user altogether.
    """
    return "_user_id" in session


def _safe_next(target: str | None) -> str:
    """Only local paths are followed after sign-in, so the form cannot redirect elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("staff.home")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"], methods=["POST"])
def sign_in() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("staff.home"))
    form = SignInForm()
    failed = throttled = None
    if form.validate_on_submit():
        try:
            user = users.authenticate(db.session, form.email.data, form.password.data)
        except users.SignInThrottled as error:
            throttled = domain_message(error)
            user = None
        if user is not None:
            from consult.i18n import SESSION_KEY as LANGUAGE_KEY  # i18n imports this module

            language = session.get(LANGUAGE_KEY)
            session.clear()
            if language:  # a fresh session, but the language chosen before signing in
                session[LANGUAGE_KEY] = language
            login_user(user)
            audit.record(db.session, "user.sign_in", user=user, obj=user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
        db.session.commit()  # keeps the count of failed attempts
        failed = throttled is None
    status = 429 if throttled else 401 if failed else 200
    return render_template(
        "auth/sign_in.html", form=form, failed=failed, throttled=throttled
    ), status


@bp.post("/sign-out")
def sign_out() -> Any:
    user = current_user._get_current_object() if current_user.is_authenticated else None
    if user is not None:
        # Bumping the version ends this session even if a copy of its cookie survives.
        user.session_version += 1
        audit.record(db.session, "user.sign_out", user=user, obj=user)
        db.session.commit()
    logout_user()
    session.clear()
    flash(_("You have been signed out."), "success")
    return redirect(url_for("auth.sign_in"))


def require(predicate: Callable[[Any], bool]) -> Callable:
    """View decorator: anonymous users go to sign-in, users the predicate refuses get 403."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = N_("Please sign in to see this page.")
    login_manager.localize_callback = _
    login_manager.login_message_category = "info"
    app.register_blueprint(bp)
