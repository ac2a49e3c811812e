"""The archive: articles by year and month."""

from __future__ import annotations

from collections import defaultdict

from wenku.model import Article
from wenku.site.editions import labels
from wenku.site.pages.common import article_line
from wenku.site.render import dump_front_matter


def archive_index(arts: list[Article], lang: str) -> str:
    """Articles by year and month (undated at the end)."""
    lab = labels()[lang]
    years: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for a in arts:
        if a.date:
            y = a.date[:4]
            m = a.date[5:7] if len(a.date) >= 7 else ""
            years[y][m].append(a)
        else:
            years[""][""].append(a)
    parts = []
    for y in sorted((k for k in years if k), reverse=True) + ([""] if "" in years else []):
        parts.append(f"## {y if y else lab['untitled_date']}")
        for m in sorted(years[y], reverse=True):
            if m:
                parts.append(f"### {y}-{m}")
            parts.append("\n".join(article_line(a, lang, "archive") for a in years[y][m]))
    return (
        dump_front_matter({"title": lab["archive"], "generated": True})
        + f"\n# {lab['archive']}\n\n"
        + "\n\n".join(parts)
        + "\n"
    )
