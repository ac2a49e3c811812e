"""Decoded text to cleaned lines: the per-line repairs, then the steps that need the whole source.

Order (each step small and pure, each change reported with kind, line and text):

1. per line: ``repairs.LINE_REPAIRS`` (controls, HTML tags and entities, mojibake, pinyin notes, script,
   punctuation); a block tag inside a line (``段一<br/>段二``) breaks it in two, and a line's indent and
   its opening/closing block tags are kept as layout marks for step 4; then, over the whole source, the
   frame of a box drawn in box-drawing characters (``remove_box_frames``) and the time codes opening a
   transcript's turns (``remove_turn_times``);
2. ``remove_boilerplate_lines``: web chrome, promotion and rights lines, footers, ads
   (``boilerplate.RULES``) and editor credits (the editor's name goes into the article's metadata);
   separator rules stay: they mark article boundaries, which the split decides;
3. ``remove_running_headers``: headers and footers repeated through a printed page; the line after one
   is marked ``page_break``;
4. ``fix_hard_wraps``: lines cut at a fixed width joined back into paragraphs, then
   ``fix_page_breaks``: a paragraph cut by a removed header or footer joined again;
5. ``remove_repeated_blocks``: the text printed twice (either script) keeps one copy (after the joins,
   so copies broken at different places still match); ``remove_pull_quotes``: a quoted sentence on a line
   of its own that a paragraph prints again (a magazine's pull quote).

The result is one ``Line`` per paragraph (or heading, byline ...) in source order, blank lines kept.
"""

from __future__ import annotations

import dataclasses
import re

import yaml

from wenku.ingest.boilerplate import FURNITURE_REASONS, PROSE_GUARDED, RULES, furniture_marks, reads_as_prose
from wenku.ingest.repairs import repair_line, suspected_typos
from wenku.ingest.repeats import remove_pull_quotes, remove_repeated_blocks, remove_trailing_translation
from wenku.ingest.running import PRINT_HEADER, inline_headers, running_headers
from wenku.ingest.wrap import INDENT_CHARS, PageLine, fix_hard_wraps, fix_page_breaks
from wenku.model import Change, Line
from wenku.textutil import CJK

BLOCK = r"(?:p|div|h[1-6]|li|section|article|blockquote|tr|td|center)"
RE_BLOCK_OPEN = re.compile(rf"^[\s\u3000]*<{BLOCK}\b[^<>]*>", re.I)
RE_BLOCK_CLOSE = re.compile(rf"(?:</{BLOCK}>|<br\s*/?>)[\s\u3000]*$", re.I)

CREDIT_LABELS = (
    r"(?:(?:本版|本期|本文|本篇|本栏目|本栏|第\s*\d{1,3}\s*版)?(?:责任编辑|责编|值班编辑|网络编辑|执行编辑|文字编辑|图片编辑|美术编辑|编辑|美编|"
    r"版式设计|版式|排版|视觉设计|设计|审核|审校|校对|监制|终审|初审|复审|签发|统筹|策划|主编|"
    r"图文编辑|视频编辑|新媒体编辑|编审|复核|制作))"
)
EDITOR_ID = r"(?:_[A-Za-z]{0,6}\d{1,8}[A-Za-z]?)?"  # a site's staff id after an editor's name (石禾_NB1234)
RE_CREDIT_ITEM = re.compile(
    rf"{CREDIT_LABELS}\s*[：:｜|丨/／]\s*(?P<names>[{CJK}·]{{2,4}}{EDITOR_ID}(?:[、，, 　]+[{CJK}·]{{2,4}}{EDITOR_ID})*?)"
    rf"(?=[\s　|｜丨/]*(?:{CREDIT_LABELS}\s*[：:｜|丨/／]|[）)\]】]?\s*$))"
)
RE_CREDIT_LEFT = re.compile(r"^[\s　（(\[【）)\]】|｜丨/]*$")


def split_lines(text: str, skip: frozenset[str] = frozenset()) -> tuple[list[PageLine], list[Change]]:
    """Step 1: every line repaired, with its layout marks (indent, block tag at its start or end)."""
    report: list[Change] = []
    lines: list[PageLine] = []
    for number, raw in enumerate(text.split("\n"), 1):
        starts, ends = bool(RE_BLOCK_OPEN.match(raw)), bool(RE_BLOCK_CLOSE.search(raw))
        cleaned, changes = repair_line(raw, number, skip=skip)
        report.extend(changes)
        report.extend(suspected_typos(cleaned, number))
        parts = cleaned.split("\n")
        for k, part in enumerate(parts):
            indent = bool(part.strip()) and part[:1] in INDENT_CHARS
            lines.append(PageLine(number, part.strip(), indent, starts or k > 0, ends or k < len(parts) - 1))
    return lines, report


