"""`wenku check`: validate every source, sidecar and Markdown page; report `file:line: problem`."""

from __future__ import annotations

import importlib
import os
import re

import markdown
import material
import yaml

from wenku import editorial
from wenku.corpus import REDIRECTS, load_corpus, source_dir_problems, source_files
from wenku.limits import (
    MAX_HEADINGS,
    MAX_IMAGE_BYTES,
    MAX_PAGE_BYTES,
    bad_file_name,
    heading_lines,
    long_line,
    too_big,
)
from wenku.metadata import (
    PAGE_KEYS,
    RE_FRONT,
    Problem,
    load_sidecar,
    load_yaml_with_lines,
    normalise_newlines,
    read_front_matter,
    read_yaml_file,
    validate_mapping,
)
from wenku.site import safety
from wenku.site.pages.search_worker import SEARCH_WORKER
from wenku.site.safety import unsafe_value
from wenku.site.translation import check_glossary, check_translations

RE_MD_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def check_site(root: str) -> list[Problem]:
    """All problems in the project's sources, sidecars and pages."""
    problems: list[Problem] = []
    sources_dir = os.path.join(root, "sources")
    docs_dir = os.path.join(root, "docs")
    problems.extend(check_files(root))
    problems.extend(check_sidecars(sources_dir))
    corpus = load_corpus(sources_dir)
    problems.extend(p for p in corpus.problems if p not in problems)
    generated = {f"articles/{a.slug}.md" for a in corpus.articles}
    problems.extend(check_pages(docs_dir, generated))

    problems.extend(check_glossary(editorial.path(editorial.GLOSSARY, sources_dir)))
    problems.extend(check_translations(docs_dir, corpus.articles))
    return _dedupe(problems)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (os.path.abspath(p.path), p.line, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def check_sidecars(sources_dir: str) -> list[Problem]:
    """Sidecar YAML syntax and schema; sidecars without a source text."""
    problems: list[Problem] = []
    if not os.path.isdir(sources_dir):
        return problems
    texts = {os.path.splitext(p)[0] for p in source_files(sources_dir)}
    for f in sorted(os.listdir(sources_dir)):
        path = os.path.join(sources_dir, f)
        if f == REDIRECTS or f in editorial.FILES:
            continue  # not sidecars: read and checked by load_redirects, editorial.problems and check_site
        if f.endswith((".yml", ".yaml")) and not os.path.islink(path) and os.path.isfile(path):
            text, found = read_yaml_file(path)
            if text is not None:
                _, found = load_sidecar(path, text)
            problems.extend(found)
            if os.path.splitext(path)[0] not in texts:
                problems.append(Problem(path, 1, "sidecar without a source text of the same name", "warning"))
    return problems


# What may sit under docs/: Markdown pages, raster images, and style sheets in assets/css/ only. No HTML,
# JavaScript or SVG (they would run or be served as they are); .html and .js come only from overrides/.
PAGE_SUFFIXES = (".md",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
CSS_FOLDER = "assets/css/"
# Paths the build itself writes into the site: a docs/ file may not take them.
GENERATED_PATHS = ("search/", "feed.xml", "sitemap.xml", "sitemap.xml.gz", "404.html", "en/", "zh-Hant/")


def replaces_theme_file(root: str, rel: str) -> bool:
    """True when the theme (Material or overrides/) has a file at this site path."""
    folders = (os.path.join(os.path.dirname(material.__file__), "templates"), os.path.join(root, "overrides"))
    return any(os.path.lexists(os.path.join(folder, *rel.split("/"))) for folder in folders)


def check_files(root: str) -> list[Problem]:
    """Kinds, places and sizes of the files under docs/; files in sources/ that are not read; the editorial
    data files (sources/topics.yml, glossary.yml, labels.yml, citation.yml) and the pipeline's own
    (hooks/wenku/data/*.yml) through the strict YAML loader."""
    problems = source_dir_problems(os.path.join(root, "sources"))
    problems.extend(editorial.problems(os.path.join(root, "sources")))
    data_dir = os.path.join(root, "hooks", "wenku", "data")
    for f in sorted(os.listdir(data_dir)) if os.path.isdir(data_dir) else []:
        if f.endswith((".yml", ".yaml")):
            text, found = read_yaml_file(os.path.join(data_dir, f))
            if text is not None:
                _, _, found = load_yaml_with_lines(text, os.path.join(data_dir, f))
            problems.extend(found)
    docs_dir = os.path.join(root, "docs")
    if not os.path.isdir(docs_dir):
        return problems
    for base, dirs, files in os.walk(docs_dir):
        dirs.sort()
        for d in list(dirs):
            if os.path.islink(os.path.join(base, d)):
                problems.append(Problem(os.path.join(base, d), 1, "a symbolic link is not allowed under docs/"))
                dirs.remove(d)
        for f in sorted(files):
            path = os.path.join(base, f)
            rel = os.path.relpath(path, docs_dir).replace(os.sep, "/")
            low = f.lower()
            if bad_file_name(f):
                problems.append(Problem(path, 1, bad_file_name(f)))
            elif os.path.islink(path):
                problems.append(Problem(path, 1, "a symbolic link is not allowed under docs/: commit the file itself"))
            elif not os.path.isfile(path):
                problems.append(Problem(path, 1, "not a regular file"))
            elif (
                rel == SEARCH_WORKER
                or replaces_theme_file(root, rel)
                or rel.startswith(GENERATED_PATHS)
                and not low.endswith(".md")
            ):
                problems.append(Problem(path, 1, f"'{rel}' would replace a file of the theme or of the build"))
            elif low.endswith(PAGE_SUFFIXES):
                big = too_big(os.path.getsize(path), MAX_PAGE_BYTES, "this page")
                if big:
                    problems.append(Problem(path, 1, big))
            elif low.endswith(IMAGE_SUFFIXES):
                big = too_big(os.path.getsize(path), MAX_IMAGE_BYTES, "this image")
                if big:
                    problems.append(Problem(path, 1, big))
                elif not _image_kind_matches(path, low):
                    problems.append(
                        Problem(
                            path,
                            1,
                            f"'{f}' is not the image its name says (its first bytes are not those of that format)",
                        )
                    )
            elif low.endswith(".css") and rel.startswith(CSS_FOLDER):
                pass
            else:
                kind = os.path.splitext(low)[1] or f
                problems.append(
                    Problem(
                        path,
                        1,
                        f"'{kind}' files are not allowed under docs/: only Markdown pages, "
                        "raster images (PNG, JPEG, GIF, WebP, AVIF) and CSS in "
                        "docs/assets/css/ (no HTML, JavaScript or SVG)",
                    )
                )
    return problems


IMAGE_MAGIC = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (b"ftyp",),
}


def _image_kind_matches(path: str, low: str) -> bool:
    """The file starts like the image format its suffix names (an HTML file renamed .png does not)."""
    with open(path, "rb") as fh:
        head = fh.read(16)
    magic = IMAGE_MAGIC[os.path.splitext(low)[1]]
    if low.endswith(".avif"):
        return head[4:8] in magic
    if low.endswith(".webp"):
        return head.startswith(magic) and head[8:12] == b"WEBP"
    return head.startswith(magic)


def page_files(docs_dir: str) -> list[str]:
    """The Markdown pages under docs/ that may be read: regular files within the size limit."""
    out = []
    for base, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(base, d)))
        for f in sorted(files):
            path = os.path.join(base, f)
            if (
                f.lower().endswith(PAGE_SUFFIXES)
                and not os.path.islink(path)
                and os.path.isfile(path)
                and not bad_file_name(f)
                and os.path.getsize(path) <= MAX_PAGE_BYTES
            ):
                out.append(path)
    return out


