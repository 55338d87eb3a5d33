"""initial signalen and job runs

Revision ID: 5fefd4db526b
Revises: 
Create Date: 2026-11-23 09:16:09.517370
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '5fefd4db526b'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inbox_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kanaal', sa.String(length=40), nullable=False),
    sa.Column('received_at', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_event'))
    )
    op.create_table('job_run',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('job', sa.String(length=60), nullable=False),
    sa.Column('gestart', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('beeindigd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('uitkomst', sa.String(length=12), nullable=False),
    sa.Column('items', sa.Integer(), nullable=False),
    sa.Column('fout', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_run'))
    )
    with op.batch_alter_table('job_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_run_job'), ['job'], unique=False)

    op.create_table('leader_lease',
    sa.Column('naam', sa.String(length=40), nullable=False),
    sa.Column('houder', sa.String(length=100), nullable=False),
    sa.Column('verloopt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('naam', name=op.f('pk_leader_lease'))
    )
    op.create_table('outbox_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kanaal', sa.String(length=40), nullable=False),
    sa.Column('payload', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('aanmaakdatum', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_event'))
    )
    op.create_table('signaal',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('soort', sa.String(length=60), nullable=False),
    sa.Column('deadline_url', sa.String(length=300), nullable=False),
    sa.Column('deadline_soort', sa.String(length=40), nullable=False),
    sa.Column('inburgeraar_url', sa.String(length=300), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('vervaldatum', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signaal')),
    sa.UniqueConstraint('deadline_url', 'soort', name=op.f('uq_signaal_deadline_url_soort'))
    )
    with op.batch_alter_table('signaal', schema=None) as batch_op:
        batch_op.create_index('ix_signaal_gemeente_status', ['gemeentecode', 'status', 'vervaldatum'], unique=False)

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
    with op.batch_alter_table('signaal', schema=None) as batch_op:
        batch_op.drop_index('ix_signaal_gemeente_status')

    op.drop_table('signaal')
    op.drop_table('outbox_event')
    op.drop_table('leader_lease')
    with op.batch_alter_table('job_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_run_job'))

    op.drop_table('job_run')
    op.drop_table('inbox_event')
