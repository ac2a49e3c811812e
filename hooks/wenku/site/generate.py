"""Every generated page of a corpus, in both languages (the page kinds are in site/pages/)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from wenku.build import Build
from wenku.corpus import Corpus, source_slug
from wenku.enrich.topics import related, taxonomy
from wenku.metadata import Problem
from wenku.model import Article
from wenku.site.editions import LANGUAGES, TRADITIONAL, suffix
from wenku.site.pages.archive import archive_index
from wenku.site.pages.articles import article_page, articles_index, redirect_page
from wenku.site.pages.authors import authors_index
from wenku.site.pages.common import article_title, sort_key
from wenku.site.pages.editors import editor_report
from wenku.site.pages.feed import rss_feed
from wenku.site.pages.glossary import glossary_page
from wenku.site.pages.home import home_page
from wenku.site.pages.search_worker import SEARCH_WORKER, search_worker_script
from wenku.site.pages.sources import source_page, sources_index
from wenku.site.pages.topics import topic_page, topics_index
from wenku.site.pages.translations import translation_status, with_translation_status
from wenku.site.translation import term_uses


@dataclass
class SiteDocs:
    """The generated pages (path -> text), static files to copy, and what the editors should know."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # docs path -> absolute path to copy
    problems: list[Problem] = field(default_factory=list)
    corpus: Corpus | None = None


def _fields(art: Article) -> str:
    """Everything about an article that a page shows, except its body (which its source key stands for)."""
    return repr(
        (
            art.slug,
            art.title,
            art.title_inferred,
            art.authors,
            art.affiliations,
            art.publication,
            art.date,
            art.funding,
            art.summary,
            art.metadata_key(),
        )
    )


def build_pages(
    corpus: Corpus,
    site_url: str = "",
    translations: dict[str, dict] | None = None,
    hand_articles: list[Article] | None = None,
    build: Build | None = None,
    added: dict[str, str] | None = None,
    sink: Callable[[str, str], None] | None = None,
) -> SiteDocs:
    """All generated pages for a corpus, in both languages.

    translations: front matter of editors' English translation files (docs/articles/<slug>.en.md) by slug.
    hand_articles: articles written by hand in docs/articles/ (listed in the indexes, pages not generated).
    build: caches of earlier builds in this process (mkdocs serve); pages are keyed by what they show.
    added: slug -> the day an article came to the site (git), the feed date of an undated article.
    sink: given, each page goes to sink(path, text) as soon as it is made, instead of into the returned
    SiteDocs.pages, and nothing is cached in build (a one-off staging: no process holds every page at once).
    """
    build = build or Build()
    site = SiteDocs(corpus=corpus)
    put = sink or site.pages.__setitem__
    keep = sink is None  # caches serve the next staging of this process; a one-off has none
    source_keys = {s.name: s.key for s in corpus.sources}
    arts = sorted((with_translation_status(a, (translations or {}).get(a.slug)) for a in corpus.articles), key=sort_key)
    listed = sorted(arts + list(hand_articles or []), key=sort_key)
    by_slug = {a.slug: a for a in arts}
    rel = related(arts)
    for art in arts:
        for lang in LANGUAGES:
            related_arts = [by_slug[s] for s in rel.get(art.slug, [])]
            # Rebuilds re-render only what changed: the source's content key stands for the body.
            key = (
                source_keys[art.source],
                art.index,
                lang,
                _fields(art),
                tuple((r.slug, article_title(r, lang)) for r in related_arts),
            )
            if key in build.article_pages:
                page = build.article_pages[key]
            else:
                page = article_page(art, lang, corpus, related_arts)
                if keep:
                    build.article_pages[key] = page
            put(f"articles/{art.slug}{suffix(lang)}.md", page)
    uses = term_uses(arts, build.term_counts)  # once for every edition; counted again only for edited texts
    for lang in LANGUAGES:
        sfx = suffix(lang)
        put(f"index{sfx}.md", home_page(listed, corpus, lang))
        put(f"topics/index{sfx}.md", topics_index(listed, lang))
        for topic in taxonomy():
            put(f"topics/{topic.id}{sfx}.md", topic_page(topic, listed, lang))
        put(f"feed{sfx}.xml", rss_feed(listed, lang, site_url, added))
        put(f"glossary{sfx}.md", glossary_page(lang, arts, uses))
        put(f"translations{sfx}.md", translation_status(listed, corpus, lang))
        put(f"articles/index{sfx}.md", articles_index(listed, lang))
        put(f"authors/index{sfx}.md", authors_index(listed, lang))
        put(f"archive/index{sfx}.md", archive_index(listed, lang))
        put(f"sources/index{sfx}.md", sources_index(corpus, lang))
        for src in corpus.sources:
            key = (src.key, src.path, lang, tuple(_fields(a) for a in src.articles))
            if key in build.source_pages:
                page = build.source_pages[key]
            else:
                page = source_page(src, lang)
                if keep:
                    build.source_pages[key] = page
            put(f"sources/{source_slug(src)}{sfx}.md", page)
        put(f"editors/build-report{sfx}.md", editor_report(corpus, lang))
    for src in corpus.sources:
        site.files[f"sources/raw/{src.name}"] = src.path
        if src.key in build.report_json:
            report = build.report_json[src.key]
        else:
            report = json.dumps([c.to_dict() for c in src.report], ensure_ascii=False, indent=1)
            if keep:
                build.report_json[src.key] = report
        put(f"sources/raw/{source_slug(src)}-report.json", report)
    titles = {a.slug: a for a in listed}
    for old, new in sorted(corpus.redirects.items()):
        for lang in LANGUAGES:
            put(f"articles/{old}{suffix(lang)}.md", redirect_page(titles[new], lang))
    # The Traditional feed links to the Traditional pages (not a conversion of the Simplified feed).
    put(f"feed.{TRADITIONAL}.xml", rss_feed(listed, TRADITIONAL, site_url, added))
    put(SEARCH_WORKER, search_worker_script())
    return site
