"""Slide decks: one article; parts and numbered slides become headings, bullets lists, label/percentage runs tables."""

from __future__ import annotations

import functools
import os
import re

from wenku import DATA_DIR
from wenku.ingest.boilerplate import boilerplate_rule
from wenku.ingest.paragraphs import join_evidence, unbalanced_quote
from wenku.metadata import load_data_file
from wenku.model import Article, Block, Change, Line
from wenku.structure.names import is_person_name
from wenku.textutil import CJK, ends_sentence

RE_SLIDE = re.compile(r"^(?P<num>\d{1,2})\.(?P<sub>\d{1,2})\s+(?P<title>.+)$")
RE_PART = re.compile(r"^Part\s*0?(?P<num>\d{1,2})\s+(?P<title>.+)$", re.I)
RE_PERCENT = re.compile(r"^\d{1,3}(?:\.\d+)?\s*%$")
# A contents entry without the word Part: 01　改革进展, 2. 面临的问题.
RE_TOC_ENTRY = re.compile(r"^0?(?P<num>\d{1,2})(?:[\s\u3000]+|[、.．]\s*)(?P<title>[^\s\u3000\d。，；].{0,24})$")
# A continuation slide's title: the earlier slide's title with （续）.
RE_CONTINUED = re.compile(r"^(?P<title>.+?)\s*[（(]续[）)]$")
RE_BULLET = re.compile(r"^(?:[-•·▪●➢►]\s*(?:>\s*)?|>\s+|□\s*)(?P<text>.+)$")
RE_ITEM_START = re.compile(r"^(?:\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])")


def _goes_on(text: str, nxt: str, bullet: bool = False) -> bool:
    """True when the line nxt is the rest of a bullet or item that text broke off (a line wrapped on the
    slide): text stops mid-phrase and nxt starts no item of its own. Inside a bullet list, a shorter plain
    line after a bullet that ends without punctuation is its wrapped rest too."""
    if not nxt or ends_sentence(text) or RE_BULLET.match(nxt) or RE_SLIDE.match(nxt) or RE_ITEM_START.match(nxt):
        return False
    if text.endswith(("、", "，", "；", "和", "与", "及")) or unbalanced_quote(text):
        return True
    if len(text) < 12 or (bullet and "，" not in text):
        return False  # a short label (diagram labels are lists of their own), or a bullet without a clause
    if bullet and re.match(f"[{CJK}]", text[-1:]) and re.match(f"[{CJK}]", nxt) and len(nxt) < len(text):
        return True
    return join_evidence(text, nxt) > 0


MIN_DECK_PAGES = 3
MAX_SLIDE_TITLE = 24
RE_NOTE_LABEL = re.compile(r"^(?P<label>[^：:]{1,8})\s*[：:]")


@functools.lru_cache(maxsize=1)
def note_labels() -> frozenset[str]:
    """The labels of a slide's speaker notes (data/kinds.yml)."""
    return frozenset(str(w) for w in load_data_file(os.path.join(DATA_DIR, "kinds.yml"))["slides"]["notes"])


def deck_pages(lines: list[Line], removed: list[Change] | None = None) -> list[list[Line]] | None:
    """The pages of a deck exported to text, or None: pages cut apart by page markers the cleaning removed
    (a running header or page number between them), each but the first opening with a short title and
    holding mostly bullets."""
    body = [ln for ln in lines if ln.text.strip()]
    cuts = sorted(c.line for c in removed or [] if c.kind == "remove_running_header" and c.line is not None)
    if len(body) < 2 * MIN_DECK_PAGES or len(cuts) < MIN_DECK_PAGES:
        return None
    pages: list[list[Line]] = [[]]
    k = 0
    for ln in body:
        crossed = False
        while k < len(cuts) and cuts[k] < ln.number:
            crossed, k = True, k + 1
        if crossed and pages[-1]:
            pages.append([])
        pages[-1].append(ln)
    if len(pages) < MIN_DECK_PAGES:
        return None
    rest = pages[1:]
    titled = sum(1 for p in rest if len(p[0].text.strip()) <= MAX_SLIDE_TITLE and not ends_sentence(p[0].text))
    inner = [ln for p in rest for ln in p[1:]]
    bullets = sum(1 for ln in inner if RE_BULLET.match(ln.text.strip()))
    if not any(ends_sentence(ln.text) and len(ln.text.strip()) > MAX_SLIDE_TITLE for ln in inner):
        # no prose on any page: a bullet whose marker the export dropped is a short fragment, no clause
        bullets = sum(1 for ln in inner if RE_BULLET.match(ln.text.strip()) or _fragment(ln.text))
    if titled < 0.8 * len(rest) or not inner or bullets < 0.5 * len(inner):
        return None
    return pages


