"""`wenku check`: validate every source, sidecar and Markdown page; report `file:line: problem`."""

from __future__ import annotations

import os
import re

from wenku.corpus import load_corpus, source_files
from wenku.metadata import PAGE_KEYS, RE_FRONT, Problem, load_sidecar, load_yaml_with_lines, validate_mapping

RE_UNSAFE = [
    (re.compile(r"<\s*script\b", re.I), "raw <script> is not allowed in pages"),
    (re.compile(r"<\s*iframe\b", re.I), "raw <iframe> is not allowed in pages"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "event-handler attributes (on*=) are not allowed"),
    (re.compile(r"(?:\]\(|href\s*=\s*[\"']?|src\s*=\s*[\"']?)\s*(?:javascript|data|vbscript):", re.I),
     "javascript:, data: and vbscript: links are not allowed"),
]
RE_MD_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def check_site(root: str) -> list[Problem]:
    """All problems in the project's sources, sidecars and pages."""
    problems: list[Problem] = []
    sources_dir = os.path.join(root, "sources")
    docs_dir = os.path.join(root, "docs")
    problems.extend(check_sidecars(sources_dir))
    corpus = load_corpus(sources_dir)
    problems.extend(p for p in corpus.problems if p not in problems)
    generated = {f"articles/{a.slug}.md" for a in corpus.articles}
    problems.extend(check_pages(docs_dir, generated))
    from wenku.enrich.translation import check_glossary, check_translations

    problems.extend(check_glossary())
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
        if f.endswith((".yml", ".yaml")):
            with open(path, encoding="utf-8", errors="replace") as fh:
                _, found = load_sidecar(path, fh.read())
            problems.extend(found)
            if os.path.splitext(path)[0] not in texts:
                problems.append(Problem(path, 1, "sidecar without a source text of the same name", "warning"))
    return problems


def check_pages(docs_dir: str, generated: set[str]) -> list[Problem]:
    """Front matter schema, unsafe markup and broken relative links in hand-written pages."""
    problems: list[Problem] = []
    if not os.path.isdir(docs_dir):
        return problems
    for base, dirs, files in os.walk(docs_dir):
        dirs.sort()
        for f in sorted(files):
            if not f.endswith(".md"):
                continue
            path = os.path.join(base, f)
            rel = os.path.relpath(path, docs_dir).replace(os.sep, "/")
            with open(path, "rb") as fh:
                data = fh.read()
            if b"\0" in data:
                problems.append(Problem(path, 1, "binary data (NUL bytes) in a Markdown page"))
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                problems.append(Problem(path, line, "not UTF-8: save the page as UTF-8"))
                continue
            problems.extend(_check_front_matter(path, text))
            problems.extend(_check_unsafe(path, text))
            problems.extend(_check_links(path, rel, text, docs_dir, generated))
    return problems


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
    from wenku.site.safety import unsafe_value

    if isinstance(data, dict):
        for key, value in data.items():
            values = value if isinstance(value, list) else [value]
            if any(unsafe_value(v) for v in values):
                found.append(Problem(path, lines.get((key,), 1) + 1,
                                     f"'{key}': javascript:, data: and vbscript: URLs are not allowed"))
    if isinstance(data, dict) and data.get("article"):
        for key in ("title", "authors", "date"):
            if key not in data:
                found.append(Problem(path, 2, f"article page without '{key}'"))
        if path.endswith(".en.md") and "title" in data and re.search(r"[\u4e00-\u9fff]", str(data["title"])):
            found.append(Problem(path, lines.get(("title",), 1) + 1, "English page with a Chinese title: set title (English)"))
    return found


def _check_unsafe(path: str, text: str) -> list[Problem]:
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        for rx, message in RE_UNSAFE:
            if rx.search(line):
                out.append(Problem(path, n, message))
    return out


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


GENERATED_INDEXES = {"index.md", "articles/index.md", "authors/index.md", "sources/index.md", "archive/index.md",
                     "editors/build-report.md", "topics/index.md", "glossary.md", "translations.md"}
