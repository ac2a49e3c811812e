"""Articles to Markdown with YAML front matter: one paragraph per line, safe against stray markup."""

from __future__ import annotations

import re

import yaml

from wenku.model import Article, Block
from wenku.site.editions import label as interface_label

# Metadata the cleaning reads from the source's own lines, printed by `wenku clean --json` when present so
# that every line of a source is seen in the output or in the report.
CLEAN_JSON_META = ("subtitle", "kicker", "summary_label", "editors", "photo_credit")


def escape(text: str) -> str:
    """Text safe as Markdown inline content: no raw HTML, no accidental emphasis, lists or headings."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]{}])", r"\\\1", text)  # { }: no attr_list ({: onclick=… }) from text
    text = re.sub(r"^(\d+)\.(?=\s|\S)", r"\1\\.", text)
    text = re.sub(r"^([-+#|])", r"\\\1", text)
    text = re.sub(r"^=", "&#61;", text)  # '\=' is no Markdown escape: it would show the backslash
    return text


def escape_heading(text: str) -> str:
    """escape() for heading text: a leading number ('1.1 …') is not a list there."""
    escaped = escape(text)
    return escaped.replace("\\.", ".", 1) if re.match(r"^\d+\\\.", escaped) else escaped


def _escape_keep_bold(text: str) -> str:
    """escape(), but a leading **label** the pipeline added stays bold."""
    m = re.match(r"^\*\*(.+?)\*\*(.*)$", text)
    if m:
        return f"**{escape(m.group(1))}**{escape(m.group(2))}"
    return escape(text)


def render_blocks(blocks: list[Block]) -> str:
    """Markdown body for a list of blocks (no front matter)."""
    out: list[str] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind == "deck":
            out.append(f"{escape(b.text)}\n{{: .wenku-deck }}")
        elif b.kind in ("h2", "h3"):
            level = "##" if b.kind == "h2" else "###"
            out.append(f"{level} {escape_heading(b.text)}")
        elif b.kind == "speaker":
            info = b.items[0] if b.items else {}
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            who = f"{escape(info.get('role', ''))} **{escape(info.get('name', b.text))}**".strip()
            if nxt is not None and nxt.kind == "h2":
                out.append(f"## {escape(nxt.text)}")
                i += 1
            out.append(f"{who}\n{{: .wenku-speaker }}")
        elif b.kind == "box":
            label = (b.items[0] or {}).get("label", "") if b.items else ""
            out.append(f'!!! abstract "{escape(label)}"\n\n    {escape(b.text)}')
        elif b.kind == "gap":
            out.append(f"{escape(b.text)}\n{{: .wenku-gap }}")
        elif b.kind == "note":
            out.append(f"{escape(b.text)}\n{{: .wenku-note }}")
        elif b.kind == "figure":
            out.append(f"{escape(b.text)}{interface_label('figure_not_included', 'zh')}\n{{: .wenku-figure }}")
        elif b.kind == "list":
            out.append("\n".join(f"- {_escape_keep_bold(str(item))}" for item in b.items))
        elif b.kind == "table":
            rows = b.items
            grouped = any(g for g, _, _ in rows)
            cat, item, share = (interface_label(k, "zh") for k in ("table_category", "table_item", "table_share"))
            head = f"| {cat} | {item} | {share} |\n|---|---|---:|" if grouped else f"| {item} | {share} |\n|---|---:|"
            body = "\n".join(
                (f"| {escape(g or '')} | {escape(a)} | {escape(p)} |" if grouped else f"| {escape(a)} | {escape(p)} |")
                for g, a, p in rows
            )
            caption = f"**{escape(b.text)}**\n\n" if b.text else ""
            out.append(f"{caption}{head}\n{body}")
        else:
            out.append(escape(b.text))
        i += 1
    return "\n\n".join(out) + "\n"


def front_matter(art: Article) -> dict:
    """The article's front matter as a plain dict (documented in docs/editors/metadata.md)."""
    fm: dict = {
        "title": art.title,
        "slug": art.slug,
        "article": True,
        "authors": art.authors,
    }
    if art.title_inferred:
        fm["title_inferred"] = True
    if art.title_supplied is True:  # the original has no title; the editors wrote this one
        fm["title_supplied"] = True
    for key, value in (
        ("affiliations", art.affiliations),
        ("publication", art.publication),
        ("date", art.date),
        ("funding", art.funding),
        ("summary", art.summary),
    ):
        if value:
            fm[key] = value
    fm["source"] = art.source
    fm["source_lines"] = f"{art.line_span[0]}-{art.line_span[1]}"
    fm["words"] = art.words
    fm["reading_time"] = art.reading_time
    for key in (
        "summary_label",
        "collection",
        "collection_period",
        "topics",
        "keywords",
        "title_en",
        "summary_en",
        "authors_en",
        "affiliations_en",
        "publication_en",
        "photo_credit",
        "pictured",
        "subtitle",
    ):
        if getattr(art, key):
            fm[key] = getattr(art, key)
    return fm


def dump_front_matter(fm: dict) -> str:
    """YAML front matter block, keys in a stable order, Chinese kept readable."""
    return "---\n" + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def render_article(art: Article) -> str:
    """The article as a Markdown document: front matter, then the body (the title is in the header)."""
    return dump_front_matter(front_matter(art)) + "\n" + render_blocks(art.blocks)


def article_json(art: Article) -> dict:
    """The article as the `wenku clean --json` object."""
    fm = front_matter(art)
    return {
        "source": art.source,
        "kind": art.kind,
        "slug": art.slug,
        "title": None if art.title_inferred else art.title,
        "title_inferred": art.title if art.title_inferred else None,
        "authors": art.authors,
        "affiliations": art.affiliations,
        "publication": art.publication,
        "date": art.date,
        "funding": art.funding,
        "summary": art.summary,
        # What else the cleaning took from the text into metadata (shown on the page, or kept for editors).
        **{key: getattr(art, key) for key in CLEAN_JSON_META if getattr(art, key)},
        "source_lines": fm["source_lines"],
        "words": fm["words"],
        "reading_time": fm["reading_time"],
        "body": render_blocks(art.blocks),
        "report": [c.to_dict() for c in art.report],
    }
