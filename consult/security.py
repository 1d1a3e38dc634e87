"""Security headers on every response, rate limits, and proxy awareness."""

from __future__ import annotations

from flask import Flask, Response, current_app, g, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import generate_csrf
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


MAX_SIGNED_TOKENS = 50_000


def form_token() -> str:
    """The CSRF token for this visitor's forms (flask-wtf's), signed once per worker.

    flask-wtf signs the session's secret token again for every page. Without a time limit
    (`WTF_CSRF_TIME_LIMIT` None, our default) a signed token never expires, so one signed
    earlier for the same session is exactly as valid; reusing it saves the signing. With a
    time limit every page is signed afresh.
    """
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    raw = session.get(field)
    if raw is None or field in g or current_app.config.get("WTF_CSRF_TIME_LIMIT") is not None:
        return generate_csrf()
    signed_tokens = current_app.extensions["signed_csrf_tokens"]
    signed = signed_tokens.get(raw)
    if signed is None:
        signed = generate_csrf()
        if len(signed_tokens) >= MAX_SIGNED_TOKENS:
            signed_tokens.clear()
        signed_tokens[raw] = signed
    else:
        setattr(g, field, signed)  # where flask-wtf's own forms look for it
    return signed


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
    app.extensions["signed_csrf_tokens"] = {}
    # Instead of flask-wtf's generate_csrf, which it also puts into every template context.
    app.jinja_env.globals["csrf_token"] = form_token
    app.context_processor(lambda: {"csrf_token": form_token})
