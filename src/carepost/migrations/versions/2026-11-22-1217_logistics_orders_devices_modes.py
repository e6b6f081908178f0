"""Logistics orders: lines, packed kits, devices, tracking, notes, external ids; test/live patients and sites.

Revision ID: 37456e0771da
Revises: 24948d6bc863
Create Date: 2026-11-22 12:17:07.238785
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db
from sqlalchemy.dialects import postgresql

revision = '37456e0771da'
down_revision = '24948d6bc863'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('devices',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('item_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_identifier', sa.String(length=64), nullable=False),
    sa.Column('identifiers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('fulfillment_site_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('patient_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('site_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('used', sa.Boolean(), nullable=False),
    sa.Column('disabled_readings', sa.Boolean(), nullable=False),
    sa.Column('last_health_check', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_devices_account_id_accounts')),
    sa.ForeignKeyConstraint(['fulfillment_site_id'], ['fulfillment_sites.id'], name=op.f('fk_devices_fulfillment_site_id_fulfillment_sites')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_devices_item_id_items')),
    sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], name=op.f('fk_devices_patient_id_patients')),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], name=op.f('fk_devices_site_id_sites')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('external_identifier', name=op.f('uq_devices_external_identifier'))
    )
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_devices_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_devices_item_id'), ['item_id'], unique=False)

    op.create_table('device_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('device_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('occurred_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_device_events_device_id_devices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_device_events'))
    )
    with op.batch_alter_table('device_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_device_events_device_id'), ['device_id'], unique=False)

    op.create_table('order_external_ids',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('value', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_order_external_ids_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_external_ids_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_external_ids'))
    )
    with op.batch_alter_table('order_external_ids', schema=None) as batch_op:
        batch_op.create_index('ix_order_external_ids_account_value', ['account_id', 'value'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_external_ids_order_id'), ['order_id'], unique=False)

    op.create_table('order_lines',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('ref_id', sa.BigInteger(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.CheckConstraint('count > 0', name=op.f('ck_order_lines_count_positive')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_lines_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_lines'))
    )
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_lines_order_id'), ['order_id'], unique=False)

    op.create_table('order_notes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('author', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_notes_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_notes'))
    )
    with op.batch_alter_table('order_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_notes_order_id'), ['order_id'], unique=False)

    op.create_table('packed_kits',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_identifier', sa.String(length=64), nullable=True),
    sa.Column('packed_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_packed_kits_account_id_accounts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['kit_id'], ['kits.id'], name=op.f('fk_packed_kits_kit_id_kits')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_packed_kits_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_packed_kits'))
    )
    with op.batch_alter_table('packed_kits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_packed_kits_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_packed_kits_order_id'), ['order_id'], unique=False)

    op.create_table('tracking_numbers',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('carrier', sa.String(length=32), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_tracking_numbers_order_id_orders'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tracking_numbers'))
    )
    with op.batch_alter_table('tracking_numbers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tracking_numbers_order_id'), ['order_id'], unique=False)

    op.create_table('order_devices',
    sa.Column('order_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('device_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('packed_kit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_order_devices_device_id_devices')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_devices_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['packed_kit_id'], ['packed_kits.id'], name=op.f('fk_order_devices_packed_kit_id_packed_kits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('order_id', 'device_id', name=op.f('pk_order_devices'))
    )
    with op.batch_alter_table('kits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_kits_code'), ['code'])

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('patient_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.add_column(sa.Column('site_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True))
        batch_op.create_index('ix_orders_listing', ['account_id', 'dialect', 'mode', 'id'], unique=False)
        batch_op.create_index('ix_orders_listing_status', ['account_id', 'dialect', 'mode', 'status', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_patient_id'), ['patient_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_orders_site_id'), ['site_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_orders_site_id_sites'), 'sites', ['site_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_orders_patient_id_patients'), 'patients', ['patient_id'], ['id'])

    with op.batch_alter_table('patients', schema=None) as batch_op:
        # Existing rows were made with live keys or the tenant file: live.
        batch_op.add_column(sa.Column('mode', sa.String(length=4), nullable=False, server_default='live'))
    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.alter_column('mode', server_default=None)

    with op.batch_alter_table('sites', schema=None) as batch_op:
        # Existing rows were made with live keys or the tenant file: live.
        batch_op.add_column(sa.Column('mode', sa.String(length=4), nullable=False, server_default='live'))
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.alter_column('mode', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('sites', schema=None) as batch_op:
        batch_op.drop_column('mode')

    with op.batch_alter_table('patients', schema=None) as batch_op:
        batch_op.drop_column('mode')

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_orders_patient_id_patients'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_orders_site_id_sites'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_orders_site_id'))
        batch_op.drop_index(batch_op.f('ix_orders_patient_id'))
        batch_op.drop_index('ix_orders_listing_status')
        batch_op.drop_index('ix_orders_listing')
        batch_op.drop_column('site_id')
        batch_op.drop_column('patient_id')

    with op.batch_alter_table('kits', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_kits_code'), type_='unique')
        batch_op.drop_column('code')

    op.drop_table('order_devices')
    with op.batch_alter_table('tracking_numbers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tracking_numbers_order_id'))

    op.drop_table('tracking_numbers')
    with op.batch_alter_table('packed_kits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_packed_kits_order_id'))
        batch_op.drop_index(batch_op.f('ix_packed_kits_account_id'))

    op.drop_table('packed_kits')
    with op.batch_alter_table('order_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_notes_order_id'))

    op.drop_table('order_notes')
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_lines_order_id'))

    op.drop_table('order_lines')
    with op.batch_alter_table('order_external_ids', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_external_ids_order_id'))
        batch_op.drop_index('ix_order_external_ids_account_value')

    op.drop_table('order_external_ids')
    with op.batch_alter_table('device_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_device_events_device_id'))

    op.drop_table('device_events')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_devices_item_id'))
        batch_op.drop_index(batch_op.f('ix_devices_account_id'))

    op.drop_table('devices')
