"""scan stand per source

Revision ID: 2ae00dc01161
Revises: 55d0a44048aa
Create Date: 2026-11-23 10:03:17.054785
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db


revision = '2ae00dc01161'
down_revision = '55d0a44048aa'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scan_stand',
    sa.Column('bron', sa.String(length=300), nullable=False),
    sa.Column('vandaag', sa.Date(), nullable=False),
    sa.Column('gestart', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('handtekening', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('bron', name=op.f('pk_scan_stand'))
    )


def downgrade() -> None:
    op.drop_table('scan_stand')