def check_pages(docs_dir: str, generated: set[str] | None, pages: bool = True) -> list[Problem]:
    """Encoding, line length, front matter (YAML and schema), unsafe markup and, unless generated is None,
    broken relative links in hand-written pages. Without pages, only the links (of pages readable as text):
    the build checks the pages before staging and their links once it knows the generated pages."""
    problems: list[Problem] = []
    if not os.path.isdir(docs_dir):
        return problems
    converter = MarkdownConverter(os.path.dirname(os.path.abspath(docs_dir)))  # one per check, made when needed
    for path in page_files(docs_dir):
        rel = os.path.relpath(path, docs_dir).replace(os.sep, "/")
        with open(path, "rb") as fh:
            data = fh.read()
        text, found = _page_text(path, data)
        if pages:
            problems.extend(found)
            if text is not None:
                problems.extend(_check_front_matter(path, text))
                problems.extend(_check_unsafe(path, text, converter))
        if text is not None and generated is not None:
            problems.extend(_check_links(path, rel, text, docs_dir, generated))
    return problems


def _page_text(path: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """(text, problems) of a page's bytes as MkDocs reads them (without a BOM, with universal newlines, CR-only
    files too); no text when the bytes are not a page to read further (NUL bytes, not UTF-8, a long line)."""
    if b"\0" in data:
        return None, [Problem(path, 1, "binary data (NUL bytes) in a Markdown page")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "not UTF-8: save the page as UTF-8")]
    text = normalise_newlines(text)
    long = long_line(text)
    if long:
        return None, [Problem(path, long[0], long[1])]
    return text, []


