"""pip intrekking: the withdrawal of a vastgesteld PIP as a besluit

Revision ID: 3f1c2a9d7e10
Revises: 60b7e6d40edd
Create Date: 2026-12-03 15:30:00
"""
from alembic import op
import sqlalchemy as sa

revision = '3f1c2a9d7e10'
down_revision = '60b7e6d40edd'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ingetrokken_op', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('intrekkingsgrond', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('intrekking_toelichting', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('ingetrokken_door', sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.drop_column('ingetrokken_door')
        batch_op.drop_column('intrekking_toelichting')
        batch_op.drop_column('intrekkingsgrond')
        batch_op.drop_column('ingetrokken_op')
