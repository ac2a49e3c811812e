"""Hard-wrapped lines (PDF or web copy cut at a fixed width) joined back into paragraphs.

The width is inferred from the source itself: when many lines have exactly the same length and
hardly any line is longer, that length is the wrap width. A line of (about) that width continues on the
next line unless something marks a paragraph start there: the `　　` indent, a `<p>` tag, a blank line
(when the source separates paragraphs by blank lines), or, in sources without such marks, the end of a
sentence. A shorter line ends its paragraph, so headings, titles and bylines stay on their own.

The indent counts as a paragraph mark only when the text uses it as one: a copy that kept the indent on
every wrapped line (it stands on the lines a mid-sentence line runs into) is read as unmarked. When the
source as a whole shows no width, each block between blank lines is tried on its own (a web copy above a
PDF copy of the same text).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from wenku.ingest.paragraphs import join_evidence
from wenku.ingest.running import RE_JUMP
from wenku.model import Change, Line
from wenku.textutil import ends_sentence

MIN_WIDTH, MAX_WIDTH = 12, 60
RE_BRACKETED = re.compile(r"^[（(【\[〔][^（()）【】\[\]〔〕]*[）)】\]〕]$")
RE_NUMBERED_HEADING = re.compile(
    r"^(?:\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部章节条])"
)
RE_ITEM_START = re.compile(
    r"^(?:[①-⑳㈠-㈩⑴-⒇⒈-⒛]|\[\d{1,3}\]|\d{1,2}[、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、)"
)
RE_PUNCT = re.compile(r"[，。、；：？！,.;:?!“”]")
INDENT_CHARS = " \u3000\u00a0\t"
RE_RULE = re.compile(r"^[\s\u3000]*[━─—=＝═_\-–~～*＊·•.]{3,}[\s\u3000]*$")


@dataclass
class PageLine(Line):
    """A source line with what its layout says: indented, opened by a block tag, closed by one."""

    indent: bool = False
    starts: bool = False
    ends: bool = False
    page_break: bool = False  # a running header or footer stood right above this line


def content_length(text: str) -> int:
    return len(text.strip(INDENT_CHARS))


def wrap_width(lines: list[PageLine]) -> int | None:
    """The fixed width the text was wrapped at, or None when its lines are not hard-wrapped.

    A paragraph's first line may carry the `　　` indent, which takes two columns of the width: the
    width is measured both without and with the indent, and the measure that explains more lines wins."""
    body = [ln for ln in lines if ln.text.strip()]
    best: tuple[int, int] | None = None
    for indent_cols in (0, 2):
        lengths = [content_length(ln.text) + (indent_cols if ln.indent else 0) for ln in body]
        found = _width_of(lengths)
        if found and (best is None or found[1] > best[1]):
            best = found
        if not any(ln.indent for ln in body):
            break
    return best[0] if best else None


def _width_of(lengths: list[int]) -> tuple[int, int] | None:
    """(width, lines near it) when the lengths show a fixed wrap width, else None."""
    counts = Counter(n for n in lengths if MIN_WIDTH <= n <= MAX_WIDTH)
    if not counts:
        return None
    width, hits = counts.most_common(1)[0]
    near = sum(counts.get(w, 0) for w in (width - 1, width, width + 1))
    longer = sum(1 for n in lengths if n > width + 2)
    if hits < 4 or longer > 0.25 * hits or near < 0.3 * len(lengths):
        return None
    # Most of the text sits in lines of that width (not a list of parallel headings of equal length); a line may
    # run two marks over it, the closing marks a typesetter keeps at a line's end (…“用数”。).
    if sum(n for n in lengths if width - 2 <= n <= width + HANGING) < 0.5 * sum(lengths):
        return None
    return width, near


HANGING = 2  # closing marks a line may hold beyond the width (a closing mark never opens a line)
RE_CLOSERS_AT_END = re.compile(r"[”’」』）)》〉】〕。，、；：！？…]+$")


def _full(ln: PageLine, width: int) -> bool:
    n = content_length(ln.text)
    if width + 1 < n <= width + HANGING:  # over the width by the closing marks it ends with
        m = RE_CLOSERS_AT_END.search(ln.text.strip())
        n -= min(len(m.group(0)), HANGING) if m else 0
    return width - 2 <= n <= width + 1 or (ln.indent and width - 4 <= n <= width + 1)


def indent_on_every_line(body: list[PageLine], width: int) -> bool:
    """True when the indent cannot be a paragraph mark: it stands on most lines that a full-width line
    ending mid-sentence leads into (lines that carry a paragraph on), where a paragraph mark never stands."""
    follows = [
        b
        for a, b in zip(body, body[1:], strict=False)
        if _full(a, width) and not ends_sentence(a.text) and not a.ends and not b.starts
    ]
    return len(follows) >= 4 and sum(1 for b in follows if b.indent) > 0.6 * len(follows)


MIN_BLOCK = 6  # lines of a block that is wrapped on its own


def fix_hard_wraps(lines: list[PageLine]) -> tuple[list[PageLine], list[Change]]:
    """Lines of a hard-wrapped source joined into one line per paragraph, one report entry per paragraph.

    When the source as a whole shows no wrap width, each block between blank lines is read on its own: a
    page can hold a web copy with one line per paragraph and, below it, a PDF copy wrapped at a width."""
    if wrap_width(lines) is not None:
        return _fix_hard_wraps(lines)
    out: list[PageLine] = []
    report: list[Change] = []
    block: list[PageLine] = []
    for ln in [*lines, None]:
        if ln is not None and ln.text.strip():
            block.append(ln)
            continue
        if len(block) >= MIN_BLOCK and sum(1 for b in block if RE_PUNCT.search(b.text)) >= 0.6 * len(block):
            # (a wrapped paragraph breaks mid-sentence: most of its lines hold punctuation; a list of
            # headings of about equal length holds none)
            fixed, changes = _fix_hard_wraps(block)
            out.extend(fixed)
            report.extend(changes)
        else:
            out.extend(block)
        block = []
        if ln is not None:
            out.append(ln)
    return _small_blocks(out, report, lines)


def _small_blocks(
    out: list[PageLine], report: list[Change], lines: list[PageLine]
) -> tuple[list[PageLine], list[Change]]:
    """Short blocks read together: a stretch of the page that the block-by-block reading left alone (its
    paragraphs of two or three wrapped lines each are too short to show a width) while another stretch was
    joined at its width (the same text printed twice, once cut at 40 and once at 28 characters). A stretch of
    MIN_BLOCK lines or more, mostly holding punctuation, whose lines together show a width is joined at it."""
    originals = {id(ln) for ln in lines}
    result: list[PageLine] = []
    run: list[PageLine] = []
    for ln in [*out, None]:
        if ln is not None and id(ln) in originals:
            run.append(ln)
            continue
        body = [r for r in run if r.text.strip()]
        prose = sum(1 for b in body if RE_PUNCT.search(b.text)) >= 0.6 * len(body)
        if report and len(body) >= MIN_BLOCK and prose and wrap_width(run) is not None:
            fixed, changes = _fix_hard_wraps(run)
            result.extend(fixed)
            report = report + changes
        else:
            result.extend(run)
        run = []
        if ln is not None:
            result.append(ln)
    return result, report


def _fix_hard_wraps(lines: list[PageLine]) -> tuple[list[PageLine], list[Change]]:
    width = wrap_width(lines)
    if width is None:
        return lines, []
    body = [ln for ln in lines if ln.text.strip()]
    if indent_on_every_line(body, width):
        # The copy kept the `　　` indent on every wrapped line: it marks nothing, so it is dropped and the
        # paragraph ends are read from the line lengths and the sentence ends instead.
        lines = [dataclasses.replace(ln, indent=False) if ln.indent else ln for ln in lines]
        body = [ln for ln in lines if ln.text.strip()]
    # Paragraph starts are marked by an indent or a tag when a full-width line carries one (a centred
    # title is short); a source that marks one paragraph start marks them all.
    marked = any((ln.indent or ln.starts) and _full(ln, width) for ln in body)
    n_blank = sum(1 for a, b in zip(lines, lines[1:], strict=False) if a.text.strip() and not b.text.strip())
    blank_separated = n_blank >= 3
    out: list[PageLine] = []
    report: list[Change] = []
    pieces: list[PageLine] = []

    def flush() -> None:
        if not pieces:
            return
        first = pieces[0]
        if len(pieces) > 1:
            joined = "".join(p.text.strip() for p in pieces)
            report.append(
                Change(
                    "fix_hard_wrap",
                    first.number,
                    pieces[0].text.strip()[-10:]
                    + "⏎"
                    + pieces[1].text.strip()[:10]
                    + (f" (+{len(pieces) - 2} more breaks)" if len(pieces) > 2 else ""),
                    joined[len(pieces[0].text.strip()) - 10 : len(pieces[0].text.strip()) + 10],
                    f"lines {first.number}-{pieces[-1].number} hard-wrapped at {width} characters, "
                    "joined into one paragraph",
                )
            )
            first = dataclasses.replace(first, text=joined, ends=pieces[-1].ends)
        out.append(first)
        pieces.clear()

    blanks: list[PageLine] = []  # blank lines since the last piece
    for ln in lines:
        if not ln.text.strip():
            blanks.append(ln)
            continue
        if pieces and _continues(pieces[-1], ln, width, marked, blank_separated, bool(blanks), len(pieces) == 1):
            pieces.append(ln)  # blank lines inside a wrapped paragraph (a page break) are dropped
        else:
            flush()
            out.extend(blanks)
            pieces.append(ln)
        blanks = []
    flush()
    out.extend(blanks)
    return out, report


def _continues(
    prev: PageLine, ln: PageLine, width: int, marked: bool, blank_separated: bool, gap: bool, first_piece: bool = False
) -> bool:
    """True when ln carries on the paragraph whose last wrapped line is prev."""
    if prev.ends or ln.starts or ln.indent or not _full(prev, width):
        return False
    if RE_RULE.match(prev.text) or RE_RULE.match(ln.text):
        return False  # a rule (━━━━ as wide as the text) is drawn between blocks, never inside a sentence
    if first_piece and RE_NUMBERED_HEADING.match(prev.text.strip()) and not RE_PUNCT.search(prev.text.strip()[3:]):
        return False  # a numbered heading as wide as the wrap: 1.明确健全治理体系的基本思路
    text = ln.text.strip()
    if ends_sentence(prev.text) and RE_ITEM_START.match(text):
        return False  # a sentence ends at the line end and the next line opens a numbered item: ① … ②
    closer = _unclosed(prev.text.strip())
    if closer and closer in text[:12] and not _full(ln, width):
        return True  # 【作者系…副教授⏎】: the bracket the full line opened closes here
    n = content_length(text)
    if n > width + 2 and (RE_NUMBERED_HEADING.match(text) or n > 1.3 * width + 2):
        # Longer than the wrap width (beyond what a few half-width letters or a pinyin note add): not a
        # wrapped line but a heading or a line of its own.
        return False
    if not _full(ln, width):
        if RE_BRACKETED.match(text) or RE_JUMP.search(text):
            return False  # a note or jump line in brackets after a full line: （转第14版）
        if not RE_PUNCT.search(text) and not RE_PUNCT.search(prev.text):
            return False  # a title as wide as the wrap, then its byline: no sentence in either
        if not RE_PUNCT.search(text) and ends_sentence(prev.text):
            return False  # a paragraph ended at the line end, then a heading (a short line, no sentence)
    if gap and (blank_separated or ends_sentence(prev.text)):
        return False
    if not marked and not blank_separated and ends_sentence(prev.text):
        return False  # no marks to go by: a full line ending a sentence may end its paragraph
    return True


PAIRS = {"【": "】", "（": "）", "(": ")", "〔": "〕", "《": "》", "“": "”", "[": "]"}


def _unclosed(text: str) -> str | None:
    """The closing bracket or quote text still owes (its last unclosed opener's), else None."""
    stack: list[str] = []
    for ch in text:
        if ch in PAIRS:
            stack.append(PAIRS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
    return stack[-1] if stack else None


def _carries_on(left: str, right: PageLine) -> bool:
    """True when right, after a page break, carries on the paragraph left broke off."""
    if not left or ends_sentence(left) or left.endswith(("：", ":")) or right.indent or right.starts:
        return False
    if len(left) < 30 and not any(c in left for c in "，。、；"):
        return False  # a title or a heading above the break
    r = right.text.strip()
    if len(r) < 20 and not any(c in r for c in "，。、；！？"):
        return False  # a heading or byline after the break
    return True  # the removed header is the evidence: a paragraph broke off there


def _better_partner(lines: list[PageLine], left: PageLine, right: PageLine) -> bool:
    """True when another paragraph that broke off mid-sentence reads on into right more clearly than left
    does (a word, an enumeration or a quote across the join): on a page of interleaved columns the text
    after a page break may belong to another article, which the split decides."""
    ev = join_evidence(left.text.strip(), right.text.strip())
    for other in lines:
        if other is left or other is right or not other.text.strip():
            continue
        if join_evidence(other.text.strip(), right.text.strip()) > ev + 0.5:
            return True
    return False


def fix_page_breaks(lines: list[PageLine]) -> tuple[list[PageLine], list[Change]]:
    """A paragraph cut by a page break (its running header/footer removed) joined again."""
    out: list[PageLine] = []
    report: list[Change] = []
    last: PageLine | None = None  # the last non-blank line kept
    for ln in lines:
        if not ln.text.strip():
            out.append(ln)
            continue
        if (
            ln.page_break
            and last is not None
            and _carries_on(last.text.strip(), ln)
            and not _better_partner(lines, last, ln)
        ):
            left = last.text.strip()
            report.append(
                Change(
                    "fix_page_break",
                    ln.number,
                    left[-10:] + "⏎" + ln.text.strip()[:10],
                    left[-10:] + ln.text.strip()[:10],
                    "paragraph cut by a page break (running header or footer removed), joined",
                )
            )
            last.text = left + ln.text.strip()
            last.ends = ln.ends
            while out and out[-1] is not last:  # blank lines inside the paragraph go with the break
                out.pop()
            continue
        out.append(ln)
        last = ln
    return out, report
