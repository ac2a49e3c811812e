"""A research report printed as a document: cover, table of contents, abstract, text. One article.

Recognised by the order of its parts (``report_shape``): a cover of short lines (institution, series, title,
writers, date) at the top, then a table of contents whose entries end in dotted leaders and page numbers,
then the text, which runs to the end. The cover gives the title (the cover line the running heads repeat,
else its longest plain line) and the authors (the names after a writer's label, data/kinds.yml); the
abstract and its key words after the contents are the document's summary, kept as metadata, not text.
Every cover and contents line is reported.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field

from wenku import DATA_DIR
from wenku.ingest.boilerplate import CONTENTS_HEADINGS
from wenku.metadata import load_data_file
from wenku.model import Article, Change, Line
from wenku.structure.compilation import _blocks
from wenku.structure.restored import all_rows
from wenku.structure.units import Unit, heading_like, join_adjacent
from wenku.textutil import CJK, ends_sentence

RE_LEADER = re.compile(r"(?:[.…·．。•]\s*){4,}\s*\d{1,4}$")
RE_LABELLED = re.compile(r"^(?P<label>[^：:]{1,10})\s*[：:]\s*(?P<rest>.*)$")
RE_NAME = re.compile(rf"^[{CJK}·]{{2,4}}$")
MAX_COVER_LINE = 40
MIN_COVER_LINES = 3
MIN_BODY_SENTENCES = 3


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    data = load_data_file(os.path.join(DATA_DIR, "kinds.yml"))["report"]
    return {k: frozenset(_plain(w) for w in v) for k, v in data.items()}


def _plain(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", str(text)).upper()


@dataclass
class ReportShape:
    evidence: str
    contents: int  # line number where the table of contents starts
    body_from: int  # first line number after the contents
    entries: list[int] = field(default_factory=list)


def _all_lines(lines: list[Line], removed: list[Change]) -> list[tuple[int, str, bool]]:
    """(number, text, kept) for every non-blank line, the removed ones included, in line order."""
    return [(r.number, r.text, r.kept) for r in all_rows(lines, removed, ("remove_", "extract_"))]


def report_shape(lines: list[Line], removed: list[Change]) -> ReportShape | None:
    """The cover-then-contents-then-text order of a printed report, or None."""
    rows = _all_lines(lines, removed)
    leaders = [k for k, (_n, t, _) in enumerate(rows[:80]) if len(t) <= 80 and RE_LEADER.search(t)]
    if len(leaders) < 2:
        return None
    first = leaders[0]
    heading = first - 1 if first and _plain(rows[first - 1][1]) in CONTENTS_HEADINGS else None
    start = heading if heading is not None else first
    cover = rows[:start]
    if len(cover) < MIN_COVER_LINES or any(len(t) > MAX_COVER_LINE or ends_sentence(t) for _, t, _ in cover):
        return None
    # The entries run together (blank lines aside); the text follows them.
    last = first
    for k in leaders[1:]:
        if k - last > 2:
            break
        last = k
    body = rows[last + 1 :]
    sentences = sum(1 for _, t, kept in body if kept and ends_sentence(t) and len(t) > 20)
    if sentences < MIN_BODY_SENTENCES:
        return None
    # One document, not a compilation whose contents list its articles: the cover names the writers, or
    # the text opens with an abstract or key words.
    words = vocabulary()
    labels = [_plain(m.group("label")) for _, t, _ in cover for m in [RE_LABELLED.match(t)] if m]
    opening = [_plain(t) for _, t, kept in body[:3] if kept]
    opening += [_plain(m.group("label")) for _, t, kept in body[:3] if kept for m in [RE_LABELLED.match(t)] if m]
    if not (set(labels) & words["authors"] or set(opening) & (words["abstract"] | words["keywords"])):
        return None
    entries = [rows[k][0] for k in range(first, last + 1)]
    return ReportShape(
        f"a cover of {len(cover)} short lines, then a table of contents ({len(entries)} entries with dotted "
        f"leaders and page numbers), then the text",
        rows[start][0],
        rows[last][0] + 1,
        entries,
    )


def _names(text: str) -> list[str]:
    return [n for n in re.split(r"[\s\u3000、，,；;]+", text.strip()) if RE_NAME.match(n)]


def split_report(lines: list[Line], removed: list[Change] | None = None) -> tuple[list[Article], list[Change], dict]:
    """One article: the cover gives its title and authors, the abstract its summary; the rest is its text."""
    removed = removed or []
    shape = report_shape(lines, removed)
    if shape is None:  # stated by a sidecar but without the shape: the text starts at the top
        shape = ReportShape("", 0, 0)
    words = vocabulary()
    report: list[Change] = []
    art = Article(source="")
    cover = [ln for ln in lines if ln.text.strip() and ln.number < shape.contents]
    # The title: a cover line repeated as a running head further down, else the longest plain cover line.
    heads = {c.before.strip() for c in removed if c.line is not None and c.line >= shape.body_from}
    cover_all = [(n, t, kept) for n, t, kept in _all_lines(lines, removed) if n < shape.contents]
    title = next(((n, t) for n, t, _ in cover_all if t in heads and not re.search(r"\d", t)), None)
    title_evidence = "the cover line the running heads repeat"
    if title is None:
        plain = [
            (n, t)
            for n, t, kept in cover_all
            if kept and not re.search(r"[\d：:]", t) and not re.search(rf"[{CJK}][\s\u3000][{CJK}][\s\u3000]", t)
        ]
        title = max(plain, key=lambda x: len(x[1]), default=None)
        title_evidence = "the longest plain line of the cover"
    if title:
        art.title = title[1]
        art.title_from = "cover"
        report.append(Change("extract_title", title[0], title[1], "", f"the report's title: {title_evidence}"))
    for ln in cover:
        t = ln.text.strip()
        if title and ln.number == title[0]:
            continue
        m = RE_LABELLED.match(t)
        label = _plain(m.group("label")) if m else ""
        if m and label in words["authors"] and _names(m.group("rest")):
            art.authors += [n for n in _names(m.group("rest")) if n not in art.authors]
            report.append(Change("extract_byline", ln.number, t, "", "the report's writers, named on its cover"))
        elif m and label in words["others"]:
            report.append(
                Change(
                    "remove_cover", ln.number, t, "", "the report's cover: someone named in another role than writer"
                )
            )
        else:
            report.append(
                Change("remove_cover", ln.number, t, "", "the report's cover (institution, series, date): not text")
            )
    body = [ln for ln in lines if ln.text.strip() and ln.number >= shape.contents]
    for ln in [ln for ln in body if ln.number < shape.body_from]:
        report.append(Change("remove_table_of_contents", ln.number, ln.text, "", "the report's table of contents"))
    body = [ln for ln in body if ln.number >= shape.body_from]
    body = _take_abstract(art, body, words, report)
    units = [
        Unit(
            "heading" if heading_like(ln.text) and len(ln.text.strip()) <= 40 else "para", ln.text.strip(), [ln.number]
        )
        for ln in body
    ]
    units = join_adjacent(units, report)
    art.blocks = _blocks(units)
    numbers = [ln.number for ln in lines if ln.text.strip()]
    art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return [art], report, {}


def _take_abstract(art: Article, body: list[Line], words: dict, report: list[Change]) -> list[Line]:
    """The abstract (摘要 and the paragraphs under it) and the key words at the top of the text, as metadata."""
    out = list(body)
    k = 0
    while k < min(len(out), 3):
        t = out[k].text.strip()
        m = RE_LABELLED.match(t)
        if _plain(t) in words["abstract"] or (m and _plain(m.group("label")) in words["abstract"]):
            paras = [m.group("rest").strip()] if m and m.group("rest").strip() else []
            report.append(
                Change("extract_abstract", out[k].number, t, "", "the report's abstract: kept as its summary")
            )
            j = k + 1
            while j < len(out) and not heading_like(out[j].text) and not _is_keywords(out[j].text, words):
                paras.append(out[j].text.strip())
                report.append(
                    Change(
                        "extract_abstract", out[j].number, out[j].text, "", "the report's abstract: kept as its summary"
                    )
                )
                j += 1
            art.summary = art.summary or "".join(paras) or None
            del out[k:j]
            continue
        if _is_keywords(t, words):
            rest = RE_LABELLED.match(t).group("rest")
            art.keywords = [w for w in re.split(r"[\s\u3000;；，,、]+", rest) if w]
            report.append(Change("extract_keywords", out[k].number, t, "", "the report's key words: kept as metadata"))
            del out[k]
            continue
        k += 1
    return out


def _is_keywords(text: str, words: dict) -> bool:
    m = RE_LABELLED.match(text.strip())
    return bool(m and _plain(m.group("label")) in words["keywords"])
