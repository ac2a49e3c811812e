"""Compilations with a table of contents: one article per entry, titled from the contents list."""

from __future__ import annotations

import re

from wenku.ingest.boilerplate import CONTENTS_HEADINGS
from wenku.model import Article, Block, Change, Line
from wenku.structure.names import parse_byline
from wenku.structure.page import split_page
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
            if not entries:  # plain entries, no bullets nor numbers: short lines, each a title further down
                for u in texts[i + 1 :]:
                    if len(u) > 40 or ends_sentence(u) or u not in texts[i + 2 + len(entries) :]:
                        break
                    entries.append(u)
                if len(entries) < 3 or any(e not in texts[i + 1 + len(entries) :] for e in entries):
                    entries = []
            later = set(texts[i + 1 + len(entries) :])
            if len(entries) >= 3 and sum(e in later for e in entries) >= len(entries) // 2:
                return i, entries
    return None


# A contents entry with a dotted leader and a page number (the cleaning removes these lines and reports them).
RE_LEADER_ENTRY = re.compile(r"^(?P<title>.+?)\s*(?:[.…·．。•]\s*){4,}\s*\d{1,4}$")


def leader_contents(lines: list[Line], removed: list[Change]) -> tuple[int, int, list[str]] | None:
    """(first line, last line, entry titles) of a table of contents with dotted leaders that the cleaning
    removed, when at least three entries recur as lines of the text below it (the articles' titles)."""
    rows = sorted(
        (c.line, m.group("title").strip())
        for c in removed
        if c.kind == "remove_table_of_contents" and c.line is not None
        for m in [RE_LEADER_ENTRY.match(c.before.strip())]
        if m
    )
    if len(rows) < 3:
        return None
    first, last = rows[0][0], rows[-1][0]
    later = [ln.text.strip() for ln in lines if ln.number > last]
    entries = [t for _, t in rows]
    if sum(any(same_title(e, t) for t in later) for e in entries) < max(3, (len(entries) + 1) // 2):
        return None
    return first, last, entries


MIN_TITLE_PREFIX = 6  # characters


def same_title(entry: str, line: str) -> bool:
    """A contents entry and a title line name the same article: equal once spaces are taken out, or one
    starts with the other (an entry with its author's name after the title, a title with a subtitle)."""
    a, b = re.sub(r"[\s\u3000]+", "", entry), re.sub(r"[\s\u3000]+", "", line.strip().lstrip("#").strip())
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= MIN_TITLE_PREFIX and long.startswith(short) and len(long) - len(short) <= 12


def split_compilation(
    lines: list[Line], removed: list[Change] | None = None
) -> tuple[list[Article], list[Change], dict]:
    """One article per table-of-contents entry, titled from the contents list (a printed list, or one with
    dotted leaders that the cleaning removed)."""
    lines, report = remove_boilerplate(lines)
    texts = [ln.text.strip() for ln in lines]
    printed = _toc_entries(texts)
    if printed:
        toc_at, entries = printed
        toc_lines = lines[toc_at : toc_at + 1 + len(entries)]
        body = lines[toc_at + 1 + len(entries) :]
    else:
        leaders = leader_contents(lines, removed or [])
        if leaders is None:  # stated by a sidecar, but no contents list: split as a page
            return split_page(lines)
        first, last, entries = leaders
        toc_at = next((k for k, ln in enumerate(lines) if ln.number >= first), len(lines))
        if toc_at and heading_is_contents(texts[toc_at - 1]):
            toc_at -= 1
        toc_lines = [ln for ln in lines[toc_at:] if ln.number <= last]
        body = [ln for ln in lines if ln.number > last]
    head = [ln for ln in lines[:toc_at]]
    # A printed contents list names its titles exactly; entries read from dotted leaders may carry the
    # author's name after the title.
    matches = (lambda e, t: t.strip() == e) if printed else same_title
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
    # Find each entry's title line in order; the first article may start without one.
    starts: list[tuple[int, int]] = []  # (entry index, body index of first text line)
    pos = 0
    for k, title in enumerate(entries):
        found = next((j for j in range(pos, len(body)) if matches(title, body[j].text)), None)
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
        if chunk and matches(title, chunk[0].text):
            title_line = chunk[0]
            chunk = chunk[1:]
            if not printed:  # the title as printed over the article (the entry may add its author)
                title = title_line.text.strip().lstrip("#").strip()
        else:
            title_line = None
        art = Article(source="", title=title)
        # A byline under the title in a marked or labelled form (□ 名, 文/名, 本报记者 名): the authors.
        byline = parse_byline(chunk[0].text) if chunk else None
        if byline and byline.get("form") in ("mark", "labelled", "reporter") and not byline.get("role"):
            art.authors = list(byline["names"])
            report.append(Change("extract_byline", chunk[0].number, chunk[0].text, "", "byline under the title"))
            chunk = chunk[1:]
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


def heading_is_contents(text: str) -> bool:
    """目录, 目　　录, CONTENTS: the heading of a table of contents (data/furniture.yml)."""
    return re.sub(r"[\s\u3000]+", "", text).upper() in CONTENTS_HEADINGS


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
