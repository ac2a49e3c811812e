"""Where articles start on a page: titles, bylines at the top or the bottom, rules between articles.

Evidence is read from the text itself, never from a list of outlets:
- a title is a short line without a sentence end that is the first line of the page, or stands above a
  byline or above its date and outlet line, or follows a rule, or follows the end of another article (its
  author note or closing byline), or follows a wider gap of blank lines than the page uses between
  paragraphs; a `#` line is a title, and so is the value of a 标题：/题目： field at the page's head, or a
  mail's subject when the mail prints no headline; a line near the top that repeats a heading with
  furniture around it (a browser's print header, an HTML <title>) shows that heading is the title;
- what stands over the first headline and holds no text (a publication's masthead, a site's name and
  navigation, a column label, an account's name) goes with the title as its kicker or metadata;
- a byline right under a title (or opening an untitled article) is the article's top byline; a byline
  after the body of an article that has none yet, followed by the end of the page, a title, a rule or an
  author note (or printed as `（名）`, `文/名`), closes that article.
"""

from __future__ import annotations

import re
from collections import Counter

from wenku.model import Change
from wenku.segment import cut, spans_boundary
from wenku.structure.names import is_person_name, is_post, mail_field, parse_byline, title_field
from wenku.structure.reassembly import Topics, _words, starts_mid_sentence
from wenku.structure.units import HEADING_BAD_END, RE_DATETIME_LINE, RE_META, RE_NUMBERED, Unit, heading_like
from wenku.textutil import cjk_count, ends_sentence

# A running header or a labelled metadata line is never a title: dates, page and issue numbers, 责编：…
RE_NOT_TITLE = re.compile(
    r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月|(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}|第\s*[0-9一二三四五六七八九十]+\s*[版期]|总第\s*\d+|星期[一二三四五六日天]|"
    r"(?:19|20)\d\d\.\d{1,2}(?![\d.])|"  # a magazine's folio: 数治前沿　2026.04　27
    r"^(?:责任编辑|责编|编辑|来源|发布时间|发表时间|时间|审核|校对)\s*[：:]|"
    r"\S[\s\u3000]*[>＞»›][\s\u3000]*\S.*[>＞»›]"  # a breadcrumb path (首页 > 栏目 > 标题)
)
BODY_KINDS = ("para", "heading", "box", "speaker", "figure")
# What a headline quotes is its subject, not page furniture (报纸上的“下转第5版”).
RE_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")
# '作者：名' inside an outlet line (2025-05-20 来源：某网 作者：名).
RE_META_AUTHOR = re.compile(r"(?:^|[\s\u3000])作者[：:]\s*(?P<names>\S.*)$")
# An outlet line whose date and time run straight into a headline: '来源：某网 时间：2024-07-13 09:19合力引导…'.
RE_META_TAIL = re.compile(
    r"^(?P<meta>.*(?:19|20)\d\d[-年./]\d{1,2}[-月./]\d{1,2}日?[\s\u3000]*\d{1,2}:\d\d(?::\d\d)?)"
    r"(?P<rest>[\u4e00-\u9fff“《][^。！？：:|｜]{3,39})$"
)
# 作者简介 on a line of its own, above the note itself.
RE_BIO_LABEL = re.compile(r"^[【\[]?\s*作者简介\s*[】\]]?\s*[：:]?$")
RE_NOTE_START = re.compile(r"^[【（(\[]")
# A part of a page that does not read as an article of its own: its prose is shorter than this, and it
# has neither a byline nor an author note.
MIN_ARTICLE_PROSE = 120
# A news item's dateline opening its first paragraph: 本报讯（记者 名）, 新华社北京3月11日电.
RE_DATELINE_START = re.compile(r"^(?:(?:本报|本刊)?讯[\s\u3000]*[（(]|[^，。]{2,14}电[\s\u3000]*[（(]?|[（(]?记者)")
MAX_HALF_TITLE = 20  # the first half of a headline broken over two lines
RE_PUNCT = re.compile(r"[。，；！？：、,.;!?:]")
# The first section of a numbered run: 一、 （一） 1. 1.1 第一部分 — where an article's sections begin.
RE_FIRST_SECTION = re.compile(r"^(?:一[、.．]|[（(][一1][）)]|1[、.．](?!\d)|1\.1\s|第[一1](?:部分|章|节))")
# The author named at the start of a 作者简介 note.
RE_BIO_NAME = re.compile(r"^[【\[（(]?\s*作者简介\s*[：:]\s*(?P<name>[\u4e00-\u9fff]{2,4})[，,、\s]")
# Where a byline glued to a headline may start: a byline mark, or a label after a space.
RE_GLUE = re.compile(r"[□■◎●○◇◆]|(?<=[\s\u3000])(?:作者|文|撰文|执笔)[\s\u3000]*[：:/／|｜丨]")
MIN_UNSIGNED_TITLE = 8  # a shorter heading (引言, 结语, 问题的提出) opens a section, not an article
# Topic similarity of the text before and after a heading below which, with the evidence of its sections
# (numbered from one again) or of another author's note, the heading opens an article of its own.
SPLIT_SIMILARITY = 0.25  # a paragraph this long that ends a sentence is prose, not a comment or an ad line
MAX_TITLE = 40
DANGLING_TITLES = True


# An official document's number alone on a line: 临数发〔2026〕7号, 国办发〔2025〕12号.
RE_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔［\[(（]\s*(?:19|20)\d\d\s*[〕］\])）]\s*第?\d{1,4}\s*号$")


def title_shaped(u: Unit) -> bool:
    """A unit that could be an article's title: a short heading-like line, not a numbered section."""
    if u.kind not in ("heading", "para"):
        return False
    parts = u.extra.get("parts") or [u.text]
    text = "".join(parts)
    if (
        len(text) > MAX_TITLE
        or _nav_row(text)
        or RE_NUMBERED.match(text)
        or RE_DOC_NUMBER.match(text)
        or u.extra.get("marked")
        or any(RE_NOT_TITLE.search(RE_QUOTED.sub("", p)) for p in parts)
    ):
        return False
    return bool(u.extra.get("headline")) or all(heading_like(p) for p in parts)


RE_FIELD_GAP = re.compile(r"[\s\u3000]+")
MIN_NAV_FIELDS = 4


def _nav_row(text: str) -> bool:
    """A site's navigation row (南屿新闻网　即时　政治　社会　生活): four or more short words set apart by
    spaces, never a headline."""
    fields = [f for f in RE_FIELD_GAP.split(text.strip()) if f]
    return len(fields) >= MIN_NAV_FIELDS and sum(1 for f in fields if len(f) <= 4) >= MIN_NAV_FIELDS


def _outlet_with_author(text: str) -> bool:
    """An outlet line that names the author after a space (转自某报评论版　作者：名)."""
    m = RE_META_AUTHOR.search(text)
    return bool(m and m.start() > 0 and len(text) < 60 and _names_after_label(m.group("names")))


def title_text(u: Unit) -> str:
    """The title of a unit set on one or two lines (two halves joined by a space, as headlines print them)."""
    parts = u.extra.get("parts") or [u.text]
    out = parts[0]
    for p in parts[1:]:
        sep = (
            ""
            if out.endswith(("，", "：", "—", "“", "《")) or p.startswith(("，", "：", "”", "》")) or _mid_word(out, p)
            else " "
        )
        out += sep + p
    return out


def _mid_word(left: str, right: str) -> bool:
    """True when a headline broke inside a word (基础设|施建设): the left half ends with a lone character
    that forms a word with the start of the right half."""
    tokens = cut(left[-6:])
    return bool(tokens) and len(tokens[-1]) == 1 and spans_boundary(left, right) is not None


def _typical_gap(units: list[Unit], blank_before: dict[int, int]) -> int:
    """The number of blank lines the page usually puts between two paragraphs."""
    gaps = Counter(blank_before.get(u.first(), 0) for u in units if u.kind in ("para", "heading"))
    return gaps.most_common(1)[0][0] if gaps else 0


def mark_heads(units: list[Unit], blank_before: dict[int, int], report: list[Change] | None = None) -> list[Unit]:
    """Units with titles marked (kind 'title', extra title_from) and bylines placed (extra at: top or bottom);
    then the whole page is checked: a part that does not read as an article of its own stays with the one
    before it."""
    typical = _typical_gap(units, blank_before)
    report = [] if report is None else report
    units = _head_lines(units, report)
    units = _head_fields(_mail_head(units))
    units = _text_notes(_split_tags(_prepare(units, blank_before, typical)))
    units = _bracketed_boxes(units)
    units = _mark(units, blank_before, typical)
    _subject_title(units)
    units = _join_broken_titles(units)
    _title_bar(units, report)
    _site_suffixes(units, report)
    _excerpt_head(units, report)
    _portal_title(units)
    _poster_head(units, report)
    _masthead(units, report)
    _attach_kicker(units, report)
    _split_unsigned(units, report)
    units = _check_parts(units, report)
    units = _section_heads(units, report)
    _attach_labels(units, report)
    _mark_lead_in(units, report)
    _lead_metadata(units)
    return units


