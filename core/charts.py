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

# Drawn at a phone's width: labels sit above their bars, so the text stays at least 12 px on a 390 px screen, and
# pages cap the width (static/css/app.css) so it is not blown up on a desktop.
WIDTH = 380
ROW_GAP = 12
BAR_HEIGHT = 22
FONT_SIZE = 14
LINE_HEIGHT = FONT_SIZE + 4
CHARS_PER_LINE = 44
VALUE_ROOM = 58  # right of the longest bar, for its value
PLOT = WIDTH - VALUE_ROOM

Series = Sequence[tuple[str, Sequence[float | None]]]
PATTERNS = ("hatch", "dots")


def _number(value: float) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "no data"
    return f"{_number(value)}{unit}"


def _ids(title: str, description: str) -> tuple[str, str]:
    key = hashlib.sha1(f"{title}\n{description}".encode()).hexdigest()[:10]  # noqa: S324 - an id, not security
    return f"chart-{key}-title", f"chart-{key}-desc"


def _wrap(label: str, width: int = CHARS_PER_LINE) -> list[str]:
    """The label on as many lines as it needs (never cut short); a word longer than a line is split."""
    lines, line = [], ""
    for word in label.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[: width - 1] + "-")
            word = word[width - 1 :]
        candidate = f"{line} {word}".strip()
        if len(candidate) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
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


