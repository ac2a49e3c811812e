"""Classifying the cleaned lines of a source into units: titles, bylines, headings, notes, paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wenku.ingest.boilerplate import RE_NOTE_LABEL, boilerplate_rule, reads_as_prose
from wenku.ingest.paragraphs import contradicts_join, join_evidence
from wenku.model import UNIT_KINDS, Change, Line, UnitKind
from wenku.segment import is_word
from wenku.structure.names import excerpt_source, is_person_name, parse_byline
from wenku.textutil import CJK, ends_sentence


@dataclass
class Unit:
    """A classified piece of a source: one or more lines that play one role."""

    kind: UnitKind
    text: str
    lines: list[int]
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in UNIT_KINDS:
            raise ValueError(f"unknown unit kind {self.kind!r} (known: {', '.join(sorted(UNIT_KINDS))})")

    def first(self) -> int:
        return self.lines[0]


RE_NOTE = re.compile(
    r"^(?:[【（(\[]\s*(?:作者系|作者单位|作者为|作者是|本文作者|作者[：:]|作者简介)|作者简介\s*[：:]|作者单位\s*[：:])"
)
# A rule or a row of ornaments between two articles: ——————, -----, ＊　＊　＊, ◆◆◆, or the top or
# bottom edge of a box drawn with box-drawing characters (┌────┐, └────┘).
RE_SEPARATOR = re.compile(r"^[\s\u3000]*(?:[-—–─━=＝_＿~～*＊◆◇●○■□★☆·•※#\u2500-\u257f]{1}[\s\u3000]*){3,}$")
# Jump lines of a newspaper page: （下转第5版）, 上接第1版, （转第8版）, （上接第1版 标题…）.
RE_JUMP = re.compile(
    r"^[（(【\[]?\s*(?P<dir>下转|上接|转|接|续)(?:第)?\s*(?P<page>[0-9０-９一二三四五六七八九十]{1,3})\s*(?:版|页|面)"
    r"(?P<rest>[^）)】\]]{0,24})[）)】\]]?$"
)
# A note about the text on a line of its own, in brackets: （本文根据访谈录音整理，经受访者审定）.
RE_TEXT_NOTE = re.compile(
    r"^[（(【\[](?:(?:本文|此文|全文|以上内容|文章)[^（()）【】\[\]]{2,40}"
    # an author's unit and postcode under a journal article's byline: （某大学法学院，某市　310008）
    rf"|[{CJK}][^（()）【】\[\]。]{{2,40}}[\s\u3000]\d{{6}})[）)】\]]$"
)
# A photo caption: ▲ in front (the picture is above), or the photographer at its end: …（记者某某摄）.
RE_CAPTION = re.compile(r"^[▲△↑]\s*\S.{2,120}$|^.{4,120}[（(][^（()）]{1,20}(?:摄|供图)[）)]$")
RE_META = re.compile(r"(发表时间|发布时间|来源|转自|转载自)\s*[：:｜|]")
# Where the pictures come from (图片来源：网络, 图片 | 视觉中国, 题图/某图库): a photo credit, not the outlet.
RE_PHOTO_SOURCE = re.compile(
    r"^[（(]?(?:图片|照片|配图|封面图?|题图|头图)(?:来源)?\s*[：:｜|/]\s*[^。，；]{1,24}?[）)]?$"
)
# A header line of a copied web or WeChat page: a date with a time and a few words, no sentence
# (原创 名 号名 2025年02月17日 08:05 北京), or short fields set off by dots or bars after it (2026-04-07 09:12 ·
# 某地 · 某号作者, a news app's time, place and account); its date goes to the metadata.
RE_DATETIME_LINE = re.compile(
    r"^[^。，；！？]{0,30}(?:19|20)\d\d(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2})\s*\d{1,2}:\d\d(?::\d\d)?"
    r"(?:[^。，；！？]{0,12}|(?:[\s\u3000]*[·•|｜][\s\u3000]*[^\s\u3000。，；！？·•|｜]{1,10}){1,4}[\s\u3000]*)$"
)
# A date line of a web page (发布日期：2025-03-01, 更新时间：2025年3月1日 10:00); a bare 时间： is a notice's own.
RE_DATE_LINE = re.compile(
    r"^[【\[]?(?:(?:发布|更新|发表|修改)(?:日期|时间)|日期)\s*[：:]\s*(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?"
    r"(?:\s*\d{1,2}:\d\d(?::\d\d)?)?[】\]]?$"
)
RE_PHOTO_CREDIT = re.compile(r"^(图片|照片|图)(均)?(为|由)?.*(摄|供图|提供)$")
# A photographer's credit in a byline's form with 摄 after the names: 本报记者　名　摄, 记者 名 摄影.
RE_SHOT_BY = re.compile(r"^(?P<byline>\S.{1,30}?)[\s\u3000]*(?:摄|摄影|供图)$")


def shot_by(text: str) -> bool:
    """True for a photo credit in a byline's form (本报记者　名　摄): the names took the picture, they did not
    write the article."""
    m = RE_SHOT_BY.match(text.strip())
    if not m:
        return False
    parsed = parse_byline(m.group("byline"))
    return bool(parsed and parsed["names"])


RE_SPEAKER_LINE = re.compile(r"^(?P<all>[^：:。，]{4,50})[：:]$")
# Words a heading never ends with: a line ending with one is a sentence that broke off.
HEADING_BAD_END = set("的了和与及在对将把被为以从向等并而且或是有更也都又还就才仍却则即之其所使让给跟同")


# The author named in a metadata line: 作者：名 (来源：… 作者：名), or 原创 名 at the head of a WeChat copy.
RE_META_AUTHOR = re.compile(r"(?P<label>作者\s*[：:｜|]|^原创(?=[\s\u3000]))[\s\u3000]*")


# After 作者：, a run of ideographs glued to the next field's label and colon (名点击：123).
RE_GLUED_FIELD = re.compile(rf"^(?P<run>[{CJK}]{{4,8}})[：:]")


def meta_names(text: str) -> dict:
    """{'names': [...]} for the personal names a metadata line gives as the author, else {}. After 作者：
    any two to four ideographs are a name; after 原创 only what reads as a personal name (the account's
    name comes next)."""
    m = RE_META_AUTHOR.search(text)
    if not m:
        return {}
    labelled = m.group("label").startswith("作者")
    names = []
    rest = text[m.end() :]
    glued = RE_GLUED_FIELD.match(rest) if labelled else None
    if glued:  # 作者：名点击：123 (the space between two fields lost): the name, then the next field's label
        run = glued.group("run")
        for size in (3, 2, 4):
            name, label = run[:size], run[size:]
            if is_person_name(name) and 2 <= len(label) <= 4 and is_word(label):
                return {"names": [name]}
    for part in re.split(r"[、 \u3000]+", rest):
        if not re.fullmatch(f"[{CJK}·]{{2,4}}", part) or not (labelled or is_person_name(part)):
            break
        names.append(part)
    return {"names": names} if names else {}


def speaker(text: str) -> dict | None:
    """{'role', 'name'} for a speaker line such as '湖南智启未来科技有限公司CTO马世奎：', else None."""
    m = RE_SPEAKER_LINE.match(text)
    if not m:
        return None
    body = m.group("all").strip()
    for size in (3, 2, 4):
        name, role = body[-size:], body[:-size].rstrip("、，, ")
        if is_person_name(name) and len(role) >= 2:
            return {"role": role, "name": name}
    return None


# Notes and references after the text: a label alone on its line (注释：, 参考文献), then its items (① …, [1] …,
# 〔1〕 …); a reference with a GB/T 7714 document type code ([1] 名. 题名[J]. 刊名, 2024(3): 45-52.) needs no label.
RE_NOTES_LABEL = re.compile(
    r"^[【\[]?(?:注释|注|尾注|脚注|附注|参考文献|参考资料|主要参考文献|References|Notes)[】\]]?\s*[：:]?$", re.I
)
RE_NOTE_ITEM = re.compile(r"^(?:[①-⑳]|\[\d{1,3}\]|［\d{1,3}］|〔\d{1,3}〕)\s*\S")
RE_REFERENCE = re.compile(
    r"^(?:\[\d{1,3}\]|［\d{1,3}］|\d{1,3}[.．])\s*\S.{0,200}\[(?:J|M|R|C|D|N|S|P|A|G|Z|EB/OL|J/OL|M/OL)\]"
)


def _footnote(prev: Unit | None, text: str, nxt: str) -> bool:
    """A line of the notes or references after the text (kept as a note block, not as the body)."""
    if RE_NOTES_LABEL.match(text):
        return bool(RE_NOTE_ITEM.match(nxt) or RE_REFERENCE.match(nxt))
    if RE_REFERENCE.match(text):
        return True
    return bool(RE_NOTE_ITEM.match(text) and prev is not None and prev.kind == "note" and prev.extra.get("footnote"))


RE_FIGURE = re.compile(r"^(?P<caption>图\s*\d*\s*[：:]\s*.+)$")
# Numbered section headings (一、 1. （一） 第一部分 …): parts of an article, never its title.
RE_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]\s*\S|"
    r"第[一二三四五六七八九十\d]+(?:部分|章|节))"
)
BOX_TITLES = ("核心提示", "内容提要", "编者按", "导读", "摘要")


def _heading_shape(t: str) -> bool:
    """No sentence end, no full stop inside, no clause mark at the end, some ideographs."""
    if not t or len(t) > 70 or ends_sentence(t) or "。" in t or t.endswith(("，", "、", "：")):
        return False
    return bool(re.search(f"[{CJK}]", t))


def heading_like(text: str) -> bool:
    """A short line that is a heading rather than prose: no sentence end, no full stop inside."""
    t = text.strip()
    if not _heading_shape(t):
        return False
    return not (t[-1] in HEADING_BAD_END and not is_word(t[-2:]))  # 方向, 规则, 行为 end a noun, not a sentence


RE_QUESTION_END = re.compile(r"[？?！!]+[”’」』]?$")
MAX_QUESTION_HEADLINE = 40


def question_headline(text: str) -> bool:
    """A short line that ends with a question or an exclamation mark and is otherwise a heading (算力过剩了吗？,
    用三行代码调用大模型，门槛真的降低了吗？): a headline where a headline stands (the page's first line, above a
    byline or an outlet line), a question in the text anywhere else. Not a Q&A line (问：…？) nor a numbered one."""
    t = text.strip()
    m = RE_QUESTION_END.search(t)
    if not m or len(t) > MAX_QUESTION_HEADLINE or RE_NUMBERED.match(t) or RE_QA_LABEL.match(t):
        return False
    return heading_like(t[: m.start()])


def _prose_under(head: str, nxt: str) -> bool:
    """The line under a page's first line is prose: longer than it, one sentence or more, no question."""
    return len(nxt) > 2 * len(head.strip()) and ends_sentence(nxt) and not question_headline(nxt)


