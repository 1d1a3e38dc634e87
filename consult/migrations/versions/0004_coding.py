"""Facilitators' coding: themes, answer translations, quotes, notes and moderation flags.

Revision ID: 0004_coding
Revises: 0003_site_texts
Create Date: 2026-11-22 00:35:25.887482

"""
from alembic import op
import sqlalchemy as sa

import surveys.base


# revision identifiers, used by Alembic.
revision = '0004_coding'
down_revision = '0003_site_texts'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('label', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('field_of_action', sa.String(length=40), nullable=True),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultation.id'], name=op.f('fk_theme_consultation_id_consultation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme')),
    sa.UniqueConstraint('consultation_id', 'code', name=op.f('uq_theme_consultation_id_code'))
    )
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_consultation_id'), ['consultation_id'], unique=False)

    op.create_table('answer_theme',
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['answer.id'], name=op.f('fk_answer_theme_answer_id_answer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['theme_id'], ['theme.id'], name=op.f('fk_answer_theme_theme_id_theme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('answer_id', 'theme_id', name=op.f('pk_answer_theme'))
    )
    with op.batch_alter_table('answer_theme', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_theme_theme_id'), ['theme_id'], unique=False)

    op.create_table('answer_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=10), nullable=False),
    sa.Column('translated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', surveys.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['answer.id'], name=op.f('fk_answer_translation_answer_id_answer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['translated_by_id'], ['user.id'], name=op.f('fk_answer_translation_translated_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer_translation')),
    sa.UniqueConstraint('answer_id', 'language', name=op.f('uq_answer_translation_answer_id_language'))
    )
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('flagged', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('redacted', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('quote', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('publish_quote', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('note', sa.Text(), server_default='', nullable=False))



def downgrade():
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_column('note')
        batch_op.drop_column('publish_quote')
        batch_op.drop_column('quote')
        batch_op.drop_column('redacted')
        batch_op.drop_column('flagged')
        batch_op.drop_column('hidden')

    op.drop_table('answer_translation')
    with op.batch_alter_table('answer_theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_theme_theme_id'))

    op.drop_table('answer_theme')
    with op.batch_alter_table('theme', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_consultation_id'))

    op.drop_table('theme')