def _row_label(y_top: float, lines: list[str]) -> str:
    """A row's label, left-aligned above its bars, one tspan per line."""
    spans = "".join(
        f'<tspan x="0" y="{y_top + (i + 0.5) * LINE_HEIGHT:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text fill="{TEXT}" dominant-baseline="middle" class="chart-label">{spans}</text>'


class _Fills:
    """The fill of each series: its colour (the palette's, or the caller's when colours carry meaning), with a
    pattern drawn over it where asked, so colour is never the only way to tell series apart."""

    def __init__(self, key: str, count: int, colours: Sequence[str] | None, patterns: Sequence[str | None] | None):
        self.colours = [
            (colours[i] if colours and i < len(colours) else PALETTE[i % len(PALETTE)]) for i in range(count)
        ]
        self.patterns = [(patterns[i] if patterns and i < len(patterns) else None) for i in range(count)]
        self.ids = [f"{key}-fill-{i}" for i in range(count)]

    def defs(self) -> str:
        parts = []
        for pattern_id, colour, pattern in zip(self.ids, self.colours, self.patterns, strict=True):
            if pattern == "hatch":
                mark = '<path d="M0,6 L6,0" stroke="#000000" stroke-opacity="0.45" stroke-width="2"/>'
            elif pattern == "dots":
                mark = '<circle cx="3" cy="3" r="1.3" fill="#000000" fill-opacity="0.5"/>'
            else:
                continue
            parts.append(
                f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="6" height="6">'
                f'<rect width="6" height="6" fill="{colour}"/>{mark}</pattern>'
            )
        return f"<defs>{''.join(parts)}</defs>" if parts else ""

    def fill(self, index: int) -> str:
        return f"url(#{self.ids[index]})" if self.patterns[index] in PATTERNS else self.colours[index]


def _legend_width(name: str) -> int:
    return 18 + int(8 * len(name)) + 16


def _legend_positions(series_names: Sequence[str], y: float) -> list[tuple[float, float]]:
    positions, x = [], 0.0
    for name in series_names:
        if x > 0 and x + _legend_width(name) > WIDTH:
            x, y = 0.0, y + LINE_HEIGHT + 4
        positions.append((x, y))
        x += _legend_width(name)
    return positions


def _legend(series_names: Sequence[str], y: float, fills: _Fills) -> list[str]:
    parts = []
    for i, (name, (x, row_y)) in enumerate(zip(series_names, _legend_positions(series_names, y), strict=True)):
        parts.append(
            f'<rect x="{x}" y="{row_y - 7}" width="14" height="14" fill="{fills.fill(i)}" stroke="{GRID}" '
            'stroke-width="0.5"/>'
        )
        parts.append(_label(x + 18, row_y, name))
    return parts


def _legend_height(series_names: Sequence[str]) -> int:
    if not series_names:
        return 0
    last_y = _legend_positions(series_names, 0)[-1][1]
    return int(last_y) + LINE_HEIGHT + 12


def _scale_max(values: Sequence[float | None], max_value: float | None) -> float:
    if max_value is not None:
        return max_value or 1
    present = [v for v in values if v is not None]
    return max(present) if present and max(present) > 0 else 1


def _row_height(lines: list[str], bars: int = 1) -> int:
    return len(lines) * LINE_HEIGHT + 2 + bars * BAR_HEIGHT + ROW_GAP


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
    colours: Sequence[str] | None = None,
    patterns: Sequence[str | None] | None = None,
) -> str:
    """Horizontal bars grouped by label (the label above its group): one bar per series in each group, with a legend
    when named."""
    names = [name for name, _ in series]
    fills = _Fills(_ids(title, description)[0], len(series), colours, patterns)
    show_legend = len(series) > 1 or any(names)
    top = _legend_height(names) if show_legend else 4
    scale = _scale_max([v for _, vals in series for v in vals], max_value)
    wrapped = [_wrap(label) for label in labels]
    rows = [_row_height(lines, len(series)) for lines in wrapped]
    height = top + sum(rows) + 4
    parts = _open(title, description, height)
    parts.append(fills.defs())
    if show_legend:
        parts += _legend(names, 12, fills)
    y = top
    for index, lines in enumerate(wrapped):
        parts.append(_row_label(y, lines))
        y_bars = y + len(lines) * LINE_HEIGHT + 2
        for s, (_, vals) in enumerate(series):
            value = vals[index] if index < len(vals) else None
            length = 0 if value is None else PLOT * min(value, scale) / scale
            y_bar = y_bars + s * BAR_HEIGHT
            parts.append(
                f'<rect x="0" y="{y_bar + 2:.1f}" width="{length:.1f}" height="{BAR_HEIGHT - 4}" '
                f'fill="{fills.fill(s)}"/>'
            )
            parts.append(_label(length + 6, y_bar + BAR_HEIGHT / 2, _format(value, unit)))
        block = len(series) * BAR_HEIGHT
        parts.append(f'<line x1="0.5" y1="{y_bars:.1f}" x2="0.5" y2="{y_bars + block:.1f}" stroke="{GRID}"/>')
        y += rows[index]
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
    colours: Sequence[str] | None = None,
    patterns: Sequence[str | None] | None = None,
) -> str:
    """Horizontal bars made of one segment per series (for shares that add up, or counts by kind), each label above
    its bar. Segments wide enough carry their value; `show_totals` writes each bar's total at its end. Pass
    `colours` when the series have a meaning of their own (agree green, disagree red) and `patterns` ("hatch",
    "dots") so that colour is not the only cue."""
    names = [name for name, _ in series]
    fills = _Fills(_ids(title, description)[0], len(series), colours, patterns)
    top = _legend_height(names)
    totals = [sum(vals[i] or 0 for _, vals in series) for i in range(len(labels))]
    scale = _scale_max(totals, max_value)
    plot = PLOT if show_totals else WIDTH - 2
    wrapped = [_wrap(label) for label in labels]
    rows = [_row_height(lines) for lines in wrapped]
    height = top + sum(rows) + 4
    parts = _open(title, description, height)
    parts.append(fills.defs())
    parts += _legend(names, 12, fills)
    y = top
    for index, lines in enumerate(wrapped):
        parts.append(_row_label(y, lines))
        y_bar = y + len(lines) * LINE_HEIGHT + 2
        x = 0.0
        for s, (name, vals) in enumerate(series):
            value = vals[index] if index < len(vals) else None
            if not value:
                continue
            length = plot * value / scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y_bar + 2:.1f}" width="{length:.1f}" height="{BAR_HEIGHT - 4}" '
                f'fill="{fills.fill(s)}" stroke="#ffffff" stroke-width="1">'
                f"<title>{escape(name)}: {escape(_format(value, unit))}</title></rect>"
            )
            text = _format(value, unit)
            if length >= 8.5 * len(text) + 6:
                parts.append(
                    f'<text x="{x + length / 2:.1f}" y="{y_bar + BAR_HEIGHT / 2:.1f}" fill="#ffffff" '
                    f'text-anchor="middle" dominant-baseline="middle" font-weight="bold">{escape(text)}</text>'
                )
            x += length
        if show_totals:
            parts.append(_label(x + 6, y_bar + BAR_HEIGHT / 2, _format(totals[index], unit)))
        parts.append(f'<line x1="0.5" y1="{y_bar:.1f}" x2="0.5" y2="{y_bar + BAR_HEIGHT:.1f}" stroke="{GRID}"/>')
        y += rows[index]
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
    """Lines over time (x_labels in order), each point marked, and labelled with its value while they have room."""
    names = [name for name, _ in series]
    fills = _Fills(_ids(title, description)[0], len(series), None, None)
    show_legend = len(series) > 1 or any(names)
    top = (_legend_height(names) if show_legend else 0) + 20
    left, right, plot_height = 50, 22, 170
    height = top + plot_height + 44
    scale = _scale_max([v for _, vals in series for v in vals], max_value)
    count = max(len(x_labels), 1)
    step = (WIDTH - left - right) / max(count - 1, 1)
    parts = _open(title, description, height)
    if show_legend:
        parts += _legend(names, 12, fills)
    bottom = top + plot_height
    for fraction in (0, 0.5, 1):
        y = bottom - plot_height * fraction
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="#dee2e6"/>')
        tick = round(scale * fraction, 1)
        parts.append(_label(left - 6, y, _format(int(tick) if tick == int(tick) else tick, unit), anchor="end"))
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - right}" y2="{bottom}" stroke="{GRID}"/>')
    every = max(1, -(-count * 80 // (WIDTH - left - right)))  # about 80 units per label
    for i, label in enumerate(x_labels):
        if i % every == 0:
            half = 5 * len(label)  # about half the label's width: kept inside the chart at both ends
            x = min(max(left + i * step, half), WIDTH - half)
            parts.append(_label(x, bottom + 20, label, anchor="middle"))
    for s, (_, vals) in enumerate(series):
        colour = fills.colours[s]
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
            if step >= 44 or len(points) == 1:
                parts.append(_label(x, y - 13, _format(v, unit), anchor="middle"))
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
