"""Line-level repairs: each a small pure function ``fix_<defect>(text) -> text`` or ``remove_<thing>``.

They run in the explicit order of ``LINE_REPAIRS`` over every line of a source; the runner records
a report entry for each step that changed something, with the source line, the text before and
after (only the changed span, with a little context), and the reason.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from wenku.ingest.mojibake import UNKNOWN, fix_gbk_misalignment, fix_utf8_read_as_gbk, fix_utf8_read_as_latin
from wenku.model import Change
from wenku.script import to_simplified
from wenku.segment import is_word
from wenku.textutil import CJK

TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# A pinyin syllable with a tone mark, as a converter adds after a character: 地區(qū), 產(chǎn).
RE_PINYIN_NOTE = re.compile(rf"(?<=[{CJK}A-Za-z^])\((?=[a-z{TONE}]*[{TONE}])[a-z{TONE}]{{1,7}}\)")

# Invisible or control characters that never belong in prose (tab and newline are handled elsewhere).
RE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe]")

# Spans that punctuation folding must leave alone: URLs, e-mail addresses, times, numbers, code.
RE_PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef" + CJK + r"]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|`[^`]*`"
    r"|\d+(?:[,.:]\d+)+"
)


def remove_control_characters(text: str) -> str:
    """Drop NUL, C0/C1 controls, zero-width and bidirectional marks; U+FFFD becomes a visible 〓."""
    return RE_CONTROL.sub("", text).replace("\ufffd", UNKNOWN)


# HTML element names (the standard's, not a list fitted to sources): only these count as tags, so
# `<AI>` or `a<b` in prose stay. Block elements mark a paragraph break, inline ones just go.
HTML_BLOCK = (
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "section",
    "article",
    "blockquote",
    "center",
    "hr",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "figure",
    "figcaption",
    "pre",
    "dl",
    "dt",
    "dd",
    "form",
    "iframe",
)
HTML_INLINE = (
    "span",
    "strong",
    "b",
    "i",
    "em",
    "u",
    "a",
    "font",
    "img",
    "sup",
    "sub",
    "small",
    "big",
    "label",
    "code",
    "s",
    "strike",
    "mark",
    "abbr",
    "cite",
    "o:p",
    "input",
    "button",
    "script",
    "style",
    # the document's own elements (a page saved whole, even on one line): their tags go, never text
    "html",
    "head",
    "body",
    "title",
    "meta",
    "link",
    "base",
    "noscript",
)
RE_HTML_TAG = re.compile(
    r"<!--.*?-->|</?(?P<name>"
    + "|".join(sorted(HTML_BLOCK + HTML_INLINE, key=len, reverse=True))
    + r")(?:\s[^<>]*)?/?>",
    re.I,
)
# A named or numeric character reference with its semicolon (also one folded to full width)
RE_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,9}|#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6})[;；]")


# A page's head and its non-text elements, content and all: <head>…</head> (the <title> there repeats the page's
# headline with the site's name), <script>…</script>, <style>…</style>, <!DOCTYPE …>. Only a whole element on
# one line (a page saved on one line); a tag alone on its line is left to remove_html_tags.
RE_HTML_HEAD = re.compile(
    r"<!DOCTYPE[^<>]*>|<head\b[^<>]*>.*?</head\s*>|<(script|style)\b[^<>]*>.*?</\1\s*>", re.I | re.S
)


def remove_html_head(text: str) -> str:
    """A saved page's <head> element (its <title>, metadata), scripts and styles, with their content: they
    are the page's, never the article's text."""
    if "<" not in text:
        return text
    return RE_HTML_HEAD.sub("", text)


def remove_html_tags(text: str) -> str:
    """HTML tags left by a copy of a page's source: block tags inside a line become a line break, others go."""
    if "<" not in text:
        return text

    def tag(m: re.Match[str]) -> str:
        name = (m.group("name") or "").lower()
        return "\n" if name in HTML_BLOCK else ""

    out = RE_HTML_TAG.sub(tag, text)
    if out == text:
        return text
    parts = [p for p in out.split("\n") if p.strip()]
    return "\n".join(parts)


