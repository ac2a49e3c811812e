"""MkDocs hook: generate article and index pages from sources/ into a staging docs folder.

mkdocs-static-i18n only handles files it finds in the docs folder, so instead of adding
`File.generated` pages we stage docs/ plus the generated pages into `.build/docs` and point
`docs_dir` there before i18n reads it. The logic lives in the plain package `wenku`.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from wenku import sitegen
from wenku.build import Build
from wenku.checks import check_pages

log = get_plugin_logger("wenku")

# The one state of this hook: MkDocs loads a hook module once per process, so this Build lives as long
# as `mkdocs serve` does and holds every cache between rebuilds (see wenku/build.py).
BUILD = Build()


def _paths(config) -> tuple[str, str, str, str]:
    """(project root, hand-written docs, sources, staging folder) for this config."""
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    return root, os.path.join(root, "docs"), os.path.join(root, "sources"), os.path.join(root, ".build", "docs")


def _fingerprint(*folders: str) -> tuple:
    """Names, sizes and modification times of every file under the folders (cheap change detection)."""
    out = []
    for folder in folders:
        for base, dirs, files in os.walk(folder):
            dirs.sort()
            for f in sorted(files):
                st = os.stat(os.path.join(base, f))
                out.append((os.path.join(base, f), st.st_size, st.st_mtime_ns))
    return tuple(out)


def on_startup(*, command, dirty):
    """Remember whether this is a one-off build or `mkdocs serve` (which keeps rebuild caches)."""
    BUILD.command = command


@event_priority(100)
def on_config(config):
    """Stage docs/ and the generated pages, then build from the staging folder."""
    root, docs, sources, staging = _paths(config)
    wenku_dir = os.path.dirname(sitegen.__file__)
    fp = (_fingerprint(docs, sources, wenku_dir), config.site_url)
    if fp != BUILD.fingerprint:
        BUILD.cache_dir = os.path.join(root, ".build", "cache", "sources")
        site = sitegen.stage(root, staging, config.site_url or "", BUILD)
        errors = [p for p in site.problems if p.severity == "error"]
        if errors:
            raise PluginError("\n".join(f"{os.path.relpath(p.path, root)}:{p.line}: {p.message}" for p in errors))
        for p in site.problems:
            log.warning(f"{os.path.relpath(p.path, root) if os.path.isabs(p.path) else p.path}:{p.line}: {p.message}")
        BUILD.fingerprint = fp
        log.info(f"generated {len(site.corpus.articles)} articles from {len(site.corpus.sources)} sources")
        generated = {f"articles/{a.slug}.md" for a in site.corpus.articles}
        for p in check_pages(docs, generated):
            log.warning(f"{os.path.relpath(p.path, root)}:{p.line}: {p.message}")
        if BUILD.command != "serve":
            del site
            BUILD.release()  # the pages are on disk now; MkDocs needs the memory more
    config.docs_dir = staging
    return config


def on_page_markdown(markdown, page, config, files):
    """Editors' Markdown with unsafe markup neutralised; glossary terms linked in English translations."""
    from wenku.safety import sanitize_markdown

    markdown = sanitize_markdown(markdown)
    meta = page.meta or {}
    if meta.get("article") and meta.get("translation_of") and getattr(page.file, "locale", "") == "en":
        markdown = sitegen.link_english_glossary_terms(markdown, "articles")
    return markdown


def on_serve(server, config, builder):
    """Watch the real docs/ and sources/ instead of the staging folder."""
    root, docs, sources, staging = _paths(config)
    try:
        server.unwatch(staging)
    except KeyError:
        pass
    server.watch(docs)
    server.watch(sources)
    server.watch(os.path.join(root, "hooks"))
    return server


@event_priority(-50)  # after mkdocs-static-i18n has set this page's alternates (priority 50)
def on_page_context(context, page, config, nav):
    """Interface labels of our templates in the page's language."""
    lang = context.get("i18n_page_locale") or "zh"  # zh, en or zh-Hant
    context["labels"] = sitegen.labels().get(lang, sitegen.labels()["zh"])
    context["page_lang"] = lang
    context["hreflang"] = hreflang_links(config)
    return context


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the search index
def on_post_build(config):
    """One sharded search index per language, so each edition searches only its own pages."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner build of one language; the merged index does not exist yet
    from wenku.searchindex import build_search

    built = build_search(config.site_dir, [lang for lang in sitegen.EDITIONS if lang != "zh"])
    log.info("search index: " + ", ".join(f"{k} {v['pages']} pages, {v['parts']} parts, {v['shards']} shards"
                                          for k, v in built.items()))


def on_post_page(output, page, config):
    """Point Material's search at this edition's own index, read by our worker."""
    from wenku.searchindex import point_search_config

    lang = getattr(page.file, "locale", None) or "zh"
    return point_search_config(output, lang, os.path.basename(sitegen.SEARCH_WORKER))


HREFLANG = {"zh": "zh-Hans", "zh-Hant": "zh-Hant", "en": "en"}


def hreflang_links(config) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of this page in every language, from i18n's per-page alternates."""
    from urllib.parse import urlsplit

    site = (config.site_url or "").rstrip("/")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site)) if site else ""
    out = []
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    for alt in alternates:
        link = alt.get("link", "")
        if link.startswith("http"):
            href = link
        elif link.startswith("/"):
            href = origin + link
        else:
            href = f"{site}/{link}"
        out.append((HREFLANG.get(alt.get("lang"), alt.get("lang")), href))
    return out
