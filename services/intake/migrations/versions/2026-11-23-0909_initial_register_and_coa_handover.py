"""initial register and coa handover

Revision ID: 30d8726c3f90
Revises: 
Create Date: 2026-11-23 09:09:19.554914
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '30d8726c3f90'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inburgeraar',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('bsn', sa.String(length=9), nullable=False),
    sa.Column('v_nummer', sa.String(length=10), nullable=True),
    sa.Column('voornamen', sa.String(length=200), nullable=False),
    sa.Column('achternaam', sa.String(length=200), nullable=False),
    sa.Column('geboortedatum', sa.Date(), nullable=False),
    sa.Column('land_van_herkomst', sa.String(length=100), nullable=True),
    sa.Column('doelgroep', sa.String(length=60), nullable=False),
    sa.Column('klantmanager', sa.String(length=100), nullable=True),
    sa.Column('datum_koppeling', sa.Date(), nullable=True),
    sa.Column('datum_kennisgeving', sa.Date(), nullable=True),
    sa.Column('datum_inschrijving_brp', sa.Date(), nullable=True),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('gewijzigd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inburgeraar')),
    sa.UniqueConstraint('gemeentecode', 'bsn', name=op.f('uq_inburgeraar_gemeentecode_bsn'))
    )
    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.create_index('ix_inburgeraar_gemeente_klantmanager', ['gemeentecode', 'klantmanager'], unique=False)

    op.create_table('outbox_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('kanaal', sa.String(length=40), nullable=False),
    sa.Column('payload', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('aanmaakdatum', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_event'))
    )
    op.create_table('coa_overdracht',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('coa_referentie', sa.String(length=64), nullable=False),
    sa.Column('inburgeraar_id', sa.Uuid(), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.Column('inhoud', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('ontvangen', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inburgeraar_id'], ['inburgeraar.id'], name=op.f('fk_coa_overdracht_inburgeraar_id_inburgeraar')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coa_overdracht')),
    sa.UniqueConstraint('coa_referentie', name=op.f('uq_coa_overdracht_coa_referentie'))
    )
    with op.batch_alter_table('coa_overdracht', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coa_overdracht_inburgeraar_id'), ['inburgeraar_id'], unique=False)

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

    op.create_table('coa_overdracht_versie',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('overdracht_id', sa.Uuid(), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.Column('inhoud', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('ontvangen', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['overdracht_id'], ['coa_overdracht.id'], name=op.f('fk_coa_overdracht_versie_overdracht_id_coa_overdracht')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coa_overdracht_versie'))
    )
    with op.batch_alter_table('coa_overdracht_versie', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coa_overdracht_versie_overdracht_id'), ['overdracht_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('coa_overdracht_versie', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coa_overdracht_versie_overdracht_id'))

    op.drop_table('coa_overdracht_versie')
    with op.batch_alter_table('outbox_delivery', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_delivery_due')

    op.drop_table('outbox_delivery')
    with op.batch_alter_table('coa_overdracht', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coa_overdracht_inburgeraar_id'))

    op.drop_table('coa_overdracht')
    op.drop_table('outbox_event')
    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.drop_index('ix_inburgeraar_gemeente_klantmanager')

    op.drop_table('inburgeraar')
