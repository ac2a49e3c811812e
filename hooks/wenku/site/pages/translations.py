"""The state of each article's English version, and the translation status page."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from wenku.corpus import Corpus
from wenku.model import Article
from wenku.site.editions import labels
from wenku.site.pages.common import article_title, chinese_hash, rel_link
from wenku.site.render import dump_front_matter, escape


def with_translation_status(art: Article, translation: dict | None) -> Article:
    """The article with the state of its English translation file (a new object: the enriched one stays)."""
    if translation is None:
        return art
    made_from = str(translation.get("translation_of") or "")
    return dataclasses.replace(
        art,
        translation_status="translated" if made_from == chinese_hash(art) else "outdated",
        translated=str(translation.get("translated") or ""),
    )


def translation_status(arts: list[Article], corpus: Corpus, lang: str) -> str:
    """Every article with the state of its English version and the date of its Chinese source."""
    lab = labels()[lang]
    title = lab["translations_title"]
    rows = []
    counts: dict[str, int] = defaultdict(int)
    for a in arts:
        state = a.translation_status or ("summary" if a.summary_en else "none")
        counts[state] += 1
        state_text = lab[f"translation_{state}"]
        if state in ("translated", "outdated") and a.translated:
            state_text += f" ({a.translated})"
        rows.append(
            f"| [{escape(article_title(a, lang)).replace('|', '&#124;')}]({rel_link('', f'articles/{a.slug}.md')}) | {state_text} | "
            f"{a.date or '—'} | `{chinese_hash(a)}` |"
        )
    columns = ("column_article", "column_state", "column_source_date", "column_fingerprint")
    head = "| " + " | ".join(lab[c] for c in columns) + " |\n|---|---|---|---|"
    summary = lab["clause_separator"].join(
        lab["translation_count"].format(state=lab[f"translation_{k}"], n=n) for k, n in counts.items()
    )
    return (
        dump_front_matter({"title": title, "generated": True})
        + f"\n# {title}\n\n{summary}\n\n{head}\n"
        + "\n".join(rows)
        + "\n"
    )
