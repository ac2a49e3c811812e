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
    if lang == "zh":
        intro = (
            "数字中国文选收录关于数字经济、人工智能产业与相关政策的中文评论文章。"
            "原文来自报纸版面、文章汇编、演示文稿和网页，经整理、修复和标注后在此发表；"
            "每篇文章都注明作者、出处和来源文件，并附有逐项的清理报告。"
        )
        browse = (
            f"按[{lab['topics']}](topics/index.md)、[{lab['authors']}](authors/index.md)、[{lab['sources']}](sources/index.md)"
            f"或[{lab['archive']}](archive/index.md)浏览，或使用页面上方的搜索。"
        )
        title = "数字中国文选"
    else:
        intro = (
            "Digital China Reader publishes Chinese commentary on the digital economy, the AI industry and "
            "related policy. The texts come from newspaper pages, article compilations, slide decks and web "
            "pages; we clean, repair and describe them, and every article names its authors, outlet and "
            "source file, with a line-by-line report of what the cleaning changed."
        )
        browse = (
            f"Browse by [topic](topics/index.md), [{lab['authors'].lower()}](authors/index.md), [{lab['sources'].lower()}](sources/index.md) "
            f"or [date](archive/index.md), or use the search box above."
        )
        title = "Digital China Reader"
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
