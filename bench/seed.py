"""Fill the devices account's order table to a given size, fast, inside PostgreSQL.

Seeded orders copy a real order the API placed (so every column holds what
Carepost writes), spread over the patients the create scenario made, and each
gets the line and event a placed order has; the status tallies are recounted. `generate_series` keeps the rows
on the server: a million orders take well under a minute.

The orders the create scenario made (all new, `reconfirmAddress`) get the same
spread of statuses: on a fast run that scenario alone makes the first 10,000,
and a filtered list over orders none of which match measures an empty page.
"""

from __future__ import annotations

import asyncpg

from bench import pg

# The seeded orders' statuses, in tenths: mostly finished, some in flight.
STATUS_BY_TENTH = ["delivered"] * 6 + ["shipped"] * 2 + ["processing", "reconfirmAddress"]
FILTERED_STATUS = "processing"

_STATUS_ARRAY = "ARRAY[" + ", ".join(f"'{s}'" for s in STATUS_BY_TENTH) + "]"


async def fill_devices_orders(dsn: str, *, account_slug: str, total: int) -> int:
    """Add orders until the account has `total` devices orders; returns how many were added."""
    async with pg.connected(dsn) as connection:
        account_id = await connection.fetchval("SELECT id FROM accounts WHERE slug = $1", account_slug)
        have = await connection.fetchval(
            "SELECT count(*) FROM orders WHERE account_id = $1 AND dialect = 'devices'", account_id
        )
        missing = max(total - have, 0)
        async with connection.transaction():
            await connection.execute(
                f"""
                UPDATE orders SET status = ({_STATUS_ARRAY})[1 + id % 10]
                WHERE account_id = $1 AND dialect = 'devices' AND public_id NOT LIKE 'SEED\\_%'
                """,
                account_id,
            )
            if missing > 0:
                await _copy_orders(connection, account_id, missing)
            # The listing's totals come from the tallies Carepost keeps; count the seeded orders in.
            await connection.execute("DELETE FROM order_tallies WHERE account_id = $1 AND dialect = 'devices'", account_id)
            await connection.execute(
                """
                INSERT INTO order_tallies (account_id, dialect, mode, status, count)
                SELECT account_id, dialect, mode, status, count(*) FROM orders
                WHERE account_id = $1 AND dialect = 'devices' GROUP BY account_id, dialect, mode, status
                """,
                account_id,
            )
        # Every table, not the seeded ones alone: the machine's PostgreSQL may run without
        # autovacuum (this bench's does), and the lists also read the tallies the creates bumped
        # thousands of times, and the patients and sites they made (docs/performance.md,
        # "Lists on a vacuumed database").
        await connection.execute("VACUUM ANALYZE")
        return missing


async def _copy_orders(connection: asyncpg.Connection, account_id: int, missing: int) -> None:
    """`missing` copies of the account's newest order, each with its line and event."""
    template = await connection.fetchval(
        "SELECT max(id) FROM orders WHERE account_id = $1 AND dialect = 'devices'", account_id
    )
    if template is None:
        raise RuntimeError("no devices order to copy: the devices create scenario makes them (run it, or drop --only)")
    patients = await connection.fetchval(
        "SELECT array_agg(id) FROM patients WHERE account_id = $1", account_id
    )
    first_new = await connection.fetchval("SELECT coalesce(max(id), 0) + 1 FROM orders")
    await connection.execute(
        f"""
        INSERT INTO orders (public_id, account_id, api_key_id, mode, dialect, flow, status, recipient,
            shipping_address, attributes, warnings, patient_id, site_id, commerce_cancelled, placed_at, updated_at)
        SELECT 'SEED_' || $2::bigint + g, t.account_id, t.api_key_id, t.mode, t.dialect, t.flow,
            ({_STATUS_ARRAY})[1 + g % 10], t.recipient, t.shipping_address, t.attributes, t.warnings,
            ($3::bigint[])[1 + g % cardinality($3::bigint[])], t.site_id, false, t.placed_at, t.updated_at
        FROM orders t, generate_series(1, $4::int) g
        WHERE t.id = $1
        """,
        template, first_new, patients, missing,
    )
    await connection.execute(
        """
        INSERT INTO order_lines (order_id, kind, ref_id, count)
        SELECT o.id, l.kind, l.ref_id, l.count
        FROM orders o JOIN order_lines l ON l.order_id = $1
        WHERE o.id >= $2 AND o.public_id LIKE 'SEED\\_%'
        """,
        template, first_new,
    )
    await connection.execute(
        """
        INSERT INTO order_events (account_id, order_id, name, actor, data, occurred_at)
        SELECT o.account_id, o.id, e.name, e.actor, e.data, e.occurred_at
        FROM orders o JOIN order_events e ON e.order_id = $1
        WHERE o.id >= $2 AND o.public_id LIKE 'SEED\\_%'
        """,
        template, first_new,
    )
