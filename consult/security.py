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
    # Invitation and resume links carry secrets in their path: never send them to another
    # site. Our own pages still get the Referer: over https, flask-wtf refuses a form post
    # without a same-origin Referer (WTF_CSRF_SSL_STRICT), so "no-referrer" would refuse all.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def lookup_limit() -> str:
    """Limit for guessing codes: invitation links, resume codes, receipt codes."""
    return current_app.config["LOOKUP_RATE_LIMIT"]


def submit_limit() -> str:
    """Ceiling for submissions from one address: high, as a school lab, a welfare office or
    a county's guest Wi-Fi put hundreds of respondents behind one."""
    return current_app.config["SUBMIT_RATE_LIMIT"]


def draft_submit_limit() -> str:
    """Limit for submissions of one browser's drafts (repeated clicks, scripts)."""
    return current_app.config["SUBMIT_RATE_LIMIT_PER_DRAFT"]


def _add_headers(response: Response) -> Response:
    """The headers above, where the view did not set its own (one pass over the headers)."""
    present = {name.lower() for name, _value in response.headers}
    wanted = list(HEADERS.items())
    if request.endpoint != "static":
        # Answers and staff pages must not linger in shared browsers or proxies.
        wanted.append(("Cache-Control", "no-store"))
    if request.is_secure:
        wanted.append(("Strict-Transport-Security", "max-age=31536000"))
    for name, value in wanted:
        if name.lower() not in present:
            response.headers.add(name, value)
    return response


def init_app(app: Flask) -> None:
    hops = int(app.config.get("PROXY_FIX_X_FOR", 0) or 0)
    if hops:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]  # Flask's documented way
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops
        )
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    limiter.init_app(app)
    app.after_request(_add_headers)
