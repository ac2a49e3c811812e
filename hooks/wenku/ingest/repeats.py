"""Repeated blocks: a whole article printed twice on a web page, repeated runs of lines."""

from __future__ import annotations

import difflib
import re

from wenku.ingest.mojibake import UNKNOWN
from wenku.model import Change, Line
from wenku.textutil import cjk_count

MIN_RUN = 3
KEY = 8  # characters of a line's start or end that a repeated copy shares


def _same(a: str, b: str) -> bool:
    """True when two lines are the same text (allowing for a few damaged characters)."""
    if a == b:
        return True
    if not a or not b or abs(len(a) - len(b)) > max(len(a), len(b)) * 0.1:
        return False
    if a[:KEY] != b[:KEY] and a[-KEY:] != b[-KEY:]:
        return False  # damaged copies still share their start or their end
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return m.real_quick_ratio() >= 0.9 and m.quick_ratio() >= 0.9 and m.ratio() >= 0.9


RE_LOOSE = re.compile(r"[^\w]|_")
MIN_PROSE = 40  # mean characters of a repeated run of paragraphs (not of headings or a contents list)
MAX_LABEL = 20  # characters of a label line between the two copies (—— PDF 原版 ——)


def _loose(text: str) -> str:
    """A line's letters only: a title or byline printed again with other marks (◎名 / 名) is the same line."""
    return RE_LOOSE.sub("", text)


MIN_SHORTENED = 4  # letters of a byline the copy prints shortened (作者：某某 under 作者：某某　发布时间：…)


def _same_head(first: str, again: str) -> bool:
    """A title or byline above the first copy printed again above the second: the same letters, or the
    same opening letters with the rest (a date, a source) left off in one of the two."""
    a, b = _loose(first), _loose(again)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= MIN_SHORTENED and (a.startswith(b) or b.startswith(a)))


def _label_between(body: list[Line], end: int, start: int) -> int | None:
    """The index of the one short line with no sentence in it that stands between the end of the first copy
    and the start of the second (a label over the second copy), else None."""
    if start - end != 2:
        return None
    t = body[end + 1].text.strip()
    if len(t) > MAX_LABEL or re.search(r"[。！？；，]", t) or t in (x.text.strip() for x in body[:end]):
        return None
    return end + 1


def _quality(text: str) -> tuple[int, int]:
    """Higher is better: fewer unknown-character marks, then longer."""
    return (-text.count(UNKNOWN), len(text))


MAX_CANDIDATES = 32  # earlier lines compared with each line: keeps huge sources linear


def remove_repeated_blocks(lines: list[Line]) -> tuple[list[Line], list[Change]]:
    """Drop a run of three or more non-empty lines that repeats an earlier run; keep the better copy of each line."""
    body = [ln for ln in lines if ln.text.strip()]
    drop: set[int] = set()  # ids of the dropped Line objects (a line broken at a <br> shares its number)
    report: list[Change] = []
    by_head: dict[str, list[int]] = {}
    by_tail: dict[str, list[int]] = {}
    i = 0
    while i < len(body):
        text = body[i].text
        candidates = set(by_head.get(text[:KEY], [])[-MAX_CANDIDATES:]) | set(
            by_tail.get(text[-KEY:], [])[-MAX_CANDIDATES:]
        )
        best = None
        for j in sorted(candidates):
            k = 0
            while i + k < len(body) and j + k < i and _same(body[j + k].text, body[i + k].text):
                k += 1
            if k >= MIN_RUN and (best is None or k > best[1]):
                best = (j, k)
        if best:
            j, k = best
            # The copy's title and byline above its repeated paragraphs, printed with other marks.
            back = 0
            prose = sum(len(body[i + off].text) for off in range(k)) >= MIN_PROSE * k
            while (
                prose
                and j - back - 1 >= 0
                and i - back - 1 > j + k - 1
                and id(body[i - back - 1]) not in drop
                and _same_head(body[j - back - 1].text, body[i - back - 1].text)
            ):
                back += 1
            i, j, k = i - back, j - back, k + back
            label = _label_between(body, j + k - 1, i)
            if back and label is not None and id(body[label]) not in drop:
                drop.add(id(body[label]))
                report.append(
                    Change(
                        "remove_repeated_block",
                        body[label].number,
                        body[label].text,
                        "",
                        "label between a text and its second copy (the copy is removed below it)",
                    )
                )
            for off in range(k):
                first, again = body[j + off], body[i + off]
                if _quality(again.text) > _quality(first.text):
                    first.text, again.text = again.text, first.text  # keep the better copy in place
                drop.add(id(again))
            report.append(
                Change(
                    "remove_repeated_block",
                    body[i].number,
                    "\n".join(body[i + off].text for off in range(k)),
                    "",
                    f"lines {body[i].number}-{body[i + k - 1].number} repeat lines "
                    f"{body[j].number}-{body[j + k - 1].number} (the text was printed twice)",
                )
            )
            step = k
        else:
            step = 1
        for off in range(step):
            t = body[i + off].text
            by_head.setdefault(t[:KEY], []).append(i + off)
            by_tail.setdefault(t[-KEY:], []).append(i + off)
        i += step
    return [ln for ln in lines if id(ln) not in drop], report


