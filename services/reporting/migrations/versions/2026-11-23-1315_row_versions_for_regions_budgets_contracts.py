"""row versions for regions, budgets and contracts (If-Match on their PUTs)

Revision ID: 5c1e2f7a9b30
Revises: 68793d55d528
Create Date: 2026-11-23 13:15:00
"""
from alembic import op
import sqlalchemy as sa

revision = '5c1e2f7a9b30'
down_revision = '68793d55d528'
branch_labels = None
depends_on = None

TABLES = ('regio', 'spuk_budget', 'aanbieder_contract')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('rijversie', sa.Integer(), nullable=False, server_default='1'))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('rijversie', server_default=None)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('rijversie')
