"""deadline changed-since index

Revision ID: cdb4759bfb3e
Revises: a76af3dfee29
Create Date: 2026-11-23 10:00:36.675567
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db


revision = 'cdb4759bfb3e'
down_revision = 'a76af3dfee29'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.create_index('ix_deadline_gewijzigd', ['gewijzigd'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.drop_index('ix_deadline_gewijzigd')

