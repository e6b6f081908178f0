"""mask_manufacturing

Revision ID: 9389464cb60d
Revises: c393f036a4dc
Create Date: 2026-11-22 11:42:53.514911
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db


revision = '9389464cb60d'
down_revision = 'c393f036a4dc'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mask_products',
    sa.Column('mask_type', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gtin', sa.String(length=14), nullable=False),
    sa.PrimaryKeyConstraint('mask_type', name=op.f('pk_mask_products'))
    )
    op.create_table('mask_production',
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('vm_job_id', sa.String(length=40), nullable=True),
    sa.Column('fupc', sa.String(length=7), nullable=True),
    sa.Column('gtin', sa.String(length=14), nullable=True),
    sa.Column('production_date', sa.Date(), nullable=True),
    sa.Column('label_printed_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('carrier', sa.String(length=40), nullable=True),
    sa.Column('tracking_number', sa.String(length=64), nullable=True),
    sa.Column('shipped_date', sa.Date(), nullable=True),
    sa.Column('delivered_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_mask_production_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_mask_production_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_mask_production')),
    sa.UniqueConstraint('fupc', name=op.f('uq_mask_production_fupc'))
    )
    with op.batch_alter_table('mask_production', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mask_production_account_id'), ['account_id'], unique=False)

    op.create_table('mask_scans',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('public_id', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('reviewed_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('review_note', sa.String(length=512), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_mask_scans_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_mask_scans_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mask_scans')),
    sa.UniqueConstraint('public_id', name=op.f('uq_mask_scans_public_id'))
    )
    with op.batch_alter_table('mask_scans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mask_scans_order_id'), ['order_id'], unique=False)
    # The factory's two products. The full-face GTIN is the contract's example;
    # both carry valid GS1 check digits. `carepost load` can change them.
    op.bulk_insert(
        sa.table("mask_products", sa.column("mask_type"), sa.column("name"), sa.column("gtin")),
        [
            {"mask_type": "cpap", "name": "Form Fit Full Face CPAP", "gtin": "00628678429093"},
            {"mask_type": "nose", "name": "Form Fit Nasal CPAP", "gtin": "00628678429109"},
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table('mask_scans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mask_scans_order_id'))

    op.drop_table('mask_scans')
    with op.batch_alter_table('mask_production', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mask_production_account_id'))

    op.drop_table('mask_production')
    op.drop_table('mask_products')
