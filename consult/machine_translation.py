"""An optional machine-translation service with a LibreTranslate-compatible API, set by URL."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from flask import current_app


class TranslationUnavailable(RuntimeError):
    """No service is configured, or it did not answer usefully."""


def configured() -> bool:
    return bool(current_app.config.get("MACHINE_TRANSLATION_URL"))


def translate(text: str, source: str, target: str) -> str:
    """Translate `text` with the configured service (POST {url}/translate)."""
    url = current_app.config.get("MACHINE_TRANSLATION_URL")
    if not url:
        raise TranslationUnavailable("no machine-translation service is configured")
    payload = {"q": text, "source": source, "target": target, "format": "text"}
    key = current_app.config.get("MACHINE_TRANSLATION_API_KEY")
    if key:
        payload["api_key"] = key
    request = urllib.request.Request(
        url.rstrip("/") + "/translate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(
            request, timeout=current_app.config["MACHINE_TRANSLATION_TIMEOUT"]
        ) as response:
            body = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as error:
        raise TranslationUnavailable(str(error)) from error
    translated = body.get("translatedText") if isinstance(body, dict) else None
    if not isinstance(translated, str) or not translated.strip():
        raise TranslationUnavailable("the service returned no translation")
    return translated
