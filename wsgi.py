"""WSGI entry point in a checkout: `gunicorn wsgi:app` (installed: `consult.wsgi:app`)."""

from consult.wsgi import app  # noqa: F401
