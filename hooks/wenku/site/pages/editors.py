"""The build report for editors."""

from __future__ import annotations

from wenku.corpus import Corpus, source_slug
from wenku.metadata import Problem
from wenku.site.editions import labels
from wenku.site.pages.common import cell, rel_link
from wenku.site.render import dump_front_matter, escape

# The report kinds an editor checks, in the order of the build report; each is named by the label
# report_<kind> (sources/labels.yml).
EDITOR_KINDS = (
    "mark_gap",
    "place_fragment",
    "missing_section",
    "suspect_cjk_in_acronym",
    "fix_doubled_words",
    "fix_unrecoverable_mojibake",
    "missing_article",
)


def editor_report(corpus: Corpus, lang: str) -> str:
    """What editors should check after a build: inferred titles, gaps, placements, suspected typos."""
    lab = labels()[lang]
    title = lab["build_report_title"]
    out = [f"# {title}", ""]
    out.append(lab["build_report_intro"])
    inferred = [a for a in corpus.articles if a.title_inferred]
    out += ["", "## " + lab["inferred_titles"], ""]
    if inferred:
        out.append(f"| slug | {lab['column_inferred_title']} | {lab['column_source']} |\n|---|---|---|")
        out += [
            f"| [{a.slug}]({rel_link('editors', f'articles/{a.slug}.md')}) | {escape(a.title or '')} | "
            f"{a.source}:{a.line_span[0]} |"
            for a in inferred
        ]
    else:
        out.append("—")
    for kind in EDITOR_KINDS:
        rows = [(src, c) for src in corpus.sources for c in src.report if c.kind == kind]
        out += ["", f"## {lab['report_' + kind]} ({len(rows)})", ""]
        if not rows:
            out.append("—")
            continue
        out.append(f"| {lab['column_where']} | {lab['column_text']} | {lab['column_note']} |\n|---|---|---|")
        out += [
            f"| [{src.name}:{c.line or '—'}]({rel_link('editors', f'sources/{source_slug(src)}.md')}) | "
            f"{cell(c.before or c.after)} | {escape(c.reason)} |"
            for src, c in rows
        ]
    problems = corpus.problems + [Problem(c.before, c.line or 1, c.reason, "warning") for c in corpus.slug_changes]
    out += ["", f"## {lab['warnings']} ({len(problems)})", ""]
    out += [f"- `{escape(str(p))}`" for p in problems] or ["—"]
    return (
        dump_front_matter({"title": title, "generated": True, "search": {"exclude": True}})
        + "\n"
        + "\n".join(out)
        + "\n"
    )
