"""The `wenku` command: clean sources, check the whole site's inputs, export an article for editing."""

from __future__ import annotations

import argparse
import json
import os
import sys

from wenku.checks import check_site
from wenku.corpus import (
    Corpus,
    SourceError,
    apply_overrides,
    assign_slugs,
    check_published_base,
    load_corpus,
    read_source,
)
from wenku.site.render import article_json, render_article
from wenku.site.translation import run_translate


def _root(start: str | None = None) -> str:
    """The project root: --root as given, else the nearest folder upwards that holds mkdocs.yml."""
    if start:
        return os.path.abspath(start)
    here = os.getcwd()
    while True:
        if os.path.exists(os.path.join(here, "mkdocs.yml")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return os.getcwd()
        here = parent


def cmd_clean(args: argparse.Namespace) -> int:
    """Print the cleaned articles of each file (Markdown, or JSON with --json)."""
    cleaned = []
    status = 0
    for path in args.files:
        sidecar = os.path.splitext(path)[0] + ".yml"
        sidecar_text = open(sidecar, encoding="utf-8").read() if os.path.exists(sidecar) else None
        try:
            cleaned.append(read_source(path, sidecar_text))
        except (SourceError, OSError) as exc:
            print(f"{exc}", file=sys.stderr)
            status = 1
    slugged, _, _ = assign_slugs(cleaned)
    corpus = Corpus(sources=apply_overrides(slugged)[0])
    if args.json:
        json.dump([article_json(a) for a in corpus.articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for art in corpus.articles:
            sys.stdout.write(render_article(art))
            sys.stdout.write("\n")
    return status


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every source, sidecar and page; print file:line: problem; non-zero exit on errors."""
    root = _root(args.root)
    problems = check_site(root)
    if args.published_base:
        found, note = check_published_base(os.path.join(root, "sources"), args.published_base)
        problems.extend(found)
        if note:
            print(f"wenku check: note: {note}", file=sys.stderr)
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        rel = os.path.relpath(p.path, root) if os.path.isabs(p.path) else p.path
        print(f"{rel}:{p.line}: {p.severity}: {p.message}")
    print(f"wenku check: {len(errors)} error(s), {len(problems) - len(errors)} warning(s)")
    # Like `mkdocs build --strict`, a warning fails the check: CI must not pass what the build would refuse.
    return 1 if problems else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write a generated article into docs/articles/ so an editor can take it over by hand."""
    root = _root(args.root)
    corpus = load_corpus(os.path.join(root, "sources"))
    match = [a for a in corpus.articles if a.slug == args.slug]
    if not match:
        print(f"wenku export: no article with slug '{args.slug}'", file=sys.stderr)
        return 2
    target = os.path.join(root, "docs", "articles", f"{args.slug}.md")
    if os.path.exists(target) and not args.force:
        print(f"wenku export: {os.path.relpath(target, root)} exists (use --force to overwrite)", file=sys.stderr)
        return 1
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(render_article(match[0]))
    print(f"wrote {os.path.relpath(target, root)}: this page now wins over the generated one")
    return 0


def cmd_translate(args: argparse.Namespace) -> int:
    """Write or update docs/articles/<slug>.en.md: placeholders where English is missing or outdated."""
    return run_translate(_root(args.root), args.slug, args.date)


def cmd_report(args: argparse.Namespace) -> int:
    """Print the cleaning report of each source file (what was fixed or removed, and where)."""
    status = 0
    for path in args.files:
        sidecar = os.path.splitext(path)[0] + ".yml"
        sidecar_text = open(sidecar, encoding="utf-8").read() if os.path.exists(sidecar) else None
        try:
            src = read_source(path, sidecar_text)
        except SourceError as exc:
            print(exc, file=sys.stderr)
            status = 1
            continue
        print(f"# {path}: {src.encoding}, {src.script}, {len(src.articles)} article(s), {len(src.report)} change(s)")
        for c in src.report:
            print(f"{path}:{c.line or '-'}: {c.kind}: {c.before[:60]!r} -> {c.after[:60]!r} ({c.reason})")
    return status


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `wenku` console script."""
    parser = argparse.ArgumentParser(prog="wenku", description="Digital China Reader pipeline")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("clean", help="print the cleaned articles of source files")
    p.add_argument("--json", action="store_true", help="one JSON array of article objects")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_clean)
    p = sub.add_parser("check", help="validate sources, sidecars and pages (file:line: problem)")
    p.add_argument("--root", default=None)
    p.add_argument(
        "--published-base",
        metavar="REF",
        default=None,
        help="also require every slug in REF:sources/published-slugs.lst (e.g. origin/main) to be kept",
    )
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("export", help="write a generated article into docs/ for hand editing")
    p.add_argument("slug")
    p.add_argument("--root", default=None)
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("translate", help="write a translation skeleton, or mark what changed in an outdated one")
    p.add_argument("slug")
    p.add_argument("--root", default=None)
    p.add_argument("--date", default=None, help="the 'translated' date to record (default: keep, or none)")
    p.set_defaults(func=cmd_translate)
    p = sub.add_parser("report", help="print the cleaning report of source files")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_report)
    args = parser.parse_args(argv)
    return args.func(args)
