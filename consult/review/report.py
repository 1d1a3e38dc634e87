"""The report builder: choose fields and questions, write summaries, preview and export."""

from __future__ import annotations

import base64
from collections import Counter
from typing import Any

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup

from analysis.published import enough_to_quote
from analysis.report import build as report_build
from analysis.report import html as report_html
from analysis.text.terms import frequencies, pooled, text_rows
from analysis.wordclouds import render as render_cloud
from consult import reporting
from consult.downloads import file_response
from consult.extensions import db
from consult.i18n import current_language
from consult.review import bp, language_options, question_options
from surveys.administration.audit import record
from surveys.reviewing import coding

TEXT_LIMIT = 20_000


class SaveForm(FlaskForm):
    """CSRF only; the fields are dynamic (one per field of action and question)."""


@bp.route("/report", methods=["GET", "POST"])
def report() -> Any:
    consultation = g.consultation
    language = current_language()
    settings = reporting.settings_of(db.session, consultation)
    form = SaveForm()
    fields = reporting.field_labels(consultation)
    infos = reporting.question_infos(consultation, language)
    if form.validate_on_submit():
        chosen_fields = [f for f in request.form.getlist("field") if f in fields]
        codes = {q.code for q in infos}
        chosen_questions = [c for c in request.form.getlist("question") if c in codes]
        summaries = dict(settings.summaries)
        for code in fields:
            text = (request.form.get(f"summary-{code}") or "")[:TEXT_LIMIT].strip()
            summaries[code] = {**summaries.get(code, {}), language: text}
        summaries[reporting.CROSSTABS_KEY] = {
            by: "1" for by in request.form.getlist("crosstab") if by in reporting.CROSSTAB_BY
        }
        settings.fields = chosen_fields
        settings.questions = chosen_questions
        settings.summaries = summaries
        open_points = (request.form.get("open_points") or "")[:TEXT_LIMIT].strip()
        settings.open_points = {**settings.open_points, language: open_points}
        settings.public_results = request.form.get("public_results") == "1"
        db.session.add(settings)
        record(
            db.session,
            "report.save",
            user=current_user._get_current_object(),
            obj=consultation,
            fields=chosen_fields,
            questions=len(chosen_questions),
            public=settings.public_results,
        )
        db.session.commit()
        flash(_("Saved."), "success")
        return redirect(url_for("review.report"))
    return render_template(
        "review/report.html",
        consultation=consultation,
        form=form,
        settings=settings,
        fields=fields,
        questions=infos,
        language=language,
        chosen_fields=set(settings.fields) or set(fields),
        chosen_questions=set(settings.questions) or {q.code for q in infos},
        chosen_crosstabs=reporting.crosstabs_of(settings),
    )


@bp.get("/report/preview")
def report_preview() -> Any:
    consultation = g.consultation
    data = reporting.load(db.session, consultation, current_language())
    built = report_build.build(
        reporting.report_input(db.session, data, reporting.settings_of(db.session, consultation))
    )
    # The report's HTML escapes every text it holds (analysis.report.html); marking the
    # finished fragment safe lets it sit inside our page without double escaping.
    return render_template(
        "review/report_preview.html",
        consultation=consultation,
        body=Markup(report_html.body(built)),
        report_direction=built.direction,
    )


@bp.get("/report/export.<fmt>")
def report_export(fmt: str) -> Any:
    if fmt not in ("pdf", "docx", "xlsx", "csv", "html"):
        abort(404)
    content, mimetype, filename = reporting.render(
        db.session, g.consultation, fmt, current_language()
    )
    record(
        db.session,
        "report.export",
        user=current_user._get_current_object(),
        obj=g.consultation,
        format=fmt,
    )
    db.session.commit()
    return file_response(content, mimetype, filename)


def _cloud_input() -> tuple[Counter, str, reporting.Data]:
    """Word counts for the chosen question, language (or pooled) and theme."""
    consultation = g.consultation
    language = current_language()
    questions = {q.code for q in coding.text_questions(consultation)}
    question = request.args.get("question") or None
    if question and question not in questions:
        abort(404)
    original = request.args.get("lang_filter") or None
    if original and original not in consultation.languages:
        abort(404)
    data = reporting.load(db.session, consultation, language)
    theme = request.args.get("theme") or None
    if theme and theme not in {t.code for t in data.themes}:
        abort(404)
    rows = text_rows(data.answers, question)
    rows = rows[rows["question_code"].astype("object").isin(questions)]
    if theme:
        rows = rows[rows["themes"].map(lambda t: theme in t)]
    if original:
        rows = rows[rows["language"].astype("object") == original]
    # A cloud drawn from one or two answers shows those people's words: too few, no cloud.
    if not enough_to_quote(rows["response_id"].nunique(), consultation.small_cell_threshold):
        return Counter(), original or language, data
    if original:
        return frequencies(rows["text"].astype(str), original), original, data
    return pooled(rows, language), language, data


@bp.get("/wordclouds")
def wordclouds() -> Any:
    counts, cloud_language, data = _cloud_input()
    cloud = render_cloud(counts, lead=_("Most frequent terms"))
    return render_template(
        "review/wordclouds.html",
        consultation=g.consultation,
        question_options=question_options(g.consultation, coding.text_questions(g.consultation)),
        theme_options=[(t.code, t.label) for t in data.themes],
        language_options=language_options(g.consultation),
        cloud=cloud,
        cloud_language=cloud_language,
        png=base64.b64encode(cloud.png).decode("ascii") if cloud else None,
        args=request.args,
        query=request.query_string.decode("ascii", "replace"),
    )


@bp.get("/wordclouds/cloud.<fmt>")
def wordcloud_file(fmt: str) -> Any:
    if fmt not in ("png", "svg"):
        abort(404)
    counts, _language, _data = _cloud_input()
    cloud = render_cloud(counts, lead=_("Most frequent terms"))
    if cloud is None:
        abort(404)
    if fmt == "png":
        return Response(cloud.png, mimetype="image/png")
    return Response(cloud.svg, mimetype="image/svg+xml")
