"""A forum thread saved as text: the opening post is the article; the replies, the quoted posts, the
signature and the board's rows are not.

Recognised by the thread's shape (``forum_shape``): a *floor header* near the top, a short line that opens
with a floor label (楼主, 沙发, 2#, 3楼, #4) and holds a poster's handle and a posting stamp (发表于 2026-3-14
21:06), with at least one paragraph of prose under it. The words (posting stamps, floor labels, quote
labels, edit stamps) are data (data/kinds.yml, ``forum``); the cleaning may have removed the headers as page
chrome: they are read back from its report (``wenku.structure.restored``).

The split (``split_forum``): the thread's title is the nearest title-shaped line above the opening post (a
board tag such as 【讨论】 taken off); its author and date are the opening floor header's handle and stamp;
its text is the opening post without the posts it quotes (a quote label, then the quoted lines up to a blank
line), its edit stamp, its signature (everything under a rule line) and the action row at its foot. Every
line after the opening post (the next floors) is a reply: reported, not made an article.
"""

from __future__ import annotations

import functools
import os
import re

from wenku import DATA_DIR
from wenku.metadata import load_data_file
from wenku.model import Article, Change, Line
from wenku.structure.compilation import _blocks
from wenku.structure.names import parse_byline
from wenku.structure.restored import Row, all_rows
from wenku.structure.units import Unit, join_adjacent
from wenku.textutil import ends_sentence

MAX_HEADER = 80  # a post header is a short line
MAX_OPENING_AT = 8  # the opening floor header is among the first non-blank lines
RE_STAMP_DATE = re.compile(r"(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?")
RE_FLOOR_NUMBER = re.compile(r"^(?:\d{1,5}\s*[#楼]|#\s*\d{1,5})(?=[\s\u3000]|$)")
RE_RULE = re.compile(r"^[-—_=━─*~·.。]{6,}$")
RE_BOARD_TAG = re.compile(r"^[【\[［][^】\]］]{1,6}[】\]］]\s*")
RE_NAVIGATION = re.compile(r"\S\s*[›»>＞/]\s*\S.*[›»>＞/]")  # a breadcrumb: board › sub-board › post


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    data = load_data_file(os.path.join(DATA_DIR, "kinds.yml"))["forum"]
    return {k: tuple(str(w) for w in v) for k, v in data.items()}


def _stamp(text: str) -> re.Match | None:
    """The posting stamp in a line (发表于 2026-3-14 21:06): the word and the date after it."""
    for word in vocabulary()["posted"]:
        at = text.find(word)
        if at >= 0:
            m = RE_STAMP_DATE.search(text, at + len(word))
            if m and m.start() - (at + len(word)) <= 3:
                return m
    return None


def is_post_header(text: str) -> bool:
    return len(text) <= MAX_HEADER and _stamp(text) is not None


def floor_label(text: str) -> str | None:
    """The floor label a post header opens with (楼主, 沙发, 2#, 3楼, #4), else None."""
    if not is_post_header(text):
        return None
    m = RE_FLOOR_NUMBER.match(text)
    if m:
        return m.group(0).strip()
    return next((w for w in vocabulary()["floors"] if text.startswith(w)), None)


def handle(text: str) -> str:
    """The poster's handle in a floor header: the words between the floor label and the posting stamp."""
    label = floor_label(text) or ""
    rest = text[len(label) :] if text.startswith(label) else text
    word_at = min((rest.find(w) for w in vocabulary()["posted"] if w in rest), default=len(rest))
    name = re.sub(r"[\s\u3000|｜:：]+", " ", rest[:word_at]).strip()
    return name if 0 < len(name) <= 20 and " " not in name else ""


def _quote_opens(text: str) -> bool:
    t = re.sub(r"[\s:：]+$", "", text)
    return any(t == w or t.startswith(w) and is_post_header(t[len(w) :].strip()) for w in vocabulary()["quote"])


def _edit_stamp(text: str) -> bool:
    return (
        len(text) <= MAX_HEADER and any(w in text for w in vocabulary()["edited"]) and bool(RE_STAMP_DATE.search(text))
    )


def _prose(text: str) -> bool:
    return len(text) >= 15 and ends_sentence(text)


def _byline_names(text: str) -> list[str]:
    """The names of a byline standing in a line, alone or beside other words (转自…　作者：名)."""
    for part in [text, *re.split(r"[\s\u3000]+", text)]:
        parsed = parse_byline(part) if part else None
        if parsed and parsed.get("form") in ("labelled", "mark", "reporter") and parsed.get("names"):
            return list(parsed["names"])
    return []


def _bare_label(text: str) -> bool:
    """A floor label alone on its line (沙发, 2#, 3楼), the post header on the next."""
    t = text.strip()
    return bool(RE_FLOOR_NUMBER.fullmatch(t)) or t in vocabulary()["floors"]


def _floors(rows: list[Row]) -> list[tuple[int, int]]:
    """(first index, header index) of each floor: a floor header, or a bare floor label over a post header."""
    out = []
    for k, r in enumerate(rows):
        if floor_label(r.text):
            if not (out and out[-1][1] == k):
                out.append((k, k))
        elif _bare_label(r.text) and k + 1 < len(rows) and is_post_header(rows[k + 1].text):
            out.append((k, k + 1))
    return out


