"""Accessible charts as SVG strings, drawn on the server: no JavaScript, usable in pages and PDFs.

Every chart is `<svg role="img">` with a `<title>` and a `<desc>`, draws its numbers as text beside
the bars or points, and uses colours with at least 4.5:1 contrast on white. Pages should put a data
table alongside (`data_table`) for screen-reader users. All labels are escaped here, so callers may
mark the returned strings safe. Nothing here knows about requests or templates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from html import escape

# Contrast on white: 7.6, 4.9, 5.1, 9.0, 5.6, 10.0 to 1.
PALETTE = ["#0b5394", "#b35900", "#2e7d32", "#6a1b9a", "#c62828", "#37474f"]
TEXT = "#212529"
GRID = "#6c757d"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

WIDTH = 640
LABEL_WIDTH = 220
ROW_GAP = 10
BAR_HEIGHT = 22
FONT_SIZE = 13
CHARS_PER_LINE = 30

Series = Sequence[tuple[str, Sequence[float | None]]]


def _number(value: float) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "no data"
    return f"{_number(value)}{unit}"


def _ids(title: str, description: str) -> tuple[str, str]:
    key = hashlib.sha1(f"{title}\n{description}".encode()).hexdigest()[:10]  # noqa: S324 - an id, not security
    return f"chart-{key}-title", f"chart-{key}-desc"


def _wrap(label: str, width: int = CHARS_PER_LINE, max_lines: int = 3) -> list[str]:
    words, lines, line = label.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if len(candidate) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines or [""]


def _open(title: str, description: str, height: int) -> list[str]:
    title_id, desc_id = _ids(title, description)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'font-family="{escape(FONT)}" font-size="{FONT_SIZE}" class="cop-chart">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]


def _label(x: float, y: float, text: str, *, anchor: str = "start", weight: str = "normal") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" fill="{TEXT}" text-anchor="{anchor}" font-weight="{weight}" '
        f'dominant-baseline="middle">{escape(text)}</text>'
    )


def _row_label(y_mid: float, label: str) -> str:
    lines = _wrap(label)
    first = y_mid - (len(lines) - 1) * (FONT_SIZE + 2) / 2
    spans = "".join(
        f'<tspan x="{LABEL_WIDTH - 8}" y="{first + i * (FONT_SIZE + 2):.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text fill="{TEXT}" text-anchor="end" dominant-baseline="middle">{spans}</text>'


def _legend_width(name: str) -> int:
    return 16 + int(7.5 * len(name)) + 20


def _legend_positions(series_names: Sequence[str], y: float) -> list[tuple[float, float]]:
    positions, x = [], 8.0
    for name in series_names:
        if x > 8 and x + _legend_width(name) > WIDTH:
            x, y = 8.0, y + 18
        positions.append((x, y))
        x += _legend_width(name)
    return positions


def _legend(series_names: Sequence[str], y: float) -> list[str]:
    parts = []
    for i, (name, (x, row_y)) in enumerate(zip(series_names, _legend_positions(series_names, y), strict=True)):
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{row_y - 6}" width="12" height="12" fill="{colour}"/>')
        parts.append(_label(x + 16, row_y, name))
    return parts


def _legend_height(series_names: Sequence[str]) -> int:
    if not series_names:
        return 0
    last_y = _legend_positions(series_names, 0)[-1][1]
    return int(last_y) + 18 + 8


def _scale_max(values: Sequence[float | None], max_value: float | None) -> float:
    if max_value is not None:
        return max_value or 1
    present = [v for v in values if v is not None]
    return max(present) if present and max(present) > 0 else 1


def _row_height(label: str, bars: int = 1) -> int:
    return max(len(_wrap(label)) * (FONT_SIZE + 2) + 4, bars * BAR_HEIGHT) + ROW_GAP


def bar_chart(
    *,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    unit: str = "",
    max_value: float | None = None,
) -> str:
    """Horizontal bars, one per label, each with its value written at its end."""
    return grouped_bar_chart(
        title=title, description=description, labels=labels, series=[("", values)], unit=unit, max_value=max_value
    )


def grouped_bar_chart(
    *,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Series,
    unit: str = "",
    max_value: float | None = None,
) -> str:
    """Horizontal bars grouped by label: one bar per series in each group, with a legend when named."""
    names = [name for name, _ in series]
    show_legend = len(series) > 1 or any(names)
    top = _legend_height(names) if show_legend else 4
    scale = _scale_max([v for _, vals in series for v in vals], max_value)
    plot = WIDTH - LABEL_WIDTH - 70
    rows = [_row_height(label, len(series)) for label in labels]
    height = top + sum(rows) + 4
    parts = _open(title, description, height)
    if show_legend:
        parts += _legend(names, 12)
    y = top
    for index, label in enumerate(labels):
        block = len(series) * BAR_HEIGHT
        y_bars = y + (rows[index] - ROW_GAP - block) / 2
        parts.append(_row_label(y_bars + block / 2, label))
        for s, (_, vals) in enumerate(series):
            value = vals[index] if index < len(vals) else None
            length = 0 if value is None else plot * min(value, scale) / scale
            y_bar = y_bars + s * BAR_HEIGHT
            colour = PALETTE[s % len(PALETTE)]
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y_bar + 2:.1f}" width="{length:.1f}" '
                f'height="{BAR_HEIGHT - 4}" fill="{colour}"/>'
            )
            parts.append(_label(LABEL_WIDTH + length + 6, y_bar + BAR_HEIGHT / 2, _format(value, unit)))
        y += rows[index]
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="{top}" x2="{LABEL_WIDTH}" y2="{y}" stroke="{GRID}"/>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_bar_chart(
    *,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Series,
    unit: str = "",
    max_value: float | None = None,
    show_totals: bool = True,
) -> str:
    """Horizontal bars made of one segment per series (for shares that add up, or counts by kind).
    Segments wide enough carry their value; `show_totals` writes each bar's total at its end."""
    names = [name for name, _ in series]
    top = _legend_height(names)
    totals = [sum(vals[i] or 0 for _, vals in series) for i in range(len(labels))]
    scale = _scale_max(totals, max_value)
    plot = WIDTH - LABEL_WIDTH - 70
    rows = [_row_height(label) for label in labels]
    height = top + sum(rows) + 4
    parts = _open(title, description, height)
    parts += _legend(names, 12)
    y = top
    for index, label in enumerate(labels):
        y_bar = y + (rows[index] - ROW_GAP - BAR_HEIGHT) / 2
        parts.append(_row_label(y_bar + BAR_HEIGHT / 2, label))
        x = float(LABEL_WIDTH)
        for s, (name, vals) in enumerate(series):
            value = vals[index] if index < len(vals) else None
            if not value:
                continue
            length = plot * value / scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y_bar + 2:.1f}" width="{length:.1f}" height="{BAR_HEIGHT - 4}" '
                f'fill="{PALETTE[s % len(PALETTE)]}" stroke="#ffffff" stroke-width="1">'
                f"<title>{escape(name)}: {escape(_format(value, unit))}</title></rect>"
            )
            text = _format(value, unit)
            if length >= 8 * len(text) + 6:
                parts.append(
                    f'<text x="{x + length / 2:.1f}" y="{y_bar + BAR_HEIGHT / 2:.1f}" fill="#ffffff" '
                    f'text-anchor="middle" dominant-baseline="middle">{escape(text)}</text>'
                )
            x += length
        if show_totals:
            parts.append(_label(x + 6, y_bar + BAR_HEIGHT / 2, _format(totals[index], unit)))
        y += rows[index]
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="{top}" x2="{LABEL_WIDTH}" y2="{y}" stroke="{GRID}"/>')
    parts.append("</svg>")
    return "".join(parts)


