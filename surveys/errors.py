"""Domain errors whose messages are marked for translation; `consult` shows them translated."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain refused an action. `message` is an untranslated msgid."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


class NotFound(DomainError):
    """The object asked for does not exist (or may not be revealed)."""


class Invalid(DomainError):
    """Input broke a rule."""
