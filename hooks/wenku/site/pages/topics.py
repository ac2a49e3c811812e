"""The topics index and one page per topic."""

from __future__ import annotations

from collections import defaultdict

from wenku.enrich.topics import taxonomy
from wenku.model import Article
from wenku.site.editions import labels
from wenku.site.pages.common import article_line
from wenku.site.render import dump_front_matter, escape
from wenku.textutil import shorten


def topic_counts(arts: list[Article]) -> dict[str, int]:
    """Topic id -> the number of articles in that topic."""
    counts: dict[str, int] = defaultdict(int)
    for a in arts:
        for tid in a.topics:
            counts[tid] += 1
    return counts


def topics_index(arts: list[Article], lang: str) -> str:
    """Every topic with its description and number of articles."""
    lab = labels()[lang]
    counts = topic_counts(arts)
    rows = []
    for t in taxonomy():
        n = counts.get(t.id, 0)
        count = lab["bracketed"].format(text=lab["article_count"].format(n=n))
        rows.append(f"## [{escape(t.name(lang))}]({t.id}.md)\n\n{escape(t.description(lang))}{count}")
    return (
        dump_front_matter({"title": lab["topics"], "generated": True})
        + f"\n# {lab['topics']}\n\n"
        + "\n\n".join(rows)
        + "\n"
    )


def topic_page(topic, arts: list[Article], lang: str) -> str:
    """One topic: its articles newest first, each with authors, date and summary."""
    lab = labels()[lang]
    items = []
    for a in arts:
        if topic.id not in a.topics:
            continue
        line = article_line(a, lang, "topics")
        summary = a.summary_en if lang == "en" else a.summary
        if summary:
            line += f"\n\n    {escape(shorten(summary, 140))}"
        items.append(line)
    body = "\n".join(items) if items else lab["no_articles_yet"]
    return (
        dump_front_matter({"title": topic.name(lang), "generated": True, "topic": topic.id})
        + f"\n# {escape(topic.name(lang))}\n\n{escape(topic.description(lang))}\n\n{body}\n\n"
        + f"[{lab['topics']} →](index.md)\n"
    )
