"""conflicts with COA on the dossier

Revision ID: 8faf403c034f
Revises: c9325739e46b
Create Date: 2026-11-23 10:16:21.514125
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '8faf403c034f'
down_revision = 'c9325739e46b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tegenstrijdigheden', inburgering_shared.db.JsonDocument, nullable=False, server_default=sa.text("'[]'")))



def downgrade() -> None:
    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.drop_column('tegenstrijdigheden')

