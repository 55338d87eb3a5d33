"""consent register and brede intake

Revision ID: d81b3f5f8caa
Revises: 30d8726c3f90
Create Date: 2026-11-23 09:47:00.783585
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = 'd81b3f5f8caa'
down_revision = '30d8726c3f90'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('brede_intake',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('inburgeraar_id', sa.Uuid(), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('datum_gesprek', sa.Date(), nullable=True),
    sa.Column('datum_afgerond', sa.Date(), nullable=True),
    sa.Column('deelnemers', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('leefgebieden', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('achtergrond', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('tegenstrijdigheden', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('leerbaarheidstoets', inburgering_shared.db.JsonDocument, nullable=True),
    sa.Column('vooropleiding', sa.String(length=40), nullable=True),
    sa.Column('alfabetisering', sa.String(length=4), nullable=True),
    sa.Column('wil_vervolgonderwijs', sa.Boolean(), nullable=False),
    sa.Column('bijstand', sa.Boolean(), nullable=False),
    sa.Column('wensen', sa.Text(), nullable=True),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('gewijzigd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['inburgeraar_id'], ['inburgeraar.id'], name=op.f('fk_brede_intake_inburgeraar_id_inburgeraar')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_brede_intake')),
    sa.UniqueConstraint('inburgeraar_id', name=op.f('uq_brede_intake_inburgeraar_id'))
    )
    with op.batch_alter_table('brede_intake', schema=None) as batch_op:
        batch_op.create_index('ix_brede_intake_gemeente_status', ['gemeentecode', 'status'], unique=False)

    op.create_table('toestemming',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('inburgeraar_id', sa.Uuid(), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('categorie', sa.String(length=40), nullable=False),
    sa.Column('doel', sa.String(length=60), nullable=False),
    sa.Column('datum', sa.Date(), nullable=False),
    sa.Column('bron', sa.String(length=40), nullable=False),
    sa.Column('ingetrokken_op', sa.Date(), nullable=True),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inburgeraar_id'], ['inburgeraar.id'], name=op.f('fk_toestemming_inburgeraar_id_inburgeraar')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_toestemming'))
    )
    with op.batch_alter_table('toestemming', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_toestemming_inburgeraar_id'), ['inburgeraar_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('toestemming', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_toestemming_inburgeraar_id'))

    op.drop_table('toestemming')
    with op.batch_alter_table('brede_intake', schema=None) as batch_op:
        batch_op.drop_index('ix_brede_intake_gemeente_status')

    op.drop_table('brede_intake')
