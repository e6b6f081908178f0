"""invoices: an account's CFDI issuer (its CSD sealed) and each order's invoice; SAT keys on retail products

Revision ID: 54a297132aa5
Revises: 05a48ea14bb5
Create Date: 2026-12-02 05:26:21.824421
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db
from sqlalchemy.dialects import postgresql

revision = '54a297132aa5'
down_revision = '05a48ea14bb5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('invoice_issuers',
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('rfc', sa.String(length=13), nullable=False),
    sa.Column('legal_name', sa.String(length=300), nullable=False),
    sa.Column('fiscal_regime', sa.String(length=3), nullable=False),
    sa.Column('postal_code', sa.String(length=5), nullable=False),
    sa.Column('series', sa.String(length=25), nullable=False),
    sa.Column('certificate', sa.Text(), nullable=False),
    sa.Column('certificate_number', sa.String(length=20), nullable=False),
    sa.Column('sealed_key', sa.Text(), nullable=False),
    sa.Column('sealed_password', sa.Text(), nullable=False),
    sa.Column('pac', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('default_cfdi_use', sa.String(length=4), nullable=False),
    sa.Column('default_regime_individual', sa.String(length=3), nullable=False),
    sa.Column('default_regime_company', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_invoice_issuers_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_invoice_issuers'))
    )
    op.create_table('invoices',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('receiver', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=True),
    sa.Column('xml_key', sa.String(length=200), nullable=True),
    sa.Column('pdf_key', sa.String(length=200), nullable=True),
    sa.Column('error', sa.String(length=1000), nullable=True),
    sa.Column('sandbox', sa.Boolean(), nullable=False),
    sa.Column('requested_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('stamped_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('emailed_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('cancellation', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_invoices_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_invoices_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('order_id', name=op.f('uq_invoices_order_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_invoices_uuid'))
    )
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoices_account_id'), ['account_id'], unique=False)

    with op.batch_alter_table('retail_products', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sat_product_key', sa.String(length=8), server_default='01010101', nullable=False))
        batch_op.add_column(sa.Column('sat_unit_key', sa.String(length=3), server_default='H87', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('retail_products', schema=None) as batch_op:
        batch_op.drop_column('sat_unit_key')
        batch_op.drop_column('sat_product_key')

    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoices_account_id'))

    op.drop_table('invoices')
    op.drop_table('invoice_issuers')
