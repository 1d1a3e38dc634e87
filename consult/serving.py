"""Running Consult under gunicorn: the WSGI app and an access log that keeps secrets out.

Personal links carry their secret in the path (`/c/<slug>/i/<token>` for invitations,
`/c/<slug>/r/<code>` for resume links) and query strings may carry anything; both would
otherwise sit in every access log line and every log archive for years.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from gunicorn.glogging import Logger

_PERSONAL = re.compile(r"(/c/[^/?#]+/(?:i|r))/[^/?#]+")
REDACTED = "[redacted]"

# gunicorn's default format, with the path instead of the full request line's URI.
ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(L)ss'


def private_path(uri: str) -> str:
    """The path of `uri` without its query string and with personal secrets replaced."""
    if not uri or uri == "-":
        return uri
    path = urlsplit(uri).path if "://" in uri else uri.split("?", 1)[0].split("#", 1)[0]
    return _PERSONAL.sub(rf"\1/{REDACTED}", path)


class PrivateAccessLog(Logger):
    """gunicorn's logger; access lines name paths without query strings or personal links."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        secret = {
            value
            for name in ("RAW_URI", "PATH_INFO", "REQUEST_URI", "HTTP_REFERER", "QUERY_STRING")
            if (value := environ.get(name))
        }
        # Every atom that repeats one of these (%(U)s, %(f)s, {raw_uri}e, {referer}i …).
        for key, value in atoms.items():
            if isinstance(value, str) and value in secret:
                atoms[key] = "-" if value == environ.get("QUERY_STRING") else private_path(value)
        path = private_path(environ.get("RAW_URI") or environ.get("PATH_INFO") or "")
        atoms["r"] = f"{environ.get('REQUEST_METHOD')} {path} {environ.get('SERVER_PROTOCOL')}"
        atoms["q"] = "-"
        return atoms
