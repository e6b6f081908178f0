"""access_audit

Revision ID: 40e57526571b
Revises: cd07d0662d6d
Create Date: 2026-11-22 11:46:07.441057
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db


revision = '40e57526571b'
down_revision = 'cd07d0662d6d'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('access_audit',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('api_key_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('request_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_access_audit_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_access_audit_api_key_id_api_keys'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_access_audit_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_audit'))
    )
    with op.batch_alter_table('access_audit', schema=None) as batch_op:
        batch_op.create_index('ix_access_audit_account_order', ['account_id', 'order_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('access_audit', schema=None) as batch_op:
        batch_op.drop_index('ix_access_audit_account_order')

    op.drop_table('access_audit')

