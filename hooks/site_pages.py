"""MkDocs hook: generate article and index pages from sources/ into a staging docs folder.

mkdocs-static-i18n only handles files it finds in the docs folder, so instead of adding
`File.generated` pages we stage docs/ plus the generated pages into `.build/docs` and point
`docs_dir` there before i18n reads it. The logic lives in the plain package `wenku`.
"""

from __future__ import annotations

import os
import re
import zlib
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

from wenku.build import process_build
from wenku.checks import check_files, check_pages
from wenku.metadata import read_front_matter
from wenku.search.material import quiet_segmentation
from wenku.search.searchindex import build_search, point_search_config
from wenku.site import anchors, citation, editions, preview, provenance, safety, split
from wenku.site.charts import add_charts
from wenku.site.citation import article_facts
from wenku.site.langmark import mark_chinese
from wenku.site.pages.glossary import link_english_glossary_terms
from wenku.site.pages.search_worker import SEARCH_WORKER
from wenku.site.provenance import last_changed
from wenku.site.safety import with_csp_hashes
from wenku.site.staging import stage

log = get_plugin_logger("wenku")

# The one state of this hook: the process's Build, which lives as long as `mkdocs serve` does and holds
# every cache between rebuilds (MkDocs runs this file afresh on each rebuild; see wenku/build.py).
BUILD = process_build()


def _search_preview() -> preview.SearchPreview:
    """The preview's background search writer, kept on the Build (one per process, as every cache)."""
    if BUILD.search_preview is None:
        BUILD.search_preview = preview.SearchPreview()
    return BUILD.search_preview


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


def _checked_pages(docs: str, generated: set[str] | None, docs_fp: tuple) -> list:
    """`check_pages` of the hand-written pages (generated None: the pages themselves, rendered; else only their
    links to the generated pages), done again only when docs/ or the generated pages' names changed: a
    preview's source edit (5-10% of its CPU at 1,000 articles) changes neither."""
    key = (docs_fp, None if generated is None else tuple(sorted(generated)))
    if key not in BUILD.page_checks:
        if len(BUILD.page_checks) >= 4:
            BUILD.page_checks.clear()
        BUILD.page_checks[key] = check_pages(docs, generated, pages=generated is None)
    return BUILD.page_checks[key]


def on_startup(*, command, dirty):
    """Remember whether this is a one-off build or `mkdocs serve` (which keeps rebuild caches)."""
    BUILD.command = command


@event_priority(100)
def on_config(config):
    """Stage docs/ and the generated pages, then build from the staging folder."""
    quiet_segmentation()  # Material's lunr index is never read: no jieba segmentation for it
    _search_preview().cancel()  # a preview's search files of the last rebuild, if still being written: stale now
    preview.apply_editions(config, preview.editions(BUILD.command))  # all, except in `mkdocs serve`

    if split.edition():
        split.quiet_dirty_warning()  # one edition per process: a --dirty build by design
    root, docs, sources, staging = _paths(config)
    wenku_dir = os.path.dirname(editions.__file__)
    docs_fp = _fingerprint(docs)
    fp = (docs_fp, _fingerprint(sources, wenku_dir), config.site_url)
    if fp != BUILD.fingerprint:
        # Untrusted input is refused before anything reads it: file kinds, symlinks, sizes, YAML of pages.
        refused = [p for p in check_files(root) + _checked_pages(docs, None, docs_fp) if p.severity == "error"]
        if refused:
            raise PluginError("\n".join(f"{os.path.relpath(p.path, root)}:{p.line}: {p.message}" for p in refused))
        BUILD.cache_dir = os.path.join(root, ".build", "cache", "sources")
        # An edition process (wenku/site/split.py) reads what the staging process left for the same inputs
        # instead of staging again from empty caches (most of its peak memory at 5,000 articles).
        staged = split.staged_manifest(root, config.site_url or "") if split.edition() else None
        if staged is None:
            site = stage(root, staging, config.site_url or "", BUILD)
            problems = site.problems
            facts = article_facts(site.corpus)
            slugs = [a.slug for a in site.corpus.articles]
            n_sources = len(site.corpus.sources)
            del site
        else:
            problems, facts, slugs, n_sources = (
                staged["problems"],
                staged["facts"],
                staged["generated"],
                staged["sources"],
            )
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise PluginError("\n".join(f"{os.path.relpath(p.path, root)}:{p.line}: {p.message}" for p in errors))
        for p in problems:
            log.warning(f"{os.path.relpath(p.path, root) if os.path.isabs(p.path) else p.path}:{p.line}: {p.message}")
        BUILD.fingerprint = fp

        BUILD.git_dates = last_changed(root)  # one git call per build: "last updated" of every article

        BUILD.facts = facts  # outlet and date for citing hand-written translations
        log.info(f"generated {len(slugs)} articles from {n_sources} sources")
        generated = {f"articles/{slug}.md" for slug in slugs}
        # The pages were checked before staging; their links need the generated pages' names.
        for p in _checked_pages(docs, None, docs_fp) + _checked_pages(docs, generated, docs_fp):
            log.warning(f"{os.path.relpath(p.path, root)}:{p.line}: {p.message}")
        if BUILD.command != "serve":
            BUILD.release()  # the pages are on disk now; MkDocs needs the memory more
    config.docs_dir = staging
    return config


