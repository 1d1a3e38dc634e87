"""Committees, meetings, agenda items and papers imported from a council information
system through OParl 1.1, and the log of sync runs.

Revision ID: 0009_oparl
Revises: 0008_jobs
Create Date: 2026-12-06 03:00:28.443382

"""

import sqlalchemy as sa
from alembic import op

import surveys.base

revision = "0009_oparl"
down_revision = "0008_jobs"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "oparl_body",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("oparl_id", sa.String(length=500), nullable=False),
        sa.Column("system_url", sa.String(length=500), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("web", sa.String(length=500), nullable=False),
        sa.Column("last_synced_at", surveys.base.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oparl_body")),
        sa.UniqueConstraint("oparl_id", name=op.f("uq_oparl_body_oparl_id")),
    )
    op.create_table(
        "oparl_paper",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("oparl_id", sa.String(length=500), nullable=False),
        sa.Column("reference", sa.String(length=50), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("web", sa.String(length=500), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oparl_paper")),
        sa.UniqueConstraint("oparl_id", name=op.f("uq_oparl_paper_oparl_id")),
    )
    op.create_table(
        "oparl_sync",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("body_oparl_id", sa.String(length=500), nullable=False),
        sa.Column("started_at", surveys.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", surveys.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["started_by_id"],
            ["user.id"],
            name=op.f("fk_oparl_sync_started_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oparl_sync")),
    )
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("oparl_id", sa.String(length=500), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("web", sa.String(length=500), nullable=False),
        sa.Column("paper_id", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agenda_item_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["paper_id"],
            ["oparl_paper.id"],
            name=op.f("fk_agenda_item_paper_id_oparl_paper"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("oparl_id", name=op.f("uq_agenda_item_oparl_id")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)

    with op.batch_alter_table("committee", schema=None) as batch_op:
        batch_op.add_column(sa.Column("oparl_id", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("web", sa.String(length=500), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_unique_constraint(batch_op.f("uq_committee_oparl_id"), ["oparl_id"])

    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agenda_item_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_consultation_agenda_item_id_agenda_item"),
            "agenda_item",
            ["agenda_item_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("oparl_id", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("web", sa.String(length=500), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("cancelled", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_unique_constraint(batch_op.f("uq_meeting_oparl_id"), ["oparl_id"])


def downgrade():
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_meeting_oparl_id"), type_="unique")
        batch_op.drop_column("deleted")
        batch_op.drop_column("cancelled")
        batch_op.drop_column("web")
        batch_op.drop_column("oparl_id")

    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_consultation_agenda_item_id_agenda_item"), type_="foreignkey"
        )
        batch_op.drop_column("agenda_item_id")

    with op.batch_alter_table("committee", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_committee_oparl_id"), type_="unique")
        batch_op.drop_column("deleted")
        batch_op.drop_column("web")
        batch_op.drop_column("oparl_id")

    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))

    op.drop_table("agenda_item")
    op.drop_table("oparl_sync")
    op.drop_table("oparl_paper")
    op.drop_table("oparl_body")
