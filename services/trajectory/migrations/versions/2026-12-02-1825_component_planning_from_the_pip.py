"""component planning from the PIP

Revision ID: 389f1e5da527
Revises: 1b049f85bf2c
Create Date: 2026-12-02 18:25:02.672510
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db


revision = '389f1e5da527'
down_revision = '1b049f85bf2c'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('component', schema=None) as batch_op:
        batch_op.add_column(sa.Column('geplande_start', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('verwacht_einde', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('aanbieder', sa.String(length=200), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('component', schema=None) as batch_op:
        batch_op.drop_column('aanbieder')
        batch_op.drop_column('verwacht_einde')
        batch_op.drop_column('geplande_start')

