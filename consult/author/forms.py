"""WTForms of the author journey: labels are lazy, rules are checked again in surveys/."""

from __future__ import annotations

from typing import Any

from babel import Locale, UnknownLocaleError
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from consult.i18n import display_name, language_name
from consult.messages import domain_message
from surveys.authoring import setup
from surveys.errors import Invalid
from surveys.vocabulary import (
    ACCESS_MODE_LABELS,
    FIELD_OF_ACTION_LABELS,
    QUESTION_KIND_LABELS,
    AccessMode,
)

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def choices(pairs: Any) -> list[SelectChoice]:
    """(value, label) pairs as WTForms' SelectChoice objects."""
    return [SelectChoice(value, label) for value, label in pairs]


# Languages offered for questionnaires: the interface's, then those most asked for in
# German local consultations. A consultation's own languages are always offered too.
CONTENT_LANGUAGES = (
    "de", "en", "ar", "fa", "uk", "ru", "tr", "fa_AF", "ps", "ckb", "ku", "ti", "so", "ur",
    "fr", "es", "it", "pl", "ro", "bg", "hr", "sr", "sq", "el", "vi", "zh",
)  # fmt: skip


def language_label(code: str) -> str:
    """ "العربية – Arabisch": the name in the language itself and in the interface's."""
    own = language_name(code)
    try:
        here = display_name(Locale.parse(code), str(get_locale() or "de")) or code
    except (ValueError, TypeError, UnknownLocaleError):
        return code
    here = here[:1].upper() + here[1:]
    return own if own == here else f"{own} – {here}"


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_label(code)) for code in CONTENT_LANGUAGES]


class ActionForm(FlaskForm):
    """A button that only needs CSRF protection (publish, delete, move, …)."""


class ConsultationForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    introduction = TextAreaField(_l("Introduction"), validators=[Length(max=10_000)])
    slug = StringField(
        _l("Web address (slug)"),
        validators=[Optional(), Length(max=setup.SLUG_MAX)],
        description=_l("Leave empty to make one from the title."),
    )
    oparl_item = SelectField(
        _l("Agenda item from the council information system"),
        choices=[],
        validate_choice=False,
        description=_l(
            "Choosing one sets committee, meeting and agenda item; the fields below are then "
            "not needed."
        ),
    )
    meeting = SelectField(_l("Meeting"), choices=[], validate_choice=False)
    committee = StringField(_l("Committee"), validators=[Length(max=200)])
    meeting_title = StringField(_l("Meeting title"), validators=[Length(max=200)])
    meeting_starts_at = DateTimeLocalField(
        _l("Meeting date and time"), format=DATETIME_FORMAT, validators=[Optional()]
    )
    agenda_item = StringField(_l("Agenda item"), validators=[Length(max=50)])
    paper_number = StringField(_l("Paper number"), validators=[Length(max=50)])
    opens_at = DateTimeLocalField(_l("Opens"), format=DATETIME_FORMAT, validators=[Optional()])
    closes_at = DateTimeLocalField(_l("Closes"), format=DATETIME_FORMAT, validators=[Optional()])
    access_mode = RadioField(
        _l("Who may answer"),
        choices=choices((str(mode), _l(label)) for mode, label in ACCESS_MODE_LABELS.items()),
        default=str(AccessMode.PUBLIC),
    )
    anonymous = BooleanField(_l("Anonymous answers"), default=True)
    source_language = SelectField(
        _l("Source language"),
        choices=[],
        validate_choice=False,
        default="de",
        description=_l("The language the questionnaire is written in."),
    )
    languages = SelectMultipleField(
        _l("Translations into"), choices=[], validate_choice=False, default=[]
    )
    groups = TextAreaField(
        _l("Stakeholder groups"),
        validators=[Length(max=5000)],
        description=_l('One group per line as "code: label".'),
    )
    privacy_notice = TextAreaField(_l("Privacy notice"), validators=[Length(max=20_000)])
    controller_contact = TextAreaField(
        _l("Controller contact (data protection)"), validators=[Length(max=2000)]
    )
    small_cell_threshold = IntegerField(
        _l("Smallest group shown in results"),
        validators=[InputRequired(), NumberRange(min=1, max=1000)],
        default=5,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.source_language.choices = language_choices()
        self.languages.choices = language_choices()

    def offer(self, codes: list[str]) -> None:
        """Offer a consultation's own languages too, should they not be in the usual list."""
        known = {code for code, _label in self.languages.choices}
        extra = [(code, language_label(code)) for code in codes if code not in known]
        self.source_language.choices = [*self.source_language.choices, *extra]
        self.languages.choices = [*self.languages.choices, *extra]

    def validate_languages(self, field: Any) -> None:
        source = self.source_language.data or ""
        wanted = [source, *(code for code in field.data or [] if code != source)]
        try:
            self.parsed_languages = setup.parse_languages(", ".join(wanted))
        except Invalid as error:
            raise ValidationError(domain_message(error)) from None

    def validate_groups(self, field: Any) -> None:
        try:
            self.parsed_groups = setup.parse_groups(field.data)
        except Invalid as error:
            raise ValidationError(domain_message(error)) from None

    def validate_slug(self, field: Any) -> None:
        if field.data and not setup.SLUG.match(field.data):
            raise ValidationError(
                _("The address may contain lower-case letters, digits and hyphens only.")
            )

    def validate_closes_at(self, field: Any) -> None:
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_("The closing date must come after the opening date."))

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.meeting.data != "new" or (self.oparl_item.data or "").isdigit():
            return valid
        missing = [
            (
                self.committee,
                not (self.committee.data or "").strip(),
                _("Please name the committee."),
            ),
            (
                self.meeting_title,
                not (self.meeting_title.data or "").strip(),
                _("Please give the meeting a title."),
            ),
            (
                self.meeting_starts_at,
                self.meeting_starts_at.data is None,
                _("Please enter the meeting date and time."),
            ),
        ]
        for field, empty, message in missing:
            if empty and not field.errors:
                field.errors = [message]
                valid = False
        return valid