def line_chart(
    *,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Series,
    unit: str = "",
    max_value: float | None = None,
) -> str:
    """Lines over time (x_labels in order), each point marked and labelled with its value."""
    names = [name for name, _ in series]
    show_legend = len(series) > 1 or any(names)
    top = (_legend_height(names) if show_legend else 0) + 20
    left, right, plot_height = 56, 40, 220
    height = top + plot_height + 48
    scale = _scale_max([v for _, vals in series for v in vals], max_value)
    count = max(len(x_labels), 1)
    step = (WIDTH - left - right) / max(count - 1, 1)
    parts = _open(title, description, height)
    if show_legend:
        parts += _legend(names, 12)
    bottom = top + plot_height
    for fraction in (0, 0.5, 1):
        y = bottom - plot_height * fraction
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="#dee2e6"/>')
        parts.append(_label(left - 6, y, _format(round(scale * fraction, 1), unit), anchor="end"))
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - right}" y2="{bottom}" stroke="{GRID}"/>')
    every = max(1, -(-count * 70 // (WIDTH - left - right)))  # about 70 units per label
    for i, label in enumerate(x_labels):
        if i % every == 0:
            parts.append(_label(left + i * step, bottom + 18, label, anchor="middle"))
    for s, (_, vals) in enumerate(series):
        colour = PALETTE[s % len(PALETTE)]
        points = [
            (left + i * step, bottom - plot_height * min(v, scale) / scale, v)
            for i, v in enumerate(vals)
            if v is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for x, y, v in points:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>')
            if len(points) <= 12:
                parts.append(_label(x, y - 12, _format(v, unit), anchor="middle"))
    parts.append("</svg>")
    return "".join(parts)


def data_table(*, caption: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The chart's numbers as an HTML table (Bootstrap classes), for screen readers and print."""
    head = "".join(f'<th scope="col">{escape(str(h))}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            (f'<th scope="row">{escape(str(cell))}</th>' if i == 0 else f"<td>{escape(str(cell))}</td>")
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="table table-sm"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