MAX_OPEN_HEADLINE = 24  # a headline ending with a word a sentence breaks off at (…出来的) is no longer


def _headline_end(text: str, prev: Unit | None) -> bool:
    """A short line that would be a heading but for its last word (…是这样商量出来的, …之所以): a headline when
    it stands above a byline and no paragraph broke off right above it."""
    t = text.strip()
    if len(t) > MAX_OPEN_HEADLINE or heading_like(t) or t[-1] not in HEADING_BAD_END or RE_NUMBERED.match(t):
        return False
    if prev is not None and prev.kind == "para" and not ends_sentence(prev.text):
        return False
    return _heading_shape(t)


# The label of a question or an answer line of an interview or an FAQ (问：, 答：, Q:, 记者：).
RE_QA_LABEL = re.compile(r"^[\s\u3000]*(?:[问答]|Q|A|提问|回答)[\s\u3000]*[：:]", re.I)


def strip_markup(text: str) -> tuple[int, str]:
    """(heading level, text) for a Markdown heading line, else (0, text)."""
    m = re.match(r"^(#{1,6})\s+(.*)$", text)
    if m:
        return len(m.group(1)), m.group(2).strip()
    return 0, text


def remove_boilerplate(lines: list[Line]) -> tuple[list[Line], list[Change]]:
    """Lines without boilerplate, and one report entry (with its reason) per removed line."""
    body = [ln for ln in lines if ln.text.strip()]
    last = body[-1].number if body else -1
    keep, report = [], []
    for k, ln in enumerate(body):
        rule = boilerplate_rule(ln.text.strip(), ln.number == last, body[k - 1].text if k else "")
        if rule:
            report.append(Change(rule.name, ln.number, ln.text, "", rule.reason))
        else:
            keep.append(ln)
    return keep, report


