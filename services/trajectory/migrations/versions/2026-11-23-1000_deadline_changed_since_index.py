"""deadline changed-since index

Revision ID: 72b3f93d82c6
Revises: 087f1709a9fb
Create Date: 2026-11-23 10:00:39.258954
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db


revision = '72b3f93d82c6'
down_revision = '087f1709a9fb'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.create_index('ix_deadline_gewijzigd', ['gewijzigd'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.drop_index('ix_deadline_gewijzigd')

