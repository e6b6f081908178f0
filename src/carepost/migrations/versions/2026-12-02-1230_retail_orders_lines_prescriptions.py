"""retail orders: how each is paid and delivered, its coupon and totals; its priced lines; its prescriptions

Revision ID: 05a48ea14bb5
Revises: c0ec8b71b73c
Create Date: 2026-12-02 03:55:06.372327
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db
from sqlalchemy.dialects import postgresql

revision = '05a48ea14bb5'
down_revision = 'c0ec8b71b73c'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('prescriptions',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('storage_key', sa.String(length=200), nullable=False),
    sa.Column('document_name', sa.String(length=255), nullable=True),
    sa.Column('content_type', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('expiring_date', sa.Date(), nullable=True),
    sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_prescriptions_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_prescriptions_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_prescriptions'))
    )
    with op.batch_alter_table('prescriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_prescriptions_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_prescriptions_order_id'), ['order_id'], unique=False)

    op.create_table('retail_order_lines',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('iva_rate', sa.Numeric(precision=7, scale=4).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('subtotal', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('discount', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('iva', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('total', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_retail_order_lines_quantity_positive')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_retail_order_lines_item_id_items')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_retail_order_lines_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_retail_order_lines'))
    )
    with op.batch_alter_table('retail_order_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retail_order_lines_order_id'), ['order_id'], unique=False)

    op.create_table('retail_orders',
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('payment_method_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('payment_status', sa.String(length=16), nullable=False),
    sa.Column('shipping_method_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('store_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('coupon_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('coupon_code', sa.String(length=64), nullable=True),
    sa.Column('coupon_value', sa.Numeric(precision=12, scale=4).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=True),
    sa.Column('subtotal', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('discount', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('iva', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('shipping_price', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('shipping_discount', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('total', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('expected_delivery_date', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('max_delivery_date', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('comments', sa.Text(), nullable=True),
    sa.Column('invoicing', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('generated_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('updated_by', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('insurance_refund_status', sa.String(length=16), nullable=False),
    sa.Column('rejection_reason', sa.String(length=500), nullable=True),
    sa.Column('origin', sa.String(length=32), nullable=False),
    sa.Column('payment_date', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('shipping_date', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('receiving_date', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_retail_orders_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coupon_id'], ['coupons.id'], name=op.f('fk_retail_orders_coupon_id_coupons')),
    sa.ForeignKeyConstraint(['generated_by'], ['account_users.id'], name=op.f('fk_retail_orders_generated_by_account_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_retail_orders_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['payment_method_id'], ['payment_methods.id'], name=op.f('fk_retail_orders_payment_method_id_payment_methods')),
    sa.ForeignKeyConstraint(['shipping_method_id'], ['shipping_methods.id'], name=op.f('fk_retail_orders_shipping_method_id_shipping_methods')),
    sa.ForeignKeyConstraint(['store_id'], ['stores.id'], name=op.f('fk_retail_orders_store_id_stores')),
    sa.ForeignKeyConstraint(['updated_by'], ['account_users.id'], name=op.f('fk_retail_orders_updated_by_account_users')),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_retail_orders'))
    )
    with op.batch_alter_table('retail_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_retail_orders_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_retail_orders_expected_delivery_date'), ['expected_delivery_date'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('retail_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retail_orders_expected_delivery_date'))
        batch_op.drop_index(batch_op.f('ix_retail_orders_account_id'))

    op.drop_table('retail_orders')
    with op.batch_alter_table('retail_order_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_retail_order_lines_order_id'))

    op.drop_table('retail_order_lines')
    with op.batch_alter_table('prescriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_prescriptions_order_id'))
        batch_op.drop_index(batch_op.f('ix_prescriptions_account_id'))

    op.drop_table('prescriptions')

