"""Conditions on whole sections (section.show_if); committee and meeting names by language.

Revision ID: 0012_conditions
Revises: 0011_disclosure_key
Create Date: 2026-12-06 03:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0012_conditions"
down_revision = "0011_disclosure_key"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("section") as batch_op:
        batch_op.add_column(sa.Column("show_if", sa.JSON(), nullable=True))
    with op.batch_alter_table("committee") as batch_op:
        batch_op.add_column(sa.Column("names", sa.JSON(), nullable=True))
    with op.batch_alter_table("meeting") as batch_op:
        batch_op.add_column(sa.Column("titles", sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table("meeting") as batch_op:
        batch_op.drop_column("titles")
    with op.batch_alter_table("committee") as batch_op:
        batch_op.drop_column("names")
    with op.batch_alter_table("section") as batch_op:
        batch_op.drop_column("show_if")
