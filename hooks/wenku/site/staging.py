"""The staging docs folder (.build/docs): hand-written pages of docs/ with the generated ones.

The MkDocs hook writes the generated pages into a staging docs folder together with the hand-written
pages of ``docs/`` (which win over a generated page at the same path), so that mkdocs-static-i18n sees
one ordinary docs folder: generated pages get alternates, the switcher, fallback and the sitemap like
hand-written ones."""

from __future__ import annotations

import filecmp
import hashlib
import os
import re
import shutil
from collections.abc import Mapping
from functools import partial

from wenku.build import Build
from wenku.corpus import Corpus, load_corpus, prune_disk_cache, source_slug
from wenku.metadata import date_text, read_front_matter
from wenku.model import Article
from wenku.script import to_traditional
from wenku.site import corpusdata
from wenku.site.editions import traditional_path
from wenku.site.generate import SiteDocs, build_pages
from wenku.site.pages.articles import english_stub
from wenku.site.pages.common import sort_key
from wenku.site.pages.translations import with_translation_status
from wenku.site.provenance import last_changed
from wenku.site.translation import placeholder_problems


def _write_bytes_if_changed(path: str, data: bytes) -> bool:
    """Write data to path unless it already holds exactly that (keeps mtimes for `mkdocs serve`)."""
    try:
        with open(path, "rb") as fh:
            if fh.read() == data:
                return False
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
    return True


def _write_if_changed(path: str, text: str) -> bool:
    """Write text (UTF-8) unless the file already holds it."""
    return _write_bytes_if_changed(path, text.encode("utf-8"))


def _copy_if_changed(src: str, dest: str) -> bool:
    """Copy a file unless dest already has the same bytes."""
    with open(src, "rb") as fh:
        return _write_bytes_if_changed(dest, fh.read())


def hand_written(docs_dir: str) -> dict[str, str]:
    """Files of the hand-written docs folder: docs path -> absolute path."""
    out: dict[str, str] = {}
    if not os.path.isdir(docs_dir):
        return out
    for base, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(base, d)))
        for f in sorted(files):
            full = os.path.join(base, f)
            if f.startswith(".") or os.path.islink(full):
                continue  # never follow a link out of the repository (wenku check names it)
            out[os.path.relpath(full, docs_dir).replace(os.sep, "/")] = full
    return out


def hand_written_articles(manual: dict[str, str], generated: set[str]) -> list[Article]:
    """Articles an editor wrote in docs/articles/<slug>.md (not taking over a generated one), for the indexes."""
    out = []
    for rel, full in sorted(manual.items()):
        m = re.fullmatch(r"articles/([a-z0-9-]+)\.md", rel)
        if not m or m.group(1) in generated or m.group(1) == "index":
            continue
        with open(full, encoding="utf-8", errors="replace") as fh:
            data, _ = read_front_matter(fh.read())
        if not data or not data.get("article"):
            continue
        art = Article(
            source="docs",
            slug=m.group(1),
            title=str(data.get("title") or m.group(1)),
            authors=[str(a) for a in data.get("authors") or []],
            date=date_text(data.get("date")),
            summary=data.get("summary"),
        )
        for key in ("topics", "keywords", "title_en", "summary_en", "authors_en"):
            if data.get(key):
                setattr(art, key, data[key])
        out.append(art)
    return out


def english_translations(manual: dict[str, str]) -> dict[str, dict]:
    """Front matter of the editors' translation files docs/articles/<slug>.en.md, by slug."""
    out = {}
    for rel, full in manual.items():
        m = re.fullmatch(r"articles/([a-z0-9-]+)\.en\.md", rel)
        if not m:
            continue
        with open(full, encoding="utf-8", errors="replace") as fh:
            data, _ = read_front_matter(fh.read())
        out[m.group(1)] = data or {}
    return out


def _traditional(text: str, cache: dict[str, str]) -> str:
    """Script conversion (s2tw) of a page, cached by content (rebuilds convert only pages that changed)."""
    key = hashlib.sha1(text.encode("utf-8")).hexdigest()
    if key not in cache:
        cache[key] = to_traditional(text)
    return cache[key]


def _added_dates(root: str, corpus: Corpus, hand: list[Article]) -> dict[str, str]:
    """slug -> the day an undated article came to the site: the first commit of its source or page."""
    undated = [a for a in corpus.articles if not a.date] + [a for a in hand if not a.date]
    if not undated:
        return {}
    first = last_changed(root, first=True)
    paths = {s.name: os.path.relpath(s.path, root).replace(os.sep, "/") for s in corpus.sources}
    files = {a.slug: paths.get(a.source) or f"docs/articles/{a.slug}.md" for a in undated}
    return {slug: first[path] for slug, path in files.items() if path in first}


