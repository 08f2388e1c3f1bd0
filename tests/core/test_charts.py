"""core.charts: accessible SVG charts as strings, with every label escaped."""

import re
from xml.etree import ElementTree

from core import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own output


def test_bar_chart_is_an_accessible_image_with_title_and_description():
    svg = charts.bar_chart(title="Meetings held", description="CP1: 6; CP3: 4", labels=["CP1", "CP3"], values=[6, 4])
    root = parse(svg)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Meetings held" and desc.text == "CP1: 6; CP3: 4"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert len(root.findall(f"{SVG}rect")) == 2
    assert "<script" not in svg


def test_labels_are_escaped():
    svg = charts.grouped_bar_chart(
        title="<script>alert(1)</script>",
        description="a & b",
        labels=['Site "one" <b>'],
        series=[("Award & spent", [1.5])],
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    parse(svg)  # still well-formed XML
    table = charts.data_table(caption="<i>x</i>", headers=["<h>"], rows=[["<td>"]])
    assert "<i>" not in table and "&lt;td&gt;" in table


def test_stacked_bars_add_up_and_line_chart_marks_points():
    svg = charts.stacked_bar_chart(
        title="Agreement", description="d", labels=["S1"], series=[("Agree", [60]), ("Disagree", [40])], unit="%"
    )
    assert ">100%<" in svg
    parse(svg)
    line = charts.line_chart(
        title="Attendance", description="d", x_labels=["Jan", "Feb", "Mar"], series=[("", [50, None, 75])], unit="%"
    )
    root = parse(line)
    assert len(root.findall(f"{SVG}circle")) == 2
    assert ">75%<" in line


def test_colours_meet_aa_contrast_on_white():
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in [*charts.PALETTE, charts.TEXT]:
        assert re.fullmatch(r"#[0-9a-f]{6}", colour)
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour


def test_long_labels_are_written_out_in_full_above_their_bars():
    statement = "The community of practice has supported me in what is an emotionally challenging and stressful role."
    for svg in [
        charts.bar_chart(title="t", description="d", labels=[statement], values=[3]),
        charts.stacked_bar_chart(title="t", description="d", labels=[statement], series=[("Agree", [60])], unit="%"),
    ]:
        label = next(t for t in parse(svg).iter(f"{SVG}text") if t.get("class") == "chart-label")
        spans = label.findall(f"{SVG}tspan")
        assert " ".join(s.text for s in spans) == statement and len(spans) > 1
        assert {s.get("x") for s in spans} == {"0"}  # left-aligned, from the chart's edge, never cut at the left


def test_series_can_be_told_apart_without_colour():
    svg = charts.stacked_bar_chart(
        title="Agreement", description="d", labels=["S1"], unit="%",
        series=[("Agree", [60]), ("Neither", [10]), ("Disagree", [30])],
        colours=["#2e7d32", "#6c757d", "#c62828"], patterns=[None, "dots", "hatch"],
    )  # fmt: skip
    root = parse(svg)
    patterns = {p.get("id"): p for p in root.iter(f"{SVG}pattern")}
    assert len(patterns) == 2
    fills = [r.get("fill") for r in root.iter(f"{SVG}rect") if r.get("width") == "14"]  # the legend's swatches
    assert fills[0] == "#2e7d32" and all(f.startswith("url(#") for f in fills[1:])
    assert patterns[fills[2][5:-1]].find(f"{SVG}rect").get("fill") == "#c62828"
