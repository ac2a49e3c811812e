"""A Q&A site's answer page: the question is the title, the answerer the author, the answer the text. One
article per full answer (a page may hold several, each with its answerer, counts and stamp).

Recognised by the page's shape (``qa_shape``): a question (a line ending in a question mark) near the top;
under it the site's rows and, just above the answer, the answerer's name (a short line alone), perhaps a
bio line, and a count row (``3,482 人赞同了该回答``); then the answer, closed by a count row or an edit stamp
(``编辑于 2026-02-17``, ``赞同 3482``). The count and stamp words are data (data/kinds.yml); a count row is
short, holds a number and one of them, and is no sentence. Everything outside the answer (navigation, the
question's counts, the bio line, the rights notice, the next answers) is reported, none of it is text.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field

from wenku import DATA_DIR
from wenku.metadata import load_data_file
from wenku.model import Article, Change, Line
from wenku.structure.compilation import _blocks
from wenku.structure.restored import all_rows, removed_whole
from wenku.structure.units import Unit, join_adjacent
from wenku.textutil import ends_sentence

MAX_QUESTION_AT = 6  # the question is among the first lines
MAX_ROW = 30  # a count row or stamp is short
MIN_ANSWER_PARAS = 2
RE_QUESTION = re.compile(r"^.{5,60}[？?]$")
RE_DATE = re.compile(r"(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}|\d{1,2}:\d\d")


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    data = load_data_file(os.path.join(DATA_DIR, "kinds.yml"))["qa"]
    return {k: tuple(str(w) for w in v) for k, v in data.items()}


def is_count_row(text: str) -> bool:
    """A site's count row: 3,482 人赞同了该回答, 赞同 3482, 被浏览 128,406　关注者 1,032."""
    t = text.strip()
    return (
        len(t) <= MAX_ROW
        and bool(re.search(r"\d", t))
        and not ends_sentence(t)
        and any(w in t for w in vocabulary()["counts"])
    )


def is_stamp(text: str) -> bool:
    """An edit stamp: 编辑于 2026-02-17 22:41・IP 属地湖南."""
    t = text.strip()
    return len(t) <= 2 * MAX_ROW and t.startswith(vocabulary()["stamps"]) and bool(RE_DATE.search(t))


def _prose(text: str) -> bool:
    return len(text.strip()) >= 30 and ends_sentence(text)


@dataclass
class QaShape:
    evidence: str
    question: int  # indexes into the non-blank lines
    name: int
    start: int  # first line of the answer
    end: int  # first line after it
    answers: list[tuple[int, int, int]] = field(default_factory=list)  # (name, start, end) of every answer


def _rows(lines: list[Line], removed: list[Change] | None = None) -> list[Line]:
    """The page's non-blank lines, with the lines the cleaning removed whole put back in their places: the
    site's count rows are the shape's evidence even when the cleaning took them out as page chrome (the
    splitter does not report them twice)."""
    return [Line(r.number, r.text) for r in all_rows(lines, removed)]


def _answer(rows: list[Line], lo: int) -> tuple[int, int, int] | None:
    """(name, start, end) of the first answer after index lo: an answerer's name (a short line, perhaps a
    bio line under it) over a count row, the answer's paragraphs, closed by a count row or an edit stamp."""
    start = next((k for k in range(lo + 1, len(rows)) if _prose(rows[k].text)), None)
    if start is None or not any(is_count_row(rows[k].text) for k in range(lo + 1, start)):
        return None
    end = next((k for k in range(start + 1, len(rows)) if is_count_row(rows[k].text) or is_stamp(rows[k].text)), None)
    if end is None or sum(1 for k in range(start, end) if _prose(rows[k].text)) < MIN_ANSWER_PARAS:
        return None
    # The answerer: the top of the block of short lines (name, then bio) just above the answer and its count
    # rows; the block ends at a count row, a stamp or a blank line.
    k = start - 1
    while k > lo and is_count_row(rows[k].text):
        k -= 1
    block = []
    while (
        k > lo
        and not is_count_row(rows[k].text)
        and not is_stamp(rows[k].text)
        and len(rows[k].text.strip()) <= MAX_ROW
    ):
        block.insert(0, k)
        if rows[k].number - rows[k - 1].number > 1:
            break
        k -= 1
    name = block[0] if block else None
    if name is not None and (
        len(rows[name].text.strip()) > 16 or re.search(r"[\d\s\u3000/|｜，。：:！？?]", rows[name].text.strip())
    ):
        name = None
    if name is None:
        return None
    return name, start, end


