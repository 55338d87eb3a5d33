"""exam results DUO reported (resource examen) and the trajectory's uitstroom (resource afronding)

Revision ID: 5b2e9c7d1a40
Revises: 3d8f2b6a4c19
Create Date: 2026-11-23 14:00:00
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '5b2e9c7d1a40'
down_revision = '3d8f2b6a4c19'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('examenresultaat',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('inburgeraar_url', sa.String(length=300), nullable=False),
    sa.Column('gemeentecode', sa.String(length=6), nullable=False),
    sa.Column('onderdeel', sa.String(length=3), nullable=False),
    sa.Column('examendatum', sa.Date(), nullable=False),
    sa.Column('resultaat', sa.String(length=20), nullable=False),
    sa.Column('aangemaakt', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['duo_dossier.id'], name=op.f('fk_examenresultaat_dossier_id_duo_dossier')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_examenresultaat')),
    sa.UniqueConstraint('dossier_id', 'onderdeel', 'examendatum', name=op.f('uq_examenresultaat_dossier_id_onderdeel_examendatum'))
    )
    with op.batch_alter_table('examenresultaat', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_examenresultaat_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_examenresultaat_gemeentecode'), ['gemeentecode'], unique=False)
        batch_op.create_index(batch_op.f('ix_examenresultaat_inburgeraar_url'), ['inburgeraar_url'], unique=False)
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uitstroom', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('uitstroom_op', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.drop_column('uitstroom_op')
        batch_op.drop_column('uitstroom')
    with op.batch_alter_table('examenresultaat', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_examenresultaat_inburgeraar_url'))
        batch_op.drop_index(batch_op.f('ix_examenresultaat_gemeentecode'))
        batch_op.drop_index(batch_op.f('ix_examenresultaat_dossier_id'))
    op.drop_table('examenresultaat')