def classify(lines: list[Line]) -> tuple[list[Unit], list[Change]]:
    """Units of a page-like source (newspaper page, web page, report) in source order."""
    units: list[Unit] = []
    report: list[Change] = []
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        level, text = strip_markup(ln.text.strip())
        prev = units[-1] if units else None
        nxt = strip_markup(lines[i + 1].text.strip())[1] if i + 1 < n else ""
        byline = parse_byline(text) if not level else None
        if level == 0 and RE_SEPARATOR.match(text):
            units.append(Unit("separator", text, [ln.number]))
        elif level == 0 and RE_JUMP.match(text) and not reads_as_prose(text):
            m = RE_JUMP.match(text)
            units.append(
                Unit(
                    "jump",
                    text,
                    [ln.number],
                    {
                        "dir": "down" if m.group("dir") in ("下转", "转") else "up",
                        "page": m.group("page"),
                        "rest": m.group("rest").strip(),
                    },
                )
            )
        elif level == 1:
            units.append(Unit("title", text, [ln.number]))
        elif level >= 2 and text in BOX_TITLES:
            if i + 1 < n:
                units.append(Unit("box", nxt, [ln.number, lines[i + 1].number], {"label": text}))
                i += 1
            else:
                units.append(Unit("heading", text, [ln.number]))
        elif level >= 2:
            units.append(Unit("heading", text, [ln.number], {"marked": True}))
        elif level == 0 and len(text) <= 120 and excerpt_source(text):
            # （节选自名著《书名》…）: the source note of a book excerpt names the excerpt's author
            units.append(Unit("author", text, [ln.number], {"names": excerpt_source(text), "form": "excerpt"}))
        elif level == 0 and _footnote(prev, text, nxt):
            units.append(Unit("note", text, [ln.number], {"footnote": True}))
        elif (RE_NOTE.match(text) and not _closing_byline(byline, text)) or (level == 0 and RE_TEXT_NOTE.match(text)):
            units.append(Unit("note", text, [ln.number]))
        elif RE_NOTE_LABEL.match(text) and nxt and not strip_markup(lines[i + 1].text.strip())[0]:
            label = text.strip("【】[]（）()：: ")
            units.append(Unit("note", f"{label}：{nxt}", [ln.number, lines[i + 1].number]))
            i += 2
            continue
        elif RE_PHOTO_SOURCE.match(text):
            units.append(Unit("photo_credit", text, [ln.number]))
        elif (RE_META.search(text) and len(text) < 60 and not _note_in_text(prev, text, nxt)) or RE_DATE_LINE.match(
            text
        ):
            units.append(Unit("meta", text, [ln.number], meta_names(text)))
        elif RE_PHOTO_CREDIT.match(text) or (level == 0 and byline is None and shot_by(text)):
            units.append(Unit("photo_credit", text, [ln.number]))
        elif byline is not None:
            extra = {"names": byline["names"], "form": byline["form"]}
            if byline.get("role"):
                extra["role"] = byline["role"]
            if byline.get("affiliation"):
                extra["affiliation"] = byline["affiliation"]
            units.append(Unit("author", text, [ln.number], extra))
        elif RE_DATETIME_LINE.match(text):
            units.append(Unit("meta", text, [ln.number], meta_names(text)))
        elif speaker(text):
            units.append(Unit("speaker", text.rstrip("：:"), [ln.number], speaker(text)))
        elif level == 0 and RE_CAPTION.match(text) and not RE_FIGURE.match(text):
            units.append(Unit("figure", text, [ln.number]))
        elif RE_FIGURE.match(text):
            units.append(Unit("figure", RE_FIGURE.match(text).group("caption"), [ln.number]))
        elif (
            prev is not None
            and prev.kind == "title"
            and 16 <= len(text) <= 80
            and not ends_sentence(text)
            and "，" in text
        ):
            units.append(Unit("deck", text, [ln.number]))
        elif (
            level == 0
            and nxt
            and (question_headline(text) or _headline_end(text, prev))
            and (
                _special(nxt)
                or (question_headline(text) and RE_DASHED_SUBTITLE.match(nxt))
                or (not units and question_headline(text) and _prose_under(text, nxt))
            )
            and not _special(text)
        ):
            # 算力过剩了吗？ or …是这样商量出来的 over 文／名: a headline above a byline or an outlet line
            units.append(Unit("heading", text, [ln.number], {"unmarked": True, "headline": True}))
        elif heading_like(text) and len(text) < 40 and _heading_group(lines, i):
            size = _heading_group(lines, i)
            parts = [lines[i + k].text.strip() for k in range(size)]
            joined = parts[0]
            for part in parts[1:]:
                joined += ("" if joined.endswith(("，", "：")) else "，") + part
            units.append(
                Unit("heading", joined, [lines[i + k].number for k in range(size)], {"unmarked": True, "parts": parts})
            )
            i += size
            continue
        else:
            units.append(Unit("para", text, [ln.number]))
        i += 1
    return _mark_caption_names(units, report), report