def _traditional_target(rel: str, manual: dict, pages: dict) -> bool:
    """Whether the Simplified page at rel gets a converted Traditional page (not where an editor wrote one)."""
    target = traditional_path(rel)
    return bool(target) and target not in manual and target not in pages


DATA_PART = 250  # articles per part of a one-off staging's data files


def _write_traditional_and_data_in_parts(
    staging: str, simplified: dict, manual: dict, pages: dict, data: tuple, written: set
) -> None:
    """The Traditional pages and the data files of a one-off staging, made and written a part of the articles
    at a time, with the same bytes as `corpusdata.data_files` of all articles at once: at 5,000 articles the
    whole files (each article's text in six of them, and the rows cached per article) and every converted page
    held at once were most of the staging process's peak. A Traditional page is converted once: the data
    files' zh-Hant rows take the conversion of the page written just before."""
    arts, site_url, chinese, english, raw = data
    header = corpusdata.csv_rows([], header=True)
    outs: dict[str, object] = {}
    done = set()
    try:
        for start in range(0, max(len(arts), 1), DATA_PART):
            part = arts[start : start + DATA_PART]
            converted: dict[str, str] = {}  # this part's pages only
            for art in part:
                rel = f"articles/{art.slug}.md"
                if rel in simplified and _traditional_target(rel, manual, pages):
                    target = traditional_path(rel)
                    _write_if_changed(os.path.join(staging, target), _traditional(simplified[rel], converted))
                    written.add(target)
                    done.add(rel)
            files = corpusdata.data_files(part, site_url, chinese, partial(_traditional, cache=converted), english, raw)
            for rel, text in files.items():
                if start and rel.endswith(".csv"):
                    if not text.startswith(header):
                        raise ValueError(f"{rel}: a part without the CSV header row")
                    text = text[len(header) :]  # one header row, at the top of the file
                if rel not in outs:
                    path = os.path.join(staging, rel)
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    outs[rel] = open(path + ".part", "w", encoding="utf-8", newline="")
                outs[rel].write(text)
    finally:
        for fh in outs.values():
            fh.close()
    for rel in outs:
        path = os.path.join(staging, rel)
        if os.path.exists(path) and filecmp.cmp(path, path + ".part", shallow=False):
            os.remove(path + ".part")  # the same bytes: the file (and its mtime) stays
        else:
            os.replace(path + ".part", path)
        written.add(rel)
    for rel in simplified:  # the other pages, each converted, written and forgotten
        if rel not in done and _traditional_target(rel, manual, pages):
            target = traditional_path(rel)
            _write_if_changed(os.path.join(staging, target), to_traditional(simplified[rel]))
            written.add(target)