def qa_shape(lines: list[Line], removed: list[Change] | None = None) -> QaShape | None:
    rows = _rows(lines, removed)
    question = next((k for k, ln in enumerate(rows[:MAX_QUESTION_AT]) if RE_QUESTION.match(ln.text.strip())), None)
    if question is None:
        return None
    first = _answer(rows, question)
    if first is None:
        return None
    answers = [first]
    while True:  # a page may hold several full answers, each with its answerer, counts and stamp
        nxt = _answer(rows, answers[-1][2])
        if nxt is None:
            break
        answers.append(nxt)
    name, start, end = first
    more = f" ({len(answers)} answers, each so shaped)" if len(answers) > 1 else ""
    return QaShape(
        "a question as the page's title, the answerer's name over the site's counts, and an answer of "
        f"{end - start} paragraphs closed by a count row or an edit stamp{more}",
        question,
        name,
        start,
        end,
        answers,
    )


def split_qa(lines: list[Line], removed: list[Change] | None = None) -> tuple[list[Article], list[Change], dict]:
    """One article per full answer on the page (most pages hold one): the question is each one's title,
    the answerer its author; everything else on the page is reported."""
    rows = _rows(lines, removed)
    shape = qa_shape(lines, removed)
    gone = set(removed_whole(removed)) - {ln.number for ln in lines}  # reported by the cleaning already
    report: list[Change] = []
    if shape is None:  # stated by a sidecar without the shape: every line is text
        art = Article(source="")
        rows = [ln for ln in rows if ln.number not in gone]
        art.blocks = _blocks([Unit("para", ln.text.strip(), [ln.number]) for ln in rows])
        numbers = [ln.number for ln in rows]
        art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
        return [art], report, {}
    question = rows[shape.question].text.strip()
    arts = [Article(source="") for _ in shape.answers]
    owner: dict[int, int] = {}  # row index -> the answer whose part of the page it is
    for i, (name, _start, _end) in enumerate(shape.answers):
        hi = shape.answers[i + 1][0] if i + 1 < len(shape.answers) else len(rows)
        for k in range(name if i else 0, hi):
            owner[k] = i
    for k, ln in enumerate(rows):
        t = ln.text.strip()
        i = owner.get(k, 0)
        art = arts[i]
        name, start, end = shape.answers[i]
        if ln.number in gone:
            continue
        if k == shape.question:
            report.append(Change("extract_title", ln.number, t, "", "the question: the page's title"))
        elif k == name:
            art.authors = [t]
            report.append(Change("extract_byline", ln.number, t, "", "the answerer: the author"))
        elif start <= k < end:
            continue
        elif name < k < start and not is_count_row(t):
            report.append(Change("remove_qa_bio", ln.number, t, "", "the answerer's bio line: not the answer"))
        else:
            stamp = is_stamp(t)
            date = RE_DATE.search(t) if stamp else None
            if date and not art.date and k >= end:
                art.date = re.sub(r"[./年月]", "-", date.group(0))
            where = "above the answer" if k < start else "after the answer"
            what = "edit stamp" if stamp else "count row" if is_count_row(t) else "page furniture or another answer"
            report.append(Change("remove_qa_chrome", ln.number, t, "", f"Q&A page, {where}: {what}"))
    for i, art in enumerate(arts):
        name, start, end = shape.answers[i]
        art.title = question
        art.title_from = "question"
        units = [Unit("para", ln.text.strip(), [ln.number]) for ln in rows[start:end] if ln.number not in gone]
        art.blocks = _blocks(join_adjacent(units, report))
        numbers = [ln.number for k, ln in enumerate(rows) if owner.get(k, 0) == i and ln.number not in gone]
        if i == 0:
            numbers += [ln.number for ln in rows[: shape.answers[0][0]] if ln.number not in gone]
        art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return arts, report, {}