class SectionForm(FlaskForm):
    title = StringField(_l("Section title"), validators=[DataRequired(), Length(max=300)])
    description = TextAreaField(_l("Description"), validators=[Length(max=5000)])


class AddQuestionForm(FlaskForm):
    kind = SelectField(
        _l("Kind of question"),
        choices=choices((str(kind), _l(label)) for kind, label in QUESTION_KIND_LABELS.items()),
    )
    prompt = StringField(_l("Question"), validators=[Length(max=2000)])


class QuestionForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    kind = SelectField(
        _l("Kind of question"),
        choices=choices((str(kind), _l(label)) for kind, label in QUESTION_KIND_LABELS.items()),
    )
    required = BooleanField(_l("An answer is required"))
    prompt = TextAreaField(_l("Question"), validators=[DataRequired(), Length(max=2000)])
    help_text = TextAreaField(_l("Help text"), validators=[Length(max=5000)])
    field_of_action = SelectField(
        _l("Field of action"),
        choices=choices(
            [("", _l("None"))] + [(str(k), _l(lbl)) for k, lbl in FIELD_OF_ACTION_LABELS.items()]
        ),
    )
    scale_min = IntegerField(_l("Scale from"), validators=[Optional()])
    scale_max = IntegerField(_l("Scale to"), validators=[Optional()])
    min_label = StringField(_l("Label of the lowest value"), validators=[Length(max=200)])
    max_label = StringField(_l("Label of the highest value"), validators=[Length(max=200)])
    dont_know = BooleanField(_l("Offer “don't know”"))
    min_selected = IntegerField(
        _l("Select at least"), validators=[Optional(), NumberRange(min=0, max=100)]
    )
    max_selected = IntegerField(
        _l("Select at most"), validators=[Optional(), NumberRange(min=1, max=100)]
    )
    other = BooleanField(_l("Offer “other” with a text field"))
    number_min = IntegerField(_l("Smallest number"), validators=[Optional()])
    number_max = IntegerField(_l("Largest number"), validators=[Optional()])
    max_length = IntegerField(
        _l("Maximum length in characters"),
        validators=[Optional(), NumberRange(min=1, max=100_000)],
    )


class OptionForm(FlaskForm):
    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)])
    label = StringField(_l("Label"), validators=[DataRequired(), Length(max=500)])


class NewOptionForm(FlaskForm):
    """Options in bulk: one per line, as typed or pasted from a spreadsheet column."""

    options = TextAreaField(
        _l("New options"),
        validators=[DataRequired(), Length(max=20_000)],
        description=_l(
            "One option per line. Pasted from a spreadsheet with two columns, the first "
            "is taken as the code and the second as the label."
        ),
    )


def parse_option_lines(text: str) -> list[tuple[str | None, str]]:
    """Lines → (code or None, label): "label", or "code<TAB>label" from a spreadsheet."""
    rows: list[tuple[str | None, str]] = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        code, tab, label = line.partition("\t")
        if tab and code.strip() and label.strip():
            rows.append((code.strip(), label.strip()))
        else:
            rows.append((None, line.replace("\t", " ").strip()))
    return rows


class ReopenForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason for reopening"), validators=[DataRequired(), Length(max=2000)]
    )
    closes_at = DateTimeLocalField(
        _l("New closing date"), format=DATETIME_FORMAT, validators=[Optional()]
    )


class NewRoundForm(FlaskForm):
    meeting = SelectField(_l("Meeting of the new round"), choices=[], validate_choice=False)


class ImportForm(FlaskForm):
    file = FileField(_l("CSV or XLSX file"), validators=[FileRequired()])


class ApplyImportForm(FlaskForm):
    changes = HiddenField()