class _OnDisk(Mapping):
    """Pages by docs path, each read from its file when asked for (a one-off staging holds none of them):
    a staged page exactly as it was written, a hand-written one as staging has always read it."""

    def __init__(self, paths: dict[str, tuple[str, bool]]) -> None:
        self._paths = paths  # docs path -> (file, staged by us)

    def add(self, paths: dict[str, tuple[str, bool]]) -> None:
        self._paths.update(paths)

    def keyed(self, names: dict[str, str]) -> _OnDisk:
        """The same pages under other keys (key -> docs path), those present only."""
        return _OnDisk({key: self._paths[rel] for key, rel in names.items() if rel in self._paths})

    def __getitem__(self, rel: str) -> str:
        full, staged = self._paths[rel]
        if staged:
            with open(full, encoding="utf-8", newline="") as fh:
                return fh.read()
        with open(full, encoding="utf-8", errors="replace") as fh:
            return fh.read()

    def __iter__(self):
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def stage(root: str, staging: str, site_url: str = "", build: Build | None = None) -> SiteDocs:
    """Generate the site's pages from sources/ and write them with docs/ into the staging folder.

    build: the caches of this process (the MkDocs hook keeps one between rebuilds); without one, nothing
    is cached and nothing is read from or written to the disk cache."""
    build = build or Build()
    corpus = load_corpus(os.path.join(root, "sources"), build)
    prune_disk_cache(build)
    if build.one_off:
        build.topic_tokens.clear()  # topics are assigned; nothing stages again in this process
    manual = hand_written(os.path.join(root, "docs"))
    translations = english_translations(manual)
    hand = hand_written_articles(manual, {a.slug for a in corpus.articles})
    added = _added_dates(root, corpus, hand)
    # Unchanged sources come back as the same cached objects: then the pages are the same too.
    key = (
        tuple((s.key, s.path) for s in corpus.sources),
        repr(sorted(translations.items())),
        site_url,
        tuple(sorted((p.path, p.line, p.message) for p in corpus.problems)),
        repr([(a.slug, a.title, a.authors, a.date, a.metadata_key()) for a in hand]),
        repr(sorted(corpus.redirects.items())),
        tuple(sorted(added.items())),
    )
    written = set()
    if build.one_off:  # each generated page written as it is made, and read back from there when needed
        site = SiteDocs(corpus=corpus)
        generated: list[str] = []

        def sink(rel: str, text: str) -> None:
            if rel not in site.pages:
                generated.append(rel)
            site.pages[rel] = None  # the name only: the text is on disk
            if rel not in manual:  # a page in docs/ wins over the generated one
                _write_if_changed(os.path.join(staging, rel), text)
                written.add(rel)

        made = build_pages(corpus, site_url, translations, hand, build, added, sink=sink)
        build.term_counts.clear()  # the glossary's counts are in its pages now
        site.files = made.files
        simplified = _OnDisk({rel: (os.path.join(staging, rel), True) for rel in generated if rel not in manual})
    else:
        if key not in build.pages:
            build.pages.clear()
            build.pages[key] = build_pages(corpus, site_url, translations, hand, build, added)
        cached = build.pages[key]
        site = SiteDocs(pages=cached.pages, files=cached.files, corpus=corpus)
        for rel, text in site.pages.items():
            if rel in manual:
                continue  # a page in docs/ wins over the generated one
            _write_if_changed(os.path.join(staging, rel), text)
            written.add(rel)
        simplified = {rel: text for rel, text in site.pages.items() if rel not in manual}
    site.problems.extend(corpus.problems)
    site.problems.extend(placeholder_problems(manual))  # unfinished English is never published
    for rel, full in manual.items():
        _copy_if_changed(full, os.path.join(staging, rel))
        written.add(rel)
    for rel, full in site.files.items():
        if rel not in manual:
            _copy_if_changed(full, os.path.join(staging, rel))
            written.add(rel)
    # A hand-written Chinese article without an English version gets an English page that says so.
    for art in hand:
        rel = f"articles/{art.slug}.en.md"
        if rel not in manual:
            with open(manual[f"articles/{art.slug}.md"], encoding="utf-8", errors="replace") as fh:
                _write_if_changed(os.path.join(staging, rel), english_stub(fh.read(), art))
            written.add(rel)
    # The Traditional Chinese edition: every Simplified page converted, unless an editor wrote one.
    if isinstance(simplified, _OnDisk):
        simplified.add({rel: (full, False) for rel, full in manual.items() if rel.endswith(".md")})
    else:
        for rel, full in manual.items():
            if rel.endswith(".md"):
                with open(full, encoding="utf-8", errors="replace") as fh:
                    simplified[rel] = fh.read()
    # The corpus for researchers, per edition (data/articles.jsonl and .csv).
    arts = sorted([with_translation_status(a, translations.get(a.slug)) for a in corpus.articles] + hand, key=sort_key)
    english = {}
    for slug in translations:
        with open(manual[f"articles/{slug}.en.md"], encoding="utf-8", errors="replace") as fh:
            english[slug] = fh.read()
    raw = {s.name: (source_slug(s), s.name) for s in corpus.sources}
    if isinstance(simplified, _OnDisk):
        chinese = simplified.keyed({a.slug: f"articles/{a.slug}.md" for a in arts})
    else:
        chinese = {a.slug: simplified[f"articles/{a.slug}.md"] for a in arts if f"articles/{a.slug}.md" in simplified}
    data = (arts, site_url, chinese, english, raw)
    if build.one_off:
        _write_traditional_and_data_in_parts(staging, simplified, manual, site.pages, data, written)
    else:
        for rel, text in simplified.items():
            if _traditional_target(rel, manual, site.pages):
                target = traditional_path(rel)
                _write_if_changed(os.path.join(staging, target), _traditional(text, build.traditional))
                written.add(target)
        for rel, text in corpusdata.data_files(
            arts, site_url, chinese, lambda t: _traditional(t, build.traditional), english, raw, build.data_rows
        ).items():
            _write_if_changed(os.path.join(staging, rel), text)
            written.add(rel)
    # Remove what neither docs/ nor the generator produce any more.
    for base, _dirs, files in os.walk(staging, topdown=False):
        for f in files:
            rel = os.path.relpath(os.path.join(base, f), staging).replace(os.sep, "/")
            if rel not in written:
                os.remove(os.path.join(base, f))
        if base != staging and not os.listdir(base):
            os.rmdir(base)
    return site


def clear(staging: str) -> None:
    """Remove the staging folder."""
    shutil.rmtree(staging, ignore_errors=True)
