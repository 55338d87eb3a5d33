"""a DUO dossier holds DUO's examennummer of the leerbaarheidstoets (SS137) and the free exam attempts
left (SS199)

Revision ID: 3a9d6c2e8f14
Revises: 245ca1bd6fa7
Create Date: 2026-12-02 18:50:00
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '3a9d6c2e8f14'
down_revision = '245ca1bd6fa7'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('duo_dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('examennummer', inburgering_shared.db.JsonDocument, nullable=True))
        batch_op.add_column(sa.Column('gratis_pogingen', inburgering_shared.db.JsonDocument, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('duo_dossier', schema=None) as batch_op:
        batch_op.drop_column('gratis_pogingen')
        batch_op.drop_column('examennummer')