def editor_credit(text: str) -> list[str] | None:
    """The names in a line that only credits editors (责任编辑：王磊  审核：李明), else None."""
    t = text.strip()
    if len(t) > 60:
        return None
    items = list(RE_CREDIT_ITEM.finditer(t))
    if not items or not RE_CREDIT_LEFT.match(RE_CREDIT_ITEM.sub("", t)):
        return None
    names: list[str] = []
    for m in items:
        names.extend(n.split("_")[0] for n in re.split(r"[、，, 　]+", m.group("names")) if n)
    return names


def trailing_credit(text: str) -> tuple[str, str, list[str]] | None:
    """(the line's own text, the editor credit after it, the names) for a short line that ends with an
    editor credit (作者：张三　责任编辑：李四), else None."""
    t = text.strip()
    if len(t) > 60:
        return None
    for m in RE_CREDIT_ITEM.finditer(t):
        if not m.start() or t[m.start() - 1] not in " \u3000|｜丨/":
            continue  # a credit stands apart from the text before it
        head, tail = t[: m.start()].rstrip(" 　|｜丨/"), t[m.start() :]
        names = editor_credit(tail)
        if head and names and re.search(f"[{CJK}]", head) and not head.endswith(("，", "、", "：")):
            return head, tail, names
    return None


MAX_APPEAL_TAIL = 16  # characters of an exclamation right under an appeal (深度好文，第一时间送达！)


def remove_boilerplate_lines(lines: list[PageLine]) -> tuple[list[PageLine], list[Change], dict]:
    """Step 3: lines that are not article text wherever they stand (the page label rule is left to the split,
    which knows the last line of the page). Editors' names found on the way are kept as metadata ("editors")."""
    keep, report, editors = [], [], []
    marks = furniture_marks([ln.text for ln in lines])
    before = ""  # the non-blank line above
    appeal = False  # the line right above was removed as promotion
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if not t:
            keep.append(ln)
            appeal = False
            continue
        above, before, after_appeal, appeal = before, t, appeal, False
        if i in marks:
            report.append(Change(marks[i], ln.number, ln.text, "", FURNITURE_REASONS[marks[i]]))
            continue
        if after_appeal and len(t) <= MAX_APPEAL_TAIL and t.endswith(("！", "!")) and "。" not in t:
            report.append(
                Change("remove_promotion", ln.number, ln.text, "", "the second line of the appeal right above it")
            )
            appeal = True
            continue
        names = editor_credit(t)
        if names:
            editors.append((ln.number, names))
            report.append(
                Change(
                    "remove_editor_credit",
                    ln.number,
                    ln.text,
                    "",
                    "editor credit: the names (" + "、".join(names) + ") kept as metadata, not text",
                )
            )
            continue
        rule = next((r for r in RULES if r.name != "remove_page_label" and r.test(t, False)), None)
        if rule and not (rule.name in PROSE_GUARDED and reads_as_prose(t, above)):
            report.append(Change(rule.name, ln.number, ln.text, "", rule.reason))
            appeal = rule.name in ("remove_promotion", "remove_ad")
            continue
        split = trailing_credit(t)
        if split:
            head, tail, names = split
            editors.append((ln.number, names))
            report.append(
                Change(
                    "remove_editor_credit",
                    ln.number,
                    tail,
                    "",
                    "editor credit at the end of the line: the names (" + "、".join(names) + ") kept as metadata",
                )
            )
            ln = dataclasses.replace(ln, text=head)
        keep.append(ln)
    return keep, report, ({"editors": editors} if editors else {})


MAX_FRONT_MATTER = 30  # lines


def remove_front_matter(lines: list[PageLine]) -> tuple[list[PageLine], list[Change], dict]:
    """A Markdown export's YAML front matter (--- ⏎ title: … ⏎ author: … ⏎ ---) at the top of the source: read
    with a YAML parser, removed and reported; its title, author and date are kept as metadata."""
    body = [k for k, ln in enumerate(lines) if ln.text.strip()]
    if len(body) < 3 or lines[body[0]].text.strip() != "---":
        return lines, [], {}
    close = next((k for k in body[1 : MAX_FRONT_MATTER + 1] if lines[k].text.strip() == "---"), None)
    if close is None:
        return lines, [], {}
    block = lines[body[0] : close + 1]
    try:
        data = yaml.safe_load("\n".join(ln.text for ln in block[1:-1]))
    except yaml.YAMLError:
        return lines, [], {}
    if not isinstance(data, dict) or not data or not all(isinstance(k, str) for k in data):
        return lines, [], {}
    report = [
        Change("remove_front_matter", ln.number, ln.text, "", "front matter of a Markdown export (read as YAML)")
        for ln in block
        if ln.text.strip()
    ]
    meta = {}
    author = data.get("author") or data.get("authors")
    if isinstance(author, str) and author.strip():
        meta["authors"] = [a for a in re.split(r"[、，,；;\s]+", author.strip()) if a]
    elif isinstance(author, list):
        meta["authors"] = [str(a).strip() for a in author if str(a).strip()]
    if data.get("date"):
        meta["date"] = str(data["date"])
    if isinstance(data.get("title"), str) and data["title"].strip():
        meta["title"] = " ".join(data["title"].split())
    return lines[: body[0]] + lines[close + 1 :], report, ({"front_matter": meta} if meta else {})


