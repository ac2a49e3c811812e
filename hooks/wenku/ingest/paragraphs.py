"""Deciding whether two pieces of text are one paragraph broken by a column or page end."""

from __future__ import annotations

import re

from wenku.segment import cut, is_word, spans_boundary
from wenku.textutil import CJK, ends_sentence

RE_ENUM_ITEM_START = re.compile(rf"^[{CJK}A-Za-z0-9]{{1,6}}、")
RE_SHORT_CLAUSE_START = re.compile(rf"^[{CJK}]{{1,2}}[，。、；：]")


def unbalanced_quote(text: str) -> bool:
    """True when text opens more “ or （ than it closes: the sentence goes on."""
    return text.count("“") > text.count("”") or text.count("（") > text.count("）")


def _read_across(left: str, right: str, window: int = 4) -> bool:
    """True when the segmenter, reading the text around the join, puts a word across it: 新闻|学者认为 holds
    the word 新闻学, but is read 新闻 / 学者 / 认为."""
    a, b = left[-window:], right[:window]
    pos = 0
    for tok in cut(a + b):
        if pos < len(a) < pos + len(tok):
            return True
        pos += len(tok)
    return False


def join_evidence(left: str, right: str) -> float:
    """How strongly right reads as the continuation of left (0 = none, higher = stronger)."""
    if not left or not right or ends_sentence(left):
        return 0.0
    score = 0.0
    word = spans_boundary(left, right)
    if word and _read_across(left, right):
        score += 2.0 + 0.5 * (len(word) > 2)
    if left.endswith("、") and RE_ENUM_ITEM_START.match(right):
        score += 2.5  # an enumeration goes on: 推动算力、|算法、算据
    if unbalanced_quote(left) and ("”" in right[:40] or "）" in right[:40]):
        score += 1.5
    if left[-1].isdigit() and right[0].isdigit():
        score += 1.0
    return score


def contradicts_join(left: str, right: str) -> bool:
    """True when gluing right to left would make broken Chinese (so they are not one paragraph)."""
    if ends_sentence(left):
        return True
    m = RE_SHORT_CLAUSE_START.match(right)
    if m and not spans_boundary(left, right):
        stub = m.group(0)[:-1]
        if not is_word(left[-2:] + stub) and not is_word(left[-1:] + stub):
            return True  # 互连通|金，建立… : '金' ends a word that is not here
    if RE_ENUM_ITEM_START.match(right) and not left.endswith(("、", "和", "与", "及", "，", "；", "：", ",", ";", ":")):
        return True  # 科技创新的源|算法、算据… : an enumeration cannot start mid-phrase (after a comma it can)
    return False
