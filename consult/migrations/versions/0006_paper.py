"""Paper responses: the sheet number, verification and the second entry of a sheet.

Revision ID: 0006_paper
Revises: 0005_report
Create Date: 2026-11-22 00:49:32.104125

"""
from alembic import op
import sqlalchemy as sa

import surveys.base


# revision identifiers, used by Alembic.
revision = '0006_paper'
down_revision = '0005_report'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('paper_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('entered_at', surveys.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('group_code', sa.String(length=40), nullable=True),
    sa.Column('rows', sa.JSON(), nullable=False),
    sa.Column('resolved_at', surveys.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['entered_by_id'], ['user.id'], name=op.f('fk_paper_check_entered_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['user.id'], name=op.f('fk_paper_check_resolved_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_paper_check_response_id_response'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_check')),
    sa.UniqueConstraint('response_id', name=op.f('uq_paper_check_response_id'))
    )
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paper_sheet', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('verified_at', surveys.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_response_consultation_id_paper_sheet'), ['consultation_id', 'paper_sheet'])



def downgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_response_consultation_id_paper_sheet'), type_='unique')
        batch_op.drop_column('verified_at')
        batch_op.drop_column('paper_sheet')

    op.drop_table('paper_check')