@event_priority(-150)  # after mkdocs-static-i18n has chosen this edition's files (priority -100)
def on_files(files, config):
    """With WENKU_RENDER_EDITION (one edition per process, wenku/site/split.py): render only that one."""
    mine = split.edition()
    if mine:
        split.skip_other_editions(files, config, mine)
    return files


def on_env(env, config, files):
    """Escape by default: every value printed by a template is HTML-escaped unless marked safe. And 404.html
    is rendered before the pages: with the edition's own language links, not stale ones."""
    env.autoescape = True
    split.reset_stale_alternates(config)
    return env


def on_page_markdown(markdown, page, config, files):
    """Glossary terms linked in English translations (unsafe markup is refused after rendering)."""
    meta = page.meta or {}
    if meta.get("article") and meta.get("translation_of") and getattr(page.file, "locale", "") == "en":
        markdown = link_english_glossary_terms(markdown, "articles")
    if meta.get("article"):
        markdown = _number_paragraphs(markdown, page, config)
    return markdown


def _number_paragraphs(markdown: str, page, config) -> str:
    """Paragraph ids #p1 … #pN; a translation's paragraphs numbered like the Chinese ones they translate."""
    if not page.meta.get("translation_of"):
        return anchors.number_paragraphs(markdown)[0]

    chinese = os.path.join(config.docs_dir, re.sub(r"\.en\.md$", ".md", page.file.src_uri))
    try:
        with open(chinese, encoding="utf-8", errors="replace") as fh:
            _, body = read_front_matter(fh.read())
    except OSError:
        return markdown
    return anchors.number_translation(markdown, anchors.number_paragraphs(body)[1])


def _check_content(html, page, config, files):
    """The one sanitiser on every page's rendered HTML: anything outside the allow-list refuses the build,
    naming the file an editor changes and its line (the same rules as `wenku check`). Then a bar chart
    (inline SVG drawn by our own code, after the check) before every table of percentages that sums to about 100."""
    found = safety.findings(html)
    if found:
        root, docs, _, _ = _paths(config)
        raise PluginError("\n".join(safety.origin(root, page.file.src_uri, page.meta or {}, f) for f in found))
    if "<table" not in html:
        return html
    lang = getattr(page.file, "locale", None) or "zh"
    title = editions.labels().get(lang, editions.labels()["zh"])["chart_title"]
    return add_charts(html, title, "zh-Hans" if lang == "en" else None)


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
def _page_context(context, page, config, nav):
    """Interface labels of our templates in the page's language."""
    lang = context.get("i18n_page_locale") or "zh"  # zh, en or zh-Hant
    context["labels"] = editions.labels().get(lang, editions.labels()["zh"])
    context["page_lang"] = lang
    context["hreflang"] = hreflang_links(config)
    _citation_context(context, page, config, lang)
    return context


def on_template_context(context, template_name, config):
    """The 404 page in its edition's language: our labels and the edition's root."""
    if template_name == "404.html":
        lang = context.get("i18n_current_language") or "zh"
        context["labels"] = editions.labels().get(lang, editions.labels()["zh"])
        context["page_lang"] = lang
        context["edition_root"] = "" if lang == "zh" else f"{lang}/"
        i18n = config.plugins.get("i18n")
        names = {str(x.locale): x.name for x in (i18n.config.languages if i18n else [])}
        context["other_editions"] = [
            {"lang": o, "root": f"{o}/", "text": f"{names.get(o, o)} · " + editions.labels()[o]["not_found_home"]}
            for o in editions.EDITIONS
            if o != "zh"
        ]
    return context


def on_post_template(output, template_name, config):
    """Each edition's 404 page in its own folder (/en/404.html, /zh-Hant/404.html); mkdocs-static-i18n
    would otherwise write every edition's to the site root, the last one winning. Like every page, a theme
    template gets the hashes of its inline scripts in its Content-Security-Policy."""
    if template_name != "404.html":
        return with_csp_hashes(output)
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or "zh"
    output = with_csp_hashes(point_search_config(output, lang, os.path.basename(SEARCH_WORKER)))
    mine = split.edition()
    if mine and mine != lang:  # an edition process writes its own edition's 404 page only
        return ""
    if lang == "zh":
        return output
    folder = os.path.join(config.site_dir, lang)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "404.html"), "w", encoding="utf-8") as fh:
        fh.write(output)
    return ""  # nothing for MkDocs to write over the Simplified page at the root


