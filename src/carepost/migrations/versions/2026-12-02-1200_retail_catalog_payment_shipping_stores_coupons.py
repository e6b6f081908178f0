"""retail: prices of catalog items, payment methods, shipping methods, pick-up stores, coupons

Revision ID: c0ec8b71b73c
Revises: 6b2d8e4f1a37
Create Date: 2026-12-02 03:51:51.675335
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db
from sqlalchemy.dialects import postgresql

revision = 'c0ec8b71b73c'
down_revision = '6b2d8e4f1a37'
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('shipping_methods',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('price', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('free_from', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=True),
    sa.Column('min_days', sa.Integer(), nullable=False),
    sa.Column('max_days', sa.Integer(), nullable=False),
    sa.Column('zip_prefixes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipping_methods')),
    sa.UniqueConstraint('code', name=op.f('uq_shipping_methods_code'))
    )
    op.create_table('stores',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stores')),
    sa.UniqueConstraint('code', name=op.f('uq_stores_code'))
    )
    op.create_table('coupons',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Numeric(precision=12, scale=4).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('valid_from', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('valid_until', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('max_uses', sa.Integer(), nullable=True),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.CheckConstraint('uses >= 0', name=op.f('ck_coupons_uses_not_negative')),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_coupons_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coupons')),
    sa.UniqueConstraint('account_id', 'code', name='uq_coupons_account_id_code')
    )
    with op.batch_alter_table('coupons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupons_account_id'), ['account_id'], unique=False)

    op.create_table('payment_methods',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_payment_methods_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_methods')),
    sa.UniqueConstraint('account_id', 'code', name='uq_payment_methods_account_id_code')
    )
    with op.batch_alter_table('payment_methods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_methods_account_id'), ['account_id'], unique=False)

    op.create_table('retail_products',
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('price', sa.Numeric(precision=12, scale=2).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('iva_rate', sa.Numeric(precision=7, scale=4).with_variant(carepost.core.kit.db.DecimalText(length=40), 'sqlite'), nullable=False),
    sa.Column('requires_prescription', sa.Boolean(), nullable=False),
    sa.Column('image_url', sa.String(length=500), nullable=True),
    sa.CheckConstraint('price >= 0', name=op.f('ck_retail_products_price_not_negative')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_retail_products_item_id_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', name=op.f('pk_retail_products'))
    )



def downgrade() -> None:
    
    op.drop_table('retail_products')
    with op.batch_alter_table('payment_methods', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_methods_account_id'))

    op.drop_table('payment_methods')
    with op.batch_alter_table('coupons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupons_account_id'))

    op.drop_table('coupons')
    op.drop_table('stores')
    op.drop_table('shipping_methods')