def _fragment(text: str) -> bool:
    t = text.strip()
    return len(t) <= MAX_SLIDE_TITLE and not ends_sentence(t) and not re.search(r"[，,；;]", t)


def _is_note(text: str) -> bool:
    m = RE_NOTE_LABEL.match(text.strip())
    return bool(m and m.group("label").strip() in note_labels())


def split_paged_deck(pages: list[list[Line]], report: list[Change]) -> Article:
    """A deck cut into pages: the first page is the title slide (title, presenter and affiliation, date),
    every other page a slide (its title a heading, its bullets a list); speaker notes are not text."""
    art = Article(source="")
    first, *slides = pages
    art.title = first[0].text.strip()
    art.title_from = "title slide"
    art.title_lines = [first[0].number]
    for ln in first[1:]:
        t = ln.text.strip()
        parts = re.split(r"[\s\u3000]+", t, maxsplit=1)
        date = re.fullmatch(r"(19|20)\d\d\s*(?:[.．/-]\s*\d{1,2}|年\s*\d{1,2}\s*月)", t)
        if is_person_name(parts[0], words=False) and len(t) <= 40:
            art.authors.append(parts[0])
            if len(parts) > 1:
                art.affiliations.append(parts[1].strip())
            report.append(Change("extract_byline", ln.number, t, "", "presenter (and affiliation) on the title slide"))
        elif date:
            y, mth = re.findall(r"\d+", t)[:2]
            art.date = f"{y}-{int(mth):02d}"
            report.append(Change("extract_date", ln.number, t, "", "date of the deck moved to metadata"))
        else:
            art.blocks.append(Block("p", t, [ln.number]))
    for page in slides:
        art.blocks.append(Block("h2", page[0].text.strip(), [page[0].number]))
        items = []
        for ln in page[1:]:
            if _is_note(ln.text):
                report.append(
                    Change("remove_speaker_note", ln.number, ln.text, "", "the presenter's note: not on the slide")
                )
            else:
                items.append(ln)
        _flush_items(items, art, report)
    numbers = [ln.number for page in pages for ln in page]
    art.line_span = (min(numbers), max(numbers))
    return art


