"""pip versions, advice, content, bezwaar, aanbod, settings

Revision ID: 431552651dd9
Revises: cdb4759bfb3e
Create Date: 2026-11-23 10:17:06.963318
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db
from sqlalchemy.dialects import postgresql

revision = '431552651dd9'
down_revision = 'cdb4759bfb3e'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('activiteit',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('aanbieder', sa.String(length=200), nullable=False),
    sa.Column('titel', sa.String(length=200), nullable=False),
    sa.Column('omschrijving', sa.Text(), nullable=False),
    sa.Column('stap', sa.String(length=40), nullable=False),
    sa.Column('leefgebieden', sa.String(length=400), nullable=False),
    sa.Column('taalniveau', sa.String(length=2), nullable=True),
    sa.Column('plaats', sa.String(length=200), nullable=False),
    sa.Column('rooster', sa.String(length=200), nullable=False),
    sa.Column('capaciteit', sa.Integer(), nullable=False),
    sa.Column('gepubliceerd_door', sa.String(length=100), nullable=False),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activiteit'))
    )
    with op.batch_alter_table('activiteit', schema=None) as batch_op:
        batch_op.create_index('ix_activiteit_zoeken', ['gemeentecode', 'stap'], unique=False)

    op.create_table('gemeente_instelling',
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('onderwijsroute_max_leeftijd', sa.Integer(), nullable=False),
    sa.Column('max_routewijzigingen', sa.Integer(), nullable=False),
    sa.Column('gewijzigd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('rijversie', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('gemeentecode', name=op.f('pk_gemeente_instelling'))
    )
    op.create_table('bezwaar',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('pip_id', sa.Uuid(), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.Column('ontvangen', sa.Date(), nullable=False),
    sa.Column('gronden', sa.Text(), nullable=False),
    sa.Column('uitkomst', sa.String(length=30), nullable=True),
    sa.Column('besloten', sa.Date(), nullable=True),
    sa.Column('toelichting', sa.Text(), nullable=True),
    sa.Column('tijdig', sa.Boolean(), nullable=False),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['pip_id'], ['pip.id'], name=op.f('fk_bezwaar_pip_id_pip')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bezwaar'))
    )
    with op.batch_alter_table('bezwaar', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bezwaar_pip_id'), ['pip_id'], unique=False)

    op.create_table('pip_versie',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('pip_id', sa.Uuid(), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.Column('reden', sa.Text(), nullable=False),
    sa.Column('inhoud', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('verschil', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('vastgesteld_door', sa.String(length=100), nullable=False),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['pip_id'], ['pip.id'], name=op.f('fk_pip_versie_pip_id_pip')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pip_versie')),
    sa.UniqueConstraint('pip_id', 'versie', name=op.f('uq_pip_versie_pip_id_versie'))
    )
    with op.batch_alter_table('pip_versie', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pip_versie_pip_id'), ['pip_id'], unique=False)

    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.add_column(sa.Column('oorspronkelijke_vervaldatum', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('informatie_ontvangen', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('verlenging_reden', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('afgehandeld_op', sa.Date(), nullable=True))

    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dagtekening_eerste_pip', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('brede_intake_url', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('advies', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))
        batch_op.add_column(sa.Column('motivering', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('inhoud', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('routewijzigingen', sa.Integer(), nullable=False, server_default='0'))

    # A PIP vastgesteld before versions existed: its dagtekening is that of the first PIP.
    op.execute("UPDATE pip SET dagtekening_eerste_pip = dagtekening WHERE dagtekening IS NOT NULL")



def downgrade() -> None:
    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.drop_column('routewijzigingen')
        batch_op.drop_column('inhoud')
        batch_op.drop_column('motivering')
        batch_op.drop_column('advies')
        batch_op.drop_column('brede_intake_url')
        batch_op.drop_column('dagtekening_eerste_pip')

    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.drop_column('afgehandeld_op')
        batch_op.drop_column('verlenging_reden')
        batch_op.drop_column('informatie_ontvangen')
        batch_op.drop_column('oorspronkelijke_vervaldatum')

    with op.batch_alter_table('pip_versie', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pip_versie_pip_id'))

    op.drop_table('pip_versie')
    with op.batch_alter_table('bezwaar', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bezwaar_pip_id'))

    op.drop_table('bezwaar')
    op.drop_table('gemeente_instelling')
    with op.batch_alter_table('activiteit', schema=None) as batch_op:
        batch_op.drop_index('ix_activiteit_zoeken')

    op.drop_table('activiteit')