def _lead_metadata(units: list[Unit]) -> None:
    """Metadata lines above the page's first title (a mail's header fields, an outlet line) go right under
    that title: they are its article's metadata, whatever the page's other articles. Changes units in
    place."""
    first = next((i for i, u in enumerate(units) if u.kind == "title" or u.extra.get("head")), None)
    if not first or units[first].kind != "title" or any(u.kind in BODY_KINDS + ("author",) for u in units[:first]):
        return
    lead = [u for u in units[:first] if u.kind == "meta"]
    if lead:
        rest = [u for u in units[:first] if u.kind != "meta"]
        units[: first + 1] = rest + [units[first]] + lead


MIN_MAIL_FIELDS = 2  # header lines of a mail at the page's top
MAX_HEAD_FIELDS = 8  # units at the page's top searched for a title field


def _split_parts(u: Unit) -> list[tuple[str, int]]:
    """(text, line number) of each line of a unit (a two-line heading is two lines)."""
    parts = u.extra.get("parts") or [u.text]
    numbers = u.lines if len(parts) == len(u.lines) else [u.first()] * len(parts)
    return list(zip(parts, numbers, strict=True))


def _mail_head(units: list[Unit]) -> list[Unit]:
    """An e-mail saved as text opens with its header fields (发件人：… 收件人：… 主题：… 日期：…): at the page's
    top, two or more lines that are all mail fields, one of them the subject or a sender or recipient, are
    the message's metadata (meta units; the subject's kept as extra subject), not its text."""
    k = 0
    while k < len(units) and units[k].kind == "separator":
        k += 1
    fields: list[tuple[tuple[str, str], str, int]] = []  # ((key, value), line's text, line number)
    j = k
    while j < len(units) and units[j].kind in ("heading", "para", "meta"):
        got = [(mail_field(text), text, number) for text, number in _split_parts(units[j])]
        if not all(f for f, _, _ in got):
            break
        fields.extend(got)
        j += 1
    keys = {f[0] for f, _, _ in fields}
    if len(fields) < MIN_MAIL_FIELDS or not keys - {"日期", "发送时间", "发件时间", "Date", "Sent"}:
        return units
    metas = []
    for (key, value), text, number in fields:
        extra = {"mail": key, "subject": value} if key == "subject" and value else {"mail": key}
        metas.append(Unit("meta", text, [number], extra))
    return units[:k] + metas + units[j:]


def _head_fields(units: list[Unit]) -> list[Unit]:
    """A field naming the title at the page's head (标题：名, 题　　目：名), with nothing but metadata, rules or
    other field rows above it: the title, as if marked (a portal's metadata table that prints the title
    again below is left to _portal_title)."""
    for k, u in enumerate(units[:MAX_HEAD_FIELDS]):
        if u.kind in ("separator", "meta") or (u.kind in ("heading", "para") and RE_FIELD_ROW.match(u.text.strip())):
            value = title_field(u.text) if u.kind != "separator" and len(u.lines) == 1 else None
            if value is None:
                continue
            if not 2 <= len(value) <= MAX_TITLE or any(v.text.strip() == value for v in units[k + 1 : k + 8]):
                return units
            title = Unit("title", value, list(u.lines), {"title_from": "marked by a title field (标题：…)"})
            return units[:k] + [title] + units[k + 1 :]
        return units
    return units


def _subject_title(units: list[Unit]) -> None:
    """A mail whose text has no headline of its own (no title before its first paragraph) takes its
    subject line as its title. Changes units in place."""
    k = next((i for i, u in enumerate(units) if u.extra.get("subject")), None)
    if k is None:
        return
    for u in units[k + 1 :]:
        if u.kind == "title" or u.extra.get("head"):
            return
        if u.kind == "para":
            break
    subject = units[k]
    title = Unit(
        "title",
        subject.extra["subject"],
        list(subject.lines),
        {"title_from": "marked by the mail's subject line (主题：…)", "head": True},
    )
    del units[k]
    units.insert(0, title)


# A 副题 under a headline, or a speech's occasion under its title: a line opening with a dash (——在…上的讲话).
RE_DECK = re.compile(r"^(?:——|──|－－|--|—)[\s\u3000]*(?P<text>[^—─－\-\s\u3000].*)$")
MAX_DECK = 60
# A date alone on a line in brackets, as printed under a speech's title: （2026年3月18日）.
RE_DATE_ONLY = re.compile(
    r"^[（(〔\[]?[\s\u3000]*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[\s\u3000]*[）)〕\]]?$"
)
# A series or column kicker over a headline: a mark in front (◆数字经济大家谈③), or the series' number at its
# end (…大家谈③, …系列评论之三, …（三）).
RE_SERIES = re.compile(
    r"^[◆◇■□●○★☆▲△▶►][\s\u3000]*\S|(?:[①-⑳]|之[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[）)])$"
)


def _head_piece(text: str) -> str | None:
    """'deck' for a subtitle line (——…), 'date' for a bracketed date alone, else None."""
    t = text.strip()
    m = RE_DECK.match(t)
    if m and len(t) <= MAX_DECK and not ends_sentence(t) and "。" not in t and not _attribution(m.group("text")):
        return "deck"
    if RE_DATE_ONLY.match(t):
        return "date"
    return None


# A short tag in brackets in front of a headline: [转帖], 【原创】, ［置顶］.
RE_TAG_PREFIX = re.compile(r"^(?P<tag>[【\[［〔][\u4e00-\u9fff]{1,4}[】\]］〕])[\s\u3000]*(?=\S)")
MIN_DECK = 8  # a 副题 is a phrase; a shorter line after a dash names who said or wrote the line above it


def _attribution(text: str) -> bool:
    """True for the source of a quotation or an epigraph after a dash (—— 屈原, ——《论语》, ——摘自…)."""
    t = text.strip()
    return len(t) < MIN_DECK or t.endswith(("》", "〉")) or t.startswith(("摘自", "引自", "选自")) or is_person_name(t)


def _head_lines(units: list[Unit], report: list[Change]) -> list[Unit]:
    """A headline's stack read line by line: a heading the classifier set on two lines is split where one
    of its lines is a 副题 (——…), a date alone, or a series kicker above the headline (◆系列名③); then, right
    under a headline, a 副题 becomes the article's subtitle (deck, reported) and a bracketed date its date
    line. Only in the head: the same shapes in the body stay text."""
    split: list[Unit] = []
    for u in units:
        parts = u.extra.get("parts") or []
        if (
            u.kind == "heading"
            and len(parts) == 2
            and len(u.lines) == 2
            and (
                any(_head_piece(p) or _nav_row(p) for p in parts)
                or (RE_SERIES.search(parts[0]) and len(parts[1]) >= MIN_UNSIGNED_TITLE and heading_like(parts[1]))
            )
        ):
            for k, (part, number) in enumerate(zip(parts, u.lines, strict=True)):
                extra = {"unmarked": True}
                if k == 0 and RE_SERIES.search(part) and not _head_piece(part):
                    extra["label"] = True  # a series kicker: the headline under it is the title
                split.append(Unit("heading", part, [number], extra))
            continue
        split.append(u)
    split = _boxes(_posts_in_text(split), report)
    out: list[Unit] = []
    for k, u in enumerate(split):
        prev = out[-1] if out else None
        piece = _head_piece(u.text) if u.kind in ("heading", "para") and len(u.lines) == 1 else None
        head = prev is not None and (prev.kind == "title" or (prev.kind in ("heading", "para") and title_shaped(prev)))
        # What shows a headline's stack: a byline (or a date line) under it, or nothing but furniture above it.
        signed = _signed_below(split, k + 1)
        if piece == "deck" and head and (signed or _page_top(out)):
            text = RE_DECK.match(u.text.strip()).group("text").strip()
            out.append(Unit("deck", text, list(u.lines), {"subtitle": True}))
            report.append(
                Change(
                    "extract_subtitle",
                    u.first(),
                    u.text,
                    "",
                    "subtitle (副题) under the headline: kept as article metadata, not as the title or the text",
                )
            )
            continue
        if piece == "date" and prev is not None and (head or prev.kind == "deck") and signed:
            out.append(Unit("meta", u.text.strip(), list(u.lines), {}))
            continue
        if (
            prev is not None
            and prev.kind == "author"
            and prev.extra.get("names")
            and not prev.extra.get("affiliation")
            and u.kind in ("heading", "para")
            and len(u.lines) == 1
            and is_post(u.text)
        ):
            # ◆名 / 东澜大学经济学院教授: the author's post alone on the line under the byline.
            prev.extra["affiliation"] = u.text.strip()
            report.append(
                Change("extract_byline", u.first(), u.text, "", "the author's post under the byline: moved to metadata")
            )
            continue
        m = RE_BARE_DATELINE.match(u.text) if u.kind == "para" else None
        if m and len(u.text) > m.end() + MIN_UNSIGNED_TITLE:
            # 【本报讯】… / 本报讯　… without the reporters' names: the paper's dateline, then the text.
            report.append(
                Change(
                    "extract_metadata_line",
                    u.first(),
                    m.group(0).strip(),
                    "",
                    "the paper's dateline (本报讯) opening the paragraph: not part of the text",
                )
            )
            u = Unit("para", u.text[m.end() :].lstrip(), list(u.lines), dict(u.extra, dateline=m.group(0).strip()))
        if u.kind in ("heading", "para") and len(u.lines) == 1 and RE_JOURNAL_DATES.match(u.text.strip()):
            # 收稿日期：2025-01-06 — a journal's record of the manuscript, not the text (nor its date of issue).
            out.append(Unit("note", u.text.strip(), list(u.lines), {"journal_dates": True}))
            continue
        m = RE_EDITOR_NOTE.match(u.text.strip()) if u.kind == "para" else None
        if m:
            # 编者按：… — the editors' word on the article, not its text: the article's summary box.
            out.append(Unit("box", m.group("text").strip(), list(u.lines), {"label": "编者按"}))
            continue
        out.append(u)
    return out