RE_PULL_QUOTE = re.compile(r"^(?:“(?P<a>[^“”]+)”|「(?P<b>[^「」]+)」)$")
MIN_PULL_QUOTE = 8  # characters of a pull quote's sentence (a short quoted phrase may stand alone)
MIN_PARAGRAPH = 40  # characters of a paragraph around a pull quote (an epigraph above the text, or a quote
# closing it, is not between paragraphs and stays)


def remove_pull_quotes(lines: list[Line]) -> tuple[list[Line], list[Change]]:
    """A pull quote: a line between paragraphs that is only a quoted sentence which a paragraph of the text
    prints again (magazines set one in large type between paragraphs). The paragraph keeps the sentence."""
    texts = [ln.text.strip() for ln in lines]
    long = [k for k, t in enumerate(texts) if len(t) >= MIN_PARAGRAPH]
    out: list[Line] = []
    report: list[Change] = []
    for k, ln in enumerate(lines):
        m = RE_PULL_QUOTE.match(texts[k])
        inner = (m.group("a") or m.group("b")).strip("。！？!?. ") if m else ""
        between = bool(long) and long[0] < k < long[-1]
        if (
            len(inner) >= MIN_PULL_QUOTE
            and between
            and any(j != k and len(texts[j]) > len(texts[k]) and inner in texts[j] for j in long)
        ):
            report.append(
                Change(
                    "remove_pull_quote",
                    ln.number,
                    ln.text,
                    "",
                    "pull quote: a sentence of the text printed again on a line of its own",
                )
            )
            continue
        out.append(ln)
    return out, report


RE_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
RE_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
MIN_TRANSLATION_LINES = 3  # lines of Latin script after the Chinese text
MIN_TRANSLATION_LETTERS = 150  # Latin letters in them (not a closing English tagline)
MIN_CHINESE = 200  # Chinese characters of the text above it
MIN_SHARED_NUMBERS = 2  # figures the Latin block shares with the Chinese text (dates, amounts)


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in RE_NUMBER.findall(text)}


def remove_trailing_translation(lines: list[Line]) -> tuple[list[Line], list[Change]]:
    """A translation printed after the text (a bilingual press release: the Chinese release, then its English
    version): the run of lines with no Chinese character that closes a mostly Chinese source, when it is
    several lines of Latin-script prose and gives the same figures as the Chinese text (at least two, and at
    least half of its own). One report entry names the block."""
    start = len(lines)
    while start > 0 and cjk_count(lines[start - 1].text) == 0:
        start -= 1
    while start < len(lines) and not RE_LATIN_WORD.search(lines[start].text):
        start += 1  # a rule or a blank line above the block stays where it is
    tail = [ln for ln in lines[start:] if ln.text.strip()]
    head = "".join(ln.text for ln in lines[:start])
    if len(tail) < MIN_TRANSLATION_LINES or cjk_count(head) < MIN_CHINESE:
        return lines, []
    latin = "".join(ln.text for ln in tail)
    if sum(len(w) for w in RE_LATIN_WORD.findall(latin)) < MIN_TRANSLATION_LETTERS:
        return lines, []
    figures = _numbers(latin)
    shared = figures & _numbers(head)
    if len(shared) < MIN_SHARED_NUMBERS or len(shared) < 0.5 * len(figures):
        return lines, []
    change = Change(
        "remove_translation",
        tail[0].number,
        "\n".join(ln.text for ln in tail),
        "",
        f"lines {tail[0].number}-{tail[-1].number}: the text again in Latin script after the Chinese text "
        f"(a translation: it gives the same figures {', '.join(sorted(shared))})",
    )
    return lines[:start], [change]
