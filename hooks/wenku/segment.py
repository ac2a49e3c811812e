"""jieba word segmentation with the site's domain dictionary, initialised once per process."""

from __future__ import annotations

import functools
import logging
import os

DATA = os.path.join(os.path.dirname(__file__), "data")


@functools.lru_cache(maxsize=1)
def tokenizer():
    """A jieba Tokenizer with the domain dictionary loaded (quietly, once)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    userdict = os.path.join(DATA, "userdict.txt")
    if os.path.exists(userdict):
        tk.load_userdict(userdict)
    return tk


def cut(text: str) -> list[str]:
    """Precise-mode tokens of text."""
    return list(tokenizer().cut(text, HMM=False))


def is_word(text: str) -> bool:
    """True when text is a dictionary word of two or more characters."""
    return len(text) >= 2 and tokenizer().FREQ.get(text, 0) > 0


def spans_boundary(left: str, right: str, window: int = 4) -> str | None:
    """The dictionary word that crosses the join of left+right (e.g. 劳动|者 -> 劳动者), else None."""
    a = left[-window:]
    b = right[:window]
    joined = a + b
    cut_at = len(a)
    pos = 0
    for tok in tokenizer().cut(joined, HMM=False):
        start, end = pos, pos + len(tok)
        pos = end
        if start < cut_at < end and is_word(tok):
            return tok
    return None
