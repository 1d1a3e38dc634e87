"""Texts of the public site set by administrators (imprint, privacy, accessibility).

Revision ID: 0003_site_texts
Revises: 0002_sign_in_throttle
Create Date: 2026-11-22 00:50:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0003_site_texts"
down_revision = "0002_sign_in_throttle"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "site_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("texts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_text")),
        sa.UniqueConstraint("key", name=op.f("uq_site_text_key")),
    )


def downgrade():
    op.drop_table("site_text")
