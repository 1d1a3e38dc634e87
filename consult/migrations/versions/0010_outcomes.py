"""What the committee decided: outcomes per field of action or question, translatable.

Revision ID: 0010_outcomes
Revises: 0009_oparl
Create Date: 2026-12-06 03:10:12.764571

"""

from alembic import op
import sqlalchemy as sa

import surveys.base


revision = "0010_outcomes"
down_revision = "0009_oparl"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("field_of_action", sa.String(length=40), nullable=True),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("text", sa.JSON(), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("created_at", surveys.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", surveys.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_outcome_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_outcome_question_id_question"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
    )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_consultation_id"), ["consultation_id"], unique=False
        )

    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("outcome_wanted", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("outcome_sent_at", surveys.base.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade():
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_column("outcome_sent_at")
        batch_op.drop_column("outcome_wanted")

    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_consultation_id"))

    op.drop_table("outcome")
