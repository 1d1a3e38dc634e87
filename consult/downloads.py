"""File responses: one place that names downloads safely and states the content type once."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from flask import Response

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, fallback: str = "download") -> str:
    """A file name without paths, quotes or control characters: "../../etc/passwd-de.csv"
    becomes "etc_passwd-de.csv"; never empty, never hidden, at most 120 characters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE.sub("_", ascii_name.replace("/", "_").replace("\\", "_"))
    cleaned = re.sub(r"\.{2,}", ".", cleaned).strip("._-")
    return cleaned[-120:] or fallback


def file_response(
    data: bytes, content_type: str, filename: str, *, inline: bool = False
) -> Response:
    """`data` with its content type as given (no second charset) and a safe file name."""
    name = safe_filename(filename)
    disposition = "inline" if inline else "attachment"
    response = Response(data, content_type=content_type)
    response.headers["Content-Disposition"] = (
        f"{disposition}; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    )
    return response
