"""dated moves: a move takes effect on its moving date

Revision ID: 7a41c2e9d0b3
Revises: 5d2f8a91c3e7
Create Date: 2026-12-03 15:30:00.000000
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '7a41c2e9d0b3'
down_revision = '5d2f8a91c3e7'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('verhuizing', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uitgevoerd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f('ix_verhuizing_uitgevoerd'), ['uitgevoerd'], unique=False)
    # Every move recorded so far was handed over when it was recorded.
    op.execute("UPDATE verhuizing SET uitgevoerd = aangemaakt")


def downgrade() -> None:
    with op.batch_alter_table('verhuizing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verhuizing_uitgevoerd'))
        batch_op.drop_column('uitgevoerd')
