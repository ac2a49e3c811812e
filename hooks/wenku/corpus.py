"""A source file end to end (decode -> repair -> split -> metadata), and the whole corpus of sources/."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import re
import subprocess
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from wenku import code_version, editorial
from wenku.build import Build
from wenku.enrich.overrides import apply_overrides
from wenku.enrich.overrides import sidecar_line as sidecar_line  # re-exported: wenku.site.translation
from wenku.enrich.slugs import RESERVED_SLUGS, assign_slugs
from wenku.enrich.slugs import natural_slug as natural_slug  # re-exported: tests/fixtures/hostile
from wenku.enrich.topics import assign_topics
from wenku.ingest.clean import clean_lines
from wenku.ingest.decode import DecodeError, decode_bytes
from wenku.limits import MAX_SOURCE_BYTES, bad_file_name, long_line, too_big
from wenku.metadata import (
    RE_SLUG,
    Problem,
    date_text,
    load_sidecar,
    load_yaml_with_lines,
    read_yaml_file,
    reading_minutes,
    word_count,
)
from wenku.model import Article, Change, SourceResult
from wenku.script import traditional_share
from wenku.structure.names import mail_field
from wenku.structure.split import before_cleaning, split_source
from wenku.textutil import shorten

SOURCE_SUFFIXES = (".txt", ".text")
# Files that may sit in sources/ beside the texts.
SOURCE_DIR_FILES = (".yml", ".yaml", ".lst")


class SourceError(ValueError):
    """A source that cannot be processed; the message names the file and the problem."""


def read_source(path: str, sidecar_text: str | None = None, build: Build | None = None) -> SourceResult:
    """Process one source file (with its sidecar text, if any) into articles and a report."""
    big = too_big(os.path.getsize(path), MAX_SOURCE_BYTES, "this source")
    if big:  # refused before it is read: a 30 MB file costs nothing
        raise SourceError(f"{path}:1: {big}")
    with open(path, "rb") as fh:
        data = fh.read()
    return process_bytes(os.path.basename(path), data, sidecar_text, path=path, build=build)


def source_key(name: str, data: bytes, sidecar_text: str | None) -> str:
    """What a cleaning result depends on: the bytes, the sidecar, the file name and the pipeline's code."""
    return hashlib.sha256(
        data + b"\0" + (sidecar_text or "").encode() + code_version().encode() + name.encode()
    ).hexdigest()


def process_bytes(
    name: str, data: bytes, sidecar_text: str | None = None, path: str = "", build: Build | None = None
) -> SourceResult:
    """Process a source's bytes. With a build, results are cached by content hash and code version, in
    memory and on disk, so a new `mkdocs build` does not clean unchanged sources again. A cached result is
    handed out as it is: callers never change it (the enrich steps return new objects)."""
    key = source_key(name, data, sidecar_text)
    if build is None:
        result = _process(name, data, sidecar_text, path)
        result.key = key
        return result
    build.used.add(key)
    if key in build.cleaned:
        return build.cleaned[key]
    result = _read_disk_cache(build.cache_dir, key, path)
    if result is None:
        result = _process(name, data, sidecar_text, path)
        result.key = key
        _write_disk_cache(build.cache_dir, key, result)
    build.cleaned[key] = result
    return result


def _read_disk_cache(folder: str | None, key: str, path: str) -> SourceResult | None:
    """A result cached on disk by an earlier build, or None (missing or unreadable: then it is redone)."""
    if not folder:
        return None
    try:
        with open(os.path.join(folder, key + ".pickle"), "rb") as fh:
            result = pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(result, SourceResult):
        return None
    result.path = path or result.path  # the same text may sit in another checkout
    result.key = key
    return result


def _write_disk_cache(folder: str | None, key: str, result: SourceResult) -> None:
    """Store a freshly processed result (written whole, then renamed, so a cut build leaves no half file)."""
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{key}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, os.path.join(folder, key + ".pickle"))


def prune_disk_cache(build: Build) -> None:
    """Remove cached results that the last corpus load did not use (old versions of sources or code)."""
    folder = build.cache_dir
    if not folder or not os.path.isdir(folder):
        return
    for name in os.listdir(folder):
        if name.endswith(".pickle") and name[:-7] not in build.used:
            os.remove(os.path.join(folder, name))


