"""Background jobs and the per-invitation send state of mail jobs.

Revision ID: 0008_jobs
Revises: 0007_questionnaire_version
Create Date: 2026-12-06 00:00:00

"""

import sqlalchemy as sa
from alembic import op

import surveys.base

revision = "0008_jobs"
down_revision = "0007_questionnaire_version"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", surveys.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("started_at", surveys.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", surveys.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("run_after", surveys.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", surveys.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultation.id"],
            name=op.f("fk_job_consultation_id_consultation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["started_by_id"],
            ["user.id"],
            name=op.f("fk_job_started_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job")),
    )
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_consultation_id"), ["consultation_id"])
        batch_op.create_index(batch_op.f("ix_job_status"), ["status"])

    op.create_table(
        "job_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("updated_at", surveys.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitation.id"],
            name=op.f("fk_job_item_invitation_id_invitation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["job.id"], name=op.f("fk_job_item_job_id_job"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_item")),
        sa.UniqueConstraint("job_id", "invitation_id", name=op.f("uq_job_item_job_id_invitation_id")),
    )
    with op.batch_alter_table("job_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_item_invitation_id"), ["invitation_id"])
        batch_op.create_index(batch_op.f("ix_job_item_job_id"), ["job_id"])
        batch_op.create_index(batch_op.f("ix_job_item_state"), ["state"])


def downgrade():
    with op.batch_alter_table("job_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_item_state"))
        batch_op.drop_index(batch_op.f("ix_job_item_job_id"))
        batch_op.drop_index(batch_op.f("ix_job_item_invitation_id"))
    op.drop_table("job_item")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_status"))
        batch_op.drop_index(batch_op.f("ix_job_consultation_id"))
    op.drop_table("job")