# The rules drawn around a sidebar box: ┌────┐ above it, └────┘ under it.
RE_BOX_TOP = re.compile(r"^[┌╔┏╭][─═━┄┈\-]{3,}[┐╗┓╮]$")
RE_BOX_BOTTOM = re.compile(r"^[└╚┗╰][─═━┄┈\-]{3,}[┘╝┛╯]$")


def _boxes(units: list[Unit], report: list[Change]) -> list[Unit]:
    """A sidebar box drawn in box-drawing rules (┌──┐ … └──┘) with a headline at its top is an article of
    its own, set into the page: its top rule is a rule between articles (a column label over its headline
    is split off), its bottom rule is removed (reported) and the text after it resumes the text the box
    interrupted."""
    out: list[Unit] = []
    boxed: list[Unit] = []  # the box's units, set after the text it interrupted
    k = 0
    while k < len(units):
        u = units[k]
        if boxed and (u.kind == "separator" or RE_BOX_TOP.match(u.text.strip())):
            out.extend(boxed)
            boxed = []
        close = next(
            (j for j in range(k + 1, min(len(units), k + 40)) if RE_BOX_BOTTOM.match(units[j].text.strip())), None
        )
        if not (u.kind in ("para", "separator") and RE_BOX_TOP.match(u.text.strip()) and close):
            out.append(u)
            k += 1
            continue
        inside = units[k + 1 : close]
        head = inside[0] if inside else None
        parts = (head.extra.get("parts") or []) if head is not None else []
        if head is None or head.kind != "heading" or not any(v.kind == "para" for v in inside):
            out.append(u)
            k += 1
            continue
        out.extend(boxed)
        boxed = [Unit("separator", u.text.strip(), list(u.lines), {"box": True})]
        if len(parts) == 2 and len(head.lines) == 2 and _column_label(parts[0]):
            boxed.append(Unit("heading", parts[0], [head.lines[0]], {"unmarked": True, "label": True}))
            boxed.append(Unit("heading", parts[1], [head.lines[1]], {"unmarked": True}))
            inside = inside[1:]
        boxed.extend(inside)
        end = units[close]
        report.append(
            Change(
                "remove_separator",
                end.first(),
                end.text,
                "",
                "bottom rule of a sidebar box: the box is an article of its own, set after the text it interrupted",
            )
        )
        k = close + 1
    out.extend(boxed)
    return out


# A note about the text in brackets after its last paragraph: how it was made or where it first appeared
# (（根据录音整理，有删节）, （原载《某刊》2025年第3期）).
RE_ABOUT_TEXT = re.compile(
    r"^[（(〔【\[][^（）()〔〕【】\[\]]{0,20}(?:整理|删节|审定|审阅|原载|首发|刊发|发表于|载于)[^（）()〔〕【】\[\]]{0,24}[）)〕】\]]$"
)


def _bracketed_boxes(units: list[Unit]) -> list[Unit]:
    """A bracketed label (【人物简介】, 【链接】) standing between paragraphs of the text, over a paragraph
    that is not a headline and has no byline of its own: a box set in the article, not a new article's
    title. The label and its paragraph become one box unit (the label kept as the box's label)."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        u = units[k]
        nxt = units[k + 1] if k + 1 < len(units) else None
        after = units[k + 2] if k + 2 < len(units) else None
        if (
            u.kind in ("heading", "para")
            and len(u.lines) == 1
            and RE_BRACKET_LABEL.match(u.text.strip())
            and out
            and out[-1].kind in ("para", "speaker")
            and nxt is not None
            and nxt.kind == "para"
            and not title_shaped(nxt)
            and (after is None or after.kind not in ("author", "note"))
        ):
            label = u.text.strip().strip("【】[]〖〗")
            text, lines = nxt.text, list(u.lines) + list(nxt.lines)
            k += 2
            while not ends_sentence(text) and k < len(units) and units[k].kind == "para":
                text += units[k].text  # the box's text cut over two lines (mid-sentence)
                lines.extend(units[k].lines)
                k += 1
            out.append(Unit("box", text, lines, {"label": label}))
            continue
        out.append(u)
        k += 1
    return out


def _text_notes(units: list[Unit]) -> list[Unit]:
    """A bracketed note about the text standing after an article's last paragraph (before the next title,
    rule, byline or the end of the page) is a note, not the author's text."""
    for k, u in enumerate(units):
        if u.kind != "para" or len(u.lines) != 1 or not RE_ABOUT_TEXT.match(u.text.strip()):
            continue
        nxt = next((v for v in units[k + 1 :] if v.kind in BODY_KINDS + ("title", "separator", "author", "note")), None)
        if nxt is None or nxt.kind in ("title", "separator", "author", "note") or title_shaped(nxt):
            units[k] = Unit("note", u.text, list(u.lines), dict(u.extra, about_text=True))
    return units


def _split_tags(units: list[Unit]) -> list[Unit]:
    """[转帖] 标题, 【原创】标题: a forum's or a site's tag in front of a headline is a label of its own."""
    out: list[Unit] = []
    for u in units:
        tag = RE_TAG_PREFIX.match(u.text) if u.kind in ("heading", "para") and len(u.lines) == 1 else None
        rest = u.text[tag.end() :].strip() if tag else ""
        if tag and len(rest) >= MIN_UNSIGNED_TITLE and heading_like(rest) and len(u.extra.get("parts") or [rest]) == 1:
            out.append(Unit("heading", tag.group("tag"), list(u.lines), {"unmarked": True, "label": True}))
            out.append(Unit("heading", rest, list(u.lines), {"unmarked": True}))
            continue
        out.append(u)
    return out


def _posts_in_text(units: list[Unit]) -> list[Unit]:
    """A line of a post and a name (澄湖大学教授　名) is a byline only where a byline stands: under a headline
    (its subtitle or date line), or alone after the text at its end. In a run of such lines (a list of
    guests), or between two paragraphs, it is text."""
    out = list(units)
    for k, u in enumerate(units):
        if u.kind != "author" or u.extra.get("form") != "post":
            continue
        prev = units[k - 1] if k else None
        nxt = units[k + 1] if k + 1 < len(units) else None
        run = any(v is not None and v.kind == "author" and v.extra.get("form") == "post" for v in (prev, nxt))
        head = prev is None or prev.kind in ("title", "deck", "meta") or (prev.kind == "heading" and title_shaped(prev))
        head = head or (
            prev.kind in ("heading", "para") and len(prev.lines) == 1 and (title_shaped(prev) or _head_piece(prev.text))
        )
        end = nxt is None or nxt.kind in ("separator", "note", "title") or (nxt.kind == "heading" and title_shaped(nxt))
        if run or not (head or (end and prev.kind == "para" and ends_sentence(prev.text))):
            out[k] = Unit("para", u.text, list(u.lines), {})
    return out


def _signed_below(units: list[Unit], k: int) -> bool:
    """True when a byline stands at units[k], perhaps under a date line or a 副题."""
    for u in units[k : k + 3]:
        if u.kind == "author" and u.extra.get("names"):
            return True
        if not (u.kind in ("heading", "para") and len(u.lines) == 1 and _head_piece(u.text)) and u.kind != "meta":
            return False
    return False


def _page_top(out: list[Unit]) -> bool:
    """True when the last unit of out is a headline near the top of the page: above it (and a kicker line
    over it) only furniture, or nothing."""
    k = len(out) - 2
    if k >= 0 and out[k].kind in ("heading", "para") and title_shaped(out[k]):
        k -= 1  # a kicker over the headline
    return k < 0 or out[k].kind not in BODY_KINDS + ("title", "deck")


# A journal's dates of the manuscript: 收稿日期：2025-01-06；修回日期：…
RE_JOURNAL_DATES = re.compile(
    r"^[【\[]?(?:收稿日期|收稿时间|修回日期|录用日期|接受日期|网络首发日期|网络出版时间)[】\]]?\s*[：:]\s*"
    r"(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?[^。]{0,40}$"
)
RE_EDITOR_NOTE = re.compile(r"^[【\[]?编者按[】\]]?[\s\u3000]*[：:][\s\u3000]*(?P<text>\S.*)$")


def _section_heads(units: list[Unit], report: list[Change]) -> list[Unit]:
    """A title under which there is no text of its own, only an editors' note or metadata, right above
    another titled article (a round table's or a page section's head over its pieces): not an article. It
    goes with the next title as its kicker; what stood under it goes with that article."""
    out = list(units)
    i = 0
    while i < len(out):
        u = out[i]
        if u.kind != "title" or u.extra.get("title_from", "").startswith("marked"):
            i += 1
            continue
        nxt = next((k for k in range(i + 1, len(out)) if out[k].kind == "title" or out[k].extra.get("head")), None)
        part = out[i + 1 : nxt] if nxt is not None else []
        if (
            nxt is None
            or out[nxt].kind != "title"
            or not part
            or any(v.kind not in ("box", "meta") for v in part)
            or not any(v.kind == "box" for v in part)
        ):
            i += 1
            continue
        title = out[nxt]
        title.extra["kicker"] = (
            list(u.extra.get("kicker", [])) + [{"text": u.text, "lines": list(u.lines)}] + title.extra.get("kicker", [])
        )
        report.append(
            Change(
                "extract_kicker",
                u.first(),
                u.text,
                "",
                "head of a page section over the articles under it (no text of its own, only an editors' note): "
                "kept as the next article's metadata",
            )
        )
        out = out[:i] + [title] + part + out[nxt + 1 :]
        i += 1
    return out