def _remove_inline_headers(lines: list[PageLine]) -> tuple[list[PageLine], list[Change]]:
    spans: dict[int, list[re.Match]] = {}
    for ln, m in inline_headers(lines):
        spans.setdefault(id(ln), []).append(m)
    if not spans:
        return lines, []
    out: list[PageLine] = []
    report: list[Change] = []
    for ln in lines:
        text = ln.text
        for m in sorted(spans.get(id(ln), []), key=lambda m: m.start(), reverse=True):
            report.append(
                Change(
                    "remove_running_header",
                    ln.number,
                    m.group(0).strip(),
                    "",
                    "running header printed inside a line (a page number beside a title the source gives "
                    "elsewhere, on consecutive pages)",
                )
            )
            text = text[: m.start()] + text[m.end() :]
        out.append(dataclasses.replace(ln, text=text) if text != ln.text else ln)
    return out, report


# A footnote at a page's foot: its mark ([1], ［1］, 〔1〕, ①) opening the line; a short rule may stand above it.
RE_FOOTNOTE = re.compile(r"^(?P<mark>\[\d{1,3}\]|［\d{1,3}］|〔\d{1,3}〕|[①-⑳])\s*\S")
RE_FOOTNOTE_RULE = re.compile(r"^[—\-_─━–]{4,24}$")


def page_footnotes(lines: list[PageLine], found: dict[int, str]) -> dict[int, str]:
    """{id(line): what} for the footnotes printed at a page's foot: lines opening with a note mark that the text
    above cites (38%左右[1]。), standing right above a running footer (through other footnotes), with the short
    rule above them. Notes after the text's end (no footer under them) are left to the structure."""
    body = [ln for ln in lines if ln.text.strip()]
    out: dict[int, str] = {}
    text, ends = "", []  # the text of the lines that are not notes, and where it stands after each line
    for b in body:
        if not RE_FOOTNOTE.match(b.text.strip()):
            text += b.text.strip()
        ends.append(len(text))
    for k, ln in enumerate(body):
        m = RE_FOOTNOTE.match(ln.text.strip())
        if not m or id(ln) in found or id(ln) in out:
            continue
        cited = text.find(m.group("mark"))
        if cited < 0 or cited >= ends[k]:
            continue
        run, j = [ln], k + 1
        while j < len(body) and id(body[j]) not in found and RE_FOOTNOTE.match(body[j].text.strip()):
            run.append(body[j])
            j += 1
        if j >= len(body) or id(body[j]) not in found:
            continue
        if k and RE_FOOTNOTE_RULE.match(body[k - 1].text.strip()):
            out[id(body[k - 1])] = "the rule above a page's footnotes"
        for f in run:
            out[id(f)] = "footnote printed at the page's foot, above its running footer (its text is kept here)"
    return out


def remove_running_headers(lines: list[PageLine]) -> tuple[list[PageLine], list[Change]]:
    """Step 4: running headers and footers (page numbers, editions, dates, repeated column names), also those
    printed inside a line, and the footnotes printed at a page's foot above them."""
    lines, inline = _remove_inline_headers(lines)
    found = running_headers(lines)
    if not found:
        return lines, inline
    notes = page_footnotes(lines, found)
    report = inline + [
        Change("remove_page_footnote", ln.number, ln.text, "", notes[id(ln)])
        if id(ln) in notes
        else Change(
            "remove_title_bar",
            ln.number,
            ln.text,
            "",
            "the page's title bar (a browser's print header: the time of printing and the page's title)",
        )
        if found[id(ln)] == PRINT_HEADER
        else Change("remove_running_header", ln.number, ln.text, "", f"running header or footer ({found[id(ln)]})")
        for ln in lines
        if id(ln) in found or id(ln) in notes
    ]
    found = {**found, **notes}
    keep: list[PageLine] = []
    broken = False
    for ln in lines:
        if id(ln) in found:
            broken = True
            continue
        if broken and ln.text.strip():
            ln.page_break, broken = True, False
        keep.append(ln)
    return keep, report