def split_slides(lines: list[Line], removed: list[Change] | None = None) -> tuple[list[Article], list[Change], dict]:
    """A slide deck as one article: parts and numbered slides as headings, bullets as lists."""
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    numbered = any(t in ("目录", "目 录") for t in texts) or any(RE_SLIDE.match(t) for t in texts)
    pages = None if numbered else deck_pages(lines, removed)
    if pages:
        report: list[Change] = []
        return [split_paged_deck(pages, report)], report, {}
    report = []
    body = [ln for ln in lines if ln.text.strip()]
    texts = [ln.text.strip() for ln in body]
    toc_idx = [i for i, t in enumerate(texts) if t in ("目录", "目 录")]
    parts: dict[str, str] = {}
    first_toc = toc_idx[0] if toc_idx else None
    front = body[:first_toc] if first_toc is not None else []
    art = Article(source="")
    # Front matter: year, title, subtitle, author with role, date.
    fm = [ln for ln in front]
    title_lines = [ln for ln in fm if re.search(f"[{CJK}]", ln.text) and not re.match(r"^\d", ln.text.strip())]
    if title_lines:
        art.title = title_lines[0].text.strip()
        art.title_from = "title slide"
        art.title_lines = [title_lines[0].number]
    after_name = False
    for ln in fm:
        t = ln.text.strip()
        if ln is (title_lines[0] if title_lines else None):
            continue
        if is_person_name(t):  # the presenter's name on a line of its own, the affiliation under it
            art.authors.append(t)
            report.append(Change("extract_byline", ln.number, t, "", "presenter's name moved to metadata"))
            after_name = True
            continue
        if after_name and len(t) <= 40 and not re.search(r"[。，；！？\d]", t) and re.search(f"[{CJK}]", t):
            art.affiliations.append(t)
            report.append(Change("extract_byline", ln.number, t, "", "presenter's affiliation moved to metadata"))
            after_name = False
            continue
        after_name = False
        m = re.match(rf"^(?P<name>[{CJK}]{{2,3}})\s+(?P<role>.+)$", t)
        if m and "智库" in t or m and re.search(r"(院长|主任|总监|研究员|教授|CEO|总裁|分析师)", t):
            art.authors.append(m.group("name"))
            art.affiliations.append(m.group("role"))
            report.append(Change("extract_byline", ln.number, t, "", "author and role moved to metadata"))
        elif re.fullmatch(r"(19|20)\d\d\s*(?:[.．/-]\s*\d{1,2}|年\s*\d{1,2}\s*月)", t):
            y, mth = re.findall(r"\d+", t)
            art.date = f"{y}-{int(mth):02d}"
            report.append(Change("extract_date", ln.number, t, "", "date of the deck moved to metadata"))
        elif re.fullmatch(r"(19|20)\d\d", t):
            report.append(Change("remove_cover_year", ln.number, t, "", "year printed on the cover slide"))
        elif art.title and re.search(f"[{CJK}]", t) and art.subtitle is None:
            art.subtitle = t
            art.title_lines.append(ln.number)
        else:
            art.blocks.append(Block("p", t, [ln.number]))
    i = first_toc if first_toc is not None else 0
    current_part = None
    seen_slides: set[str] = set()
    items: list[Line] = []
    while i < len(body):
        t = texts[i]
        ln = body[i]
        if t in ("目录", "目 录"):
            j = i + 1
            while j < len(body) and (
                texts[j].upper() == "CONTENTS" or RE_PART.match(texts[j]) or RE_TOC_ENTRY.match(texts[j])
            ):
                m = RE_PART.match(texts[j]) or RE_TOC_ENTRY.match(texts[j])
                if m:
                    parts.setdefault(m.group("num"), m.group("title"))
                j += 1
            reason = (
                "table of contents of the deck: used for the part headings"
                if i == first_toc
                else "table of contents repeated before the next part"
            )
            for k in range(i, j):
                report.append(
                    Change(
                        "remove_repeated_toc" if i != first_toc else "remove_table_of_contents",
                        body[k].number,
                        body[k].text,
                        "",
                        reason,
                    )
                )
            i = j
            continue
        cont = RE_CONTINUED.match(t)
        if cont and cont.group("title").strip() in texts[:i]:
            report.append(
                Change(
                    "remove_repeated_slide_title",
                    ln.number,
                    t,
                    "",
                    "slide title repeated with （续） on a continuation slide",
                )
            )
            i += 1
            continue
        m = RE_SLIDE.match(t)
        if m:
            _flush_items(items, art, report)
            if m.group("num") != current_part:
                current_part = m.group("num")
                if current_part in parts:
                    art.blocks.append(Block("h2", f"第{int(current_part)}部分　{parts[current_part]}", []))
            if t in seen_slides:
                report.append(
                    Change(
                        "remove_repeated_slide_title", ln.number, t, "", "slide title repeated on a continuation slide"
                    )
                )
            else:
                seen_slides.add(t)
                art.blocks.append(Block("h3", t, [ln.number]))
            i += 1
            continue
        items.append(ln)
        i += 1
    _flush_items(items, art, report)
    numbers = [n for b in art.blocks for n in b.lines]
    art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return [art], report, {}