def _mark_lead_in(units: list[Unit], report: list[Change]) -> None:
    """Text before the page's first title that does not read as an article (no byline or note, little
    prose: a newsletter's contents list, a page head) goes with the first article (extra lead_in) instead of
    opening an untitled article. Changes units in place."""
    first = next((i for i, u in enumerate(units) if u.kind == "title" or u.extra.get("head")), None)
    if not first or units[first].kind != "title":
        return
    before = units[:first]
    prose = sum(cjk_count(u.text) for u in before if u.kind in ("para", "box", "speaker"))
    if prose >= MIN_ARTICLE_PROSE or any(u.kind in ("author", "note") for u in before):
        return
    lead = [u for u in before if u.kind in BODY_KINDS]
    for u in lead:
        u.extra["lead_in"] = True
    if lead:
        report.append(
            Change(
                "uncertain_placement",
                lead[0].first(),
                lead[0].text,
                "",
                f"text before the first title not taken as an article of its own ({prose} characters of prose, "
                "no title, byline or author note): kept with the first article; please check",
            )
        )


def _attach_labels(units: list[Unit], report: list[Change]) -> None:
    """A column label (简讯) right above a title further down the page goes with that title (extra kicker)
    instead of ending the article before it. Changes units in place."""
    for i in range(len(units) - 1, 1, -1):
        u = units[i - 1]
        if units[i].kind == "title" and u.extra.get("label") and u.kind == "heading":
            units[i].extra.setdefault("kicker", []).insert(0, {"text": u.text, "lines": list(u.lines)})
            report.append(
                Change(
                    "extract_kicker", u.first(), u.text, "", "column label above the title: kept as article metadata"
                )
            )
            del units[i - 1]


def _prepare(units: list[Unit], blank_before: dict[int, int], typical: int) -> list[Unit]:
    """New units with what the line classifier leaves out: a byline's date and account, the names in an
    outlet line (…作者：名), a 作者简介 heading with its paragraph as one author note, and a two-line
    heading whose halves a wider gap separates split into two units."""
    out: list[Unit] = []
    i = 0
    front = _front_matter(units)
    if front:
        out.extend(front[1])
        i = front[0]
    while i < len(units):
        u = units[i]
        nxt = units[i + 1] if i + 1 < len(units) else None
        paren = parse_byline(u.text) if u.kind == "note" else None
        dateline = RE_INLINE_DATELINE.match(u.text) if u.kind == "para" else None
        glued = _glued_byline(u.text) if u.kind in ("heading", "para") and len(u.lines) == 1 else None
        closing = _closing_credit(u.text) if u.kind == "para" else None
        if paren and paren["form"] == "paren" and paren["names"]:
            # （作者：名） printed at the end: a closing byline, not an author note.
            out.append(Unit("author", u.text, list(u.lines), {"names": paren["names"], "form": "paren"}))
        elif dateline and _dateline_names(dateline.group("a") or dateline.group("b")):
            # 本报讯（记者 名）… / 〔记者名／城市报导〕… opening the first paragraph: the byline, then the text.
            names, role = _dateline_names(dateline.group("a") or dateline.group("b"))
            extra = {"names": names, "form": "reporter", "role": role, "inline": True}
            out.append(Unit("author", dateline.group(0).strip(), list(u.lines), extra))
            out.append(Unit("para", u.text[dateline.end() :].lstrip(), list(u.lines), dict(u.extra)))
        elif closing:
            # …主要原因。（本报记者　名）: the reporter's credit closing the last paragraph: the text, then the
            # closing byline.
            out.append(Unit("para", u.text[: closing[0]].rstrip(), list(u.lines), dict(u.extra)))
            out.append(Unit("author", closing[1], list(u.lines), closing[2]))
        elif glued:
            # A headline with its byline glued on by a line join (…“养老”◎名, …之问 作者｜名).
            head, tail, parsed = glued
            out.append(Unit("heading", head, list(u.lines), {"unmarked": True}))
            out.append(Unit("author", tail, list(u.lines), {"names": parsed["names"], "form": parsed["form"]}))
        elif u.kind == "author" and u.extra.get("form") == "word":
            # A lone line of names that are also common words (杭州, 简讯), not in a caption's list of
            # names: a heading (a column label when short), not a byline.
            extra = {"unmarked": True, "label": True} if _column_label(u.text) else {"unmarked": True}
            out.append(Unit("heading" if heading_like(u.text) else "para", u.text, list(u.lines), extra))
        elif u.kind == "author" and (parse_byline(u.text) or {}).get("form") == "credit":
            # Only credits of people who did not write the article (摄影：名, 嘉宾：名): metadata.
            out.append(Unit("photo_credit", u.text, list(u.lines), {}))
        elif u.kind == "author":
            parsed = parse_byline(u.text) or {}
            extra = dict(u.extra)
            for key in ("date", "publication"):
                if parsed.get(key):
                    extra[key] = parsed[key]
            out.append(Unit(u.kind, u.text, list(u.lines), extra))
        elif u.kind == "heading" and _account_under_headline(u, out, nxt):
            # 标题 / 某某观察 / 2026-04-07 09:12 · 某地: the account or channel that published the piece,
            # between the headline and its time line (set on one heading with the headline, or alone).
            parts = u.extra.get("parts") or []
            if len(parts) == 2:
                out.append(Unit("heading", parts[0], [u.lines[0]], {"unmarked": True}))
            out.append(Unit("meta", parts[-1] if parts else u.text, [u.lines[-1]], {"account": True}))
        elif u.kind == "meta" and RE_META_TAIL.match(u.text) and heading_like(RE_META_TAIL.match(u.text)["rest"]):
            # An outlet line with the headline glued on after its date and time (a hard-wrap join):
            # the outlet line, then the headline.
            m = RE_META_TAIL.match(u.text)
            out.append(Unit("meta", m["meta"].strip(), list(u.lines), dict(u.extra)))
            out.append(Unit("heading", m["rest"].strip(), list(u.lines), {"unmarked": True}))
        elif u.kind == "meta" and RE_META_AUTHOR.search(u.text):
            names = _names_after_label(RE_META_AUTHOR.search(u.text).group("names"))
            extra = dict(u.extra, names=names) if names else dict(u.extra)
            out.append(Unit(u.kind, u.text, list(u.lines), extra))
        elif (
            u.kind in ("heading", "para")
            and RE_BIO_LABEL.match(u.text)
            and nxt is not None
            and nxt.kind == "para"
            and not RE_NOTE_START.match(nxt.text)
        ):
            # 作者简介 on a line of its own, the note in the paragraph under it: one author note.
            out.append(Unit("note", u.text.rstrip("：: ") + "：" + nxt.text, u.lines + nxt.lines, {"label": u.text}))
            i += 2
            continue
        elif (
            u.kind == "heading"
            and len(u.extra.get("parts") or []) == 2
            and len(u.lines) == 2
            and (RE_META.search(u.extra["parts"][1]) or _outlet_with_author(u.extra["parts"][1]))
        ):
            # A headline and the outlet/date line under it read as one two-line heading: two units.
            part, meta = u.extra["parts"]
            out.append(Unit("heading", part, [u.lines[0]], {"unmarked": True}))
            m = RE_META_AUTHOR.search(meta)
            names = _names_after_label(m.group("names")) if m else None
            out.append(Unit("meta", meta, [u.lines[1]], {"names": names} if names else {}))
        elif (
            u.kind == "heading"
            and len(u.extra.get("parts") or []) == 2
            and len(u.lines) == 2
            and typical >= 1
            and blank_before.get(u.lines[1], 0) >= typical
            and len(u.extra["parts"][0]) >= MIN_UNSIGNED_TITLE
            and _column_label(u.extra["parts"][1])
            and not RE_BRACKET_LABEL.match(u.extra["parts"][1])
        ):
            # A headline and a short section heading under it (数据要素如何入表 / 背景), set apart by the
            # same blank lines as the paragraphs: two headings, not one headline on two lines.
            for part, number in zip(u.extra["parts"], u.lines, strict=True):
                out.append(Unit("heading", part, [number], {"unmarked": True}))
        elif (
            u.kind == "heading"
            and len(u.extra.get("parts") or []) == 2
            and len(u.lines) == 2
            and _kicker_over(*u.extra["parts"])
        ):
            # A column label (简讯, 【数字生活】) above a headline: the label, then the headline.
            label, part = u.extra["parts"]
            out.append(Unit("heading", label, [u.lines[0]], {"unmarked": True, "label": True}))
            out.append(Unit("heading", part, [u.lines[1]], {"unmarked": True}))
        elif (
            u.kind == "heading"
            and len(u.extra.get("parts") or []) == 2
            and len(u.lines) == 2
            and blank_before.get(u.lines[1], 0) > typical
        ):
            # Two heading lines with a wider gap between them than between paragraphs: not one headline
            # set on two lines, but two lines of their own (a page head above a title, say).
            for part, number in zip(u.extra["parts"], u.lines, strict=True):
                out.append(Unit("heading", part, [number], {"unmarked": True}))
        else:
            out.append(u)
        i += 1
    return out


