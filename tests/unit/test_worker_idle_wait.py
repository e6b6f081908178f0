"""An idle worker loop polls again soon after work and backs off to the idle poll."""

from __future__ import annotations

from carepost.worker import FIRST_IDLE_POLL_SECONDS, IDLE_POLL_SECONDS, idle_wait


def test_the_first_empty_polls_come_soon_then_double_up_to_the_idle_poll():
    waits = [idle_wait(n) for n in range(8)]

    assert waits[0] == FIRST_IDLE_POLL_SECONDS < IDLE_POLL_SECONDS / 10  # an event just after work waits little
    assert all(later == min(2 * earlier, IDLE_POLL_SECONDS) for earlier, later in zip(waits, waits[1:], strict=False))
    assert waits[-1] == IDLE_POLL_SECONDS  # an idle worker asks the database twice a second, no more
    assert sum(waits[:5]) < 1.0  # about a second of quick polls after a batch, then the idle pace


def test_a_long_idle_stays_at_the_idle_poll():
    assert idle_wait(10_000) == IDLE_POLL_SECONDS
