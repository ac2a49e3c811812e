"""Article pages in every language, the list of all articles, and the pages left at old addresses."""

from __future__ import annotations

from wenku.corpus import Corpus, source_slug
from wenku.enrich.slugs import name_pinyin
from wenku.enrich.topics import taxonomy
from wenku.metadata import read_front_matter
from wenku.model import Article, SourceResult
from wenku.site.editions import labels
from wenku.site.pages.common import article_line, article_title, rel_link
from wenku.site.pages.glossary import link_glossary_terms
from wenku.site.render import dump_front_matter, escape, front_matter, render_blocks


def redirect_page(target: Article, lang: str) -> str:
    """The page left at an article's old address (sources/redirects.yml): a link to the new one, and a
    refresh that follows it (overrides/main.html); not in search."""
    fm = {"title": article_title(target, lang), "redirect_to": target.slug, "search": {"exclude": True}}
    link = f"[{escape(article_title(target, lang))}]({rel_link('articles', f'articles/{target.slug}.md')})"
    return dump_front_matter(fm) + f"\n{escape(labels()[lang]['moved'])} {link}\n"


def untranslated_english_body(art: Article, chinese_body: str) -> str:
    """English page body without a translation: the notice, the editors' summary, then the Chinese text."""
    intro = f'!!! info "{labels()["en"]["translation_notice"]}"\n\n'
    if art.summary_en:
        intro += f"    **{labels()['en']['editors_summary']}** {escape(art.summary_en)}\n\n"
    return intro + '<div lang="zh-Hans" markdown>\n\n' + chinese_body + "\n</div>\n"


def article_page(art: Article, lang: str, corpus: Corpus, related_arts: list[Article] | None = None) -> str:
    """One article page in a language; English pages without a translation say so and show the Chinese."""
    fm = front_matter(art)
    fm["source_url"] = f"../../sources/{source_slug(_source_of(art, corpus))}/"
    if _source_of(art, corpus).sidecar.get("kind"):
        fm["source_kind"] = _source_of(art, corpus).sidecar["kind"]  # the kind of work a citation names
    fm["generated"] = True
    names = {t.id: t.name(lang) for t in taxonomy()}
    fm["topic_links"] = [[tid, names[tid]] for tid in art.topics if tid in names]
    fm["related"] = [[r.slug, article_title(r, lang)] for r in related_arts or []]
    body = link_glossary_terms(render_blocks(art.blocks), "articles")
    if lang == "en":
        fm["lang"] = "en"
        fm["title"] = article_title(art, "en")
        if art.title and fm["title"] != art.title:
            fm["original_title"] = art.title
        fm["translation_status"] = "summary" if art.summary_en else "none"
        if art.authors and not art.authors_en:
            fm["authors_en"] = [name_pinyin(a) for a in art.authors]
        body = untranslated_english_body(art, body)
        fm.pop("summary", None)  # the Chinese lede is not shown in the English header
    return dump_front_matter(fm) + "\n" + body


def _source_of(art: Article, corpus: Corpus) -> SourceResult:
    return next(s for s in corpus.sources if s.name == art.source)


def articles_index(arts: list[Article], lang: str) -> str:
    """Every article, newest first."""
    lab = labels()[lang]
    lines = "\n".join(article_line(a, lang, "articles") for a in arts)
    return (
        dump_front_matter({"title": lab["all_articles"], "generated": True})
        + f"\n# {lab['all_articles']}\n\n{lab['article_count'].format(n=len(arts))}\n\n{lines}\n"
    )


def english_stub(chinese_page: str, art: Article) -> str:
    """English page for a hand-written Chinese article: English title if any, the notice, the Chinese text."""
    _, body = read_front_matter(chinese_page)
    fm = {
        "title": art.title_en or art.title,
        "article": True,
        "authors": art.authors,
        "date": art.date,
        "lang": "en",
        "translation_status": "summary" if art.summary_en else "none",
        "generated": True,
    }
    if art.authors_en:
        fm["authors_en"] = art.authors_en
    return dump_front_matter(fm) + "\n" + untranslated_english_body(art, body)
