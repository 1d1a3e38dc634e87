"""The one chart helper of pages and reports: horizontal bars in the design system's colours.

One fill for every bar (an ordinal scale is one quantity, so bars must not look like
different categories), the share written on each bar, a percentage axis, category labels
wrapped onto several lines rather than cut off, and a text alternative for every chart.
"""

from __future__ import annotations

import io
import math
import textwrap

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

# The palette of consult/static/consult.css (KERN-based): accent bars, text and borders.
ACCENT = "#1a3da5"
TEXT = "#131525"
BORDER = "#6e7597"
FONT = "DejaVu Sans"
WRAP = 34


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _value_text(value: float | None, percent: bool, suppressed_label: str) -> str:
    if value is None or _missing(value):
        return suppressed_label
    return f"{value * 100:.0f} %" if percent else f"{value:g}"


def wrap_label(label: str, width: int = WRAP) -> str:
    """A category label broken onto lines of at most `width` characters, never shortened."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def text_alternative(
    labels: list[str],
    shares: list[float | None],
    *,
    title: str = "",
    suppressed_label: str = "–",
    percent: bool = True,
) -> str:
    """What the chart shows, as one line of text (alt text; the table beside it has more)."""
    parts = [
        f"{label}: {_value_text(value, percent, suppressed_label)}"
        for label, value in zip(labels, shares, strict=True)
    ]
    body = "; ".join(parts)
    return f"{title}: {body}" if title else body


def bar_chart(
    labels: list[str],
    shares: list[float | None],
    *,
    title: str = "",
    suppressed_label: str = "–",
    percent: bool = True,
    right_to_left: bool = False,
) -> bytes:
    """A horizontal bar chart as PNG; suppressed (None) bars are left out and marked.
    Right to left (Arabic, Farsi reports): labels on the right, bars growing leftwards."""
    wrapped = [wrap_label(label) for label in labels]
    lines = sum(max(1, label.count("\n") + 1) for label in wrapped)
    height = max(1.6, 0.3 * lines + 0.22 * len(labels) + 0.9)
    figure = Figure(figsize=(7.5, height), dpi=110)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    values = [0.0 if v is None or _missing(v) else float(v) for v in shares]
    scale = 100 if percent else 1
    bars = axes.barh(
        positions, [v * scale for v in values], color=ACCENT, edgecolor=ACCENT, height=0.6
    )
    top = max(values or [1]) * scale or 1
    for bar, value in zip(bars, shares, strict=True):
        axes.text(
            bar.get_width() + 0.015 * (100 if percent else top),
            bar.get_y() + bar.get_height() / 2,
            _value_text(value, percent, suppressed_label),
            va="center",
            ha="right" if right_to_left else "left",
            fontsize=9,
            family=FONT,
            color=TEXT,
        )
    axes.set_yticks(positions, wrapped, fontsize=9, family=FONT, color=TEXT)
    if percent:
        axes.set_xlim(0, 110)
        axes.set_xticks([0, 25, 50, 75, 100])
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0f} %"))
    else:
        axes.set_xlim(0, top * 1.25)
    axes.tick_params(axis="x", labelsize=8, colors=TEXT)
    start = "right" if right_to_left else "left"
    axes.spines[["top", "left" if right_to_left else "right"]].set_visible(False)
    axes.spines[[start, "bottom"]].set_color(BORDER)
    if right_to_left:
        axes.invert_xaxis()
        axes.yaxis.tick_right()
    axes.grid(axis="x", color="#e1e3ea", linewidth=0.6)
    axes.set_axisbelow(True)
    if title:
        axes.set_title(title, fontsize=10, family=FONT, loc="left", color=TEXT)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
