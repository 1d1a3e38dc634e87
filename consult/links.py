"""Addresses respondents use, built from PUBLIC_BASE_URL (they go into mails and print)."""

from __future__ import annotations

from flask import current_app

from surveys.models import Consultation


def _base() -> str:
    return str(current_app.config["PUBLIC_BASE_URL"]).rstrip("/")


def public_url(consultation: Consultation) -> str:
    """The consultation's public link, e.g. https://beteiligung.example/c/integration-2027."""
    return f"{_base()}/c/{consultation.slug}"


def short_url(consultation: Consultation) -> str:
    """The public link without its scheme, for print: beteiligung.example/c/integration-2027."""
    return public_url(consultation).split("://", 1)[-1]


def invitation_url(consultation: Consultation, token: str) -> str:
    """A personal invitation link."""
    return f"{public_url(consultation)}/i/{token}"
