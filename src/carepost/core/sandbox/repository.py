"""SQL for the sandbox: an account's autopilot settings, and what a walk reads of an order."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.models import Order, Patient, SandboxSettings


class SandboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def settings(self, account_id: int) -> SandboxSettings | None:
        return await self.session.get(SandboxSettings, account_id)

    async def add(self, settings: SandboxSettings) -> SandboxSettings:
        self.session.add(settings)
        await self.session.flush()
        return settings

    async def test_order(self, public_id: str, *, lock: bool = False) -> Order | None:
        """Only ever a test order: the autopilot never touches a live one."""
        query = select(Order).where(Order.public_id == public_id, Order.mode == "test")
        return await self.session.scalar(query.with_for_update() if lock else query)

    async def recipient_email(self, order: Order) -> str | None:
        """Who the order goes to: its recipient's e-mail, else its patient's (devices)."""
        if email := order.recipient.get("email"):
            return str(email)
        if order.patient_id is None:
            return None
        return await self.session.scalar(select(Patient.email).where(Patient.id == order.patient_id))
