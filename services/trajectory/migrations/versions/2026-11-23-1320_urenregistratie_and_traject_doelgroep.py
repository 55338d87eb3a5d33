"""hours the gemeente records (R10) and the trajectory's doelgroep

Revision ID: 3d8f2b6a4c19
Revises: 7c1e5a90d2b4
Create Date: 2026-11-23 13:20:00
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '3d8f2b6a4c19'
down_revision = '7c1e5a90d2b4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('urenregistratie',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('traject_id', sa.Uuid(), nullable=False),
    sa.Column('soort', sa.String(length=30), nullable=False),
    sa.Column('maand', sa.String(length=7), nullable=False),
    sa.Column('uren', sa.Integer(), nullable=False),
    sa.Column('omschrijving', sa.Text(), nullable=True),
    sa.Column('vastgelegd_door', sa.String(length=100), nullable=False),
    sa.Column('gewijzigd', inburgering_shared.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('rijversie', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['traject_id'], ['traject.id'], name=op.f('fk_urenregistratie_traject_id_traject')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_urenregistratie')),
    sa.UniqueConstraint('traject_id', 'soort', 'maand', name=op.f('uq_urenregistratie_traject_id_soort_maand'))
    )
    with op.batch_alter_table('urenregistratie', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_urenregistratie_traject_id'), ['traject_id'], unique=False)
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.add_column(sa.Column('doelgroep', sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.drop_column('doelgroep')
    with op.batch_alter_table('urenregistratie', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_urenregistratie_traject_id'))
    op.drop_table('urenregistratie')
