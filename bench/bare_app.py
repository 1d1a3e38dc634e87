"""The yardstick for `bench.load`: a bare Flask app that stores what a submitted response
stores (a response row and its answer rows), in plain SQL through SQLAlchemy Core, with
no pages, sessions, CSRF, templates or ORM. Served by gunicorn exactly like Consult:

    BENCH_DATABASE_URL=... BENCH_CONSULTATION_ID=... gunicorn bench.bare_app:app
"""

from __future__ import annotations

import os
import secrets
import uuid

import sqlalchemy as sa
from flask import Flask, request

from consult.config import normalise_database_url
from surveys.base import prepare_engine, utcnow
from surveys.credentials import token_hash
from surveys.models import Answer, Response

app = Flask(__name__)
URL = normalise_database_url(os.environ.get("BENCH_DATABASE_URL", "sqlite://"))
engine = sa.create_engine(URL)
prepare_engine(engine)  # the same connection settings and checks as Consult
# The models' tables as Core tables: the same column types, used without the ORM.
response_table = Response.__table__
answer_table = Answer.__table__
CONSULTATION_ID = int(os.environ.get("BENCH_CONSULTATION_ID", "0"))
QUESTION_IDS = [int(n) for n in os.environ.get("BENCH_QUESTION_IDS", "").split(",") if n]


@app.post("/insert")
def insert() -> tuple[str, int]:
    """One submitted response with one answer row per question id (and a second choice)."""
    now = utcnow()
    receipt = token_hash(secrets.token_hex(6), "receipt")
    language = request.form.get("language", "de")
    with engine.begin() as conn:
        response_id = conn.execute(
            response_table.insert()
            .values(
                public_id=uuid.uuid4().hex,
                consultation_id=CONSULTATION_ID,
                language=language,
                channel="online",
                status="submitted",
                created_at=now,
                updated_at=now,
                submitted_at=now,
                receipt_hash=receipt,
            )
            .returning(response_table.c.id)
        ).scalar_one()
        conn.execute(
            answer_table.insert(),
            [
                {
                    "response_id": response_id,
                    "question_id": question_id,
                    "option_code": "o1",
                    "text": None,
                    "number": None,
                    "flagged": False,
                }
                for question_id in QUESTION_IDS
            ],
        )
    return receipt, 201
