"""The administrators' languages page: each interface catalog's completeness, whether a
native speaker has reviewed it, the glossary, and the translator workbook out and in."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField

from consult import catalogs
from consult.auth import require
from consult.config import IS_CHECKOUT, TRANSLATIONS_DIR
from consult.downloads import file_response
from consult.messages import domain_message
from surveys import rules, uploads
from surveys.errors import Invalid

bp = Blueprint("languages", __name__, url_prefix="/staff/languages")

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The workbook of every catalog is about 300 kB; anything much bigger is not one of ours.
MAX_UPLOAD = 8 * 1024 * 1024


class WorkbookForm(FlaskForm):
    file = FileField(_l("Translator workbook (XLSX)"), validators=[FileRequired()])


class ApplyWorkbookForm(FlaskForm):
    changes = HiddenField()


def _root() -> Any:
    """Where the catalogs are read and written (tests point this at a copy)."""
    return current_app.config.get("CATALOG_SOURCE_DIR") or TRANSLATIONS_DIR


def _may_write() -> bool:
    """Catalogs are source code: they are changed in a checkout, not on a server."""
    return bool(current_app.config.get("CATALOG_EDITS", IS_CHECKOUT))


def _overview(form: WorkbookForm, error: str | None = None, status: int = 200) -> Any:
    root = _root()
    reviews = catalogs.reviews(root)
    rows = [
        {
            "code": lang,
            "done": catalogs.completeness(lang, root),
            "review": reviews[lang],
            "misses": len(catalogs.glossary_misses(lang, root)),
        }
        for lang in catalogs.languages(root)
    ]
    return render_template(
        "staff/languages.html",
        rows=rows,
        terms=catalogs.glossary(root),
        form=form,
        import_error=error,
    ), status


@bp.get("/")
@require(rules.may_administer)
def overview() -> Any:
    return _overview(WorkbookForm(formdata=None))


@bp.get("/workbook.xlsx")
@require(rules.may_administer)
def workbook() -> Any:
    root = _root()
    data = catalogs.encode_workbook(catalogs.languages(root), root)
    return file_response(data, XLSX_TYPE, "consult-interface-texts.xlsx")


@bp.post("/import")
@require(rules.may_administer)
def import_workbook() -> Any:
    form = WorkbookForm()
    if not form.validate_on_submit():
        return _overview(form, _("Please choose an XLSX file."), 422)
    storage = form.file.data
    try:
        data = uploads.check_size(storage.read(MAX_UPLOAD + 1), MAX_UPLOAD)
        preview = catalogs.preview_import(catalogs.decode_workbook(data), _root())
    except Invalid as error:
        return _overview(form, domain_message(error), 422)
    except catalogs.WorkbookError:
        return _overview(form, _("This is not a translator workbook of the interface."), 422)
    finally:
        storage.close()
    apply_form = ApplyWorkbookForm(
        formdata=None,
        changes=json.dumps(
            [[c.language, c.key, c.form, c.new] for c in preview.changes], ensure_ascii=False
        ),
    )
    return render_template(
        "staff/languages_preview.html",
        preview=preview,
        apply_form=apply_form,
        may_write=_may_write(),
    )


@bp.post("/import/apply")
@require(rules.may_administer)
def apply_import() -> Any:
    form = ApplyWorkbookForm()
    if not form.validate_on_submit() or not _may_write():
        abort(400)
    try:
        raw = [
            (str(lang), str(key), int(number), str(new))
            for lang, key, number, new in json.loads(form.changes.data or "[]")
        ]
    except (ValueError, TypeError):
        abort(400)
    langs = sorted({lang for lang, *_rest in raw})
    rows = [[catalogs.KEY, catalogs.FORM, *langs]]
    for lang, key, number, new in raw:
        rows.append([key, str(number), *(new if other == lang else "" for other in langs)])
    # Checked again: the page's hidden field is input like any other.
    try:
        preview = catalogs.preview_import(rows, _root())
    except catalogs.WorkbookError:
        abort(400)
    written = catalogs.apply_changes(preview.changes, _root())
    flash(
        ngettext(
            "%(num)s text written into the catalogs. Run consult translate compile and restart "
            "the application to show it.",
            "%(num)s texts written into the catalogs. Run consult translate compile and restart "
            "the application to show them.",
            written,
        ),
        "success",
    )
    return redirect(url_for("languages.overview"))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
