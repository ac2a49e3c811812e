"""Slugs and pinyin names: a title or a personal name as the readable ASCII part of a URL."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from wenku.personnames import DOUBLE_SURNAMES
from wenku.segment import slug_tokenizer
from wenku.textutil import CJK


def slugify(title: str, max_words: int = 10, max_len: int = 60) -> str:
    """A readable ASCII slug from a Chinese (or English) title: pinyin per word, words joined by '-'."""
    words: list[str] = []
    for tok in slug_tokenizer().cut(title, HMM=False):
        if re.match(f"[{CJK}]", tok):
            words.append("".join(lazy_pinyin(tok)))
        else:
            ascii_tok = re.sub(r"[^a-z0-9]+", "", tok.lower())
            if ascii_tok:
                words.append(ascii_tok)
        if len(words) >= max_words:
            break
    slug = "-".join(w for w in words if w)
    slug = re.sub(r"[^a-z0-9-]+", "", slug.replace("ü", "v"))
    while len(slug) > max_len and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug.strip("-") or "article"


def name_pinyin(name: str) -> str:
    """A Chinese personal name in pinyin, family name first: 徐华亮 -> Xu Hualiang."""
    if not re.fullmatch(f"[{CJK}]{{2,4}}", name):
        return name
    split = 2 if name[:2] in DOUBLE_SURNAMES else 1
    family = "".join(lazy_pinyin(name[:split], v_to_u=False)).replace("v", "ü")
    given = "".join(lazy_pinyin(name[split:], v_to_u=False)).replace("v", "ü")
    return f"{family.capitalize()} {given.capitalize()}"


def name_slug(name: str) -> str:
    """A name as a slug part: 朱红莉 -> zhu-hongli."""
    return re.sub(r"[^a-z0-9-]", "", name_pinyin(name).lower().replace(" ", "-").replace("ü", "v"))
