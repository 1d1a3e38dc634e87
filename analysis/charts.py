"""Bar charts readable in greyscale: hatching, dark bars, the value written on each bar."""

from __future__ import annotations

import io
import math

from matplotlib.figure import Figure

from analysis.text.clusters import cut

HATCHES = ("", "///", "...", "xxx", "\\\\\\", "ooo", "---", "+++")
FONT = "DejaVu Sans"


def bar_chart(
    labels: list[str],
    shares: list[float | None],
    *,
    title: str = "",
    suppressed_label: str = "–",
    percent: bool = True,
) -> bytes:
    """A horizontal bar chart as PNG; suppressed (None) bars are left out and marked."""
    height = max(1.6, 0.45 * len(labels) + 0.9)
    figure = Figure(figsize=(7.5, height), dpi=110)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))[::-1]
    values = [0.0 if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in shares]
    scale = 100 if percent else 1
    bars = axes.barh(positions, [v * scale for v in values], color="#3a3a3a", edgecolor="black")
    for index, (bar, value) in enumerate(zip(bars, shares, strict=True)):
        bar.set_hatch(HATCHES[index % len(HATCHES)])
        bar.set_facecolor("#e6e6e6" if index % 2 else "#8c8c8c")
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        text = (
            suppressed_label
            if missing or value is None
            else (f"{value * 100:.0f} %" if percent else f"{value:g}")
        )
        axes.text(
            bar.get_width() + (1.5 if percent else 0.02 * (max(values) or 1)),
            bar.get_y() + bar.get_height() / 2,
            text,
            va="center",
            fontsize=9,
            family=FONT,
        )
    axes.set_yticks(positions, [_shorten(label) for label in labels], fontsize=9, family=FONT)
    axes.set_xlim(0, 110 if percent else max(values or [1]) * 1.25 or 1)
    axes.spines[["top", "right"]].set_visible(False)
    if title:
        axes.set_title(title, fontsize=10, family=FONT, loc="left")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _shorten(label: str, limit: int = 40) -> str:
    return cut(label, limit)
