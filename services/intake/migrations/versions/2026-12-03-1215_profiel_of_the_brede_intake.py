"""profiel of the brede intake

Revision ID: 5d2f8a91c3e7
Revises: ec502d542538
Create Date: 2026-12-03 12:15:00.000000
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '5d2f8a91c3e7'
down_revision = 'ec502d542538'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('brede_intake', schema=None) as batch_op:
        batch_op.add_column(sa.Column('profiel', inburgering_shared.db.JsonDocument, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('brede_intake', schema=None) as batch_op:
        batch_op.drop_column('profiel')
