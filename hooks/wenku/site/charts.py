"""Bar charts for tables of percentages: SVG drawn at build time, no script, nothing from elsewhere.

A table whose last all-percentage column sums to about 100 (the rounding of each row allowed for) gets a
horizontal bar chart placed before it; the table stays, for screen readers and for the figures. The chart
is `role="img"` with a `<title>` in the page's language, and uses only svg, g, rect, text, title and line
with geometry and class attributes (the colours and fonts are in docs/assets/css/reader.css), so that the
site's HTML sanitiser can keep a small allow-list. Tables inside a Chinese original box (`<details>`) of an
English translation get no chart: the translated table above has one.
"""

from __future__ import annotations

import re
from html import escape, unescape

RE_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
RE_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
RE_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]>", re.S)
RE_PERCENT = re.compile(r"^\s*(\d{1,3}(?:\.\d+)?)\s*[%％]\s*$")
RE_LAST_P = re.compile(r"<p\b[^>]*>((?:(?!</?p\b).)*)</p>\s*$", re.S)
RE_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
RE_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

ROW, BAR_AREA, FONT = 26, 300, 13  # row height, longest bar, label size (SVG user units)


def _text(cell_html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", cell_html)).split())


def _width(text: str) -> float:
    """Estimated width of a label in user units (CJK characters are about twice a Latin letter)."""
    wide = len(RE_WIDE.findall(text))
    return (wide + 0.58 * (len(text) - wide)) * FONT


def percentage_table(table_html: str) -> dict | None:
    """{'head', 'labels', 'groups', 'values'} of a table of percentages summing to about 100, else None."""
    rows = [[(kind, _text(cell)) for kind, cell in RE_CELL.findall(row)] for row in RE_ROW.findall(table_html)]
    head = rows[0] if rows and all(kind == "h" for kind, _ in rows[0]) else None
    body = [[text for _, text in r] for r in (rows[1:] if head else rows) if r]
    if len(body) < 2 or len({len(r) for r in body}) != 1 or len(body[0]) < 2:
        return None
    ncol = len(body[0])
    col = next((c for c in range(ncol - 1, 0, -1) if all(RE_PERCENT.match(r[c]) for r in body)), None)
    if col is None:
        return None
    values = [float(RE_PERCENT.match(r[col]).group(1)) for r in body]
    if abs(sum(values) - 100) > max(1.0, 0.5 * len(values)) or max(values) <= 0:
        return None  # not parts of one whole (rounding of each row allowed for)
    labels = [r[col - 1] for r in body]
    groups = [r[col - 2] if col >= 2 else "" for r in body]
    return {
        "head": [t for _, t in head] if head else [],
        "labels": labels,
        "groups": groups,
        "values": values,
        "label_head": head[col - 1][1] if head else "",
    }


def chart_svg(data: dict, title: str, chinese_lang: str | None = None) -> str:
    """The horizontal bar chart of a percentage table. chinese_lang: lang of Chinese labels on a page in
    another language (screen readers and fonts)."""
    labels, values, groups = data["labels"], data["values"], data["groups"]
    named = [g for g in dict.fromkeys(groups) if g]
    label_w = min(max(_width(x) for x in labels) + 12, 260)
    value_w = _width("100%") + 10
    width = round(label_w + BAR_AREA + value_w)
    legend = ROW if named else 0
    height = ROW * len(labels) + 8 + legend
    top = max(values)
    out = [
        f'<svg class="wenku-chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(title)}</title>",
    ]
    lang = f' lang="{chinese_lang}"' if chinese_lang and any(RE_HAN.search(x) for x in labels + named) else ""
    out.append(f'<g class="wenku-chart__rows"{lang}>')
    for i, (label, value, group) in enumerate(zip(labels, values, groups, strict=True)):
        y = 4 + i * ROW
        bar = max(1.0, BAR_AREA * value / top)
        shade = f" wenku-chart__bar--g{named.index(group) + 1}" if group else ""
        figure = f"{value:g}%"
        out.append(
            f'<text class="wenku-chart__label" x="{label_w - 8:.0f}" y="{y + ROW / 2 + 4.5:.1f}">{escape(label)}</text>'
        )
        out.append(
            f'<rect class="wenku-chart__bar{shade}" x="{label_w:.0f}" y="{y + 4}" width="{bar:.1f}" '
            f'height="{ROW - 8}"></rect>'
        )
        out.append(
            f'<text class="wenku-chart__value" x="{label_w + bar + 6:.1f}" y="{y + ROW / 2 + 4.5:.1f}">{figure}</text>'
        )
    out.append("</g>")
    out.append(
        f'<line class="wenku-chart__axis" x1="{label_w:.0f}" y1="2" x2="{label_w:.0f}" '
        f'y2="{ROW * len(labels) + 6}"></line>'
    )
    if named:
        y = ROW * len(labels) + 8
        out.append(f'<g class="wenku-chart__legend"{lang}>')
        x = label_w
        for n, group in enumerate(named, 1):
            out.append(
                f'<rect class="wenku-chart__bar wenku-chart__bar--g{n}" x="{x:.0f}" y="{y + 6}" '
                f'width="12" height="12"></rect>'
            )
            out.append(f'<text class="wenku-chart__key" x="{x + 18:.0f}" y="{y + 16.5}">{escape(group)}</text>')
            x += 18 + _width(group) + 20
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def caption(before: str) -> str | None:
    """What the table is about: the longer of the (at most two) short lines right before it, such as a
    slide's caption and its bold label; Chinese original boxes in between are passed over."""
    tail = re.sub(r"<details\b.*?</details>", "", before[-4000:], flags=re.S)
    found = []
    while len(found) < 2:
        m = RE_LAST_P.search(tail)
        if not m:
            break
        found.append(_text(m.group(1)).rstrip("¶").strip())
        tail = tail[: m.start()]
    short = [t for t in found if 0 < len(t) <= 60 and not t.endswith(("。", ".", "!", "?", "！", "？", "；", ";"))]
    return max(short, key=len) if short else None


def add_charts(html: str, title_template: str, chinese_lang: str | None = None) -> str:
    """The page's HTML with a bar chart before every table of percentages summing to about 100.

    title_template: the chart's title in the page's language, with {caption} (what the lines above the
    table say it is, else the table's label column heading)."""
    out, pos = [], 0
    for m in RE_TABLE.finditer(html):
        before = html[: m.start()]
        if before.count("<details") > before.count("</details>"):
            continue  # inside a Chinese original box
        data = percentage_table(m.group(0))
        if data is None:
            continue
        title = title_template.format(caption=caption(before) or data["label_head"]).strip(" :：")
        out.append(html[pos : m.start()])
        out.append(chart_svg(data, title, chinese_lang) + "\n")
        pos = m.start()
    out.append(html[pos:])
    return "".join(out)
