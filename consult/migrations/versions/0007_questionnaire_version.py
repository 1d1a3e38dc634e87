"""A version number of each consultation's questionnaire, raised on every change of its
sections, questions, options or groups, so per-process caches of the structure renew.

Revision ID: 0007_questionnaire_version
Revises: 0006_paper
Create Date: 2026-11-22 02:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0007_questionnaire_version"
down_revision = "0006_paper"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("questionnaire_version", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_column("questionnaire_version")
