"""The state of each article's English version, and the translation status page."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from wenku.corpus import Corpus
from wenku.model import Article
from wenku.site.pages.common import article_title, chinese_hash, rel_link
from wenku.site.render import dump_front_matter, escape


def with_translation_status(art: Article, translation: dict | None) -> Article:
    """The article with the state of its English translation file (a new object: the enriched one stays)."""
    if translation is None:
        return art
    made_from = str(translation.get("translation_of") or "")
    meta = dict(
        art.meta,
        translation_status="translated" if made_from == chinese_hash(art) else "outdated",
        translated=str(translation.get("translated") or ""),
    )
    return dataclasses.replace(art, meta=meta)


def translation_status(arts: list[Article], corpus: Corpus, lang: str) -> str:
    """Every article with the state of its English version and the date of its Chinese source."""
    zh = lang == "zh"
    title = "翻译进度" if zh else "Translation status"
    states = {
        "translated": ("已有全文译文", "translated"),
        "summary": ("仅有英文标题和摘要", "summary only"),
        "none": ("尚无英文内容", "not started"),
        "outdated": ("译文早于中文原文的修改，需更新", "outdated: the Chinese text changed after translation"),
    }
    rows = []
    counts: dict[str, int] = defaultdict(int)
    for a in arts:
        state = a.meta.get("translation_status") or ("summary" if a.meta.get("summary_en") else "none")
        counts[state] += 1
        label = states[state][0 if zh else 1]
        if state in ("translated", "outdated") and a.meta.get("translated"):
            label += f" ({a.meta['translated']})"
        rows.append(
            f"| [{escape(article_title(a, lang)).replace('|', '&#124;')}]({rel_link('', f'articles/{a.slug}.md')}) | {label} | "
            f"{a.date or '—'} | `{chinese_hash(a)}` |"
        )
    head = (
        "| 文章 | 状态 | 中文来源日期 | 中文文本指纹 |\n|---|---|---|---|"
        if zh
        else "| Article | State | Date of the Chinese source | Chinese text fingerprint |\n|---|---|---|---|"
    )
    summary = (
        "；".join(f"{states[k][0]} {n} 篇" for k, n in counts.items())
        if zh
        else "; ".join(f"{states[k][1]}: {n}" for k, n in counts.items())
    )
    return (
        dump_front_matter({"title": title, "generated": True})
        + f"\n# {title}\n\n{summary}\n\n{head}\n"
        + "\n".join(rows)
        + "\n"
    )
