"""Compilations with a table of contents: one article per entry, titled from the contents list."""

from __future__ import annotations

import re

from wenku.model import Article, Block, Change, Line
from wenku.structure.units import Unit, heading_like, join_adjacent, remove_boilerplate, strip_markup
from wenku.textutil import ends_sentence


def _toc_entries(texts: list[str]) -> tuple[int, list[str]] | None:
    """(index of the '目录' line, entry titles) when the source opens with a table of contents."""
    for i, t in enumerate(texts[:20]):
        if t in ("目录", "目 录", "目　录"):
            entries = []
            for u in texts[i + 1 :]:
                m = re.match(r"^(?:[-·•*]|\d+[.、])\s*(.+)$", u)
                if not m:
                    break
                entries.append(m.group(1).strip())
            later = set(texts[i + 1 + len(entries) :])
            if len(entries) >= 3 and sum(e in later for e in entries) >= len(entries) // 2:
                return i, entries
    return None


def split_compilation(lines: list[Line]) -> tuple[list[Article], list[Change], dict]:
    """One article per table-of-contents entry, titled from the contents list."""
    lines, report = remove_boilerplate(lines)
    texts = [ln.text.strip() for ln in lines]
    toc_at, entries = _toc_entries(texts)
    head = [ln for ln in lines[:toc_at]]
    name = "".join(strip_markup(h.text)[1] for h in head[:1]).strip()
    collection = {"collection": name or None, "collection_note": " ".join(h.text.strip() for h in head[1:]) or None}
    period = re.search(r"((?:19|20)\d\d)年(\d{1,2})(?:月)?[-—至~到](\d{1,2})月", name)
    if period:
        y, m1, m2 = period.groups()
        collection["collection_period"] = f"{y}-{int(m1):02d}/{y}-{int(m2):02d}"
        collection["date"] = y
    for h in head:
        report.append(
            Change(
                "remove_compilation_header",
                h.number,
                h.text,
                "",
                "the compilation's own title: kept as article metadata",
            )
        )
    toc_lines = lines[toc_at : toc_at + 1 + len(entries)]
    for ln in toc_lines:
        report.append(
            Change(
                "remove_table_of_contents",
                ln.number,
                ln.text,
                "",
                "table of contents of the compilation: used for titles",
            )
        )
    body = lines[toc_at + 1 + len(entries) :]
    # Find each entry's title line in order; the first article may start without one.
    starts: list[tuple[int, int]] = []  # (entry index, body index of first text line)
    pos = 0
    for k, title in enumerate(entries):
        found = next((j for j in range(pos, len(body)) if body[j].text.strip() == title), None)
        if found is None:
            if k == 0:
                starts.append((0, 0))
                continue
            report.append(
                Change("missing_article", None, title, "", "listed in the table of contents but not found in the text")
            )
            continue
        starts.append((k, found))
        pos = found + 1
    articles: list[Article] = []
    for idx, (k, at) in enumerate(starts):
        end = starts[idx + 1][1] if idx + 1 < len(starts) else len(body)
        chunk = body[at:end]
        title = entries[k]
        if chunk and chunk[0].text.strip() == title:
            title_line = chunk[0]
            chunk = chunk[1:]
        else:
            title_line = None
        art = Article(source="", title=title)
        art.title_from = "table of contents"
        # A title printed again after a lede: the lede is the article's deck.
        if len(chunk) >= 2 and chunk[1].text.strip() == title and not ends_sentence(chunk[0].text):
            art.summary = chunk[0].text.strip().rstrip("—")
            art.summary_lines = [chunk[0].number]
            report.append(
                Change(
                    "remove_repeated_title", chunk[1].number, chunk[1].text, "", "title printed again after the lede"
                )
            )
            chunk = chunk[2:]
        units = [
            Unit(
                "heading" if heading_like(ln.text) and len(ln.text.strip()) <= 60 else "para",
                ln.text.strip(),
                [ln.number],
            )
            for ln in chunk
        ]
        units = _merge_heading_pairs(units)
        units = join_adjacent(units, report)
        art.blocks.extend(_blocks(units))
        numbers = [n for b in art.blocks for n in b.lines] + ([title_line.number] if title_line else [])
        art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
        articles.append(art)
    return articles, report, collection


def _merge_heading_pairs(units: list[Unit]) -> list[Unit]:
    """Two heading lines in a row (a headline set on two lines) become one heading."""
    out: list[Unit] = []
    for u in units:
        if (
            out
            and u.kind == "heading"
            and out[-1].kind == "heading"
            and len(out[-1].lines) == 1
            and len(out[-1].text) <= 16
            and len(u.text) <= 16
        ):
            prev = out[-1]
            prev.text = prev.text + ("" if prev.text.endswith(("，", "：")) else "，") + u.text
            prev.lines.extend(u.lines)
            continue
        out.append(u)
    return out


def _blocks(units: list[Unit]) -> list[Block]:
    """Article blocks for body units."""
    out = []
    for u in units:
        kind = {"heading": "h2", "para": "p", "figure": "figure", "box": "box", "gap": "gap", "speaker": "speaker"}.get(
            u.kind, "p"
        )
        out.append(Block(kind, u.text, list(u.lines), [u.extra] if u.extra else []))
    return out