def _process(name: str, data: bytes, sidecar_text: str | None, path: str) -> SourceResult:
    if not data.strip():
        raise SourceError(f"{path or name}:1: empty source file")
    big = too_big(len(data), MAX_SOURCE_BYTES, "this source")
    if big:
        raise SourceError(f"{path or name}:1: {big}")
    sidecar: dict = {}
    if sidecar_text is not None:
        sidecar, problems = load_sidecar(path[:-4] + ".yml" if path else name + ".yml", sidecar_text)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise SourceError("\n".join(str(p) for p in errors))
    try:
        text, encoding, report = decode_bytes(data)
    except DecodeError as exc:
        raise SourceError(f"{path or name}:1: {exc}") from exc
    long = long_line(text)
    if long:
        raise SourceError(f"{path or name}:{long[0]}: {long[1]}")
    script = sidecar.get("script") or ("traditional" if traditional_share(text) > 0.05 else "simplified")
    skip = frozenset() if script == "traditional" else frozenset({"fix_traditional_to_simplified"})
    cleanable, taken, feed = before_cleaning(text, sidecar.get("kind"))  # a feed's XML, before tags go
    report.extend(taken)
    lines, cleaning, ingest_meta = clean_lines(cleanable, skip)
    report.extend(cleaning)
    # The kind first (the sidecar's, else the text's evidence), then the kind's own splitter.
    kind, pattern, articles, structure, source_meta = split_source(lines, report, sidecar.get("kind"), feed)
    report.extend(structure)
    for i, art in enumerate(articles, 1):
        art.source = name
        art.index = i
        art.pattern = pattern
        art.kind = kind
        for key, value in source_meta.items():
            if value and key != "date":
                setattr(art, key, value)
        if source_meta.get("date") and not art.date:
            art.date = source_meta["date"]
    _apply_source_metadata(articles, sidecar, script)
    _apply_ingest_metadata(articles, ingest_meta, cleaning)
    for art in articles:
        lo, hi = art.line_span
        art.report = [c for c in report if c.line is not None and lo <= c.line <= hi]
    _attach_outside_changes(articles, report)
    return SourceResult(
        name=name,
        path=path,
        encoding=encoding,
        script=script,
        articles=articles,
        report=report,
        sidecar=sidecar,
        char_count=len(text),
        kind=kind,
    )


def _attach_outside_changes(articles: list[Article], report: list[Change]) -> None:
    """Nothing is lost silently: a change on a line outside every article's span (furniture before the first
    article, between two, after the last) goes to the report of the article above it (the first article for
    lines above all), and a removal without a line number to the first article, so `wenku clean --json` shows
    every removed character with its kind, line and text."""
    if not articles:
        return
    spans = sorted((art.line_span, k) for k, art in enumerate(articles))
    for c in report:
        if c.line is None:
            if c.kind.startswith("remove_"):
                articles[0].report.append(c)
            continue
        if any(lo <= c.line <= hi for (lo, hi), _ in spans):
            continue
        above = [k for (lo, _hi), k in spans if lo <= c.line]
        articles[above[-1] if above else spans[0][1]].report.append(c)


def _apply_source_metadata(articles: list[Article], sidecar: dict, script: str) -> None:
    """Fill what the source itself knows (outlet, date, collection) and infer missing titles."""
    for art in articles:
        art.publication = art.publication or sidecar.get("publication")
        art.date = art.date or date_text(sidecar.get("date"))
        if sidecar.get("collection"):
            art.collection = sidecar["collection"]
        if sidecar.get("collection_en"):
            art.collection_en = sidecar["collection_en"]
        art.script = script
        if not art.title:
            art.title = infer_title(art)
            art.title_inferred = art.title is not None
        text = "".join(b.text for b in art.blocks if b.kind in ("p", "h2", "h3", "box", "deck", "list"))
        text += "".join(str(i) for b in art.blocks if b.kind == "list" for i in b.items)
        art.words = word_count(text)
        art.reading_time = reading_minutes(art.words)


def _apply_ingest_metadata(articles: list[Article], meta: dict, cleaning: list[Change]) -> None:
    """Editor credits found by the cleaning go to the article they close (the last one starting above them); a
    title the source states in what the cleaning removed (a Markdown export's front matter, an e-mail's
    subject line) titles a first article the text prints without one."""
    for line, names in meta.get("editors", []):
        above = [a for a in articles if a.line_span[0] <= line] or articles[:1]
        if above:
            art = max(above, key=lambda a: a.line_span[0])
            art.editors += [n for n in names if n not in art.editors]
    front = meta.get("front_matter")
    if front and articles:  # a Markdown export's front matter: the first article's author and date
        first = articles[0]
        first.authors = first.authors or list(front.get("authors", []))
        first.date = first.date or date_text(front.get("date"))
    stated = (front or {}).get("title") or _mail_subject(cleaning)
    if stated and articles and (not articles[0].title or articles[0].title_inferred):
        articles[0].title, articles[0].title_inferred = stated, False


