"""Chinese personal names: surname + given name, checked against the dictionary (a noun or a place that
starts with a surname's character is not a name). Shared by the stages: the cleaning's furniture rules,
the bylines of the structure stage and the slugs of enrich."""

from __future__ import annotations

import functools
import os
import re

import jieba.posseg

from wenku import DATA_DIR
from wenku.segment import is_word, tokenizer
from wenku.textutil import CJK


@functools.lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, double surnames) from hooks/wenku/data/surnames.txt."""
    single: set[str] = set()
    double: set[str] = set()
    with open(os.path.join(DATA_DIR, "surnames.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            for name in line.split():
                (double if len(name) == 2 else single).update([name] if len(name) == 2 else list(name))
    return frozenset(single), frozenset(double)


SURNAMES, DOUBLE_SURNAMES = _surnames()

RE_NAME = re.compile(rf"[{CJK}]{{2,4}}")


@functools.lru_cache(maxsize=1)
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """jieba's part-of-speech tagger over our tokenizer (loaded once, only when a candidate name is a word)."""
    return jieba.posseg.POSTokenizer(tokenizer())


# Dictionary tags that speak against a name: a noun (简讯, 背景), a place (杭州), an organisation or other
# proper noun (沙发). Adjectives and adverbs (高远) are left alone: given names are often made of them.
NOT_NAME_TAGS = frozenset({"n", "ns", "nt", "nz"})


@functools.lru_cache(maxsize=4096)
def common_word(text: str) -> bool:
    """True when text is a dictionary word tagged as a noun, a place or an organisation, not a personal
    name (nr): counter-evidence against reading it as a name (杭州, 简讯, 背景)."""
    if not is_word(text):
        return False
    tags = _pos_tokenizer().lcut(text, HMM=False)
    return len(tags) == 1 and tags[0].flag in NOT_NAME_TAGS


def is_person_name(text: str, words: bool = True) -> bool:
    """True for a plausible Chinese personal name of 2-4 characters (surname + given name) that is not a
    common word (a place name or a noun that happens to start with a surname's character)."""
    t = text.strip()
    if not RE_NAME.fullmatch(t):
        return False
    if t[:2] in DOUBLE_SURNAMES:
        ok = len(t) in (3, 4)
    else:
        ok = t[0] in SURNAMES and len(t) in (2, 3)
    return ok and not (words and common_word(t))
