"""The overview's chart of orders per day, as geometry for a server-drawn SVG: one column
a day, stacked by flow. No JavaScript and no chart library: rectangles and labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from carepost.core.flows.registry import by_dialect, dialects
from carepost.core.operators.overview import DayCounts

WIDTH, HEIGHT, BOTTOM, LEFT = 720, 200, 24, 32  # the drawing area leaves room for day and count labels


@dataclass(frozen=True)
class Bar:
    flow: str
    count: int
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class Column:
    label: str  # the day, as MM-DD
    total: int
    x: float  # its centre, for the labels
    bars: list[Bar]


def colours() -> dict[str, str]:
    """Each dialect's colour, for the legend: colour-blind safe (Okabe–Ito), and named anyway."""
    return {dialect: by_dialect(dialect).colour for dialect in dialects()}


def columns(days: Sequence[DayCounts]) -> tuple[list[Column], int]:
    """The stacked columns, and the count the chart's top stands for."""
    top = max([day.total for day in days] + [1])
    slot = (WIDTH - LEFT) / max(len(days), 1)
    scale = (HEIGHT - BOTTOM - 8) / top
    drawn = []
    for n, day in enumerate(days):
        x, y, bars = LEFT + n * slot + slot * 0.15, float(HEIGHT - BOTTOM), []
        for flow in dialects():
            count = day.by_flow.get(flow, 0)
            if count:
                height = count * scale
                y -= height
                bars.append(Bar(flow, count, x, y, slot * 0.7, height, by_dialect(flow).colour))
        drawn.append(Column(day.day.strftime("%m-%d"), day.total, LEFT + n * slot + slot / 2, bars))
    return drawn, top
