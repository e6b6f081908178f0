"""cases: the pharmacy network and formulary, organizations' cases, prescription orders and their items

Revision ID: b3fd1f611b46
Revises: 522f16acf85f
Create Date: 2026-12-02 06:46:35.991369
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db
from sqlalchemy.dialects import postgresql

revision = 'b3fd1f611b46'
down_revision = '522f16acf85f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drugs',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('strength', sa.String(length=100), nullable=True),
    sa.Column('form', sa.String(length=100), nullable=True),
    sa.Column('ndc', sa.String(length=20), nullable=True),
    sa.Column('controlled', sa.Boolean(), nullable=False),
    sa.Column('schedule', sa.String(length=4), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drugs')),
    sa.UniqueConstraint('code', name=op.f('uq_drugs_code'))
    )
    op.create_table('pharmacies',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('adapter', sa.String(length=16), nullable=False),
    sa.Column('endpoint_url', sa.String(length=2048), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pharmacies')),
    sa.UniqueConstraint('code', name=op.f('uq_pharmacies_code'))
    )
    op.create_table('cases',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('public_id', sa.String(length=36), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('mode', sa.String(length=4), nullable=False),
    sa.Column('patient', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_cases_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('public_id', name=op.f('uq_cases_public_id'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_account_id'), ['account_id'], unique=False)

    op.create_table('case_order_items',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('drug_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('direction', sa.Text(), nullable=True),
    sa.Column('quantity', sa.String(length=32), nullable=False),
    sa.Column('refill_count', sa.Integer(), nullable=True),
    sa.Column('supply_days', sa.Integer(), nullable=True),
    sa.Column('custom_fields', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['drug_id'], ['drugs.id'], name=op.f('fk_case_order_items_drug_id_drugs')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_case_order_items_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_order_items'))
    )
    with op.batch_alter_table('case_order_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_order_items_order_id'), ['order_id'], unique=False)

    op.create_table('case_orders',
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('pharmacy_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('prescriber', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('diagnosis', sa.Text(), nullable=False),
    sa.Column('patient_health', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('date_written', sa.Date(), nullable=True),
    sa.Column('date_signed', sa.Date(), nullable=True),
    sa.Column('date_prescribed', sa.Date(), nullable=True),
    sa.Column('prescription_key', sa.String(length=200), nullable=True),
    sa.Column('pharmacy_reference', sa.String(length=128), nullable=True),
    sa.Column('failure', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_orders_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_case_orders_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['pharmacy_id'], ['pharmacies.id'], name=op.f('fk_case_orders_pharmacy_id_pharmacies')),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_case_orders'))
    )
    with op.batch_alter_table('case_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_orders_case_id'), ['case_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('case_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_orders_case_id'))

    op.drop_table('case_orders')
    with op.batch_alter_table('case_order_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_order_items_order_id'))

    op.drop_table('case_order_items')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_account_id'))

    op.drop_table('cases')
    op.drop_table('pharmacies')
    op.drop_table('drugs')
