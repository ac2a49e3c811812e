"""Where articles start on a page: titles, bylines at the top or the bottom, rules between articles.

Evidence is read from the text itself, never from a list of outlets:
- a title is a short line without a sentence end that is the first line of the page, or stands above a
  byline, or follows a rule, or follows the end of another article (its author note or closing byline),
  or follows a wider gap of blank lines than the page uses between paragraphs; a `#` line is a title;
- a byline right under a title (or opening an untitled article) is the article's top byline; a byline
  after the body of an article that has none yet, followed by the end of the page, a title, a rule or an
  author note (or printed as `（名）`, `文/名`), closes that article.
"""

from __future__ import annotations

import re
from collections import Counter

from wenku.structure.units import RE_NUMBERED, Unit, heading_like
from wenku.textutil import ends_sentence

# A running header or a labelled metadata line is never a title: dates, page and issue numbers, 责编：…
RE_NOT_TITLE = re.compile(
    r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月|第\s*[0-9一二三四五六七八九十]+\s*[版期]|总第\s*\d+|星期[一二三四五六日天]|"
    r"^(?:责任编辑|责编|编辑|来源|发布时间|发表时间|时间|审核|校对)\s*[：:]"
)
BODY_KINDS = ("para", "heading", "box", "speaker", "figure")
MAX_TITLE = 40
DANGLING_TITLES = True


def title_shaped(u: Unit) -> bool:
    """A unit that could be an article's title: a short heading-like line, not a numbered section."""
    if u.kind not in ("heading", "para"):
        return False
    parts = u.extra.get("parts") or [u.text]
    text = "".join(parts)
    if (
        len(text) > MAX_TITLE
        or RE_NUMBERED.match(text)
        or u.extra.get("marked")
        or any(RE_NOT_TITLE.search(p) for p in parts)
    ):
        return False
    return all(heading_like(p) for p in parts)


def title_text(u: Unit) -> str:
    """The title of a unit set on one or two lines (two halves joined by a space, as headlines print them)."""
    parts = u.extra.get("parts") or [u.text]
    out = parts[0]
    for p in parts[1:]:
        sep = "" if out.endswith(("，", "：", "—", "“", "《")) or p.startswith(("，", "：", "”", "》")) else " "
        out += sep + p
    return out


def _typical_gap(units: list[Unit], blank_before: dict[int, int]) -> int:
    """The number of blank lines the page usually puts between two paragraphs."""
    gaps = Counter(blank_before.get(u.first(), 0) for u in units if u.kind in ("para", "heading"))
    return gaps.most_common(1)[0][0] if gaps else 0


def mark_heads(units: list[Unit], blank_before: dict[int, int]) -> list[Unit]:
    """Units with titles marked (kind 'title', extra title_from) and bylines placed (extra at: top or bottom)."""
    typical = _typical_gap(units, blank_before)
    # Pass 1: titles by their own evidence (the page's first line, a line above a byline).
    seen_content = False
    for i, u in enumerate(units):
        if u.kind == "title":
            u.extra.setdefault("title_from", "marked as a title (#)")
            seen_content = True
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if title_shaped(u):
            after = units[i + 2] if i + 2 < len(units) else None
            next_is_title = (
                nxt is not None and title_shaped(nxt) and after is not None and after.kind in ("author", "note")
            )
            if (
                not seen_content
                and nxt is not None
                and nxt.kind in BODY_KINDS + ("author", "note", "deck", "meta", "photo_credit")
                and not next_is_title
            ):
                _make_title(u, "the first line of the page")
            elif nxt is not None and nxt.kind == "author":
                _make_title(u, "the line above a byline")
            elif (
                nxt is not None and nxt.kind == "note" and (prev_body(units, i) is None or not _dangling_prev(units, i))
            ):
                _make_title(u, "the line above an author note")
        if u.kind in BODY_KINDS + ("author", "title"):
            seen_content = True
    # Pass 2 and 3 together, in page order: bylines top or bottom, titles after an article's end.
    has_author = False  # the current article has a byline already
    body_since_head = False
    for i, u in enumerate(units):
        prev = units[i - 1] if i else None
        nxt = units[i + 1] if i + 1 < len(units) else None
        if (
            u.kind in ("heading", "para")
            and title_shaped(u)
            and nxt is not None
            and nxt.kind in BODY_KINDS + ("author", "note")
        ):
            why = None
            if prev is not None and prev.kind == "separator":
                why = "the line after a rule between articles"
            elif prev is not None and prev.kind == "jump" and prev.extra.get("dir") == "down":
                why = "the line after a jump line (the article before it goes on elsewhere)"
            elif prev is not None and prev.extra.get("at") == "bottom" and prev.kind in ("author", "note"):
                why = "the line after the end of the previous article"
            elif body_since_head and blank_before.get(u.first(), 0) > typical:
                why = "the line after a wider gap than between paragraphs"
            elif (
                DANGLING_TITLES
                and body_since_head
                and _dangling_prev(units, i)
                and prev is not None
                and prev.kind == "para"
                and len(prev.text) > 50
                and nxt.kind in ("para", "author", "note")
            ):
                why = "the line after a column that broke off mid-sentence"
            if why:
                _make_title(u, why)
        if u.kind == "title":
            has_author, body_since_head = False, False
            u.extra["head"] = True
            continue
        if u.kind == "separator":
            continue
        if u.kind == "author":
            if (
                prev is None
                or prev.kind in ("title", "deck", "caption_names")
                or (prev.kind == "author" and prev.extra.get("at") == "top")
            ):
                u.extra["at"] = "top"
                if prev is None or prev.kind not in ("title", "deck", "author", "caption_names"):
                    u.extra["head"] = True
                    body_since_head = False
                has_author = True
                continue
            ends = (
                nxt is None
                or nxt.kind in ("title", "separator", "note", "jump", "author")
                or (title_shaped(nxt) and (i + 2 >= len(units) or units[i + 2].kind in ("author",) + BODY_KINDS))
            )
            form = u.extra.get("form")
            if body_since_head and (
                form == "paren" or ends or not has_author and form == "labelled" and not _looks_like_lede(nxt)
            ):
                u.extra["at"] = "bottom"
                has_author = True
                continue
            u.extra["at"] = "top"  # an untitled article opens with its byline
            u.extra["head"] = True
            has_author, body_since_head = True, False
            continue
        if u.kind == "note":
            u.extra["at"] = "bottom" if body_since_head else "top"
            continue
        if u.kind in BODY_KINDS:
            if prev is not None and prev.kind == "separator":
                u.extra["head"] = True  # an untitled, unsigned article after a rule
                has_author = False
            body_since_head = True
    return units


def _looks_like_lede(u: Unit | None) -> bool:
    """A paragraph that opens an article rather than ending one (long prose)."""
    return u is not None and u.kind == "para" and len(u.text) > 60 and ends_sentence(u.text)


def _make_title(u: Unit, why: str) -> None:
    u.text = title_text(u)
    u.kind = "title"
    u.extra["title_from"] = why


def prev_body(units: list[Unit], i: int) -> Unit | None:
    """The last body piece before units[i], if any."""
    return next((u for u in reversed(units[:i]) if u.kind in BODY_KINDS), None)


def _dangling_prev(units: list[Unit], i: int) -> bool:
    """True when the body piece before units[i] broke off mid-sentence (the page goes on with it)."""
    for u in reversed(units[:i]):
        if u.kind in ("para", "box"):
            return not ends_sentence(u.text) and not u.text.endswith("：")
        if u.kind in BODY_KINDS:
            return False
    return False
