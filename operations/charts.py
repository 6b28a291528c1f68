"""Bar charts as plain geometry for an SVG template: no JavaScript, nothing inline.

Pure functions (no Django): the template draws each bar as a <rect> with a <title>.
"""

from __future__ import annotations

import dataclasses
import math

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 40


@dataclasses.dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int  # colour class: series-0, series-1, ...
    title: str  # what a screen reader or a hover says


@dataclasses.dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    labels: list[tuple[float, str]]  # x position, label under the bars
    ticks: list[tuple[float, int]]  # y position, value on the axis
    legend: list[tuple[int, str]]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def empty(self) -> bool:
        return not self.bars


def nice_max(value: float) -> int:
    """The axis top: 1, 2 or 5 times a power of ten, at least `value` (and at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return int(step * power)
    return int(10 * power)


def stacked_bars(
    columns: list[tuple[str, list[int]]], series: list[str], *, label_every: int = 1
) -> Chart:
    """One column per (label, values per series), the series stacked bottom up."""
    top = nice_max(max((sum(values) for _, values in columns), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(columns), 1)
    bar_w = max(slot * 0.7, 1)
    bars, labels = [], []
    for i, (label, values) in enumerate(columns):
        x = LEFT + i * slot + (slot - bar_w) / 2
        base = 0
        for s, value in enumerate(values):
            if value:
                h = plot_h * value / top
                y = TOP + plot_h - plot_h * (base + value) / top
                bars.append(Bar(x, y, bar_w, h, s, f"{label}: {series[s]} {value}"))
            base += value
        if i % label_every == 0:
            labels.append((x + bar_w / 2, label))
    ticks = [(TOP + plot_h - plot_h * v / top, v) for v in (0, top // 2, top) if v or v == 0]
    return Chart(bars, labels, sorted(set(ticks)), list(enumerate(series)))
