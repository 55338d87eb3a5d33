"""a place per activity and PIP (capaciteit enforced)

Revision ID: 6c0f3e2a9d41
Revises: 7c13f15b422d
Create Date: 2026-11-23 13:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '6c0f3e2a9d41'
down_revision = '7c13f15b422d'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deelname',
    sa.Column('activiteit_id', sa.Uuid(), nullable=False),
    sa.Column('pip_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['activiteit_id'], ['activiteit.id'], name=op.f('fk_deelname_activiteit_id_activiteit')),
    sa.ForeignKeyConstraint(['pip_id'], ['pip.id'], name=op.f('fk_deelname_pip_id_pip')),
    sa.PrimaryKeyConstraint('activiteit_id', 'pip_id', name=op.f('pk_deelname'))
    )
    with op.batch_alter_table('deelname', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deelname_pip_id'), ['pip_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('deelname', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deelname_pip_id'))
    op.drop_table('deelname')
