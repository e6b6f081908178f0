"""sandbox_stock: test mode's own shelf, filled with the default for what each site carries

Revision ID: 3f9a6c2e1b84
Revises: 8c4e1b7a2d95
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "3f9a6c2e1b84"
down_revision = "8c4e1b7a2d95"
branch_labels = None
depends_on = None

# core/inventory/sandbox.py DEFAULT_SANDBOX_UNITS, as it was when this ran.
DEFAULT_SANDBOX_UNITS = 1000


def upgrade() -> None:
    op.create_table(
        "sandbox_stock",
        sa.Column("fulfillment_site_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.CheckConstraint("on_hand >= 0", name=op.f("ck_sandbox_stock_on_hand_not_negative")),
        sa.ForeignKeyConstraint(
            ["fulfillment_site_id"], ["fulfillment_sites.id"],
            name=op.f("fk_sandbox_stock_fulfillment_site_id_fulfillment_sites"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_sandbox_stock_item_id_items")),
        sa.PrimaryKeyConstraint("fulfillment_site_id", "item_id", name=op.f("pk_sandbox_stock")),
    )
    op.execute(
        "INSERT INTO sandbox_stock (fulfillment_site_id, item_id, on_hand) "
        f"SELECT fulfillment_site_id, item_id, {DEFAULT_SANDBOX_UNITS} FROM stock"
    )


def downgrade() -> None:
    op.drop_table("sandbox_stock")