def _flush_items(items: list[Line], art: Article, report: list[Change]) -> None:
    """Turn the lines of one slide into blocks: tables of label/percentage runs, lists, paragraphs."""
    lines = []
    for ln in items:
        rule = boilerplate_rule(ln.text.strip(), False)
        if rule:
            report.append(Change(rule.name, ln.number, ln.text, "", rule.reason))
        else:
            lines.append(ln)
    items.clear()
    i = 0
    while i < len(lines):
        t = lines[i].text.strip()
        # A table: label / percentage pairs, possibly with group labels ("关键要素") between them.
        j, rows, group = i, [], ""
        while j < len(lines):
            a = lines[j].text.strip()
            b = lines[j + 1].text.strip() if j + 1 < len(lines) else ""
            if RE_PERCENT.match(b) and not RE_PERCENT.match(a) and len(a) <= 20:
                rows.append((group, a, b.replace(" ", ""), [lines[j].number, lines[j + 1].number]))
                j += 2
            elif rows and len(a) <= 8 and j + 2 < len(lines) and RE_PERCENT.match(lines[j + 2].text.strip()):
                group = a  # a group label inside the run
                rows.append((None, a, None, [lines[j].number]))
                j += 1
            else:
                break
        real_rows = [r for r in rows if r[2]]
        if len(real_rows) >= 3:
            caption = ""
            if art.blocks and art.blocks[-1].kind == "p" and len(art.blocks[-1].text) <= 30:
                caption = art.blocks.pop().text
            art.blocks.append(
                Block("table", caption, [n for r in rows for n in r[3]], [(g, a, b) for g, a, b, _ in rows if b])
            )
            i = j
            continue
        m = RE_BULLET.match(t)
        if m:
            bullets = []
            while i < len(lines) and RE_BULLET.match(lines[i].text.strip()):
                mm = RE_BULLET.match(lines[i].text.strip())
                text = mm.group("text").strip()
                nums = [lines[i].number]
                # '> 山东省' followed by its text: a labelled item.
                if (
                    lines[i].text.strip().startswith(">")
                    and len(text) <= 8
                    and i + 1 < len(lines)
                    and not RE_BULLET.match(lines[i + 1].text.strip())
                ):
                    text = f"**{text}**：{lines[i + 1].text.strip()}"
                    nums.append(lines[i + 1].number)
                    i += 1
                while i + 1 < len(lines) and _goes_on(text, lines[i + 1].text.strip(), bullet=True):
                    _report_join(report, lines[i + 1], text, lines[i + 1].text.strip())
                    text += lines[i + 1].text.strip()
                    nums.append(lines[i + 1].number)
                    i += 1
                bullets.append((text, nums))
                i += 1
            art.blocks.append(Block("list", "", [n for _, ns in bullets for n in ns], [b for b, _ in bullets]))
            continue
        fm = RE_FIGURE_LINE.match(t)
        if fm:
            art.blocks.append(Block("figure", fm.group("caption"), [lines[i].number]))
            i += 1
            continue
        # A run of short label lines (diagram labels): a list.
        k = i
        while (
            k < len(lines)
            and len(lines[k].text.strip()) <= 18
            and not ends_sentence(lines[k].text.strip())
            and not (k + 1 < len(lines) and RE_PERCENT.match(lines[k + 1].text.strip()) and k > i)
            and not RE_SLIDE.match(lines[k].text.strip())
            and not RE_BULLET.match(lines[k].text.strip())
            and not RE_FIGURE_LINE.match(lines[k].text.strip())
        ):
            k += 1
        if k - i >= 3:
            art.blocks.append(
                Block("list", "", [ln.number for ln in lines[i:k]], [ln.text.strip() for ln in lines[i:k]])
            )
            i = k
            continue
        nums = [lines[i].number]
        while i + 1 < len(lines) and _goes_on(t, lines[i + 1].text.strip()):
            _report_join(report, lines[i + 1], t, lines[i + 1].text.strip())
            t += lines[i + 1].text.strip()
            nums.append(lines[i + 1].number)
            i += 1
        art.blocks.append(Block("p", t, nums))
        i += 1


def _report_join(report: list[Change], ln: Line, left: str, right: str) -> None:
    report.append(
        Change(
            "fix_broken_paragraph",
            ln.number,
            left[-10:] + "⏎" + right[:10],
            left[-10:] + right[:10],
            "item wrapped on the slide, joined",
        )
    )


RE_FIGURE_LINE = re.compile(r"^(?P<caption>图\s*\d*\s*[：:]\s*.+)$")
