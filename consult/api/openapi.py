"""The OpenAPI 3.1 description of the read-only staff API."""

from __future__ import annotations

from typing import Any

_ERROR = {"$ref": "#/components/schemas/Error"}


ERRORS = {
    "400": "Language not offered",
    "401": "No or invalid token",
    "403": "Role not allowed",
    "404": "Unknown slug",
}
LANG = {"name": "lang", "in": "query", "required": False, "schema": {"type": "string"}}


def _responses(ok_schema: str, *errors: str) -> dict[str, Any]:
    """200 with `ok_schema`, 401 and 403 always, and the other error codes given."""
    responses: dict[str, Any] = {
        "200": {
            "description": "OK",
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{ok_schema}"}}
            },
        }
    }
    for code in ("401", "403", *errors):
        responses[code] = {
            "description": ERRORS[code],
            "content": {"application/json": {"schema": _ERROR}},
        }
    return responses


def document(server_url: str) -> dict[str, Any]:
    """The API description, with this deployment's base URL."""
    slug = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Consult staff API",
            "version": "1",
            "description": "Read-only access for staff. Create a token with "
            "`consult users token --email E` and send it as `Authorization: Bearer <token>`.",
        },
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "paths": {
            "/consultations": {
                "get": {
                    "summary": "All consultations with status and submitted responses",
                    "operationId": "listConsultations",
                    "responses": _responses("ConsultationList"),
                }
            },
            "/consultations/{slug}/results": {
                "get": {
                    "summary": "Aggregated results per question; suppressed figures are null",
                    "description": "Needs the facilitator or admin role.",
                    "operationId": "getResults",
                    "parameters": [slug, LANG],
                    "responses": _responses("Results", "400", "404"),
                }
            },
            "/consultations/{slug}": {
                "get": {
                    "summary": "One questionnaire in a chosen language",
                    "operationId": "getQuestionnaire",
                    "parameters": [slug, LANG],
                    "responses": _responses("Questionnaire", "400", "404"),
                }
            },
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "properties": {
                                "status": {"type": "integer"},
                                "message": {"type": "string"},
                            },
                        }
                    },
                },
                "ConsultationList": {
                    "type": "object",
                    "properties": {
                        "consultations": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "slug": {"type": "string"},
                                    "title": {
                                        "type": "object",
                                        "additionalProperties": {"type": "string"},
                                    },
                                    "status": {
                                        "enum": ["draft", "published", "closed", "archived"]
                                    },
                                    "languages": {"type": "array", "items": {"type": "string"}},
                                    "opens_at": {"type": ["string", "null"], "format": "date-time"},
                                    "closes_at": {
                                        "type": ["string", "null"],
                                        "format": "date-time",
                                    },
                                    "submitted_responses": {"type": "integer"},
                                    "public_url": {"type": "string"},
                                    "url": {"type": "string"},
                                },
                            },
                        }
                    },
                },
                "Questionnaire": {
                    "type": "object",
                    "properties": {
                        "slug": {"type": "string"},
                        "language": {"type": "string"},
                        "languages": {"type": "array", "items": {"type": "string"}},
                        "status": {"type": "string"},
                        "title": {"type": "string"},
                        "introduction": {"type": "string"},
                        "groups": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Coded"},
                        },
                        "sections": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "title": {"type": "string"},
                                    "show_if": {"type": ["object", "null"]},
                                    "questions": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Question"},
                                    },
                                },
                            },
                        },
                    },
                },
                "Results": {
                    "type": "object",
                    "properties": {
                        "slug": {"type": "string"},
                        "language": {"type": "string"},
                        "respondents": {"type": "integer"},
                        "threshold": {"type": "integer"},
                        "questions": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "code": {"type": "string"},
                                    "kind": {"type": "string"},
                                    "label": {"type": "string"},
                                    "field_of_action": {"type": ["string", "null"]},
                                    "n": {"type": ["integer", "null"]},
                                    "no_answer": {"type": ["integer", "null"]},
                                    "suppressed": {"type": "boolean"},
                                    "rows": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "label": {"type": "string"},
                                                "count": {"type": ["integer", "null"]},
                                                "share": {"type": ["number", "null"]},
                                            },
                                        },
                                    },
                                    "stats": {"type": "object"},
                                },
                            },
                        },
                    },
                },
                "Coded": {
                    "type": "object",
                    "properties": {"code": {"type": "string"}, "label": {"type": "string"}},
                },
                "Question": {
                    "type": "object",
                    "properties": {
                        "code": {"type": "string"},
                        "kind": {
                            "enum": [
                                "short_text",
                                "long_text",
                                "single_choice",
                                "multiple_choice",
                                "scale",
                                "yes_no",
                                "number",
                                "date",
                                "ranking",
                                "consent",
                            ]
                        },
                        "required": {"type": "boolean"},
                        "prompt": {"type": "string"},
                        "help_text": {"type": "string"},
                        "field_of_action": {"type": ["string", "null"]},
                        "settings": {"type": "object"},
                        "show_if": {"type": ["object", "null"]},
                        "options": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Coded"},
                        },
                    },
                },
            },
        },
    }