def _mail_subject(cleaning: list[Change]) -> str | None:
    """The subject of an e-mail's header, which the cleaning removed as a block (remove_mail_header)."""
    for c in cleaning:
        field = mail_field(c.before) if c.kind == "remove_mail_header" else None
        if field and field[0] == "subject" and field[1]:
            return field[1]
    return None


RE_CONNECTIVE = re.compile(r"^(鉴于此|为此|因此|对此|基于此|由此|近年来|当前|目前|日前|同时)[，,]?")
RE_SUBJECT = re.compile(r"^(我省|我市|我国|我们|各地|地方)?(应当|应|要|需要|须|必须)")


def infer_title(art: Article) -> str | None:
    """A title from the lede's closing thesis sentence, for an article printed without one."""
    first = next((b.text for b in art.blocks if b.kind == "p" and len(b.text) > 40), None)
    if not first:
        return None
    sentences = [s for s in re.split(r"(?<=[。！？])", first) if s.strip()]
    thesis = sentences[-1].rstrip("。！？")
    thesis = RE_SUBJECT.sub("", RE_CONNECTIVE.sub("", thesis))
    clauses = [c for c in re.split(r"[，；]", thesis) if c]
    title = clauses[0] if clauses else thesis
    for c in clauses[1:]:
        if len(title) + len(c) + 1 > 24:
            break
        title += " " + c
    return shorten(title, 30) if title else None


# ---------------------------------------------------------------- the corpus


@dataclass
class Corpus:
    """All sources of a site, with their articles under unique slugs, and the problems found."""

    sources: list[SourceResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    slug_changes: list[Change] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)  # old article slug -> new (sources/redirects.yml)

    @property
    def articles(self) -> list[Article]:
        return [a for s in self.sources for a in s.articles]


def source_files(sources_dir: str) -> list[str]:
    """The source text files under sources_dir, sorted by name: regular files only (never a symlink)."""
    if not os.path.isdir(sources_dir):
        return []
    out = []
    for f in sorted(os.listdir(sources_dir)):
        path = os.path.join(sources_dir, f)
        if (
            f.endswith(SOURCE_SUFFIXES)
            and not f.startswith(".")
            and not os.path.islink(path)
            and os.path.isfile(path)
            and not bad_file_name(f)
        ):
            out.append(path)
    return out


def source_dir_problems(sources_dir: str) -> list[Problem]:
    """Files in sources/ that are not read: symlinks, Markdown, other kinds of file, folders."""
    problems: list[Problem] = []
    if not os.path.isdir(sources_dir):
        return problems
    for f in sorted(os.listdir(sources_dir)):
        path = os.path.join(sources_dir, f)
        if f.startswith("."):
            continue
        if bad_file_name(f):
            problems.append(Problem(path, 1, bad_file_name(f)))
        elif os.path.islink(path):
            problems.append(Problem(path, 1, "a symbolic link is not a source: commit the text itself"))
        elif os.path.isdir(path):
            problems.append(Problem(path, 1, "folders in sources/ are not read: put the text in sources/ itself"))
        elif f.lower().endswith((".md", ".markdown")):
            problems.append(
                Problem(
                    path,
                    1,
                    "a Markdown file is not a source (its front matter and markup would "
                    "be published unchecked): save the raw text as .txt, or put a "
                    "hand-written article in docs/articles/",
                )
            )
        elif not os.path.isfile(path):
            problems.append(Problem(path, 1, "not a regular file"))
        elif not f.endswith(SOURCE_SUFFIXES + SOURCE_DIR_FILES):
            problems.append(Problem(path, 1, "unknown kind of file in sources/: texts are .txt, sidecars .yml"))
    return problems


