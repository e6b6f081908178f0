"""SQL for the console's operators, their sessions and the console's audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from carepost.core.kit import lockout
from carepost.core.models import ConsoleAuditEntry, ConsoleOperator, ConsoleSession


class ConsoleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, row: ConsoleOperator | ConsoleSession | ConsoleAuditEntry) -> None:
        self.session.add(row)
        await self.session.flush()

    async def operator_by_email(self, email: str) -> ConsoleOperator | None:
        return await self.session.scalar(select(ConsoleOperator).where(ConsoleOperator.email == email))

    async def count_failure(self, operator_id: int, *, at: datetime) -> int:
        """One more failed sign-in in a row (core/kit/lockout.py); how many there are now."""
        result = await self.session.execute(
            update(ConsoleOperator)
            .where(ConsoleOperator.id == operator_id)
            .values(lockout.one_more_failure(ConsoleOperator.failed_sign_ins, ConsoleOperator.locked_until, at))
            .returning(ConsoleOperator.failed_sign_ins)
            .execution_options(synchronize_session=False)
        )
        return result.scalar_one()

    async def clear_failures(self, operator_id: int) -> None:
        await self.session.execute(
            update(ConsoleOperator)
            .where(ConsoleOperator.id == operator_id)
            .values(lockout.cleared(ConsoleOperator.failed_sign_ins, ConsoleOperator.locked_until))
            .execution_options(synchronize_session=False)
        )

    async def live_session(self, secret_hash: str, at: datetime) -> tuple[ConsoleSession, ConsoleOperator] | None:
        row = (
            await self.session.execute(
                select(ConsoleSession, ConsoleOperator)
                .join(ConsoleOperator, ConsoleOperator.id == ConsoleSession.operator_id)
                .where(
                    ConsoleSession.secret_hash == secret_hash,
                    ConsoleSession.ended_at.is_(None),
                    ConsoleSession.expires_at > at,
                    ConsoleOperator.disabled_at.is_(None),
                )
            )
        ).first()
        return (row[0], row[1]) if row else None

    async def end_session(self, secret_hash: str, at: datetime) -> None:
        await self.session.execute(
            update(ConsoleSession)
            .where(ConsoleSession.secret_hash == secret_hash, ConsoleSession.ended_at.is_(None))
            .values(ended_at=at)
            .execution_options(synchronize_session=False)
        )

    async def audit_page(
        self, *, email: str | None, action: str | None, since: datetime | None, before: datetime | None, offset: int, limit: int
    ) -> tuple[list[ConsoleAuditEntry], int]:
        """Audit rows, newest first, and how many match."""
        conditions = []
        if email is not None:
            conditions.append(ConsoleAuditEntry.email == email)
        if action is not None:
            conditions.append(ConsoleAuditEntry.action == action)
        if since is not None:
            conditions.append(ConsoleAuditEntry.at >= since)
        if before is not None:
            conditions.append(ConsoleAuditEntry.at < before)
        total = await self.session.scalar(select(func.count()).select_from(ConsoleAuditEntry).where(*conditions))
        rows = await self.session.scalars(
            select(ConsoleAuditEntry).where(*conditions).order_by(ConsoleAuditEntry.id.desc()).offset(offset).limit(limit)
        )
        return list(rows), total or 0
