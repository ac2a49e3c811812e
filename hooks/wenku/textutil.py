"""Character classes and small text helpers used by every step."""

from __future__ import annotations

import re

# CJK ideographs (URO + extension A + compatibility), the ranges Chinese prose uses.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RE_CJK_RUN = re.compile(f"[{CJK}]+")

# Punctuation that ends a sentence or a paragraph in Chinese text (closing quotes/brackets may follow).
SENTENCE_END = "。！？；…!?"
CLOSERS = "”’」』）)】》〕"


def cjk_count(text: str) -> int:
    """Number of CJK ideographs in text (the site's word count for Chinese)."""
    return sum(len(m) for m in RE_CJK_RUN.findall(text))


def ends_sentence(text: str) -> bool:
    """True when text ends with sentence-final punctuation (closing quotes allowed after it)."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
        if t and t[-1] in SENTENCE_END:
            return True
    return bool(t) and t[-1] in SENTENCE_END


def shorten(text: str, limit: int = 80) -> str:
    """Text cut to limit characters with an ellipsis, for report entries and messages."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
