"""jieba word segmentation with the site's domain dictionary, initialised once per process."""

from __future__ import annotations

import functools
import logging
import os

import jieba

from wenku import DATA_DIR

DATA = DATA_DIR
KEYWORD_FREQ = 20000  # a taxonomy keyword is a word at least this common


@functools.lru_cache(maxsize=1)
def tokenizer():
    """A jieba Tokenizer with the domain dictionary loaded (quietly, once)."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    # jieba's dictionary is read from disk once per process (about a second): this tokenizer starts from
    # a copy of the slug tokenizer's, which is what tk.initialize() would load, then adds ours.
    base = slug_tokenizer()
    with tk.lock:
        tk.FREQ, tk.total, tk.initialized = dict(base.FREQ), base.total, True
    userdict = os.path.join(DATA, "userdict.txt")
    if os.path.exists(userdict):
        tk.load_userdict(userdict)
    return tk


@functools.lru_cache(maxsize=2)
def keyword_tokenizer(keywords: tuple[str, ...]):
    """The domain tokenizer plus the taxonomy's keywords as whole words (新质生产力, 人工智能+), for topics'
    TF-IDF keywords. Cleaning never uses it: the taxonomy (sources/topics.yml) is editorial data, and a
    topic edit must not change how sources are cleaned. Keywords already known at that weight add nothing."""
    base = tokenizer()
    missing = [kw for kw in keywords if base.FREQ.get(kw, 0) < KEYWORD_FREQ]
    if not missing:
        return base
    tk = jieba.Tokenizer()
    with tk.lock:
        tk.FREQ, tk.total, tk.initialized = dict(base.FREQ), base.total, True
    for kw in missing:
        tk.add_word(kw, freq=KEYWORD_FREQ)
    return tk


@functools.lru_cache(maxsize=1)
def slug_tokenizer():
    """jieba with its own (pinned) dictionary only: slugs must not move when our domain dictionary grows."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def cut(text: str) -> list[str]:
    """Precise-mode tokens of text."""
    return list(tokenizer().cut(text, HMM=False))


MIN_WORD_FREQ = 10  # jieba's dictionary has many junk entries with frequency 2-3 (通金, 源点)


def is_word(text: str) -> bool:
    """True when text is a dictionary word of two or more characters with a real frequency."""
    return len(text) >= 2 and tokenizer().FREQ.get(text, 0) >= MIN_WORD_FREQ


def spans_boundary(left: str, right: str, window: int = 3) -> str | None:
    """The longest dictionary word that crosses the join of left+right (劳动|者 -> 劳动者), else None."""
    a = left[-window:]
    b = right[:window]
    joined = a + b
    cut_at = len(a)
    best = None
    for start in range(cut_at):
        for end in range(cut_at + 1, len(joined) + 1):
            piece = joined[start:end]
            if len(piece) <= 4 and is_word(piece) and (best is None or len(piece) > len(best)):
                best = piece
    return best