# A time code opening a transcript's turn: [00:01:15], 【01:15】, (1:02:03), or 00:01:15 with a space after it
# (a bare time without seconds, 09:00 开幕式, is an agenda's).
RE_TURN_TIME = re.compile(
    r"^(?:[\[【〔（(]\s*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\s*[\]】〕）)]|\d{1,2}:\d{2}:\d{2}(?=[\s\u3000]))[\s\u3000]*"
)
RE_SPEAKER = re.compile(rf"^[{CJK}A-Za-z·]{{1,8}}[：:]")
MIN_TIMED_TURNS = 3  # lines opened by a time code
MIN_TURN = 20  # characters of a turn without a speaker's label (an agenda's item is shorter)


def _turn_time(text: str) -> re.Match | None:
    m = RE_TURN_TIME.match(text)
    if not m:
        return None
    rest = text[m.end() :]
    return m if RE_SPEAKER.match(rest) or len(rest) >= MIN_TURN else None


def remove_turn_times(lines: list[PageLine]) -> tuple[list[PageLine], list[Change]]:
    """The time codes that open the turns of a transcript ([00:01:15] 名：…), taken off the speaker's words.
    Only when three or more lines open with one, each followed by a speaker's label or a sentence (an
    agenda's times, 09:00 开幕式, stay)."""
    timed = [k for k, ln in enumerate(lines) if _turn_time(ln.text)]
    if len(timed) < MIN_TIMED_TURNS:
        return lines, []
    out, report = list(lines), []
    for k in timed:
        ln = lines[k]
        m = RE_TURN_TIME.match(ln.text)
        report.append(
            Change(
                "remove_timestamp",
                ln.number,
                m.group(0).strip(),
                "",
                "time code opening a transcript's turn (the speaker's words kept)",
            )
        )
        out[k] = dataclasses.replace(ln, text=ln.text[m.end() :])
    return out, report


BOX = "\u2500-\u257f"  # box-drawing characters: ┌─┐│└┘ ═ ║ ╔ ╗ …
RE_BOX_RULE = re.compile(rf"^[{BOX}\s\u3000]*[{BOX}][{BOX}\s\u3000]*$")
RE_BOX_JUNCTION = re.compile("[┬┴┼├┤╦╩╬╠╣]")
MIN_RULE = 3  # box-drawing characters on a frame's top or bottom line


def remove_box_frames(lines: list[PageLine]) -> tuple[list[PageLine], list[Change]]:
    """The frame of a box drawn in box-drawing characters (┌────┐ ⏎ │ text │ ⏎ └────┘): the side characters
    are taken off the box's lines; its text stays where it stands. The top and bottom lines stay for the
    structure stage: they are the evidence of where a sidebar starts and ends (structure/heads.py, page.py),
    which reports them when it drops them. A side character is taken off only in a source that has a frame
    line."""
    rules = {
        k
        for k, ln in enumerate(lines)
        if RE_BOX_RULE.match(ln.text) and len(re.findall(f"[{BOX}]", ln.text)) >= MIN_RULE
    }
    if not rules or any(RE_BOX_JUNCTION.search(ln.text) for ln in lines):
        return lines, []  # none, or a table drawn in grid lines (its rules and columns are its layout)
    out: list[PageLine] = []
    report: list[Change] = []
    for k, ln in enumerate(lines):
        if k in rules:
            out.append(ln)
            continue
        t = ln.text
        if t[:1] and re.match(f"[{BOX}]", t[:1]) or t[-1:] and re.match(f"[{BOX}]", t[-1:]):
            inner = re.sub(rf"^[{BOX}][\s\u3000]*|[\s\u3000]*[{BOX}]$", "", t)
            report.append(Change("remove_box_frame", ln.number, t, inner, "side of a box's frame"))
            ln = dataclasses.replace(ln, text=inner)
        out.append(ln)
    return out, report


def clean_lines(text: str, skip: frozenset[str] = frozenset()) -> tuple[list[Line], list[Change], dict]:
    """Decoded text to cleaned lines (one per paragraph), the report, and metadata found on the way."""
    lines, report = split_lines(text, skip)
    lines, removed = remove_box_frames(lines)
    report.extend(removed)
    lines, removed = remove_turn_times(lines)
    report.extend(removed)
    lines, removed, front = remove_front_matter(lines)
    report.extend(removed)
    lines, removed, meta = remove_boilerplate_lines(lines)
    report.extend(removed)
    meta.update(front)
    lines, removed = remove_running_headers(lines)
    report.extend(removed)
    lines, joined = fix_hard_wraps(lines)
    report.extend(joined)
    lines, joined = fix_page_breaks(lines)
    report.extend(joined)
    lines, repeats = remove_repeated_blocks(lines)
    report.extend(repeats)
    lines, repeats = remove_pull_quotes(lines)
    report.extend(repeats)
    lines, repeats = remove_trailing_translation(lines)
    report.extend(repeats)
    return lines, report, meta
