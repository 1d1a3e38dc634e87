"""Translations: completeness grid, side-by-side editor, CSV/XLSX export and import."""

from __future__ import annotations

import json
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from consult.auth import require
from consult.author.common import actor, bp, flash_error, load_consultation
from consult.author.forms import ActionForm, ApplyImportForm, ImportForm
from consult.author.xlsx import decode_xlsx, encode_xlsx
from consult.downloads import file_response
from consult.extensions import db
from consult.i18n import text_direction
from consult.messages import domain_message
from surveys import rules, uploads
from surveys.authoring import tables, translations
from surveys.authoring.texts import slots
from surveys.authoring.translations import Change
from surveys.errors import DomainError, Invalid
from surveys.models import Consultation
from surveys.vocabulary import N_

# Translation tables are small; anything bigger is not one of ours (override with
# TRANSLATION_UPLOAD_MAX_BYTES).
MAX_UPLOAD = 2 * 1024 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/<int:consultation_id>/translations")
@require(rules.may_author)
def translations_overview(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    return render_template(
        "author/translations.html",
        consultation=consultation,
        statuses=translations.completeness(consultation),
        import_form=ImportForm(formdata=None),
    )


def _target_language(consultation: Consultation, lang: str) -> str:
    if lang not in consultation.languages:
        abort(404)
    return lang


@bp.route("/<int:consultation_id>/translations/<lang>", methods=["GET", "POST"])
@require(rules.may_author)
def translate(consultation_id: int, lang: str) -> Any:
    consultation = load_consultation(consultation_id)
    lang = _target_language(consultation, lang)
    form = ActionForm()
    if form.validate_on_submit():
        values = {
            key.removeprefix("text:"): value
            for key, value in request.form.items()
            if key.startswith("text:")
        }
        try:
            changed = translations.set_translations(db.session, consultation, lang, values, actor())
        except DomainError as error:
            flash_error(error)
        else:
            db.session.commit()
            flash(_("%(n)s texts saved.", n=changed), "success")
            return redirect(url_for("author.translate", consultation_id=consultation.id, lang=lang))
    source = consultation.source_language
    missing = set(
        next(s for s in translations.completeness(consultation) if s.language == lang).missing
    )
    rows = [
        {
            "key": slot.key,
            "source": slot.get(source),
            "value": slot.get(lang),
            "missing": slot.key in missing,
            "long": "description" in slot.key
            or "introduction" in slot.key
            or "privacy" in slot.key
            or "help_text" in slot.key
            or slot.key.startswith("outcome."),
        }
        for slot in slots(consultation)
    ]
    return render_template(
        "author/translate.html",
        consultation=consultation,
        lang=lang,
        source=source,
        direction=text_direction(lang),
        source_direction=text_direction(source),
        rows=rows,
        form=form,
    )


@bp.get("/<int:consultation_id>/translations/export.<fmt>")
@require(rules.may_author)
def export_translations(consultation_id: int, fmt: str) -> Any:
    consultation = load_consultation(consultation_id)
    rows = translations.export_rows(consultation)
    if fmt == "csv":
        data, mimetype = tables.encode_csv(rows), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        data, mimetype = encode_xlsx(rows), XLSX_TYPE
    else:
        abort(404)
    filename = f"{consultation.slug}-texts.{fmt}"
    return file_response(data, mimetype, filename)


def _read_upload(storage: Any) -> list[list[str]]:
    name = (storage.filename or "").lower()
    limit = int(current_app.config.get("TRANSLATION_UPLOAD_MAX_BYTES", MAX_UPLOAD))
    try:
        data = storage.read(limit + 1)
    finally:
        storage.close()
    uploads.check_size(data, limit)
    if name.endswith(".xlsx"):
        return decode_xlsx(data)
    if name.endswith((".csv", ".txt")):
        return tables.decode_csv(data)
    raise Invalid(N_("Please upload a CSV or XLSX file."))


@bp.post("/<int:consultation_id>/translations/import")
@require(rules.may_author)
def import_translations(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = ImportForm()
    error_text = None
    preview = None
    if form.validate_on_submit():
        try:
            preview = translations.preview_import(consultation, _read_upload(form.file.data))
        except Invalid as error:
            error_text = domain_message(error)
    else:
        error_text = _("Please choose a CSV or XLSX file.")
    if preview is None:
        return (
            render_template(
                "author/translations.html",
                consultation=consultation,
                statuses=translations.completeness(consultation),
                import_form=form,
                import_error=error_text,
            ),
            422,
        )
    apply_form = ApplyImportForm(
        formdata=None,
        changes=json.dumps(
            [[c.key, c.language, c.new] for c in preview.changes], ensure_ascii=False
        ),
    )
    return render_template(
        "author/import_preview.html",
        consultation=consultation,
        preview=preview,
        apply_form=apply_form,
    )


@bp.post("/<int:consultation_id>/translations/import/apply")
@require(rules.may_author)
def apply_import(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    form = ApplyImportForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        raw = json.loads(form.changes.data or "[]")
        changes = [Change(str(k), str(lang), "", str(new)) for k, lang, new in raw]
    except (ValueError, TypeError):
        abort(400)
    try:
        changed = translations.apply_changes(db.session, consultation, changes, actor())
    except DomainError as error:
        flash_error(error)
    else:
        db.session.commit()
        flash(ngettext("%(num)d text imported.", "%(num)d texts imported.", changed), "success")
    return redirect(url_for("author.translations_overview", consultation_id=consultation.id))