MAX_ACCOUNT = 12  # an account's or a channel's name printed between a headline and its time line


def _account_under_headline(u: Unit, out: list[Unit], nxt: Unit | None) -> bool:
    """A short name without punctuation (an account's or a channel's) between a headline and the time line
    under it (2026-04-07 09:12 · 某地 · 某号作者): set on one two-line heading with a headline at least twice
    its length, or alone under a headline line."""
    if nxt is None or nxt.kind != "meta" or not RE_DATETIME_LINE.match(nxt.text.strip()):
        return False
    parts = u.extra.get("parts") or []
    if len(parts) == 2 and len(u.lines) == 2:
        head, name = parts
    elif not parts and len(u.lines) == 1 and out and out[-1].kind in ("heading", "para") and title_shaped(out[-1]):
        head, name = title_text(out[-1]), u.text.strip()
    else:
        return False
    return (
        2 <= len(name) <= MAX_ACCOUNT
        and not RE_PUNCT.search(name)
        and not RE_FIELD_GAP.search(name)
        and len(head) >= max(MIN_UNSIGNED_TITLE, 2 * len(name))
    )


RE_BRACKET_LABEL = re.compile(r"^[【\[〖][^】\]〗]{1,10}[】\]〗]$")
MAX_LABEL = 4  # a column label of plain words (简讯, 图片新闻) is this short at most


# A rubric and a column's name set off by a bar (专栏｜职场与数据, 观点 | 数字生活): a label, not a headline.
RE_BAR_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,4}[\s\u3000]*[｜|丨][\s\u3000]*[\u4e00-\u9fff·]{2,8}$")
# The same set off by a space only (专栏　数码观潮): a label only over a headline at least as long as itself.
RE_SPACED_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,4}[\s\u3000]+[\u4e00-\u9fff·]{2,8}$")


def _kicker_over(label: str, headline: str) -> bool:
    """A column label over the headline under it: a label of its own shape (_column_label), or a rubric and a
    column name set off by a space (专栏　数码观潮) over a longer headline, which is no byline."""
    if _column_label(label):
        return len(headline) >= MIN_UNSIGNED_TITLE or bool(RE_BRACKET_LABEL.match(label))
    t = label.strip()
    return bool(RE_SPACED_LABEL.match(t)) and len(headline) > len(t) and parse_byline(t) is None


def _column_label(text: str) -> bool:
    """A column or section label printed above a headline: a bracketed word (【数字生活】), a short word
    of no more than four characters without punctuation (简讯), or a rubric and a column name set off by a
    bar (专栏｜职场与数据), which is no byline."""
    t = text.strip()
    if RE_BAR_LABEL.match(t):
        return parse_byline(t) is None
    return bool(RE_BRACKET_LABEL.match(t)) or (2 <= len(t) <= MAX_LABEL and not RE_PUNCT.search(t) and heading_like(t))


# A dateline opening a paragraph: 本报讯（记者 名 通讯员 名）, 讯（记者 名）, 〔记者名／城市报导〕.
RE_INLINE_DATELINE = re.compile(
    r"^(?:(?:本报|本刊)?讯[\s\u3000]*[（(](?P<a>[^（）()]{3,40}?)[）)]|〔(?P<b>[記记]者[^〔〕]{2,30}?)〕)"
)
# The paper's own dateline without names, opening a paragraph: 【本报讯】, 【本报消息】, 本报讯　.
RE_BARE_DATELINE = re.compile(
    r"^(?:[【\[〖](?:本报|本刊|本台|本网)(?:讯|消息|电)[】\]〗]|(?:本报|本刊)讯[\s\u3000]+)[\s\u3000]*"
)
RE_REPORTED = re.compile(r"[／/][^／/]{1,12}(?:報導|报导|报道|電|电)$")


def _dateline_names(inner: str | None) -> tuple[list[str], str] | None:
    """(names, role) of the reporters named in a paragraph's opening dateline, else None."""
    if not inner:
        return None
    inner = RE_REPORTED.sub("", inner.strip())
    parsed = parse_byline(inner)
    if parsed and parsed.get("role") and parsed["names"]:
        return parsed["names"], parsed["role"]
    return None


RE_CLOSING_CREDIT = re.compile(
    r"(?<=[。！？”」])[\s\u3000]*(?P<credit>[（(][^（）()]{0,12}(?:记者|通讯员|作者|撰稿)[^（）()]{1,30}[）)])$"
)


def _closing_credit(text: str) -> tuple[int, str, dict] | None:
    """(where it starts, the credit, the author unit's extra) for a reporter's or an author's credit in
    brackets closing a paragraph after its last sentence (…主要原因。（本报记者　名　通讯员　名）), else None."""
    m = RE_CLOSING_CREDIT.search(text)
    if not m or m.start() < MIN_UNSIGNED_TITLE:
        return None
    parsed = parse_byline(m.group("credit"))
    if not parsed or parsed["form"] != "paren" or not parsed["names"]:
        return None
    extra = {"names": parsed["names"], "form": "paren", "inline": True}
    if parsed.get("role"):
        extra["role"] = parsed["role"]
    return m.start(), m.group("credit"), extra


def _glued_byline(text: str) -> tuple[str, str, dict] | None:
    """(headline, byline, parsed) for a headline with a byline glued to its end: a byline mark (◎名) or a
    labelled field after a space (作者｜名), whose names look like personal names."""
    for m in RE_GLUE.finditer(text):
        head, tail = text[: m.start()].rstrip(), text[m.start() :].strip()
        if len(head) < MIN_UNSIGNED_TITLE or not heading_like(head):
            continue
        parsed = parse_byline(tail)
        if parsed and parsed["form"] in ("mark", "labelled") and parsed["names"]:
            if all(is_person_name(n) for n in parsed["names"]):
                return head, tail, parsed
    return None


RE_NAME_WORD = re.compile(r"[\u4e00-\u9fff·]{2,6}")
RE_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]{0,20})\s*:\s*(?P<value>.*)$")
FRONT_AUTHOR_KEYS = ("author", "authors", "by")
MAX_FRONT = 12


def _front_matter(units: list[Unit]) -> tuple[int, list[Unit]] | None:
    """(units used, meta units) for a Markdown export's front matter at the top of the page: '---', lines
    of 'key: value', '---'. Each line becomes a metadata line (its author key names the author)."""
    if not units or units[0].kind != "separator" or units[0].text.strip() != "---":
        return None
    end = next((k for k in range(1, min(len(units), MAX_FRONT)) if units[k].kind == "separator"), None)
    if end is None or end == 1:
        return None
    out = [units[0]]
    for u in units[1:end]:
        parts = u.extra.get("parts") or [u.text]
        numbers = u.lines if len(parts) == len(u.lines) else [u.first()] * len(parts)
        for part, number in zip(parts, numbers, strict=True):
            m = RE_FRONT_KEY.match(part.strip())
            if not m:
                return None
            names = [
                n
                for n in re.split(r"[\s\u3000,，、\[\]]+", m["value"])
                if n and m["key"].lower() in FRONT_AUTHOR_KEYS and RE_NAME_WORD.fullmatch(n)
            ]
            out.append(Unit("meta", part.strip(), [number], {"names": names} if names else {}))
    out.append(units[end])
    return end + 1, out


def _names_after_label(text: str) -> list[str] | None:
    """The names after 作者： in an outlet line (up to the next space-separated field)."""
    parsed = parse_byline("作者：" + re.split(r"[\s\u3000]{2,}|\u3000", text.strip())[0])
    return parsed["names"] if parsed else None


