"""verblijfsadres on the inburgeraar

Revision ID: ec502d542538
Revises: c28bdc98a206
Create Date: 2026-12-02 17:39:48.006863
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = 'ec502d542538'
down_revision = 'c28bdc98a206'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verblijfsadres', inburgering_shared.db.JsonDocument, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.drop_column('verblijfsadres')
