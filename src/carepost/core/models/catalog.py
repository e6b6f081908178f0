"""The supplier's catalog: items and kits. Shared by every account (a reference table)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from carepost.core.kit.db import Base, BigId


class Manufacturer(Base):
    __tablename__ = "manufacturers"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    model: Mapped[str] = mapped_column(String(200))
    manufacturer_id: Mapped[int] = mapped_column(ForeignKey("manufacturers.id"))
    orderable: Mapped[bool]
    serialized: Mapped[bool] = mapped_column(default=False)  # shipped as devices with identifiers
    # Codes the tenant file may give, for FHIR (docs/fhir.md): the GS1 GTIN (a device's DI), a drug's RxNorm RxCUI.
    gtin: Mapped[str | None] = mapped_column(String(14), nullable=True)
    rxnorm: Mapped[str | None] = mapped_column(String(12), nullable=True)


class Kit(Base):
    __tablename__ = "kits"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)  # the tenant file's key
    name: Mapped[str] = mapped_column(String(200))
    archived: Mapped[bool] = mapped_column(default=False)
    loaner: Mapped[bool] = mapped_column(default=False)


class KitItem(Base):
    __tablename__ = "kit_items"
    __table_args__ = (CheckConstraint("count > 0", name="count_positive"),)

    kit_id: Mapped[int] = mapped_column(ForeignKey("kits.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"), primary_key=True)
    count: Mapped[int]
    drives_external_identifier: Mapped[bool] = mapped_column(default=False)
