"""The home page."""

from __future__ import annotations

from wenku.corpus import Corpus
from wenku.enrich.topics import taxonomy
from wenku.model import Article
from wenku.site.editions import labels
from wenku.site.pages.common import article_line
from wenku.site.pages.topics import topic_counts
from wenku.site.render import dump_front_matter, escape


def home_page(arts: list[Article], corpus: Corpus, lang: str) -> str:
    """The home page: what the site is, the latest articles, ways to browse."""
    lab = labels()[lang]
    intro, browse, title = lab["home_intro"], lab["home_browse"], lab["site_title"]
    latest = "\n".join(article_line(a, lang, "") for a in arts[:10])
    counts = topic_counts(arts)
    topics = "\n".join(
        f"- [{escape(t.name(lang))}](topics/{t.id}.md) ({counts.get(t.id, 0)})" for t in taxonomy() if counts.get(t.id)
    )
    return (
        dump_front_matter({"title": title, "generated": True}) + f"\n# {title}\n\n{intro}\n\n{browse}\n\n"
        f"## {lab['latest']}\n\n{latest}\n\n[{lab['all_articles']} →](articles/index.md)\n\n"
        f"## {lab['topics']}\n\n{topics}\n"
    )
