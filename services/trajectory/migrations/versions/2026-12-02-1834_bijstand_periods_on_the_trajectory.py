"""bijstand periods on the trajectory

Revision ID: 245ca1bd6fa7
Revises: 389f1e5da527
Create Date: 2026-12-02 18:34:51.422498
"""
from alembic import op
import sqlalchemy as sa
import inburgering_shared.db

revision = '245ca1bd6fa7'
down_revision = '389f1e5da527'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('bijstandsperioden', inburgering_shared.db.JsonDocument, nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column('bijstand_bron', sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('traject', schema=None) as batch_op:
        batch_op.drop_column('bijstand_bron')
        batch_op.drop_column('bijstandsperioden')
