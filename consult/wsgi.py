"""WSGI entry point of the installed package: `gunicorn consult.wsgi:app`."""

from __future__ import annotations

import sys

from consult import create_app
from consult.config import ConfigError

try:
    app = create_app()
except ConfigError as error:
    # A configuration mistake deserves a plain message in the server log, not a traceback.
    sys.stderr.write(f"Consult cannot start: {error}\n")
    raise SystemExit(1) from None
