"""afschalen: lesson hours and ground

Revision ID: 60b7e6d40edd
Revises: af5ce5a80b89
Create Date: 2026-12-02 18:46:40.918710
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db
from sqlalchemy.dialects import postgresql

revision = '60b7e6d40edd'
down_revision = 'af5ce5a80b89'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lesuren', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))
        batch_op.add_column(sa.Column('afschaalgrond', sa.Text(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('pip', schema=None) as batch_op:
        batch_op.drop_column('afschaalgrond')
        batch_op.drop_column('lesuren')

