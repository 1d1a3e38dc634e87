"""Facilitators' report settings: chosen fields and questions, summaries, open points.

Revision ID: 0005_report
Revises: 0004_coding
Create Date: 2026-11-22 00:53:35.338048

"""
from alembic import op
import sqlalchemy as sa

import surveys.base


# revision identifiers, used by Alembic.
revision = '0005_report'
down_revision = '0004_coding'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('report_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('summaries', sa.JSON(), nullable=False),
    sa.Column('open_points', sa.JSON(), nullable=False),
    sa.Column('public_results', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('updated_at', surveys.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_report_settings_consultation_id_consultation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_settings')),
    sa.UniqueConstraint('consultation_id', name=op.f('uq_report_settings_consultation_id'))
    )


def downgrade():
    op.drop_table('report_settings')