def _citation_context(context, page, config, lang: str) -> None:
    """Sharing meta on every page; on article pages the citation, its .bib/.ris files and provenance."""
    meta = page.meta or {}
    context["social"] = provenance.social(
        meta, lang, page.canonical_url, page.content or "", config.site_name, config.site_description, page.title
    )
    if not meta.get("article"):
        return
    root, docs, _, _ = _paths(config)
    files = provenance.page_files(page.file.src_uri, meta, docs)
    original = dict(context["hreflang"]).get("zh-Hans") if lang == "en" else None
    known = citation.with_facts({"slug": page.url.strip("/").split("/")[-1], **meta}, BUILD.facts)
    work = citation.work_from_page(
        known,
        lang,
        page.canonical_url or page.abs_url or page.url,
        config.site_name,
        original_url=original,
        modified=provenance.last_updated(files, BUILD.git_dates),
    )
    work.source_url = _absolute(page, meta.get("source_url"))
    cite = citation.page_citation(work)
    repo = config.repo_url or (config.extra.get("repository") or None)
    cite["last_updated"] = work.modified
    cite["edit_path"] = files[0] if files else None
    cite["edit_url"] = provenance.correction_link(
        repo, config.extra.get("repository_branch") or "main", cite["edit_path"]
    )
    context["cite"] = cite
    if page.url.endswith("/"):  # articles/<slug>/cite.bib beside articles/<slug>/index.html
        folder = os.path.join(config.site_dir, *page.url.strip("/").split("/"))
        os.makedirs(folder, exist_ok=True)
        for name in ("bib", "ris"):
            with open(os.path.join(folder, f"cite.{name}"), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(cite[name])
        cite["files"] = True


def _absolute(page, link) -> str | None:
    """An absolute URL for a link relative to the page."""
    if not link or not page.canonical_url:
        return None
    return urljoin(page.canonical_url, str(link))


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the search index
def on_post_build(config):
    """One sharded search index per language, so each edition searches only its own pages."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner build of one language; the merged index does not exist yet

    prefixes = [lang for lang in editions.EDITIONS if lang != "zh" and lang in preview.built_editions(config)]
    if BUILD.command == "serve":
        _search_preview().after_build(config.site_dir, prefixes)  # pages first: search files in the background
        return

    _forget_search_entries(config)  # written to search_index.json, which build_search reads back
    built = build_search(config.site_dir, prefixes, only=split.edition())
    log.info(
        "search index: "
        + ", ".join(f"{k} {v['pages']} pages, {v['parts']} parts, {v['shards']} shards" for k, v in built.items())
    )


def _post_page(output, page, config):
    """Point Material's search at this edition's own index, read by our worker."""
    output = with_csp_hashes(output, page.content or "")  # before anything rewrites the content
    lang = getattr(page.file, "locale", None) or "zh"
    if lang == "en":  # Chinese text on English pages marked lang="zh-Hans" (titles, names, original boxes)
        output = mark_chinese(output)
    return point_search_config(output, lang, os.path.basename(SEARCH_WORKER))


HREFLANG = {"zh": "zh-Hans", "zh-Hant": "zh-Hant", "en": "en"}


def hreflang_links(config) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of this page in every language, from i18n's per-page alternates."""
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


def _forget_search_entries(config) -> None:
    """Material's search entries (every section's text, of every edition built in this process) once its
    search_index.json is written: a one-off build reads them back from there, and would otherwise hold both."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and isinstance(getattr(i18n, "search_entries", None), list):
        i18n.search_entries.clear()
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and getattr(plugin, "search_index", None) is not None:
            plugin.search_index.entries = []
            plugin.search_index_prev = None


# ---- Memory: a page's text is held compressed between rendering and writing --------------------------------
# MkDocs renders every page of a build (`_populate_page`) before it writes the first one (`_build_page`), and
# keeps each page's Markdown and HTML until the build ends; mkdocs-static-i18n runs the next edition's build
# inside the first one's `on_post_build`, so in one process every edition's pages stay alive together. Once
# the last `on_page_content` handler has run, nothing reads a page's Markdown again (its title is the front
# matter's or the one `render` found), and its HTML is next read when the page is written. So the HTML waits
# compressed, is restored before any `on_page_context` handler sees the page, and both texts are dropped once
# the page's output is made. What is written is the same text: only when it is held changes.


@event_priority(-1000)  # after every other page_content handler (ours, Material's, i18n's)
def _park_content(html, page, config, files):
    page._wenku_parked = zlib.compress(html.encode("utf-8"), 1)
    page.markdown = ""  # not None: MkDocs' `Page.title` reads None as "not read yet"
    page.content = ""
    return ""


@event_priority(1000)  # before every page_context handler: they and the template see the page's HTML
def _restore_content(context, page, config, nav):
    parked = page.__dict__.pop("_wenku_parked", None)
    if parked is not None:
        page.content = zlib.decompress(parked).decode("utf-8")
    return context


@event_priority(-1000)  # after every other post_page handler: the output is made, MkDocs writes it next
def _drop_content(output, page, config):
    page.markdown = ""
    page.content = ""
    return output


on_page_content = CombinedEvent(_check_content, _park_content)
on_page_context = CombinedEvent(_restore_content, _page_context)
on_post_page = CombinedEvent(_post_page, _drop_content)
