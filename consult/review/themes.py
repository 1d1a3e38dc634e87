"""The codebook: themes with description, field of action and colour."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from analysis.text.terms import keywords, text_rows
from consult import reporting
from consult.extensions import db
from consult.i18n import current_language, localised
from consult.messages import domain_message
from consult.review import bp
from surveys.errors import DomainError
from surveys.models import Theme
from surveys.reviewing import coding
from surveys.vocabulary import FIELD_OF_ACTION_LABELS


class ThemeForm(FlaskForm):
    label = StringField(_l("Theme"), validators=[DataRequired(), Length(max=120)])
    description = TextAreaField(_l("Description"), validators=[Length(max=2000)])
    field_of_action = SelectField(_l("Field of action"), validate_choice=True)
    colour = StringField(
        _l("Colour"),
        default="#1a3da5",
        validators=[
            DataRequired(),
            Regexp(r"^#[0-9a-fA-F]{6}$", message=_l("Use a colour like #1a3da5.")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.field_of_action.choices = [("", _("None"))] + [
            (str(code), _(label)) for code, label in FIELD_OF_ACTION_LABELS.items()
        ]


def _themes() -> list[Theme]:
    return list(
        db.session.scalars(
            select(Theme).where(Theme.consultation_id == g.consultation.id).order_by(Theme.position)
        )
    )


@bp.route("/themes", methods=["GET", "POST"])
@bp.route("/themes/<int:theme_id>", methods=["GET", "POST"])
def codebook(theme_id: int | None = None) -> Any:
    theme = None
    if theme_id is not None:
        theme = db.session.get(Theme, theme_id)
        if theme is None or theme.consultation_id != g.consultation.id:
            abort(404)
    form = ThemeForm(obj=None)
    language = current_language()
    if theme is not None and not form.is_submitted():
        form.label.data = theme.label.get(language) or next(iter(theme.label.values()), "")
        form.description.data = theme.description
        form.field_of_action.data = theme.field_of_action or ""
        form.colour.data = theme.colour
    if form.validate_on_submit():
        try:
            coding.save_theme(
                db.session,
                g.consultation,
                label=form.label.data,
                language=language,
                description=form.description.data or "",
                field_of_action=form.field_of_action.data or None,
                colour=form.colour.data,
                theme=theme,
                user=current_user._get_current_object(),
            )
        except DomainError as error:
            db.session.rollback()
            form.label.errors = [*form.label.errors, domain_message(error)]
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("review.codebook"))
    return render_template(
        "review/themes.html",
        form=form,
        themes=_themes(),
        editing=theme,
        consultation=g.consultation,
        suggestions=_suggestions(language),
    )


def _suggestions(language: str) -> list[tuple[str, list[str]]]:
    """Key phrases per free-text question (pooled through translations): ideas, not codes."""
    consultation = g.consultation
    data = reporting.load(db.session, consultation, language)
    found = []
    for question in coding.text_questions(consultation):
        rows = text_rows(data.answers, question.code)
        if rows.empty:
            continue
        same = rows[rows["language"].astype("object") == language]["text"].astype(str).tolist()
        translated = rows["translation"].dropna().astype(str).tolist()
        phrases = [phrase for phrase, _score in keywords(same + translated, language, top=8)]
        if phrases:
            found.append((localised(question.prompt, list(consultation.languages)), phrases))
    return found
