"""The authors index."""

from __future__ import annotations

from collections import defaultdict

from wenku.enrich.slugs import name_pinyin
from wenku.model import Article
from wenku.site.editions import labels
from wenku.site.pages.common import article_line
from wenku.site.render import dump_front_matter, escape


def authors_index(arts: list[Article], lang: str) -> str:
    """Authors in pinyin order, each with their articles."""
    lab = labels()[lang]
    by_author: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        for name in a.authors or [lab["no_author"]]:
            by_author[name].append(a)
    order = sorted(by_author, key=lambda n: (n == lab["no_author"], name_pinyin(n).lower(), n))
    parts = []
    for name in order:
        heading = name if lang == "zh" else (f"{name_pinyin(name)} ({name})" if name != lab["no_author"] else name)
        items = "\n".join(article_line(a, lang, "authors") for a in by_author[name])
        parts.append(f"## {escape(heading)}\n\n{items}")
    return (
        dump_front_matter({"title": lab["authors"], "generated": True})
        + f"\n# {lab['authors']}\n\n"
        + "\n\n".join(parts)
        + "\n"
    )
