"""The sources index and one page per source with its cleaning report."""

from __future__ import annotations

import functools
import os
from collections import defaultdict

from wenku import DATA_DIR
from wenku.corpus import Corpus, source_slug
from wenku.ingest.repairs import fix_spaces_between_chinese
from wenku.metadata import KINDS, load_data_file
from wenku.model import SourceResult
from wenku.site.editions import labels
from wenku.site.pages.common import article_line, cell, sort_key
from wenku.site.render import dump_front_matter, escape


@functools.lru_cache(maxsize=1)
def report_kinds() -> dict[str, dict[str, str]]:
    """What each report kind means, in zh and en (data/report_kinds.yml)."""
    return load_data_file(os.path.join(DATA_DIR, "report_kinds.yml"))  # the registry of model.report_kinds()


def kind_name(kind: str, lang: str, default: str) -> str:
    """What a kind of source is called in a language (label kind_<kind>); default for a kind without one."""
    return labels()[lang][f"kind_{kind.replace('-', '_')}"] if kind in KINDS else default


def sources_index(corpus: Corpus, lang: str) -> str:
    """Every source with what it is and how many articles it gave."""
    lab = labels()[lang]
    rows = []
    for src in corpus.sources:
        sc = src.sidecar
        title = source_title(src, lang)
        kind = kind_name(sc.get("kind", ""), lang, sc.get("kind", ""))
        outlet = (sc.get("publication_en") if lang == "en" else None) or sc.get("publication") or ""
        rows.append(
            f"| [{escape(title)}]({source_slug(src)}.md) | {escape(kind)} | {escape(outlet)} | "
            f"{sc.get('date', '') or ''} | {len(src.articles)} |"
        )
    head = f"| {lab['sources']} | {lab['kind']} | {lab['outlet']} | {lab['date']} | {lab['articles']} |\n|---|---|---|---|---:|"
    # Each source's articles right here, so that every article is two clicks from the home page.
    lists = []
    for src in corpus.sources:
        title = source_title(src, lang)
        items = "\n".join(article_line(a, lang, "sources") for a in sorted(src.articles, key=sort_key))
        lists.append(f"## [{escape(title)}]({source_slug(src)}.md)\n\n{items}")
    return (
        dump_front_matter({"title": lab["sources"], "generated": True})
        + f"\n# {lab['sources']}\n\n"
        + head
        + "\n"
        + "\n".join(rows)
        + "\n\n"
        + "\n\n".join(lists)
        + "\n"
    )


def source_title(src: SourceResult, lang: str) -> str:
    """A source's title in a language (sidecar title_en for English), else its file name."""
    sc = src.sidecar
    return sc.get("title_en" if lang == "en" else "title") or sc.get("title") or src.name


def source_page(src: SourceResult, lang: str) -> str:
    """A source: what it is, its articles, and its cleaning report."""
    lab = labels()[lang]
    sc = src.sidecar
    title = source_title(src, lang)
    # YAML folded text joins lines with a space: none belongs between Chinese characters.
    notes = fix_spaces_between_chinese(sc.get("notes_en" if lang == "en" else "notes") or sc.get("notes") or "")
    sep = lab["field_separator"]
    facts = [f"- {lab['kind']}{sep}{kind_name(sc.get('kind', ''), lang, sc.get('kind', '—'))}"]
    outlet = (sc.get("publication_en") if lang == "en" else None) or sc.get("publication")
    if outlet:
        facts.append(f"- {lab['outlet']}{sep}{escape(outlet)}")
    if sc.get("date"):
        facts.append(f"- {lab['date']}{sep}{sc['date']}")
    if sc.get("url"):
        facts.append(f"- URL{sep}<{sc['url']}>")
    script = lab[f"script_{src.script}"] if src.script in ("traditional", "simplified") else src.script
    facts.append(f"- {lab['encoding']}{sep}{src.encoding}; {lab['script']}{sep}{script}")
    facts.append(f"- {lab['raw_text']}{sep}[{src.name}](raw/{src.name}) · [JSON](raw/{source_slug(src)}-report.json)")
    arts = "\n".join(article_line(a, lang, "sources") for a in src.articles)
    counts: dict[str, int] = defaultdict(int)
    for c in src.report:
        counts[c.kind] += 1
    kinds = report_kinds()
    summary = "\n".join(
        f"| `{k}` | {escape(kinds.get(k, {}).get(lang if lang == 'en' else 'zh', ''))} | {n} |"
        for k, n in sorted(counts.items())
    )
    rows = "\n".join(
        f"| {c.line or '—'} | `{c.kind}` | {cell(c.before)} | {cell(c.after)} | {escape(c.reason)} |"
        for c in src.report
    )
    return (
        dump_front_matter({"title": title, "generated": True, "search": {"exclude": True}})
        + f"\n# {escape(title)}\n\n{escape(notes)}\n\n"
        + "\n".join(facts)
        + f"\n\n## {lab['articles']} {{#articles}}\n\n{arts}\n\n## {lab['cleaning_report']} {{#report}}\n\n"
        + f"| {lab['change']} | {lab['reason']} | n |\n|---|---|---:|\n{summary}\n\n"
        + f'??? note "{lab["changes"]} ({len(src.report)})"\n\n'
        + "\n".join(
            "    " + r
            for r in (
                f"| {lab['line']} | {lab['change']} | {lab['before']} | {lab['after']} | {lab['reason']} |",
                "|---:|---|---|---|---|",
                *rows.split("\n"),
            )
            if rows
        )
        + "\n"
    )
