"""Masks order events named in the past tense, as every other flow's are (`ship` → `shipped`).
The webhook `change` partners receive stays the action's name (core/manufacturing/flow.py).

Revision ID: 3e9b7d5a2c18
Revises: 8a4f2c6d1e73
Create Date: 2026-12-05 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '3e9b7d5a2c18'
down_revision = '8a4f2c6d1e73'
branch_labels = None
depends_on = None

# Written out, not imported: a migration keeps meaning what it meant when it was written.
_RENAMED = {
    'complete_scan': 'scan_completed',
    'approve_scan': 'scan_approved',
    'reject_scan': 'scan_rejected',
    'start_mesh': 'mesh_started',
    'start_print': 'printing_started',
    'start_qa': 'qa_started',
    'print_label': 'label_printed',
    'ship': 'shipped',
    'deliver': 'delivered',
    'factory_cancel': 'factory_cancelled',
}

_RENAME = sa.text(
    "UPDATE order_events SET name = :new WHERE name = :old"
    " AND order_id IN (SELECT id FROM orders WHERE flow = 'made_to_measure')"
)


def upgrade() -> None:
    for old, new in _RENAMED.items():
        op.execute(_RENAME.bindparams(old=old, new=new))


def downgrade() -> None:
    for old, new in _RENAMED.items():
        op.execute(_RENAME.bindparams(old=new, new=old))
