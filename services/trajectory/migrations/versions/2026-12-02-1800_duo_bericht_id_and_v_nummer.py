"""a write to DUO keeps its berichtId across deliveries; a DUO dossier holds DUO's vNummer; a
notification records the gemeente DUO addressed (also when it names only a vNummer)

Revision ID: 8c4a1e2f7b90
Revises: 5b2e9c7d1a40
Create Date: 2026-12-02 18:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '8c4a1e2f7b90'
down_revision = '5b2e9c7d1a40'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('duo_dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('v_nummer', sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f('ix_duo_dossier_v_nummer'), ['v_nummer'], unique=False)
    with op.batch_alter_table('duo_opdracht', schema=None) as batch_op:
        batch_op.add_column(sa.Column('bericht_id', sa.Uuid(), nullable=True))
    with op.batch_alter_table('duo_notificatie', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gemeentecode', sa.String(length=6), nullable=True))
        batch_op.create_index(batch_op.f('ix_duo_notificatie_gemeentecode'), ['gemeentecode'], unique=False)
    op.execute(
        "UPDATE duo_notificatie SET gemeentecode = "
        "(SELECT gemeentecode FROM duo_dossier WHERE duo_dossier.id = duo_notificatie.dossier_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table('duo_notificatie', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duo_notificatie_gemeentecode'))
        batch_op.drop_column('gemeentecode')
    with op.batch_alter_table('duo_opdracht', schema=None) as batch_op:
        batch_op.drop_column('bericht_id')
    with op.batch_alter_table('duo_dossier', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duo_dossier_v_nummer'))
        batch_op.drop_column('v_nummer')