def load_corpus(sources_dir: str, build: Build | None = None) -> Corpus:
    """Process every source under sources_dir, then enrich the results into new objects (slugs, overrides,
    topics); problems are collected instead of raised."""
    cleaned: list[SourceResult] = []
    problems: list[Problem] = source_dir_problems(sources_dir)
    if build is not None:
        build.used.clear()
    for path in source_files(sources_dir):
        sidecar_path = os.path.splitext(path)[0] + ".yml"
        sidecar_text = None
        if os.path.lexists(sidecar_path):
            sidecar_text, found = read_yaml_file(sidecar_path)
            if found:
                problems.extend(found)
                continue  # a sidecar that cannot be read as it is: the source waits for it
        else:
            problems.append(
                Problem(
                    path,
                    1,
                    f"no sidecar: create {os.path.basename(sidecar_path)} with at least 'publication' and 'kind'",
                    "warning",
                )
            )
        try:
            cleaned.append(read_source(path, sidecar_text, build))
        except SourceError as exc:
            for line in str(exc).splitlines():
                m = re.match(r"^(.*?):(\d+): (.*)$", line)
                if m:
                    problems.append(Problem(m.group(1), int(m.group(2)), m.group(3)))
                else:
                    problems.append(Problem(path, 1, line))
    data = editorial.version()  # topics.yml etc. are content, not code: what they change is keyed on them
    key = (data, tuple((s.key, s.path) for s in cleaned))
    enriched = build.enriched.get(key) if build is not None else None
    if enriched is None:
        enriched = enrich_corpus(cleaned, build, data)
        if build is not None:
            build.enriched.clear()  # only the latest is worth keeping
            build.enriched[key] = enriched
    corpus = Corpus(
        sources=list(enriched.sources), problems=problems + enriched.problems, slug_changes=list(enriched.slug_changes)
    )
    manual = set()
    docs_articles = os.path.join(os.path.dirname(os.path.abspath(sources_dir)), "docs", "articles")
    if os.path.isdir(docs_articles):
        manual = {f[:-3] for f in os.listdir(docs_articles) if f.endswith(".md") and f.count(".") == 1}
    corpus.redirects = load_redirects(sources_dir, corpus, manual)
    check_published(corpus, sources_dir, manual)
    return corpus


REDIRECTS = "redirects.yml"


def load_redirects(sources_dir: str, corpus: Corpus, manual: set[str]) -> dict[str, str]:
    """sources/redirects.yml: `old-slug: new-slug` for every article URL that moved. The old address keeps a
    page that sends readers on; the new one must be produced, the old one must not be."""
    path = os.path.join(sources_dir, REDIRECTS)
    if not os.path.lexists(path):
        return {}
    text, problems = (
        read_yaml_file(path)
        if not os.path.islink(path)
        else (None, [Problem(path, 1, "a symbolic link is not allowed")])
    )
    data, lines, found = load_yaml_with_lines(text, path) if text is not None else (None, {}, [])
    corpus.problems.extend(problems + found)
    if data is None:
        return {}
    if not isinstance(data, dict):
        corpus.problems.append(Problem(path, 1, "expected a mapping of old slug: new slug"))
        return {}
    produced = {a.slug for a in corpus.articles} | set(manual)
    out = {}
    for old, new in data.items():
        line = lines.get((old,), 1)
        if not isinstance(old, str) or not RE_SLUG.match(old) or not isinstance(new, str) or not RE_SLUG.match(new):
            corpus.problems.append(Problem(path, line, f"'{old}: {new}': both sides must be article slugs"))
        elif old in produced:
            corpus.problems.append(Problem(path, line, f"'{old}' is still an article: a redirect would replace it"))
        elif new not in produced:
            corpus.problems.append(Problem(path, line, f"redirect target '{new}' is not an article"))
        elif old in RESERVED_SLUGS:
            corpus.problems.append(Problem(path, line, f"'{old}' is reserved for the site's own pages"))
        else:
            out[old] = new
    return out


def _keyed(src: SourceResult, data: str = "") -> SourceResult:
    """The cleaned source as the enrich stage starts from it: the same articles under the cleaning key plus
    `data`, the version of the editorial files (topics, glossary, labels, citation). That is the key the
    site's page caches use, so an edit of sources/labels.yml renders the pages again."""
    if not data:
        return src
    return dataclasses.replace(src, key=hashlib.sha256(f"{src.key}\0{data}".encode()).hexdigest())


