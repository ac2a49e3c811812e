"""Character classes and small text helpers used by every step."""

from __future__ import annotations

import re

# CJK ideographs (URO + extension A + compatibility), the ranges Chinese prose uses.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RE_CJK = re.compile(f"[{CJK}]")
RE_CJK_RUN = re.compile(f"[{CJK}]+")

# Punctuation that ends a sentence or a paragraph in Chinese text (closing quotes/brackets may follow).
SENTENCE_END = "。！？；…!?"
CLOSERS = "”’」』）)】》〕"
# What may end a heading or a list item without being a broken sentence.
SOFT_END = "：:"

FULLWIDTH_PUNCT = "，。：；？！（）、“”‘’《》【】—…"


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph."""
    return bool(ch) and RE_CJK.match(ch) is not None


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in text (the site's word count for Chinese)."""
    return sum(len(m) for m in RE_CJK_RUN.findall(text))


def cjk_ratio(text: str) -> float:
    """Share of non-space characters that are CJK ideographs."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return cjk_count(text) / len(visible)


def ends_sentence(text: str) -> bool:
    """True when text ends with sentence-final punctuation (closing quotes allowed after it)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
        if t and t[-1] in SENTENCE_END:
            return True
    return bool(t) and t[-1] in SENTENCE_END


def bigrams(text: str) -> set[str]:
    """Set of CJK character bigrams of text: a cheap topic fingerprint."""
    out: set[str] = set()
    for run in RE_CJK_RUN.findall(text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def similarity(a: str, b: str) -> float:
    """Overlap of two texts' CJK bigram sets (0..1), normalised by the smaller set."""
    sa, sb = bigrams(a), bigrams(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def shorten(text: str, limit: int = 80) -> str:
    """Text cut to limit characters with an ellipsis, for report entries and messages."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