def _mark(units: list[Unit], blank_before: dict[int, int], typical: int) -> list[Unit]:
    """Titles and bylines by their own evidence, in page order."""
    # Pass 1: titles by their own evidence (the page's first line, a line above a byline).
    seen_content = False
    for i, u in enumerate(units):
        if u.kind == "title":
            u.extra.setdefault("title_from", "marked as a title (#)")
            seen_content = True
            continue
        nxt = units[i + 1] if i + 1 < len(units) else None
        if u.extra.get("label") and nxt is not None and title_shaped(nxt):
            continue  # a column label above the headline: the headline is the title
        if _contents_head(units, i):
            continue  # the head of a contents list (本期导读 over entries that are titles further down)
        if not seen_content and _labels_over_headline(units, i):
            continue  # 新闻稿 / 即时发布 over the headline: labels of the page's kind, not its title
        if nxt is not None and RE_DOC_NUMBER.match(nxt.text.strip()):
            continue  # an official document's issuing head (某局文件) over its number: the title comes below
        if title_shaped(u):
            after = units[i + 2] if i + 2 < len(units) else None
            next_is_title = (
                nxt is not None and title_shaped(nxt) and after is not None and after.kind in ("author", "note", "deck")
            )
            if (
                not seen_content
                and nxt is not None
                and title_shaped(nxt)
                and after is not None
                and after.kind == "meta"
                and after.extra.get("names")
            ):
                continue  # a site's or channel's name over the headline and its outlet line naming the author
            if (
                not seen_content
                and nxt is not None
                and nxt.kind in BODY_KINDS + ("author", "note", "deck", "meta", "photo_credit")
                and not next_is_title
            ):
                _make_title(u, "the first line of the page")
            elif nxt is not None and nxt.kind == "author":
                _make_title(u, "the line above a byline")
            elif nxt is not None and nxt.kind == "deck" and nxt.extra.get("subtitle"):
                _make_title(u, "the line above a subtitle (——…)")
            elif nxt is not None and nxt.kind == "meta" and nxt.extra.get("names"):
                _make_title(u, "the line above an outlet line that names the author")
            elif (
                nxt is not None
                and _dated_meta(nxt)
                and len(title_text(u)) >= MIN_UNSIGNED_TITLE
                and (i == 0 or units[i - 1].kind != "title")  # not a line under the headline (原创 名 号名)
            ):
                _make_title(u, "the line above its date and outlet line")
            elif (
                nxt is not None
                and nxt.kind == "note"
                and not nxt.extra.get("journal_dates")
                and (prev_body(units, i) is None or not _dangling_prev(units, i))
            ):
                _make_title(u, "the line above an author note")
        if (
            u.kind in BODY_KINDS + ("author", "title")
            and not (u.kind == "heading" and _nav_row(u.text))
            and not (not seen_content and _labels_over_headline(units, i))
        ):
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
            and not (u.extra.get("label") and title_shaped(nxt))  # a label over the headline under it
        ):
            why = None
            rule = prev is not None and (
                prev.kind == "separator" or (prev.extra.get("label") and i >= 2 and units[i - 2].kind == "separator")
            )
            if rule and any(v.kind == "separator" and v.extra.get("box") for v in units[max(0, i - 2) : i]):
                why = "the headline at the top of a sidebar box drawn in rules"
            elif rule:
                why = "the line after a rule between articles"
            elif prev is not None and prev.kind == "jump" and prev.extra.get("dir") == "down":
                why = "the line after a jump line (the article before it goes on elsewhere)"
            elif prev is not None and prev.extra.get("at") == "bottom" and prev.kind in ("author", "note"):
                why = "the line after the end of the previous article"
            elif (
                prev is not None
                and prev.kind == "author"
                and prev.extra.get("head")
                and not body_since_head
                and nxt.kind == "para"
            ):
                why = "the line under the byline that opens an untitled article"
            elif (
                prev is not None
                and prev.extra.get("label")
                and body_since_head
                and len(title_text(u)) >= MIN_UNSIGNED_TITLE
                and _ended(units, i - 1)
            ):
                why = "the line under a column label after the end of the previous article"
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
                if why.startswith("the line under the byline"):
                    # The title goes first: the byline under it is the titled article's top byline.
                    prev.extra.pop("head", None)
                    units[i - 1], units[i] = u, prev
                    u.extra["head"] = True
                    has_author, body_since_head = True, False
                    continue
        if u.kind == "title":
            has_author, body_since_head = False, False
            u.extra["head"] = True
            continue
        if u.kind == "separator":
            continue
        if u.kind == "author":
            above = next((v for v in reversed(units[:i]) if v.kind != "meta"), None) if prev is not None else None
            if (
                prev is None
                or prev.kind in ("title", "deck", "caption_names")
                or (prev.kind == "author" and prev.extra.get("at") == "top")
                or (
                    prev.kind == "meta"
                    and not body_since_head
                    and above is not None
                    and (above.kind in ("title", "deck") or (above.kind == "author" and above.extra.get("at") == "top"))
                )
            ):
                u.extra["at"] = "top"
                anchor = above if prev is not None and prev.kind == "meta" else prev
                if anchor is None or anchor.kind not in ("title", "deck", "author", "caption_names"):
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


def _dated_meta(u: Unit) -> bool:
    """A page's date and outlet line (发布时间：2026-03-01 10:00, 2026-06-08　来源：某网) as printed under a
    headline: a metadata line with a date in it (not a mail's header field)."""
    return u.kind == "meta" and not u.extra.get("mail") and bool(RE_ANY_DATE.search(u.text))


RE_ANY_DATE = re.compile(r"(?:19|20)\d\d\s*[-./年]\s*\d{1,2}")


RE_ENTRY_NUMBER = re.compile(r"^(?:\d{1,2}[.、．)）]|[一二三四五六七八九十]{1,3}、|[（(]\d{1,2}[）)])\s*")


def _contents_head(units: list[Unit], i: int) -> bool:
    """True when units[i] heads a list of contents: the units under it are numbered entries, and at least
    two of them come back further down the page as lines of their own (the articles' titles)."""
    entries = []
    for u in units[i + 1 :]:
        m = RE_ENTRY_NUMBER.match(u.text)
        if u.kind not in ("heading", "para") or not m or len(u.text) > MAX_TITLE:
            break
        entries.append(u.text[m.end() :].strip())
    if len(entries) < 2:
        return False
    later = {title_text(u) for u in units[i + 1 + len(entries) :] if u.kind in ("heading", "para", "title")}
    return sum(1 for e in entries if e in later) >= 2


def _ended(units: list[Unit], i: int) -> bool:
    """True when the page before units[i] ends an article: a closing byline or note, or a paragraph that
    ends a sentence."""
    prev = units[i - 1] if i else None
    if prev is None:
        return True
    if prev.kind in ("author", "note"):
        return True
    return prev.kind == "para" and ends_sentence(prev.text)


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


def _join_broken_titles(units: list[Unit]) -> list[Unit]:
    """A headline broken over two lines mid-phrase ('以数字产业集群为' / '载体推动…'): its first half ends with a
    word a heading never ends with, so it was read as a paragraph. A short line without punctuation, at the
    top of the page or after an article's end, right above a title, is joined to it."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        before = out[-2] if len(out) >= 2 else None
        if (
            u.kind == "title"
            and prev is not None
            and prev.kind == "para"
            and len(prev.text) <= MAX_HALF_TITLE
            and len(prev.lines) == 1
            and not RE_PUNCT.search(prev.text)
            and prev.text[-1] in HEADING_BAD_END
            and (before is None or before.kind == "separator" or before.extra.get("at") == "bottom")
        ):
            extra = dict(u.extra)
            extra["title_from"] = extra.get("title_from", "") + " (with the first half of the headline above it)"
            out[-1] = Unit("title", prev.text + u.text, prev.lines + u.lines, extra)
            continue
        out.append(u)
    return out


RE_SENTENCE_PUNCT = re.compile(r"[。！？；]")
MAX_BAR_TO_TITLE = 4  # units between a page's title bar and the headline it repeats


def _title_bar(units: list[Unit], report: list[Change]) -> None:
    """A page's title bar repeats its headline with furniture around it: a browser's print header (2026/6/9
    下午3:18　标题_某网), a saved page's <title> (<title>标题_某网</title>), a tab's title (标题 - 某网). A line
    near the top that holds a later heading line verbatim and, besides it, no sentence: the heading is the
    title, the title bar is removed (reported). Changes units in place."""
    for k, bar in enumerate(units[: MAX_BAR_TO_TITLE * 2]):
        if bar.kind not in ("para", "heading", "title") or len(bar.lines) != 1 or bar.extra.get("marked"):
            continue
        for j in range(k + 1, min(len(units), k + 1 + MAX_BAR_TO_TITLE)):
            u = units[j]
            if u.kind == "para" and ends_sentence(u.text):
                break  # the text has begun
            if not (u.kind == "title" or title_shaped(u)):
                continue
            text = u.text if u.kind == "title" else title_text(u)
            at = bar.text.find(text)
            rest = bar.text[:at] + bar.text[at + len(text) :] if at >= 0 else ""
            if len(text) < MIN_UNSIGNED_TITLE or at < 0 or not rest.strip() or RE_SENTENCE_PUNCT.search(rest):
                continue
            if u.kind != "title":
                _make_title(u, "the heading the page's title bar repeats (a browser's or a saved page's title)")
                u.extra["head"] = True
            report.append(
                Change(
                    "remove_title_bar",
                    bar.first(),
                    bar.text,
                    "",
                    "the page's title bar (a browser's print header, an HTML <title>) repeating the headline",
                )
            )
            del units[k]
            return


# A browser's or a saved page's title: the headline, then the channel's and the site's names after an
# underscore or a spaced ASCII bar or dash (标题_栏目_某某网, 标题 | 某某网, 标题 - 某某网).
RE_SITE_SEP = r"(?:_|[ \t]+[|\-–][ \t]+)"
RE_SITE_SUFFIX = re.compile(
    rf"^(?P<title>.{{{MIN_UNSIGNED_TITLE},}}?)(?P<site>(?:{RE_SITE_SEP}[^\s_|｜，。！？、：；]{{2,10}})+)$"
)


def _site_suffixes(units: list[Unit], report: list[Change]) -> None:
    """A title printed with the site's name after it, as a browser's title bar prints it (标题_某某网): the
    headline alone is the title, the site's name is removed (reported). Changes units in place."""
    for u in units:
        if u.kind != "title" or u.extra.get("title_from", "").startswith("marked"):
            continue
        m = RE_SITE_SUFFIX.match(u.text.strip())
        if not m or not heading_like(m.group("title")) or is_person_name(m.group("site").strip(" _|-–\t")):
            continue
        report.append(
            Change(
                "remove_title_bar",
                u.first(),
                m.group("site").strip(),
                "",
                "the site's name after the headline, as a browser's title prints it (标题_某某网)",
            )
        )
        u.text = m.group("title").strip()


