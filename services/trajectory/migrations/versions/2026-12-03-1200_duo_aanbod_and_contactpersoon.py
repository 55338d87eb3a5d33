"""a DUO dossier holds the inburgeringsaanbod DUO has from the gemeente and the contactpersoon linked to
the person; the klantmanagers registered at DUO as contactpersoon

Revision ID: 7c1e4b9a2d30
Revises: 3a9d6c2e8f14
Create Date: 2026-12-03 12:00:00
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '7c1e4b9a2d30'
down_revision = '3a9d6c2e8f14'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('duo_dossier', schema=None) as batch_op:
        batch_op.add_column(sa.Column('inburgeringsaanbod', inburgering_shared.db.JsonDocument, nullable=True))
        batch_op.add_column(sa.Column('contactpersoon_id', sa.Integer(), nullable=True))
    op.create_table(
        'duo_contactpersoon',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('gemeentecode', sa.String(length=6), nullable=False),
        sa.Column('duo_id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=241), nullable=False),
        sa.Column('naam', sa.String(length=100), nullable=False),
        sa.Column('telefoonnummer', sa.String(length=22), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('gemeentecode', 'duo_id'),
        sa.UniqueConstraint('gemeentecode', 'email'),
    )


def downgrade() -> None:
    op.drop_table('duo_contactpersoon')
    with op.batch_alter_table('duo_dossier', schema=None) as batch_op:
        batch_op.drop_column('contactpersoon_id')
        batch_op.drop_column('inburgeringsaanbod')
