"""Import a questionnaire as a new draft: an XLSForm workbook (.xlsx) or our JSON format."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired

from consult.auth import require
from consult.author.common import actor, bp
from consult.extensions import db
from consult.messages import domain_message
from surveys import rules, uploads
from surveys.authoring import interchange, xlsform
from surveys.errors import DomainError, Invalid
from surveys.vocabulary import N_

MAX_UPLOAD = 4 * 1024 * 1024


class QuestionnaireImportForm(FlaskForm):
    file = FileField(_l("XLSForm (.xlsx) or questionnaire (.json)"), validators=[FileRequired()])


def _read(storage: Any) -> tuple[str, bytes]:
    name = (storage.filename or "").lower()
    limit = int(current_app.config.get("QUESTIONNAIRE_UPLOAD_MAX_BYTES", MAX_UPLOAD))
    try:
        data = storage.read(limit + 1)
    finally:
        storage.close()
    return name, uploads.check_size(data, limit)


def _import(name: str, data: bytes) -> xlsform.XLSFormResult:
    if name.endswith(".xlsx"):
        return xlsform.import_xlsform(db.session, data, actor())
    if name.endswith(".json"):
        parsed = uploads.read_json(data)
        consultation = interchange.import_questionnaire(db.session, parsed, actor())
        return xlsform.XLSFormResult(consultation, [], len(consultation.questions))
    raise Invalid(N_("Please upload an XLSForm (.xlsx) or a questionnaire (.json)."))


@bp.route("/import", methods=["GET", "POST"])
@require(rules.may_author)
def import_questionnaire() -> Any:
    form = QuestionnaireImportForm()
    error = None
    if form.validate_on_submit():
        try:
            result = _import(*_read(form.file.data))
        except DomainError as failure:
            db.session.rollback()
            error = domain_message(failure)
        else:
            db.session.commit()
            skipped = [
                {"row": s.row, "name": s.name, "type": s.type, "text": _(s.reason, **s.params)}
                for s in result.skipped
            ]
            return render_template("author/import_report.html", result=result, skipped=skipped)
    elif form.is_submitted():
        error = _("Please choose a file.")
    return render_template("author/import_questionnaire.html", form=form, error=error), (
        422 if error else 200
    )