RE_BOOK_HEAD = re.compile(r"^第[一二三四五六七八九十百\d]+(?P<level>编|部分|章|节)[\s\u3000]*(?P<name>\S.{1,30})$")
BOOK_LEVELS = ("编", "部分", "章", "节")


def _excerpt_head(units: list[Unit], report: list[Change]) -> None:
    """A book excerpt opens with its book's heads and no headline of its own (第三章　名 over 第二节　名, then
    prose): the lowest head is the excerpt's title, the heads above it go with it as its kicker. Only when
    the page has no title before its first paragraph and the heads step down (章 over 节). Changes units in
    place."""
    k = 0
    levels: list[int] = []
    while k < len(units) and units[k].kind == "heading" and not units[k].extra.get("marked"):
        m = RE_BOOK_HEAD.match(units[k].text)
        if not m:
            break
        levels.append(BOOK_LEVELS.index(m.group("level")))
        k += 1
    if not levels or k >= len(units) or units[k].kind != "para":
        return
    if levels != sorted(set(levels)) or (len(levels) == 1 and levels[0] < BOOK_LEVELS.index("章")):
        return  # the heads must step down (a chapter over its section), or be one chapter or section head
    if any(u.kind == "title" for u in units[k:]) and not _numbered_after(units, k):
        return
    title = units[k - 1]
    _make_title(title, "the lowest book head at the top of an excerpt (章 over 节) with no headline of its own")
    if k > 1:
        title.extra["kicker"] = [{"text": u.text, "lines": list(u.lines)} for u in units[: k - 1]]
        for u in units[: k - 1]:
            report.append(
                Change("extract_kicker", u.first(), u.text, "", "the book's chapter head above an excerpt's title")
            )
        del units[: k - 1]


RE_HASHTAGS = re.compile(r"^(?:#[^#\s]{1,20}#[\s\u3000]*)+$")
RE_POST_STAMP = re.compile(r"(?:\d{1,2}月\d{1,2}日|\d{1,2}-\d{1,2}|(?:19|20)\d\d[-年./]\d{1,2})[^。！？]*\d{1,2}:\d\d")


def _poster_head(units: list[Unit], report: list[Change]) -> None:
    """A social long post: the poster's name (名 V) first, then the post's time and client line and its topic
    tags (#话题#), then the post's headline. The poster is the headline's author: the headline goes first,
    the time line is the post's metadata, the tags go with the headline (extra kicker). Changes units in
    place."""
    if not units or units[0].kind != "author" or units[0].extra.get("form") != "poster":
        return
    k = next((j for j in range(1, min(len(units), 5)) if units[j].kind == "title"), None)
    if k is None:
        return
    between = units[1:k]
    if not all(
        len(u.lines) == 1 and (RE_HASHTAGS.match(u.text.strip()) or RE_POST_STAMP.search(u.text)) for u in between
    ):
        return
    title, poster = units[k], units[0]
    poster.extra["at"] = "top"
    poster.extra.pop("head", None)  # not the head of an untitled article: the headline's byline
    rest: list[Unit] = []
    for u in between:
        if RE_HASHTAGS.match(u.text.strip()):
            title.extra.setdefault("kicker", []).append({"text": u.text.strip(), "lines": list(u.lines)})
            report.append(Change("extract_kicker", u.first(), u.text, "", "a social post's topic tags (#话题#)"))
        else:
            rest.append(Unit("meta", u.text, list(u.lines), {"names": []}))
    units[: k + 1] = [title, poster, *rest]


RE_TITLE_FIELD = re.compile(
    r"(?:^|[\s\u3000，,])标[\s\u3000]*题[\s\u3000]*[：:][\s\u3000]*(?P<title>[^\s\u3000]{4,40})"
)


RE_FIELD_ROW = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{1,8}[：:]")


def _portal_title(units: list[Unit]) -> None:
    """A government portal's metadata table names the page's title in a field (标　　题：名): the line below
    that repeats it is the title, and a line taken as the title above the table (the site's name) is not.
    Changes units in place."""
    named = None
    for k, u in enumerate(units):
        m = RE_TITLE_FIELD.search(u.text)
        if m and u.kind not in ("title",):
            named = (k, m.group("title"))
            break
    if named is None:
        return
    k, text = named
    at = next(
        (
            j
            for j in range(k + 1, len(units))
            if units[j].kind in ("heading", "para", "title") and units[j].text == text
        ),
        None,
    )
    if at is None or units[at].kind == "title":
        return
    for u in units[:at]:
        if u.kind == "title" and not u.extra.get("title_from", "").startswith("marked"):
            u.kind = "heading"
            u.extra.pop("head", None)
            u.extra.pop("title_from", None)
    _make_title(units[at], "the line that repeats the title field of the page's metadata table (标题：…)")
    for j in range(at):  # the table's rows (索引号：…　主题分类：…) are the page's metadata
        u = units[j]
        if u.kind in ("heading", "para") and RE_FIELD_ROW.match(u.text.strip()):
            units[j] = Unit("meta", u.text, list(u.lines), {"names": []})


def _labels_over_headline(units: list[Unit], i: int) -> bool:
    """Short label lines at the page's top (新闻稿, 即时发布: a word of four characters at most) over a
    longer headline that has prose under it."""
    j = i
    while j < len(units) and units[j].kind in ("heading", "para") and _column_label(units[j].text):
        j += 1
    if j == i or j - i > 2 or j + 1 >= len(units):
        return False
    head, below = units[j], units[j + 1]
    return title_shaped(head) and len(title_text(head)) >= MIN_UNSIGNED_TITLE and below.kind == "para"


def _numbered_after(units: list[Unit], k: int) -> bool:
    """Whether every title after position k is itself a numbered book head (a following 第N节)."""
    return all(RE_BOOK_HEAD.match(u.text) for u in units[k:] if u.kind == "title")


MAX_MASTHEAD = 4  # lines of a publication's masthead above its first headline


def _masthead(units: list[Unit], report: list[Change]) -> None:
    """A publication's masthead at the page top (内部资料 / 调研与参考 / 编印单位　日期, then a rule) taken for
    the first title because it is the page's first line: when only heading lines, metadata and rules stand
    between it and the next title, and that title is signed (a byline, or an outlet line naming the author,
    under it), the masthead is no article. Its lines go with the signed title (extra kicker, reported);
    the rules stay. Changes units in place."""
    first = next((i for i, u in enumerate(units) if u.kind == "title" or u.extra.get("head")), None)
    if (
        first is None
        or units[first].kind != "title"
        or units[first].extra.get("title_from") != "the first line of the page"
    ):
        return
    nxt = next(
        (k for k in range(first + 1, len(units)) if units[k].kind == "title" or units[k].extra.get("head")), None
    )
    headline = _unsigned_under_masthead(units, first)
    if headline is not None and (nxt is None or headline <= nxt):
        _make_title(units[headline], "the headline under the publication's masthead (name and date), over the text")
        units[headline].extra["head"] = True
        nxt = headline
    elif nxt is None or nxt - first > MAX_MASTHEAD or units[nxt].kind != "title":
        return
    elif not (_signed_below(units, nxt + 1) or _outlet_named(units, nxt + 1) or _dated_under(units, nxt + 1)):
        return
    between = units[first + 1 : nxt]
    if any(v.kind not in ("heading", "meta", "separator") for v in between) or any(
        v.kind == "heading" and v.extra.get("marked") for v in between
    ):
        return
    title = units[nxt]
    heads = [units[first]] + [v for v in between if v.kind == "heading"]
    title.extra["kicker"] = [{"text": u.text, "lines": list(u.lines)} for u in heads] + title.extra.get("kicker", [])
    for u in heads:
        report.append(
            Change(
                "extract_kicker",
                u.first(),
                u.text,
                "",
                "the publication's masthead above the first signed headline (no text of its own): kept as "
                "article metadata",
            )
        )
    units[first:nxt] = [v for v in between if v.kind != "heading"]


def _unsigned_under_masthead(units: list[Unit], first: int) -> int | None:
    """Where the headline stands under a masthead taken for the first title (南浔日报 / 2026年3月1日 /
    标题 / text): the first title is a short name (no longer than a column label) or a dated line, the lines
    between are dated lines, navigation rows or metadata, and the headline is a heading of some length with
    a paragraph under it. None when the page does not read so."""
    head = units[first]
    if not (len(head.text) <= MAX_MASTHEAD_NAME or RE_NOT_TITLE.search(head.text)):
        return None
    for k in range(first + 1, min(len(units) - 1, first + 1 + MAX_MASTHEAD)):
        u = units[k]
        if u.kind in ("meta", "separator") or (
            u.kind == "heading" and (RE_NOT_TITLE.search(u.text) or _nav_row(u.text)) and len(u.lines) == 1
        ):
            continue
        if (
            u.kind in ("heading", "title")
            and (u.kind == "title" or title_shaped(u))
            and len(title_text(u)) >= MIN_UNSIGNED_TITLE
            and units[k + 1].kind == "para"
            and k > first + 1
        ):
            return k
        return None
    return None


MAX_MASTHEAD_NAME = 6  # a publication's or a site's name alone on the first line (南浔日报, 某某新闻网)


def _dated_under(units: list[Unit], k: int) -> bool:
    """True when units[k] is the date and outlet line under a headline."""
    return k < len(units) and _dated_meta(units[k])


