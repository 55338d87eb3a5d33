"""initial trajecten and termijnen

Revision ID: 087f1709a9fb
Revises: 
Create Date: 2026-11-23 09:14:18.029935
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '087f1709a9fb'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deadline',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('soort', sa.String(length=40), nullable=False),
    sa.Column('subject_id', sa.Uuid(), nullable=False),
    sa.Column('inburgeraar_url', sa.String(length=300), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('vervaldatum', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('regel', sa.String(length=200), nullable=False),
    sa.Column('gestart_door', sa.String(length=200), nullable=False),
    sa.Column('gewijzigd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline'))
    )
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.create_index('ix_deadline_scan', ['status', 'vervaldatum', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deadline_subject_id'), ['subject_id'], unique=False)

    op.create_table('inbox_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kanaal', sa.String(length=40), nullable=False),
    sa.Column('received_at', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_event'))
    )
    op.create_table('outbox_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kanaal', sa.String(length=40), nullable=False),
    sa.Column('payload', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('aanmaakdatum', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_event'))
    )
    op.create_table('traject',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('inburgeraar_url', sa.String(length=300), nullable=False),
    sa.Column('pip_url', sa.String(length=300), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('leerroute', sa.String(length=20), nullable=False),
    sa.Column('dagtekening_eerste_pip', sa.Date(), nullable=False),
    sa.Column('termijn_start', sa.Date(), nullable=False),
    sa.Column('termijn_einde', sa.Date(), nullable=False),
    sa.Column('map_deadline', sa.Date(), nullable=True),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('gewijzigd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('rijversie', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_traject')),
    sa.UniqueConstraint('inburgeraar_url', name=op.f('uq_traject_inburgeraar_url'))
    )
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_traject_gemeentecode'), ['gemeentecode'], unique=False)

    op.create_table('outbox_delivery',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('callback_url', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('delivered_at', inburgering_shared.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['outbox_event.id'], name=op.f('fk_outbox_delivery_event_id_outbox_event')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_delivery'))
    )
    with op.batch_alter_table('outbox_delivery', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_delivery_due', ['status', 'next_attempt_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('outbox_delivery', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_delivery_due')

    op.drop_table('outbox_delivery')
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_traject_gemeentecode'))

    op.drop_table('traject')
    op.drop_table('outbox_event')
    op.drop_table('inbox_event')
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deadline_subject_id'))
        batch_op.drop_index('ix_deadline_scan')

    op.drop_table('deadline')