def enrich_corpus(cleaned: list[SourceResult], build: Build | None = None, data: str = "") -> Corpus:
    """The enrich stage: slugs, then sidecar overrides, then topics (data: the version of the editorial files
    they were made with). Each step returns new sources and articles: the cleaned results (cached by a Build)
    are never changed."""
    sources = [_keyed(s, data) for s in cleaned]
    problems = check_source_names(sources)
    sources, slug_problems, slug_changes = assign_slugs(sources)
    sources, override_problems = apply_overrides(sources)
    sources = _with_articles(
        sources, assign_topics([a for s in sources for a in s.articles], None if build is None else build.topic_tokens)
    )
    return Corpus(sources=sources, problems=problems + slug_problems + override_problems, slug_changes=slug_changes)


def _with_articles(sources: list[SourceResult], articles: list[Article]) -> list[SourceResult]:
    """The sources again, holding the given articles (all of the corpus, in the sources' order)."""
    rest = iter(articles)
    out = [dataclasses.replace(s, articles=[next(rest) for _ in s.articles]) for s in sources]
    if next(rest, None) is not None:
        raise ValueError("more articles than the sources hold")
    return out


PUBLISHED = "published-slugs.lst"


def published_slugs(sources_dir: str, with_lines: bool = False) -> list:
    """Slugs already published (sources/published-slugs.lst): their URLs must keep working."""
    path = os.path.join(sources_dir, PUBLISHED)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        rows = [(n, ln.strip()) for n, ln in enumerate(fh, 1) if ln.strip() and not ln.startswith("#")]
    return rows if with_lines else [slug for _, slug in rows]


def check_published(corpus: Corpus, sources_dir: str, extra: set[str] = frozenset()) -> None:
    """A problem for every published slug the build no longer produces (a dropped article or source)."""
    produced = {a.slug for a in corpus.articles} | set(extra) | set(corpus.redirects)
    path = os.path.join(sources_dir, PUBLISHED)
    for n, slug in published_slugs(sources_dir, with_lines=True):
        if slug not in produced:
            corpus.problems.append(
                Problem(
                    path,
                    n,
                    f"published article '{slug}' is no longer produced: its URL "
                    "would break (restore the source, pin the slug in a sidecar, "
                    "keep the page in docs/articles/, or add "
                    f"'{slug}: <new slug>' to sources/{REDIRECTS})",
                )
            )


def check_published_base(sources_dir: str, ref: str) -> tuple[list[Problem], str | None]:
    """Every slug published on `ref` (e.g. origin/main) is still listed (and so still produced or redirected):
    a pull request cannot drop a URL by deleting its line. Without git or the ref: no problems, and a note
    saying the comparison was skipped (a fresh clone without a remote is not an editor's mistake)."""
    root = os.path.dirname(os.path.abspath(sources_dir))
    path = os.path.join(sources_dir, PUBLISHED)
    try:
        out = subprocess.run(
            ["git", "show", f"{ref}:sources/{PUBLISHED}"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return [], f"cannot compare with {ref} ({exc}); published slugs checked against this branch's list only"
    if out.returncode != 0:
        return [], (
            f"cannot read {ref}:sources/{PUBLISHED} ({out.stderr.strip()[:120]}); published slugs checked "
            "against this branch's list only"
        )
    listed = set(published_slugs(sources_dir))
    problems = []
    for slug in (ln.strip() for ln in out.stdout.splitlines()):
        if slug and not slug.startswith("#") and slug not in listed:
            problems.append(
                Problem(
                    path,
                    1,
                    f"published article '{slug}' (listed on {ref}) was removed from the "
                    f"list: never remove a line; add '{slug}: <new slug>' to "
                    f"sources/{REDIRECTS} if the article moved",
                )
            )
    return problems, None


def source_slug(src: SourceResult) -> str:
    """URL id of a source page: '000_2e6ac2608d1f1108.txt' -> '000-2e6ac2608d1f1108'."""
    return os.path.splitext(src.name)[0].lower().replace("_", "-")


def check_source_names(sources: Sequence[SourceResult]) -> list[Problem]:
    """Two sources whose pages would share an address, or a source named like a site page, are errors."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for src in sources:
        sid = unicodedata.normalize("NFKC", source_slug(src)).casefold()  # ｂａｓｅ and BASE are base
        if sid in RESERVED_SLUGS:
            problems.append(
                Problem(
                    src.path,
                    1,
                    f"source name '{src.name}' would replace the site's "
                    f"'{sid}' page: rename the file (and its sidecar)",
                )
            )
        elif sid in seen:
            problems.append(
                Problem(
                    src.path,
                    1,
                    f"source '{src.name}' and '{seen[sid]}' would share the page sources/{sid}/: rename one of them",
                )
            )
        seen.setdefault(sid, src.name)
    return problems