def _outlet_named(units: list[Unit], k: int) -> bool:
    """True when units[k] is an outlet line that names the author (2026-06-03　来源：某网　作者：名)."""
    return k < len(units) and units[k].kind == "meta" and bool(units[k].extra.get("names"))


def _attach_kicker(units: list[Unit], report: list[Change]) -> None:
    """Heading lines above the page's first title with nothing else before them (a page head, a series or
    report name, a kicker over the headline) go with that title (extra kicker) instead of opening an
    untitled article of their own. Changes units in place."""
    first = next((i for i, u in enumerate(units) if u.kind == "title"), None)
    if not first or first > 2:
        return
    before = units[:first]
    if not all(u.kind in ("heading", "para") and (title_shaped(u) or RE_DOC_NUMBER.match(u.text)) for u in before):
        return
    title = units[first]
    title.extra["kicker"] = [{"text": title_text(u), "lines": list(u.lines)} for u in before]
    for u in before:
        report.append(
            Change(
                "extract_kicker",
                u.first(),
                title_text(u),
                "",
                "line above the title (a page head, a series or report name, a kicker): kept as article metadata",
            )
        )
    del units[:first]


def _check_parts(units: list[Unit], report: list[Change]) -> list[Unit]:
    """The page as a whole: each part that opens with a title after the first must read as an article of
    its own (a byline, an author note, or prose of some length). A part that does not stays with the article
    before it: its title becomes a heading (extra demoted) and an uncertain_placement entry says so. Nothing
    is removed here: ads, comments and link lists are the furniture rules' to remove (ingest/boilerplate)."""
    starts = [i for i, u in enumerate(units) if u.kind == "title" or u.extra.get("head")]
    if len(starts) < 2:
        return units
    drop: set[int] = set()
    bounds = list(zip(starts, starts[1:] + [len(units)], strict=True))
    heads_seen = {k["text"] for u in units for k in u.extra.get("kicker", [])}
    heads_seen.add(units[starts[0]].text)
    for at, end in bounds[1:]:
        head = units[at]
        if head.kind != "title" and head.kind in BODY_KINDS:
            # An untitled part after a rule: an article only with a byline, a note or prose of some length.
            part = units[at:end]
            prose = sum(cjk_count(u.text) for u in part if u.kind in ("para", "box", "speaker"))
            if prose < MIN_ARTICLE_PROSE and not any(u.kind in ("author", "note") for u in part):
                head.extra.pop("head", None)
                report.append(
                    Change(
                        "uncertain_placement",
                        head.first(),
                        head.text,
                        "",
                        f"untitled part after a rule not taken as an article of its own ({prose} characters of "
                        "prose, no title, byline or author note): kept with the article before it; please check",
                    )
                )
            continue
        if head.kind != "title" or head.extra.get("title_from", "").startswith("marked"):
            continue
        if head.text in heads_seen and _dangling_prev(units, at):
            # The page head or title printed again where the text breaks off mid-sentence: a running
            # head at a page break, not a new article.
            drop.add(at)
            report.append(
                Change(
                    "remove_running_header",
                    head.first(),
                    head.text,
                    "",
                    "page head printed again at a page break (the text before it breaks off mid-sentence)",
                )
            )
            continue
        heads_seen.add(head.text)
        part = units[at + 1 : end]
        credited = {n for u in units[:at] if u.kind in ("author", "meta") for n in u.extra.get("names", [])}
        if any(
            u.kind == "author" or (u.kind == "note" and not _card_of(u, credited)) for u in part
        ) or "sidebar box" in head.extra.get("title_from", ""):
            continue
        prose = sum(len(u.text) for u in part if u.kind in ("para", "box", "speaker"))
        paras = [u for u in part if u.kind == "para"]
        if (
            prose >= MIN_ARTICLE_PROSE
            or (paras and (RE_DATELINE_START.match(paras[0].text) or paras[0].extra.get("dateline")))  # 本报讯…
            or any(len(u.text) > 50 and not ends_sentence(u.text) for u in paras)  # a column run cut off
        ):
            continue
        head.kind = "heading"
        head.extra.pop("head", None)
        head.extra["demoted"] = True
        report.append(
            Change(
                "uncertain_placement",
                head.first(),
                head.text,
                "",
                f"title-like line not taken as the start of another article (under it {prose} characters "
                "of prose, no byline, no author note): kept with the article before it; please check",
            )
        )
    return [u for k, u in enumerate(units) if k not in drop]


def _card_of(note: Unit, credited: set[str]) -> bool:
    """An author card (作者简介：名，…) about an author the page has credited already above: it ends that
    author's article, it does not sign a new one."""
    m = RE_BIO_NAME.match(note.text.strip())
    return bool(m and m.group("name") in credited)


def _split_unsigned(units: list[Unit], report: list[Change]) -> None:
    """A heading that opens an unsigned article of its own (no byline, rule or gap before it): the article
    before it is complete (its last paragraph ends a sentence, it has prose of some length), the topic
    changes at the heading, and what follows is structured as an article of its own: its sections are
    numbered from one again, or a closing byline or author note names someone who is not the article's
    author (then, of the headings before that byline, the one where the two sides share least topic).
    Such a heading becomes a title (reported as uncertain). Changes units in place."""
    topics = None
    chosen: dict[int, tuple[str, float]] = {}
    closed_by: dict[int, list[tuple[float, int, str]]] = {}  # closing byline or note -> candidate headings
    for i, u in enumerate(units):
        if (
            u.kind != "heading"
            or u.extra.get("marked")
            or u.extra.get("demoted")
            or not title_shaped(u)
            or len(title_text(u)) < MIN_UNSIGNED_TITLE
        ):
            continue
        start = next((k for k in range(i - 1, -1, -1) if units[k].kind == "title" or units[k].extra.get("head")), None)
        if start is None:
            continue
        end = next(
            (k for k in range(i + 1, len(units)) if units[k].kind == "title" or units[k].extra.get("head")), len(units)
        )
        before, after = units[start + 1 : i], units[i + 1 : end]
        last = next((v for v in reversed(before) if v.kind in BODY_KINDS), None)
        if last is None or last.kind != "para" or not ends_sentence(last.text):
            continue
        if sum(len(v.text) for v in before if v.kind == "para") < MIN_ARTICLE_PROSE:
            continue
        evidence, closer = _own_structure(before, after)
        if not evidence:
            continue
        if topics is None:
            topics = Topics([v.text for v in units if v.kind in ("para", "heading")])
        if closer is None:
            sim = _similarity(topics, before, after, 2)
            if sim < SPLIT_SIMILARITY:
                chosen[i] = (evidence, sim)
            continue
        sim = _similarity(topics, before, after[:closer], len(after))
        if sim < SPLIT_SIMILARITY:
            closed_by.setdefault(i + 1 + closer, []).append((sim, i, evidence))
    for candidates in closed_by.values():
        sim, i, evidence = min(candidates)
        chosen.setdefault(i, (evidence, sim))
    for i, (evidence, sim) in sorted(chosen.items()):
        u = units[i]
        _make_title(u, f"a heading that opens an article of its own ({evidence}; topic similarity {sim:.2f})")
        u.extra["head"] = True
        report.append(
            Change(
                "uncertain_placement",
                u.first(),
                u.text,
                "",
                f"heading taken as the title of another, unsigned article ({evidence}; the topic changes: "
                f"similarity {sim:.2f}): please check",
            )
        )


def _own_structure(before: list[Unit], after: list[Unit]) -> tuple[str, int | None]:
    """What in the text after a heading shows an article of its own ('' when nothing), and where in after
    the closing byline or author note that shows it stands (None for the numbering)."""
    paras = 0
    for v in after:
        if v.kind in ("para", "heading") and RE_NUMBERED.match(v.text):
            if paras and RE_FIRST_SECTION.match(v.text):
                return "its sections are numbered from one again", None
            break
        if v.kind == "para":
            paras += 1
        elif v.kind == "heading":
            break
    authors = {n for v in before if v.kind == "author" for n in v.extra.get("names", [])}
    if not authors:
        return "", None
    for k, v in enumerate(after):
        if v.kind == "author" and v.extra.get("at") == "bottom" and _one_run(after[:k]):
            names = set(v.extra.get("names", []))
            if names and not names & authors:
                return f"a closing byline names {'、'.join(sorted(names))}, not the article's author", k
        m = RE_BIO_NAME.match(v.text) if v.kind == "note" else None
        if m and m.group("name") not in authors and is_person_name(m.group("name")):
            return f"an author note names {m.group('name')}, not the article's author", k
    return "", None


def _one_run(units: list[Unit]) -> bool:
    """True when units read as one continuous run of text: no jump line, no paragraph that starts or
    breaks off mid-sentence (on an interleaved page a closing byline may close an earlier article)."""
    paras = [v for v in units if v.kind == "para"]
    return (
        bool(paras)
        and not any(v.kind == "jump" for v in units)
        and not any(starts_mid_sentence(v) or not ends_sentence(v.text) for v in paras)
    )


def _similarity(topics: Topics, before: list[Unit], after: list[Unit], paras: int) -> float:
    """Topic similarity of the article's text before a heading and the first paragraphs after it."""
    a, b = Counter(), Counter()
    for v in before:
        if v.kind in ("para", "heading"):
            a.update(_words(v.text))
    for v in [v for v in after if v.kind == "para"][:paras]:
        b.update(_words(v.text))
    if not a or not b:
        return 1.0
    return Topics.cosine(topics.vector(a), topics.vector(b))