RE_CELL_GAP = re.compile(r"[ \u3000\t]+")


def _closing_byline(byline: dict | None, text: str) -> bool:
    """（作者：名　单位）, （作者：名、名）: a bracketed byline printed at an article's end names its authors (an
    author's note, （作者系…）, names none and stays a note)."""
    return bool(byline and byline["form"] == "paren" and byline["names"] and re.match(r"^[（(]\s*作者\s*[：:]", text))


def _cells(text: str) -> int:
    """How many cells a line holds, separated by runs of spaces (1 for an ordinary line)."""
    return len(RE_CELL_GAP.split(text.strip()))


def _table_row(lines: list[Line], i: int) -> bool:
    """True when lines[i] is a row of a table set as text: three or more cells, like a line next to it."""
    n = _cells(lines[i].text)
    if n < 3:
        return False
    near = [lines[k].text for k in (i - 1, i + 1) if 0 <= k < len(lines) and lines[k].text.strip()]
    return any(_cells(t) == n for t in near)


def _note_in_text(prev: Unit | None, text: str, nxt: str) -> bool:
    """A 来源：… line standing between two paragraphs of the article (a table's or a figure's data source), not
    the page's outlet line: the paragraph above ends a sentence and a paragraph follows."""
    return (
        prev is not None
        and prev.kind == "para"
        and ends_sentence(prev.text)
        and not RE_DATETIME_LINE.match(text)
        and len(nxt) >= 15
        and ends_sentence(nxt)
    )


