"""Count failed sign-ins per account so that repeated failures make the next attempt wait.

Revision ID: 0002_sign_in_throttle
Revises: 0001
Create Date: 2026-11-22 00:40:00

"""

import sqlalchemy as sa
from alembic import op

import surveys.base

revision = "0002_sign_in_throttle"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "last_failed_sign_in_at", surveys.base.UTCDateTime(timezone=True), nullable=True
            )
        )


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("last_failed_sign_in_at")
        batch_op.drop_column("failed_sign_ins")
