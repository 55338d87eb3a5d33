"""briefhoofd in the gemeente settings

Revision ID: b5cc2b83c865
Revises: 5be0c3a1f7d2
Create Date: 2026-12-02 17:43:20.262355
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = 'b5cc2b83c865'
down_revision = '5be0c3a1f7d2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('gemeente_instelling', schema=None) as batch_op:
        batch_op.add_column(sa.Column('briefhoofd', inburgering_shared.db.JsonDocument, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('gemeente_instelling', schema=None) as batch_op:
        batch_op.drop_column('briefhoofd')
