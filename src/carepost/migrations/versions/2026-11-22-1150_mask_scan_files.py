"""mask_scan_files

Revision ID: 329d6114e72a
Revises: 066dcf8991ea
Create Date: 2026-11-22 11:50:53.839615
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db


revision = '329d6114e72a'
down_revision = '066dcf8991ea'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('mask_scan_files',
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('storage_key', sa.String(length=200), nullable=False),
    sa.Column('content_type', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_mask_scan_files_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_mask_scan_files_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('order_id', 'kind', name=op.f('pk_mask_scan_files'))
    )
    with op.batch_alter_table('mask_scan_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mask_scan_files_account_id'), ['account_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('mask_scan_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mask_scan_files_account_id'))

    op.drop_table('mask_scan_files')

