"""Every generated page of a corpus, in both languages (the page kinds are in site/pages/)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from wenku.build import Build
from wenku.corpus import Corpus, source_slug
from wenku.enrich.topics import related, taxonomy
from wenku.enrich.translation import term_uses
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
) -> SiteDocs:
    """All generated pages for a corpus, in both languages.

    translations: front matter of editors' English translation files (docs/articles/<slug>.en.md) by slug.
    hand_articles: articles written by hand in docs/articles/ (listed in the indexes, pages not generated).
    build: caches of earlier builds in this process (mkdocs serve); pages are keyed by what they show.
    added: slug -> the day an article came to the site (git), the feed date of an undated article.
    """
    build = build or Build()
    site = SiteDocs(corpus=corpus)
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
            if key not in build.article_pages:
                build.article_pages[key] = article_page(art, lang, corpus, related_arts)
            site.pages[f"articles/{art.slug}{suffix(lang)}.md"] = build.article_pages[key]
    uses = term_uses(arts, build.term_counts)  # once for every edition; counted again only for edited texts
    for lang in LANGUAGES:
        sfx = suffix(lang)
        site.pages[f"index{sfx}.md"] = home_page(listed, corpus, lang)
        site.pages[f"topics/index{sfx}.md"] = topics_index(listed, lang)
        for topic in taxonomy():
            site.pages[f"topics/{topic.id}{sfx}.md"] = topic_page(topic, listed, lang)
        site.pages[f"feed{sfx}.xml"] = rss_feed(listed, lang, site_url, added)
        site.pages[f"glossary{sfx}.md"] = glossary_page(lang, arts, uses)
        site.pages[f"translations{sfx}.md"] = translation_status(listed, corpus, lang)
        site.pages[f"articles/index{sfx}.md"] = articles_index(listed, lang)
        site.pages[f"authors/index{sfx}.md"] = authors_index(listed, lang)
        site.pages[f"archive/index{sfx}.md"] = archive_index(listed, lang)
        site.pages[f"sources/index{sfx}.md"] = sources_index(corpus, lang)
        for src in corpus.sources:
            key = (src.key, src.path, lang, tuple(_fields(a) for a in src.articles))
            if key not in build.source_pages:
                build.source_pages[key] = source_page(src, lang)
            site.pages[f"sources/{source_slug(src)}{sfx}.md"] = build.source_pages[key]
        site.pages[f"editors/build-report{sfx}.md"] = editor_report(corpus, lang)
    for src in corpus.sources:
        site.files[f"sources/raw/{src.name}"] = src.path
        if src.key not in build.report_json:
            build.report_json[src.key] = json.dumps([c.to_dict() for c in src.report], ensure_ascii=False, indent=1)
        site.pages[f"sources/raw/{source_slug(src)}-report.json"] = build.report_json[src.key]
    titles = {a.slug: a for a in listed}
    for old, new in sorted(corpus.redirects.items()):
        for lang in LANGUAGES:
            site.pages[f"articles/{old}{suffix(lang)}.md"] = redirect_page(titles[new], lang)
    # The Traditional feed links to the Traditional pages (not a conversion of the Simplified feed).
    site.pages[f"feed.{TRADITIONAL}.xml"] = rss_feed(listed, TRADITIONAL, site_url, added)
    site.pages[SEARCH_WORKER] = search_worker_script()
    return site
