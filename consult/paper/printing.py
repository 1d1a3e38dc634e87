"""The questionnaire on paper: a print-friendly page per offered language, and the same
page as a PDF rendered by WeasyPrint, which fetches nothing but our own static files."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Response, abort, current_app, g, render_template, request, session
from flask_babel import force_locale
from werkzeug.security import safe_join

from consult.auth import require
from consult.author.common import load_consultation, restore_ui_language
from consult.downloads import file_response
from consult.extensions import db
from consult.i18n import SESSION_KEY, current_language
from consult.paper import bp
from consult.paper.questions import conditions
from consult.system import require_pdf
from surveys import consultations, rules
from surveys.models import Consultation
from surveys.vocabulary import ConsultationStatus

STAFF_ENDPOINTS = ("paper.staff_print", "paper.staff_pdf")


@bp.url_value_preprocessor
def _load(endpoint: str | None, values: dict[str, Any] | None) -> None:
    # Runs before the app's `?lang=` handling: printing the Arabic sheet must not switch
    # the staff member's own interface to Arabic (see author.preview).
    if endpoint in STAFF_ENDPOINTS:
        g.kept_ui_language = session.get(SESSION_KEY)
    slug = (values or {}).get("slug")
    if slug:
        consultation = consultations.get_by_slug(db.session, slug, with_questionnaire=True)
        g.consultation = consultation
        if consultation is not None and consultation.status != ConsultationStatus.DRAFT:
            g.offered_languages = list(consultation.languages)


def _language(consultation: Consultation) -> str:
    """`?lang=` if the consultation offers it (else 404); without it the page's language."""
    wanted = request.args.get("lang")
    if wanted:
        if wanted not in consultation.languages:
            abort(404)
        return wanted
    current = current_language()
    return current if current in consultation.languages else consultation.source_language


def render_sheet(consultation: Consultation, lang: str, *, pdf: bool, staff: bool) -> str:
    """The printable questionnaire in `lang` as HTML (`pdf` leaves out the screen tools)."""
    g.consultation = consultation
    with force_locale(lang):
        return render_template(
            "paper/print.html",
            consultation=consultation,
            lang=lang,
            pdf=pdf,
            staff=staff,
            conditions=conditions(consultation),
        )


def _static_only() -> Callable[[str], tuple[bytes, str]]:
    """Read a URL of our own static folder; refuse every other URL (no network at all)."""
    folder = current_app.static_folder or ""
    prefix = (current_app.static_url_path or "/static") + "/"
    host = request.host

    def read(url: str) -> tuple[bytes, str]:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc == host:
            if parts.path.startswith(prefix):
                path = safe_join(folder, parts.path[len(prefix) :])
                if path and Path(path).is_file():
                    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
                    return Path(path).read_bytes(), mime
        raise ValueError(f"Not fetched (only our own static files are): {url}")

    return read


def _fetcher(read: Callable[[str], tuple[bytes, str]]) -> Any:
    """The fetcher in the form this WeasyPrint version expects (class from 65 on)."""
    try:
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # WeasyPrint < 65 takes a function returning a dict

        def fetch(url: str) -> dict:
            body, mime = read(url)
            return {"string": body, "mime_type": mime, "redirected_url": url}

        return fetch

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            body, mime = read(url)
            return URLFetcherResponse(url, body, {"Content-Type": mime})

    return StaticOnlyFetcher()


def pdf_of(html: str) -> bytes:
    """The PDF of a rendered sheet (Pango and HarfBuzz shape Arabic and Farsi)."""
    require_pdf()
    from weasyprint import HTML

    document = HTML(string=html, base_url=request.host_url, url_fetcher=_fetcher(_static_only()))
    return document.write_pdf()


def _pdf_response(consultation: Consultation, lang: str, staff: bool) -> Response:
    pdf = pdf_of(render_sheet(consultation, lang, pdf=True, staff=staff))
    name = f"{consultation.slug}-{lang}.pdf"
    return file_response(pdf, "application/pdf", name, inline=True)


def _public(slug: str) -> Consultation:
    consultation = g.get("consultation")
    if consultation is None or consultation.status == ConsultationStatus.DRAFT:
        abort(404)
    return consultation


@bp.get("/c/<slug>/print")
def public_print(slug: str) -> Any:
    consultation = _public(slug)
    return render_sheet(consultation, _language(consultation), pdf=False, staff=False)


@bp.get("/c/<slug>/print.pdf")
def public_pdf(slug: str) -> Any:
    consultation = _public(slug)
    return _pdf_response(consultation, _language(consultation), staff=False)


@bp.get("/staff/consultations/<int:consultation_id>/print")
@require(rules.may_author)
def staff_print(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id, with_questionnaire=True)
    restore_ui_language()
    lang = request.args.get("lang") or consultation.source_language
    if lang not in consultation.languages:
        abort(404)
    return render_sheet(consultation, lang, pdf=False, staff=True)


@bp.get("/staff/consultations/<int:consultation_id>/print.pdf")
@require(rules.may_author)
def staff_pdf(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id, with_questionnaire=True)
    restore_ui_language()
    lang = request.args.get("lang") or consultation.source_language
    if lang not in consultation.languages:
        abort(404)
    return _pdf_response(consultation, lang, staff=True)
