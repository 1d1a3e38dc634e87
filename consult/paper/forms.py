"""The fields of a paper sheet besides its answers. Prefixed ("paper-…") so their names
never meet a question code; the rules are checked again in surveys.answering.paper."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional

from surveys.answering.paper import SHEET_MAX


class SheetForm(FlaskForm):
    sheet = StringField(
        _l("Sheet number"),
        validators=[Length(max=SHEET_MAX)],
        description=_l(
            "The number written on the paper sheet. With it a colleague can enter the same "
            "sheet a second time to check for typing mistakes."
        ),
    )
    language = SelectField(_l("Language of the paper form"), choices=[], validate_choice=False)
    group = SelectField(
        _l("Stakeholder group ticked on the form"), choices=[], validate_choice=False
    )
    submitted_on = DateField(
        _l("Date on the paper"),
        validators=[Optional()],
        description=_l("Leave empty to use today."),
    )


class SecondSheetForm(FlaskForm):
    sheet = StringField(
        _l("Sheet number"),
        validators=[Length(max=SHEET_MAX)],
        description=_l("The number written on the paper sheet that has already been entered."),
    )
    group = SelectField(
        _l("Stakeholder group ticked on the form"), choices=[], validate_choice=False
    )