def fix_html_entities(text: str) -> str:
    """Character references (&ldquo; &nbsp; &#12298; ...) decoded with html.unescape; &nbsp; becomes a space."""
    if "&" not in text:
        return text
    return RE_HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)[:-1] + ";").replace("\xa0", " "), text)


def remove_pinyin_annotations(text: str) -> str:
    """Remove tone-marked pinyin a converter put after characters: 地區(qū) -> 地區; (AI), (2024) stay."""
    return RE_PINYIN_NOTE.sub("", text)


# A zhuyin (bopomofo) reading in brackets after a character, as Taiwan's texts print it: 顧（ㄍㄨˋ）. Only
# bopomofo letters and tone marks inside the brackets, with at least one letter (Unicode's Bopomofo blocks).
BOPOMOFO = "\u3105-\u312f\u31a0-\u31bf"
RE_ZHUYIN_NOTE = re.compile(
    rf"(?<=[{CJK}])[（(]\s*(?=[^（()）]*[{BOPOMOFO}])[{BOPOMOFO}ˊˇˋ˙ˉ\u02ca\u02c7\u02cb\u02d9 ]{{1,10}}\s*[）)]"
)


def remove_zhuyin_annotations(text: str) -> str:
    """Remove a zhuyin reading in brackets after a character: 顧（ㄍㄨˋ）問 -> 顧問 (a reading aid, not text)."""
    return RE_ZHUYIN_NOTE.sub("", text)


