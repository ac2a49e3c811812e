"""The glossary page, and the links from a term's first use in a page to its entry."""

from __future__ import annotations

import functools
import re

from wenku import editorial
from wenku.enrich.slugs import slugify
from wenku.model import Article
from wenku.site.editions import labels
from wenku.site.pages.common import article_title, rel_link
from wenku.site.render import dump_front_matter, escape
from wenku.site.translation import term_uses


def glossary() -> list[dict]:
    """The shared bilingual glossary (sources/glossary.yml, as it is now)."""
    return editorial.load(editorial.GLOSSARY)


@functools.lru_cache(maxsize=4096)
def glossary_anchor(term: str) -> str:
    """The id of a term on the glossary page (the same in every edition)."""

    return "term-" + slugify(term)


def glossary_page(lang: str, arts: list[Article] | None = None, uses: dict | None = None) -> str:
    """The glossary, one linkable entry per term, in a language, with the articles that use each term.
    uses: term_uses(arts), when the caller has it already (counted once for every edition)."""
    uses = term_uses(arts or []) if uses is None else uses
    zh = lang == "zh"
    lab = labels()[lang]
    title, intro = lab["glossary_title"], lab["glossary_intro"]
    entries = []
    for g in glossary():
        head = f"{g['zh']}" if zh else f"{g['en']} ({g['zh']})"
        body = f"{escape(g['en'])}" if zh else ""
        if g.get("note_en"):
            body += ("——" if zh else "") + escape(g["note_en"])
        body += _glossary_details(g, uses.get(g["zh"], []), lang)
        entries.append(f"### {escape(head)} {{#{glossary_anchor(g['zh'])}}}\n\n{body}")
    return (
        dump_front_matter({"title": title, "generated": True})
        + f"\n# {title}\n\n{intro}\n\n"
        + "\n\n".join(entries)
        + "\n"
    )


def _glossary_details(g: dict, used: list[tuple[Article, int]], lang: str) -> str:
    """Accepted and refused renderings, the source of the rendering, and the articles that use the term."""
    lab = labels()[lang]
    lines = []
    if g.get("variants"):
        lines.append(lab["glossary_variants"] + "; ".join(escape(str(v)) for v in g["variants"]))
    if g.get("not"):
        lines.append(lab["glossary_not"] + "; ".join(escape(str(v)) for v in g["not"]))
    if g.get("source"):
        lines.append(lab["glossary_source"] + escape(str(g["source"])))
    if used:
        links = [f"[{escape(article_title(a, lang))}]({rel_link('', f'articles/{a.slug}.md')}) ({n})" for a, n in used]
        lines.append(lab["glossary_used_in"].format(n=len(used)) + lab["list_separator"].join(links))
    else:
        lines.append(lab["glossary_unused"])
    return "\n\n" + "\n\n".join(lines)


def _link_first_uses(markdown: str, page_dir: str, skip: tuple[str, ...], order, find) -> str:
    """Link the first use of each glossary term in a page's paragraphs to its glossary entry.

    skip: paragraph starts that are not prose (headings, lists, tables, admonitions, code);
    order: sort key over glossary entries (longer terms first); find(entry, paragraph) -> (start, end) or None.
    """
    link = rel_link(page_dir, "glossary.md")
    out, linked = [], set()
    entries = sorted(glossary(), key=order)  # the glossary as it is now, read once per page
    for para in markdown.split("\n\n"):
        if para.startswith(skip) or "{:" in para:
            out.append(para)
            continue
        for g in entries:
            span = None if g["zh"] in linked else find(g, para)
            if span is None:
                continue
            start, end = span
            if any(a < end and start < b for a, b in _taken_spans(para)):
                continue  # already inside a link, an inline tag or code: a link is never put in a link
            para = para[:start] + f"[{para[start:end]}]({link}#{glossary_anchor(g['zh'])})" + para[end:]
            linked.add(g["zh"])
        out.append(para)
    return "\n\n".join(out)


RE_TAKEN = re.compile(r"\[[^\]]*\]\([^)]*\)|\[[^\]]*\]\[[^\]]*\]|<[^>]+>|`[^`]*`")


def _taken_spans(para: str) -> list[tuple[int, int]]:
    """Where a paragraph already holds a Markdown link, an inline tag or code."""
    return [m.span() for m in RE_TAKEN.finditer(para)]


def _find_english_term(g: dict, para: str) -> tuple[int, int] | None:
    """Where a term's English is used as a whole word (any case), not already inside a link."""
    term = g["en"].split(" (")[0].strip('"')
    if len(term) < 4:
        return None
    m = re.search(rf"(?<![\w\[]){re.escape(term)}(?![\w\]])", para, re.I)
    if not m or "](" in para[max(0, m.start() - 3) : m.start()]:
        return None
    return m.span()


def _find_chinese_term(g: dict, para: str) -> tuple[int, int] | None:
    """Where a term's Chinese is first used, not already inside a link."""
    term = _escaped(g["zh"])
    i = para.find(term)
    if i < 0 or ("[" in para[max(0, i - 40) : i] and "]" not in para[max(0, i - 40) : i]):
        return None
    return i, i + len(term)


@functools.lru_cache(maxsize=4096)
def _escaped(term: str) -> str:
    """escape() of a term, made once per term rather than once per paragraph of every page."""
    return escape(term)


def link_english_glossary_terms(markdown: str, page_dir: str) -> str:
    """Link the first use of each glossary term's English in a translation's paragraphs to the glossary."""
    return _link_first_uses(
        markdown,
        page_dir,
        ("#", "|", "-", "!!!", "???", "    ", "<", "{:", "---"),
        lambda g: -len(g["en"]),
        _find_english_term,
    )


def link_glossary_terms(markdown: str, page_dir: str) -> str:
    """Link the first use of each glossary term in an article's paragraphs to the glossary page."""
    return _link_first_uses(
        markdown, page_dir, ("#", "|", "-", "!!!", "    ", "<"), lambda g: -len(g["zh"]), _find_chinese_term
    )
