"""Sharing a consultation: its public link as QR code (PNG, SVG) and a printable notice."""

from __future__ import annotations

import io
from typing import Any

import segno
from flask import Response, abort, render_template, url_for
from flask_babel import force_locale, format_date, format_time
from flask_babel import gettext as _
from markupsafe import Markup

from consult.auth import require
from consult.author.common import bp, load_consultation
from consult.downloads import file_response
from consult.i18n import text_direction
from consult.links import public_url, short_url
from surveys import rules
from surveys.models import Consultation
from surveys.texts import pick


def _qr(consultation: Consultation) -> segno.QRCode:
    # Level M survives a folded or slightly soiled printout and keeps the code small.
    return segno.make(public_url(consultation), error="m", micro=False)


def _image(data: bytes, mimetype: str, filename: str) -> Response:
    return file_response(data, mimetype, filename, inline=True)


@bp.get("/<int:consultation_id>/qr.png")
@require(rules.may_author)
def qr_png(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    buffer = io.BytesIO()
    _qr(consultation).save(buffer, kind="png", scale=10, border=4)
    return _image(buffer.getvalue(), "image/png", f"{consultation.slug}-qr.png")


@bp.get("/<int:consultation_id>/qr.svg")
@require(rules.may_author)
def qr_svg(consultation_id: int) -> Any:
    consultation = load_consultation(consultation_id)
    buffer = io.BytesIO()
    _qr(consultation).save(buffer, kind="svg", scale=10, border=4, title=public_url(consultation))
    return _image(buffer.getvalue(), "image/svg+xml", f"{consultation.slug}-qr.svg")


@bp.get("/<int:consultation_id>/notice/<lang>")
@require(rules.may_author)
def notice(consultation_id: int, lang: str) -> Any:
    """A printable A4 notice in one offered language, with the QR code inline (no requests)."""
    consultation = load_consultation(consultation_id)
    if lang not in consultation.languages:
        abort(404)
    fallbacks = list(consultation.languages)
    # Our own generated SVG (paths and an escaped title), not user content.
    svg = Markup(
        _qr(consultation).svg_inline(
            scale=6,
            border=4,
            omitsize=True,
            svgclass="notice-qr-code",
            title=short_url(consultation),
        )
    )
    with force_locale(lang):
        closes = consultation.closes_at
        deadline = (
            _(
                "%(date)s, %(time)s",
                date=format_date(closes, "full"),
                time=format_time(closes, "short"),
            )
            if closes
            else None
        )
        meeting = consultation.meeting
        meeting_date = format_date(meeting.starts_at, "long") if meeting else None
        return render_template(
            "author/notice.html",
            consultation=consultation,
            lang=lang,
            html_lang=lang.replace("_", "-"),
            direction=text_direction(lang),
            title=pick(consultation.title, lang, fallbacks),
            introduction=pick(consultation.introduction, lang, fallbacks),
            deadline=deadline,
            meeting=meeting,
            meeting_date=meeting_date,
            qr=svg,
            short_url=short_url(consultation),
            back=url_for("author.overview", consultation_id=consultation.id),
        )