# Markdown a note app or editor exports inside the text: **bold** and [[wiki link]] / [[target|label]]: the marks
# go, the words stay. A pair on one line only, around words (not ** alone; __x__ is left: code uses it).
RE_MD_BOLD = re.compile(r"\*\*(?=\S)([^*\n]{1,200}?)(?<=\S)\*\*")
RE_WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]{1,80})(?:\|([^\[\]\n]{1,80}))?\]\]")
# A Markdown link inside a sentence ([农机站介绍](https://…)): the words stay, the address goes.
RE_MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{1,80})\]\((?:https?://|www\.|/|\./|\.\./|#)[^()\s]{0,300}\)")


def remove_markdown_marks(text: str) -> str:
    """Markdown emphasis and links taken off the words they mark: **按调用计价** -> 按调用计价, [[收益分成]] ->
    收益分成, [[页面|说法]] -> 说法, [说法](https://…) -> 说法. A line of links alone is left whole (the cleaning
    removes it as navigation). A quote's > is left to the structure (it marks a box)."""
    if "**" not in text and "[" not in text:
        return text
    text = RE_MD_BOLD.sub(r"\1", text)
    rest = RE_MD_LINK.sub(" ", RE_WIKI_LINK.sub(" ", re.sub(r"^[^：:\[\]]{1,10}[：:]", "", text.strip())))
    if re.fullmatch(r"[\s\u3000·•|｜,，、/;；>»\-—*]*", rest):
        return text  # a line of links alone (相关笔记：[[甲]] · [[乙]]): navigation, which the cleaning removes whole
    text = RE_MD_LINK.sub(r"\1", text)
    return RE_WIKI_LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)


# A '?' right after a Chinese character and followed by stray pinyin letters: mojibake debris that
# could not be re-paired (the lost byte became '?'). The damage ends at the last ASCII character
# of the next few, where the byte stream realigns.
RE_RESIDUAL_START = re.compile(rf"(?<=[{CJK}])\?(?=[a-z{TONE}(])")


def fix_unrecoverable_mojibake(text: str) -> str:
    """Replace mojibake debris that cannot be re-paired with one 〓 per lost character."""
    out, pos = [], 0
    for m in RE_RESIDUAL_START.finditer(text):
        if m.start() < pos:
            continue
        window = text[m.start() : m.start() + 16]
        end = max(i for i, c in enumerate(window) if c.isascii() or c in TONE) + 1
        debris = window[:end]
        if not any(c in TONE for c in debris):
            continue  # plain ASCII after a question mark: English, not debris
        resumed = RE_PINYIN_NOTE.sub("", debris)
        lost = max(1, len(resumed.encode("gbk", errors="replace")) // 2)
        out.append(text[pos : m.start()])
        out.append(UNKNOWN * lost)
        pos = m.start() + end
    out.append(text[pos:])
    return "".join(out)


def fix_traditional_to_simplified(text: str) -> str:
    """Traditional characters to Simplified with OpenCC t2s (the original line stays in the report)."""
    return to_simplified(text)


def _fold_punct(segment: str) -> str:
    """Half-width , : ; ? ! ( ) next to Chinese characters in one unprotected segment -> full-width."""
    cjk = rf"[{CJK}“”‘’《》（）【】、，。]"
    segment = re.sub(rf"(?<={cjk}),|,(?={cjk})", "，", segment)
    segment = re.sub(rf"(?<={cjk}):|:(?={cjk}|[“‘])", "：", segment)
    segment = re.sub(rf"(?<={cjk});|;(?={cjk})", "；", segment)
    segment = re.sub(rf"(?<={cjk})\?|\?(?={cjk})", "？", segment)
    segment = re.sub(rf"(?<={cjk})!|!(?={cjk})", "！", segment)

    # Parentheses: a pair is Chinese when it holds or touches Chinese text.
    def paren(m: re.Match[str]) -> str:
        inner = m.group(1)
        before = segment[m.start() - 1] if m.start() else ""
        if re.search(f"[{CJK}]", inner) or re.match(f"[{CJK}“”《》（）、，]", before or " "):
            return f"（{inner}）"
        return m.group(0)

    return re.sub(r"\(([^()]*)\)", paren, segment)


def fix_halfwidth_punctuation(text: str) -> str:
    """Half-width punctuation inside Chinese text -> full-width; numbers, times, URLs, e-mails, English stay."""
    if not re.search(f"[{CJK}]", text):
        return text
    out, pos = [], 0
    for m in RE_PROTECTED.finditer(text):
        out.append(_fold_punct(text[pos : m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append(_fold_punct(text[pos:]))
    return "".join(out)


# A news dateline opening a lead and the space after it (本报讯　, 本刊讯　, 新华社北京3月5日电　).
RE_DATELINE_SPACE = re.compile(rf"^[ \u3000]*[{CJK}\d（）()]{{2,20}}?(?:讯|电)[ \u3000]+(?=\S)")


def fix_spaces_between_chinese(text: str) -> str:
    """Remove spaces between two Chinese characters or Chinese punctuation (谢 谢 -> 谢谢), inside prose."""
    if "\n" in text:  # a line a block tag broke in two: each part on its own
        return "\n".join(fix_spaces_between_chinese(part) for part in text.split("\n"))
    if len(text) < 40 or text.startswith("#"):  # headlines use a space between their two halves
        return text
    lead = RE_DATELINE_SPACE.match(text)  # 本报讯　… / 新华社北京3月5日电　…: the dateline stays set apart
    head, rest = (lead.group(0), text[lead.end() :]) if lead else ("", text)
    # (a space before a labelled field, 来源：某网　作者：某人, separates two fields: it stays)
    return head + re.sub(
        rf"(?<=[{CJK}，。、；：？！“”（）])[ \u3000]+(?![{CJK}]{{2,4}}[：:])(?=[{CJK}，。、；：？！“”（）])", "", rest
    )


NUMERALS = frozenset("一二两三四五六七八九十百千万几每半")
# Reduplicated two-character verbs that are correct Chinese (研究研究 'look into it').
REDUPLICATION_OK = {
    "研究",
    "讨论",
    "考虑",
    "商量",
    "学习",
    "休息",
    "活动",
    "打扮",
    "收拾",
    "比较",
    "了解",
    "介绍",
    "锻炼",
    "体验",
    "思考",
    "琢磨",
    "打听",
    "整理",
    "准备",
    "检查",
    "交流",
    "高兴",
}


def fix_doubled_words(text: str) -> str:
    """Remove a dictionary word printed twice in a row (营造营造 -> 营造, 老年老年人 -> 老年人)."""

    def undouble(m: re.Match[str]) -> str:
        word = m.group(1)
        if word[0] in NUMERALS:  # 一层一层, 一个一个, 两年两年: a numeral and its measure said twice is grammar
            return m.group(0)
        if word in REDUPLICATION_OK or not is_word(word) or is_word(word + word):
            return m.group(0)
        return word

    return re.sub(rf"([{CJK}]{{2,4}})\1", undouble, text)


@dataclass(frozen=True)
class Repair:
    """One step of the ordered list: the function, the report kind and why it exists."""

    func: Callable[[str], str]
    reason: str
    whole_line: bool = False  # report the whole line (script conversion) rather than changed spans


# The order matters: bytes-level damage first, then characters, then script, then typography.
LINE_REPAIRS: list[Repair] = [
    Repair(remove_control_characters, "control, zero-width or bidirectional character removed"),
    Repair(remove_html_head, "a saved page's <head> (title, metadata), script or style removed with its content"),
    Repair(remove_html_tags, "HTML tag left from a web page's source removed (block tags: paragraph break)"),
    Repair(fix_html_entities, "HTML character reference decoded (html.unescape)"),
    Repair(fix_gbk_misalignment, "GBK bytes decoded one byte off, re-paired"),
    Repair(fix_utf8_read_as_gbk, "UTF-8 bytes read as GBK/GB18030, decoded again"),
    Repair(fix_utf8_read_as_latin, "UTF-8 bytes read as Latin-1/Windows-1252, decoded again"),
    Repair(fix_unrecoverable_mojibake, "mojibake that cannot be re-paired, marked 〓"),
    Repair(remove_pinyin_annotations, "pinyin annotation added by a converter"),
    Repair(remove_zhuyin_annotations, "zhuyin (bopomofo) reading in brackets after a character removed"),
    Repair(remove_markdown_marks, "Markdown emphasis or link marks removed (the words kept)"),
    Repair(fix_traditional_to_simplified, "traditional characters converted to simplified (OpenCC t2s)", True),
    Repair(fix_halfwidth_punctuation, "half-width punctuation in Chinese text made full-width"),
    Repair(fix_spaces_between_chinese, "space between Chinese characters removed"),
    Repair(fix_doubled_words, "word printed twice (unambiguous typo) reduced to one"),
]


def diff_changes(kind: str, line: int | None, before: str, after: str, reason: str, context: int = 4) -> list[Change]:
    """Report entries for the spans that differ between before and after, with a little context."""
    out: list[Change] = []
    if len(before) == len(after):
        # Same length (punctuation folding, script conversion): compare position by position.
        diffs = [i for i, (x, y) in enumerate(zip(before, after, strict=False)) if x != y]
        runs: list[list[int]] = []
        for i in diffs:
            if runs and i - runs[-1][1] <= context:
                runs[-1][1] = i
            else:
                runs.append([i, i])
        for i1, i2 in runs:
            lo, hi = max(0, i1 - context), i2 + 1 + context
            out.append(Change(kind, line, before[lo:hi], after[lo:hi], reason))
        return out
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lo = max(0, i1 - context)
        out.append(Change(kind, line, before[lo : i2 + context], after[max(0, j1 - (i1 - lo)) : j2 + context], reason))
    return out


def repair_line(
    text: str, number: int | None, steps: list[Repair] | None = None, skip: frozenset[str] = frozenset()
) -> tuple[str, list[Change]]:
    """Run the ordered repairs over one line; report only the steps that changed something."""
    changes: list[Change] = []
    for step in steps or LINE_REPAIRS:
        name = step.func.__name__
        if name in skip:
            continue
        after = step.func(text)
        if after == text:
            continue
        if step.whole_line:
            changes.append(Change(name, number, text, after, step.reason))
        else:
            changes.extend(diff_changes(name, number, text, after, step.reason))
        text = after
    return text, changes


# Suspected typos: reported, never changed, because a guess could be wrong.
RE_CJK_IN_ACRONYM = re.compile(rf"[A-Z]+[{CJK}][A-Z]+")


def suspected_typos(text: str, number: int | None) -> list[Change]:
    """Report entries for likely typos left as they are (a Chinese character inside a Latin acronym)."""
    return [
        Change(
            "suspect_cjk_in_acronym",
            number,
            m.group(0),
            m.group(0),
            "Chinese character inside a Latin acronym: left as printed, please check the source",
        )
        for m in RE_CJK_IN_ACRONYM.finditer(text)
    ]
