"""audittrail and idempotency keys

Revision ID: 68793d55d528
Revises: 42d07035b4b6
Create Date: 2026-11-23 10:12:46.117774
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '68793d55d528'
down_revision = '42d07035b4b6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audittrail',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('aanmaakdatum', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('bron', sa.String(length=40), nullable=False),
    sa.Column('applicatie_id', sa.String(length=200), nullable=False),
    sa.Column('gebruikers_id', sa.String(length=200), nullable=False),
    sa.Column('gebruikers_weergave', sa.String(length=200), nullable=False),
    sa.Column('namens', sa.String(length=200), nullable=False),
    sa.Column('actie', sa.String(length=20), nullable=False),
    sa.Column('resultaat', sa.Integer(), nullable=False),
    sa.Column('resource_url', sa.String(length=500), nullable=False),
    sa.Column('hoofd_object', sa.String(length=500), nullable=True),
    sa.Column('gemeentecode', sa.String(length=6), nullable=True),
    sa.Column('toelichting', sa.String(length=500), nullable=False),
    sa.Column('correlatie_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audittrail'))
    )
    with op.batch_alter_table('audittrail', schema=None) as batch_op:
        batch_op.create_index('ix_audittrail_aanmaakdatum', ['aanmaakdatum'], unique=False)
        batch_op.create_index('ix_audittrail_hoofd_object', ['hoofd_object', 'aanmaakdatum'], unique=False)

    op.create_table('idempotentie',
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('sleutel', sa.String(length=255), nullable=False),
    sa.Column('vingerafdruk', sa.String(length=64), nullable=False),
    sa.Column('status', sa.Integer(), nullable=True),
    sa.Column('headers', inburgering_shared.db.JsonDocument, nullable=True),
    sa.Column('body', sa.LargeBinary(), nullable=True),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('client_id', 'sleutel', name=op.f('pk_idempotentie'))
    )
    with op.batch_alter_table('idempotentie', schema=None) as batch_op:
        batch_op.create_index('ix_idempotentie_aangemaakt', ['aangemaakt'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('idempotentie', schema=None) as batch_op:
        batch_op.drop_index('ix_idempotentie_aangemaakt')

    op.drop_table('idempotentie')
    with op.batch_alter_table('audittrail', schema=None) as batch_op:
        batch_op.drop_index('ix_audittrail_hoofd_object')
        batch_op.drop_index('ix_audittrail_aanmaakdatum')

    op.drop_table('audittrail')