class ForumShape:
    def __init__(self, evidence: str, opening: int, header: int, end: int):
        self.evidence = evidence
        self.opening = opening  # index of the opening floor's first line
        self.header = header  # index of its post header (the same line, or the one under a bare floor label)
        self.end = end  # index of the next floor's first line (or len(rows))


def forum_shape(lines: list[Line], removed: list[Change] | None = None) -> ForumShape | None:
    rows = all_rows(lines, removed)
    floors = _floors(rows)
    if not floors or floors[0][0] >= MAX_OPENING_AT:
        return None
    opening, header = floors[0]
    end = floors[1][0] if len(floors) > 1 else len(rows)
    if not any(_prose(r.text) for r in rows[header + 1 : end] if r.kept):
        return None
    replies = len(floors) - 1
    return ForumShape(
        f"a forum thread: the opening post under a floor header ({rows[header].text[:40]!r})"
        + (f" and {replies} reply floor(s)" if replies else ""),
        opening,
        header,
        end,
    )


def _title(rows: list[Row], opening: int) -> int | None:
    """The nearest title-shaped line above the opening post: no breadcrumb, no count row, no sentence."""
    for k in range(opening - 1, -1, -1):
        t = rows[k].text
        if RE_NAVIGATION.search(t) or is_post_header(t) or t.endswith(("。", "：", ":")):
            continue
        if re.search(r"\d", t) and re.search(r"[|｜:：]", t):  # 查看: 4127 | 回复: 36
            continue
        core = RE_BOARD_TAG.sub("", t)
        if 4 <= len(core) <= 60:
            return k
    return None


def split_forum(lines: list[Line], removed: list[Change] | None = None) -> tuple[list[Article], list[Change], dict]:
    rows = all_rows(lines, removed)
    shape = forum_shape(lines, removed)
    report: list[Change] = []
    art = Article(source="")
    if shape is None:  # stated by a sidecar without the shape: every kept line is text
        units = [Unit("para", r.text, [r.number]) for r in rows if r.kept]
        art.blocks = _blocks(units)
        numbers = [r.number for r in rows]
        art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
        return [art], report, {}

    def drop(r: Row, kind: str, why: str) -> None:
        if r.kept:  # a line the cleaning removed is in its report already
            report.append(Change(kind, r.number, r.text, "", why))

    title = _title(rows, shape.opening)
    header = rows[shape.header]
    if shape.header != shape.opening:
        drop(rows[shape.opening], "remove_forum_chrome", "the opening post's floor label")
    for k, r in enumerate(rows[: shape.opening]):
        if k == title:
            core = RE_BOARD_TAG.sub("", r.text).strip()
            art.title, art.title_from = core, "thread title"
            tag = f" (board tag {r.text[: len(r.text) - len(core)].strip()!r} taken off)" if core != r.text else ""
            report.append(Change("extract_title", r.number, r.text, "", f"the forum thread's title{tag}"))
        else:
            drop(r, "remove_forum_chrome", "forum page above the opening post (board, counts)")
    name = handle(header.text)
    if name:
        art.authors = [name]
    stamp = _stamp(header.text)
    if stamp:
        m = re.match(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})", stamp.group(0))
        art.date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
    report.append(
        Change("extract_byline", header.number, header.text, "", "the opening post's header: its poster is the author")
    )
    body: list[Row] = []
    k = shape.header + 1
    signature = False
    while k < shape.end:
        r = rows[k]
        if signature:
            drop(r, "remove_forum_signature", "the poster's signature (under the rule at the post's foot)")
        elif _quote_opens(r.text):
            drop(r, "remove_forum_quote", "a quoted earlier post: not the poster's text")
            while k + 1 < shape.end and rows[k + 1].number == rows[k].number + 1:
                k += 1
                drop(rows[k], "remove_forum_quote", "a quoted earlier post: not the poster's text")
        elif _edit_stamp(r.text):
            drop(r, "remove_forum_chrome", "the post's edit stamp")
        elif RE_RULE.match(r.text) and body:
            signature = True
            drop(r, "remove_forum_signature", "the rule above the poster's signature")
        elif r.kept:
            body.append(r)
        k += 1
    while body and not _prose(body[-1].text) and len(body[-1].text) <= 20:  # the action row (回复 举报)
        drop(body.pop(), "remove_forum_chrome", "the post's action row")
    # A post that reposts an article names the article's author above its text (转自… 作者：名): the author.
    for r in body[:3]:
        if _prose(r.text):
            break
        names = _byline_names(r.text)
        if names:
            art.authors = names
            body.remove(r)
            report.append(Change("extract_byline", r.number, r.text, "", "the reposted article's byline: its author"))
            break
    for r in rows[shape.end :]:
        drop(r, "remove_forum_reply", "a reply in the thread (a later floor): not the opening post")
    art.blocks = _blocks(join_adjacent([Unit("para", r.text, [r.number]) for r in body], report))
    numbers = [r.number for r in rows]
    art.line_span = (min(numbers), max(numbers))
    return [art], report, {}
