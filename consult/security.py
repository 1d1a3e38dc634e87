"""Security headers on every response, rate limits, and proxy awareness."""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

# Only our own origin; no inline script or style anywhere, so nothing injected can run.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Invitation and resume links carry secrets in their path: never send them elsewhere.
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def lookup_limit() -> str:
    """Limit for guessing codes: invitation links, resume codes, receipt codes."""
    return current_app.config["LOOKUP_RATE_LIMIT"]


def submit_limit() -> str:
    """Limit for submissions from one address (a school lab may share one)."""
    return current_app.config["SUBMIT_RATE_LIMIT"]


def _add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.endpoint != "static":
        # Answers and staff pages must not linger in shared browsers or proxies.
        response.headers.setdefault("Cache-Control", "no-store")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def init_app(app: Flask) -> None:
    hops = int(app.config.get("PROXY_FIX_X_FOR", 0) or 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)
    app.after_request(_add_headers)
