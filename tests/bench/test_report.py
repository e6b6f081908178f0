"""The bench report's rounds (bench/run --rounds N): the median round is the one reported,
with every round's ratio beside it."""

from __future__ import annotations

from bench.report import Row, markdown, median_round
from bench.wrk import Result


def _result(requests: int) -> Result:
    return Result(requests=requests, duration_s=1.0, p50_ms=10.0, p90_ms=15.0, p99_ms=20.0, max_ms=30.0, errors={})


def test_the_round_with_the_median_ratio_is_reported_with_every_rounds_ratio():
    rounds = [(_result(1000), _result(400)), (_result(1000), _result(700)), (_result(800), _result(400))]
    floor, measured, ratios = median_round(rounds)

    assert ratios == (0.4, 0.7, 0.5)
    assert (floor.requests, measured.requests) == (800, 400)  # 0.5, the median
    row = Row("masks status", "carepost", measured, floor, ratios)
    assert row.as_json()["ratio_to_baseline"] == 0.5
    assert row.as_json()["ratios_over_rounds"] == [0.4, 0.7, 0.5]
    assert "| 0.50 (0.40–0.70 over 3 rounds) |" in markdown([row])


def test_of_an_even_count_the_lower_median_is_reported():
    floor, measured, ratios = median_round([(_result(1000), _result(700)), (_result(1000), _result(500))])

    assert ratios == (0.7, 0.5)
    assert measured.requests == 500


def test_one_round_is_reported_as_before():
    floor, measured, ratios = median_round([(_result(1000), _result(450))])
    row = Row("masks status", "carepost", measured, floor, ratios)

    assert ratios == (0.45,)
    assert "ratios_over_rounds" not in row.as_json()
    assert markdown([row]).splitlines()[-1].endswith("| 0.45 |")
