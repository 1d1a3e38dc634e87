"""A per-consultation secret for the noise of published figures, backfilled for existing rows.

Revision ID: 0011_disclosure_key
Revises: 0010_outcomes
Create Date: 2026-12-06 03:00:00

"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0011_disclosure_key"
down_revision = "0010_outcomes"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("consultation") as batch:
        batch.add_column(sa.Column("disclosure_key", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    table = sa.table("consultation", sa.column("id", sa.Integer), sa.column("disclosure_key"))
    for (identifier,) in connection.execute(sa.select(table.c.id)).all():
        connection.execute(
            table.update()
            .where(table.c.id == identifier)
            .values(disclosure_key=secrets.token_hex(32))
        )
    with op.batch_alter_table("consultation") as batch:
        batch.alter_column("disclosure_key", existing_type=sa.String(length=64), nullable=False)


def downgrade():
    with op.batch_alter_table("consultation") as batch:
        batch.drop_column("disclosure_key")
