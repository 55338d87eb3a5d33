"""initial dossier read model

Revision ID: aa83a06de21c
Revises: 
Create Date: 2026-11-23 09:15:00.589463
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db


revision = 'aa83a06de21c'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('dossier',
    sa.Column('inburgeraar_url', sa.String(length=300), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('doelgroep', sa.String(length=60), nullable=True),
    sa.Column('leerroute', sa.String(length=20), nullable=True),
    sa.Column('pip_dagtekening', sa.Date(), nullable=True),
    sa.Column('bijgewerkt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('inburgeraar_url', name=op.f('pk_dossier'))
    )
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index('ix_dossier_gemeente_leerroute', ['gemeentecode', 'leerroute'], unique=False)

    op.create_table('inbox_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kanaal', sa.String(length=40), nullable=False),
    sa.Column('received_at', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_event'))
    )


def downgrade() -> None:
    op.drop_table('inbox_event')
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_gemeente_leerroute')

    op.drop_table('dossier')
