"""Character frequencies from jieba's dictionary: which ideographs are common in Chinese text."""

from __future__ import annotations

import functools
import os
import unicodedata

import jieba

from wenku.script import to_simplified
from wenku.segment import tokenizer


@functools.lru_cache(maxsize=1)
def char_frequencies() -> dict[str, int]:
    """Summed word frequency per character over jieba's main dictionary (loaded once per process)."""
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    freq: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for row in fh:
            parts = row.split(" ")
            if len(parts) < 2:
                continue
            word, n = parts[0], int(parts[1])
            for ch in word:
                freq[ch] = freq.get(ch, 0) + n
    return freq


@functools.lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The ideographs that make up 99.5% of dictionary usage: the 'common' set."""
    freq = char_frequencies()
    ranked = sorted(freq.items(), key=lambda kv: kv[1], reverse=True)
    total = sum(n for _, n in ranked)
    seen, out = 0, set()
    for ch, n in ranked:
        out.add(ch)
        seen += n
        if seen > 0.995 * total:
            break
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def char_weight(ch: str) -> float:
    """Plausibility of one character in Chinese prose: 1 common, 0.5 punctuation/ASCII, <0 junk."""
    if ch in common_chars():
        return 1.0

    if len(ch) == 1 and "\u4e00" <= ch <= "\u9fff":
        simp = to_simplified(ch)
        if simp != ch and simp in common_chars():
            return 1.0
        return 0.1
    cat = unicodedata.category(ch)
    if ch.isascii():
        return 0.5 if ch.isprintable() or ch in "\n\t" else -1.0
    if cat.startswith("P") or cat == "Zs":
        return 0.5
    if cat in ("Co", "Cn", "Cs", "Cc"):
        return -1.0
    return 0.0


def word_frequency(word: str) -> int:
    """jieba's frequency for a word (0 when it is not in the dictionary)."""
    return tokenizer().FREQ.get(word, 0)
