"""register facts, moves and VluchtelingenWerk handover

Existing dossiers get no languages and no interpreter need (server defaults).

Revision ID: c9325739e46b
Revises: d81b3f5f8caa
Create Date: 2026-11-23 10:01:22.725282
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = 'c9325739e46b'
down_revision = 'd81b3f5f8caa'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('verhuizing',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('inburgeraar_id', sa.Uuid(), nullable=False),
    sa.Column('van_gemeente', sa.String(length=6), nullable=False),
    sa.Column('naar_gemeente', sa.String(length=6), nullable=False),
    sa.Column('datum_vestiging', sa.Date(), nullable=False),
    sa.Column('gebeurtenis', sa.String(length=8), nullable=False),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inburgeraar_id'], ['inburgeraar.id'], name=op.f('fk_verhuizing_inburgeraar_id_inburgeraar')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verhuizing'))
    )
    with op.batch_alter_table('verhuizing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verhuizing_inburgeraar_id'), ['inburgeraar_id'], unique=False)

    op.create_table('vluchtelingenwerk_overdracht',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('referentie', sa.String(length=64), nullable=False),
    sa.Column('inburgeraar_id', sa.Uuid(), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.Column('inhoud', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('eerdere_versies', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('ontvangen', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inburgeraar_id'], ['inburgeraar.id'], name=op.f('fk_vluchtelingenwerk_overdracht_inburgeraar_id_inburgeraar')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vluchtelingenwerk_overdracht')),
    sa.UniqueConstraint('referentie', name=op.f('uq_vluchtelingenwerk_overdracht_referentie'))
    )
    with op.batch_alter_table('vluchtelingenwerk_overdracht', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vluchtelingenwerk_overdracht_inburgeraar_id'), ['inburgeraar_id'], unique=False)

    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.add_column(sa.Column('talen', inburgering_shared.db.JsonDocument, nullable=False, server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column('tolk_nodig', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('tolk_taal', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('plicht', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('plicht_begindatum', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('plicht_einddatum', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('reden_geen_plicht', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('vrijstelling', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('ontheffing', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('datum_huisvesting_verwacht', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('datum_huisvesting', sa.Date(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('inburgeraar', schema=None) as batch_op:
        batch_op.drop_column('datum_huisvesting')
        batch_op.drop_column('datum_huisvesting_verwacht')
        batch_op.drop_column('ontheffing')
        batch_op.drop_column('vrijstelling')
        batch_op.drop_column('reden_geen_plicht')
        batch_op.drop_column('plicht_einddatum')
        batch_op.drop_column('plicht_begindatum')
        batch_op.drop_column('plicht')
        batch_op.drop_column('tolk_taal')
        batch_op.drop_column('tolk_nodig')
        batch_op.drop_column('talen')

    with op.batch_alter_table('vluchtelingenwerk_overdracht', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vluchtelingenwerk_overdracht_inburgeraar_id'))

    op.drop_table('vluchtelingenwerk_overdracht')
    with op.batch_alter_table('verhuizing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verhuizing_inburgeraar_id'))

    op.drop_table('verhuizing')
