"""signal lifecycle escalation and gemeente settings

Revision ID: 55d0a44048aa
Revises: 5fefd4db526b
Create Date: 2026-11-23 09:51:31.112277
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '55d0a44048aa'
down_revision = '5fefd4db526b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('gemeente_instelling',
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('horizonnen', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('teamleider_na_dagen', sa.Integer(), nullable=False),
    sa.Column('regisseur_na_dagen', sa.Integer(), nullable=False),
    sa.Column('teams', inburgering_shared.db.JsonDocument, nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('gemeentecode', name=op.f('pk_gemeente_instelling'))
    )
    with op.batch_alter_table('signaal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('geopend_op', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('klantmanager', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('team', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('niveau', sa.String(length=20), nullable=False, server_default='klantmanager'))
        batch_op.add_column(sa.Column('geescaleerd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('erkend_door', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('erkend', inburgering_shared.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('opgelost_door', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('opgelost', inburgering_shared.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('oplossing', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('versie', sa.Integer(), nullable=False, server_default='1'))
        batch_op.alter_column('inburgeraar_url',
               existing_type=sa.VARCHAR(length=300),
               nullable=True)
        batch_op.create_index('ix_signaal_gemeente_klantmanager', ['gemeentecode', 'klantmanager', 'status'], unique=False)
        batch_op.create_index('ix_signaal_gemeente_team', ['gemeentecode', 'team', 'status'], unique=False)
        batch_op.create_index('ix_signaal_inburgeraar', ['inburgeraar_url'], unique=False)
    # Signals raised before this revision were opened on the day they were created.
    to_date = "CAST(aangemaakt AS DATE)" if op.get_bind().dialect.name == "postgresql" else "date(aangemaakt)"
    op.execute(f"UPDATE signaal SET geopend_op = {to_date}")
    with op.batch_alter_table('signaal', schema=None) as batch_op:
        batch_op.alter_column('geopend_op', existing_type=sa.Date(), nullable=False)



def downgrade() -> None:
    with op.batch_alter_table('signaal', schema=None) as batch_op:
        batch_op.drop_index('ix_signaal_inburgeraar')
        batch_op.drop_index('ix_signaal_gemeente_team')
        batch_op.drop_index('ix_signaal_gemeente_klantmanager')
        batch_op.alter_column('inburgeraar_url',
               existing_type=sa.VARCHAR(length=300),
               nullable=False)
        batch_op.drop_column('versie')
        batch_op.drop_column('oplossing')
        batch_op.drop_column('opgelost')
        batch_op.drop_column('opgelost_door')
        batch_op.drop_column('erkend')
        batch_op.drop_column('erkend_door')
        batch_op.drop_column('geescaleerd')
        batch_op.drop_column('niveau')
        batch_op.drop_column('team')
        batch_op.drop_column('klantmanager')
        batch_op.drop_column('geopend_op')

    op.drop_table('gemeente_instelling')
