"""pip: the PIP clock from DUO's SS139 (R2)

Revision ID: 5be0c3a1f7d2
Revises: 6c0f3e2a9d41
Create Date: 2026-11-23 13:10:00
"""
from alembic import op
import sqlalchemy as sa

revision = '5be0c3a1f7d2'
down_revision = '6c0f3e2a9d41'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pip_klok_duo', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.drop_column('pip_klok_duo')