MAX_HEAD_CLAUSE = 24  # the first line of a two-line headline with a comma in it is no longer than this


def _heading_group(lines: list[Line], i: int) -> int:
    """1 or 2 when lines[i] (and the next line) form an unmarked heading above a paragraph, else 0."""
    if _table_row(lines, i):
        return 0  # table rows are kept as lines, never joined into a heading (nor given a ，)
    for size in (1, 2):
        if i + size >= len(lines):
            return 0
        group = [lines[i + k].text.strip() for k in range(size)]
        after = lines[i + size].text.strip()
        if not all(heading_like(g) and len(g) < 40 and not strip_markup(g)[0] and not _special(g) for g in group):
            return 0
        if size == 2 and _table_row(lines, i + 1):
            return 0
        if size == 2 and "，" in group[0] and len(group[0]) > MAX_HEAD_CLAUSE and not _special(after):
            return 0  # a long clause with a comma is prose that broke off, not half of a headline

        if size == 2 and (RE_NUMBERED.match(group[0]) or RE_NUMBERED.match(group[1])):
            return 1  # a numbered heading is a heading of its own, never half of a two-line one
        if _special(after):
            if size == 2 and ("，" in group[0] or len(group[0]) > MAX_HEAD_CLAUSE):
                # Two lines above a byline that do not read as one headline: the first is a heading
                # of its own (a column run ending on a heading), or prose that broke off ('此外，…').
                return 0 if re.match(rf"^[{CJK}]{{1,3}}，", group[0]) else 1
            return size
        if strip_markup(after)[0] or heading_like(after):
            continue
        if join_evidence(group[-1], after) > 0:
            return 0
        return size
    return 0