def _check_front_matter(path: str, text: str) -> list[Problem]:
    m = RE_FRONT.match(text)
    if not m:
        return []
    data, lines, problems = load_yaml_with_lines(m.group(1), path)
    if problems:
        for p in problems:
            p.line += 1  # the opening '---'
        return problems
    if data is None:
        return []
    found = validate_mapping(data, PAGE_KEYS, path, {k: v + 1 for k, v in lines.items()})

    if isinstance(data, dict):
        for key, value in data.items():
            if not str(key).endswith("url"):
                continue  # other values are text, escaped by the templates
            values = value if isinstance(value, list) else [value]
            if any(unsafe_value(v) for v in values):
                found.append(
                    Problem(
                        path,
                        lines.get((key,), 1) + 1,
                        f"'{key}': only http, https, mailto or relative addresses are allowed",
                    )
                )
    if isinstance(data, dict) and data.get("article"):
        for key in ("title", "authors", "date"):
            if key not in data:
                found.append(Problem(path, 2, f"article page without '{key}'"))
        if path.endswith(".en.md") and "title" in data and re.search(r"[\u4e00-\u9fff]", str(data["title"])):
            found.append(
                Problem(path, lines.get(("title",), 1) + 1, "English page with a Chinese title: set title (English)")
            )
    return found


def _check_unsafe(path: str, text: str, converter: MarkdownConverter) -> list[Problem]:
    """The page rendered with the site's Markdown extensions, through the build's sanitiser (file:line)."""
    _, body = read_front_matter(text)
    offset = text[: len(text) - len(body)].count("\n")
    out = []
    headings = heading_lines(body)
    if headings > MAX_HEADINGS:  # refused as it stands: rendering it would only take seconds to say so
        return [Problem(path, 1, _too_many_headings(headings))]
    try:
        html = converter.convert(body)
    except RecursionError:
        return [Problem(path, 1, "blocks nested too deeply to render (boxes or <div markdown> inside each other)")]
    headings = len(re.findall(r"<h[1-6][\s>]", html))
    if headings > MAX_HEADINGS:
        out.append(Problem(path, 1, _too_many_headings(headings)))
    for f in safety.findings(html):
        out.append(Problem(path, safety.locate(body, f) + offset, f.message))
    return out


def _too_many_headings(count: int) -> str:
    return f"{count:,} headings: at most {MAX_HEADINGS:,} on one page (split the page)"


class MarkdownConverter:
    """Markdown to HTML with the extensions the project's mkdocs.yml configures (as the build renders a page);
    the converter is made at the first page and reset between pages. One per check: no state outlives it."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._md: markdown.Markdown | None = None

    def convert(self, text: str) -> str:
        if self._md is None:
            names, configs = markdown_extensions(self.root)
            self._md = markdown.Markdown(extensions=names, extension_configs=configs)
        self._md.reset()
        return self._md.convert(text)


def _python_tag(loader, suffix: str, node):
    """`!!python/name:wenku.…` (our own functions, e.g. the heading slugger) is resolved; any other Python tag
    is dropped, so reading mkdocs.yml here never runs code from elsewhere."""
    name = loader.construct_scalar(node) if not suffix.startswith("name:") else suffix[len("name:") :]
    if suffix.startswith("name:") and name.startswith("wenku."):
        module, _, attr = name.rpartition(".")
        return getattr(importlib.import_module(module), attr)
    return None


def markdown_extensions(root: str) -> tuple[list[str], dict]:
    """The markdown_extensions of the project's mkdocs.yml (this project's, when the root has none)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)
    path = os.path.join(root, "mkdocs.yml")
    if not os.path.exists(path):
        path = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "mkdocs.yml")
    with open(path, encoding="utf-8") as fh:
        config = yaml.load(fh, Loader=_Loader) or {}
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                # an option given as a Python name outside our package (None here) keeps its default
                configs[name] = {k: v for k, v in (options or {}).items() if v is not None}
        else:
            names.append(item)
    return names, configs


def _check_links(path: str, rel: str, text: str, docs_dir: str, generated: set[str]) -> list[Problem]:
    """Relative links to .md pages must point at a page that exists (in docs/ or generated)."""
    out = []
    here = os.path.dirname(rel)
    in_code = False
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip().startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        for m in RE_MD_LINK.finditer(line):
            target = m.group(1).split("#")[0]
            if not target or re.match(r"^[a-z]+:", target) or not target.endswith(".md"):
                continue
            norm = os.path.normpath(os.path.join(here, target)).replace(os.sep, "/")
            if norm.startswith(".."):
                out.append(Problem(path, n, f"link '{target}' leaves the docs folder"))
                continue
            exists = os.path.exists(os.path.join(docs_dir, norm)) or norm in generated or norm in GENERATED_INDEXES
            if not exists:
                out.append(Problem(path, n, f"link to missing page '{target}'"))
    return out


GENERATED_INDEXES = {
    "index.md",
    "articles/index.md",
    "authors/index.md",
    "sources/index.md",
    "archive/index.md",
    "editors/build-report.md",
    "topics/index.md",
    "glossary.md",
    "translations.md",
}
