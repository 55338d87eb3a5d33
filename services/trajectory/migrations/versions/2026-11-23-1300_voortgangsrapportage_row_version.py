"""voortgangsrapportage row version (ETag/If-Match on replacing a month's report)

Revision ID: 7c1e5a90d2b4
Revises: 26e2d1cabc4e
Create Date: 2026-11-23 13:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '7c1e5a90d2b4'
down_revision = '26e2d1cabc4e'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('voortgangsrapportage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rijversie', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('voortgangsrapportage', schema=None) as batch_op:
        batch_op.drop_column('rijversie')