# A subtitle under a headline, set off by a dash (——访…, ——在…上的讲话): the line above it is a headline.
RE_DASHED_SUBTITLE = re.compile(r"^(?:——|──|－－)[\s\u3000]*[^—─－\s\u3000]")


def _special(text: str) -> bool:
    """A line with a role of its own (byline, author note, jump line, separator, date and source line), never
    part of a heading."""
    return bool(
        parse_byline(text)
        or RE_NOTE.match(text)
        or (RE_JUMP.match(text) and not reads_as_prose(text))
        or RE_SEPARATOR.match(text)
        or (RE_META.search(text) and len(text) < 60)
        or RE_DATETIME_LINE.match(text)
        or RE_DATE_LINE.match(text)
        or RE_NOTE_LABEL.match(text)
        or RE_PHOTO_SOURCE.match(text)
    )


def _mark_caption_names(units: list[Unit], report: list[Change]) -> list[Unit]:
    """Runs of three or more lone name lines are a photo caption's name list, not bylines."""
    out: list[Unit] = []
    i = 0
    while i < len(units):
        j = i
        while (
            j < len(units)
            and units[j].kind == "author"
            and "role" not in units[j].extra
            and len(units[j].extra["names"]) == 1
        ):
            j += 1
        if j - i >= 3:
            names = [u.extra["names"][0] for u in units[i:j]]
            lines = [u.first() for u in units[i:j]]
            out.append(Unit("caption_names", " ".join(names), lines, {"names": names}))
            for u in units[i:j]:
                report.append(
                    Change(
                        "remove_caption_names",
                        u.first(),
                        u.text,
                        "",
                        "photo-caption name list (the people pictured), not article text",
                    )
                )
            i = j
            continue
        out.append(units[i])
        i += 1
    return out


def join_adjacent(units: list[Unit], report: list[Change]) -> list[Unit]:
    """Join a paragraph broken by a column or page end with the paragraph right after it."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if prev is not None and prev.kind in ("para", "box") and u.kind == "para" and _continues(prev.text, u.text):
            report.append(
                Change(
                    "fix_broken_paragraph",
                    u.first(),
                    prev.text[-12:] + "⏎" + u.text[:12],
                    prev.text[-12:] + u.text[:12],
                    "paragraph broken by a column or page end, joined",
                )
            )
            prev.text += u.text
            prev.lines.extend(u.lines)
            continue
        out.append(u)
    return out


def _continues(left: str, right: str) -> bool:
    """True when right is the rest of left's paragraph (evidence for it, or nothing against it)."""
    if ends_sentence(left) or left.endswith("：") or heading_like(left) and len(left) < 30:
        return False
    if join_evidence(left, right) > 0:
        return True
    return not contradicts_join(left, right)
