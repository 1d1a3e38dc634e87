"""The one source of the addresses respondents and API clients get: overview, QR codes,
resume links, mails, the API, the command line.

They are built from PUBLIC_BASE_URL, which production requires (see `consult.config`); in
development without it, from the address the browser used, so links work on a laptop.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, has_request_context, request, url_for

from surveys.answering.snapshot import ConsultationLike

DEVELOPMENT_ADDRESS = "http://127.0.0.1:5000"


def base_url() -> str:
    """The public address of the application's root, without a trailing slash."""
    configured = current_app.config.get("PUBLIC_BASE_URL")
    if configured:
        return str(configured).rstrip("/")
    if has_request_context():
        return request.host_url.rstrip("/") + request.script_root
    return DEVELOPMENT_ADDRESS


def absolute(endpoint: str, **values: Any) -> str:
    """`url_for(endpoint, …)` as a public address."""
    path = url_for(endpoint, **values)
    if has_request_context() and request.script_root:
        path = path.removeprefix(request.script_root)
    return base_url() + path


def public_url(consultation: ConsultationLike) -> str:
    """The consultation's public link, e.g. https://beteiligung.example/c/integration-2027."""
    return f"{base_url()}/c/{consultation.slug}"


def short_url(consultation: ConsultationLike) -> str:
    """The public link without its scheme, for print: beteiligung.example/c/integration-2027."""
    return public_url(consultation).split("://", 1)[-1]


def invitation_url(consultation: ConsultationLike, token: str) -> str:
    """A personal invitation link."""
    return f"{public_url(consultation)}/i/{token}"


def resume_url(consultation: ConsultationLike, code: str) -> str:
    """The link that brings a respondent back to saved answers."""
    return f"{public_url(consultation)}/r/{code}"
