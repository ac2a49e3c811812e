"""What several page kinds share: titles, bylines, list items, links, order and the Chinese text's fingerprint."""

from __future__ import annotations

import hashlib
import os

from wenku.enrich.slugs import name_pinyin
from wenku.model import Article
from wenku.site.editions import labels
from wenku.site.render import escape, render_blocks
from wenku.textutil import shorten


def article_title(art: Article, lang: str) -> str:
    """The title readers see in a language."""
    if lang == "en" and art.title_en:
        return art.title_en
    return art.title or art.slug


def authors_text(art: Article, lang: str) -> str:
    """Authors as one line in a language (pinyin for English)."""
    separator = labels()[lang]["authors_separator"]
    if lang == "en":
        return separator.join(art.authors_en or [name_pinyin(a) for a in art.authors])
    return separator.join(art.authors)


def sort_key(art: Article) -> tuple:
    """Newest first; undated last; then by title for a stable order."""
    return (-(int((art.date or "0").replace("-", "").ljust(8, "0")[:8])), art.source, art.index)


def rel_link(from_dir: str, target: str) -> str:
    """Relative link from a page folder to a docs path (MkDocs resolves .md links).

    Docs paths are plain folder/name strings, so the link is worked out on their parts (os.path.relpath
    makes both absolute first: 6% of a rebuild at 1,000 articles); anything else goes to os.path.relpath."""
    start = from_dir.split("/") if from_dir and from_dir != "." else []
    parts = target.split("/")
    if any(p in ("", ".", "..") or os.sep in p or (os.altsep and os.altsep in p) for p in start + parts):
        return os.path.relpath(target, from_dir or ".").replace(os.sep, "/")
    i = 0
    while i < len(start) and i < len(parts) and start[i] == parts[i]:
        i += 1
    return "/".join([".."] * (len(start) - i) + parts[i:]) or "."


def article_line(art: Article, lang: str, from_dir: str) -> str:
    """A list item for an article: linked title, authors, date."""
    parts = [f"[{escape(article_title(art, lang))}]({rel_link(from_dir, f'articles/{art.slug}.md')})"]
    who = authors_text(art, lang)
    if who:
        parts.append(escape(who))
    if art.date:
        parts.append(art.date)
    return "- " + " · ".join(parts)


def chinese_hash(art: Article) -> str:
    """A short fingerprint of an article's Chinese text: a translation records the one it was made from."""
    return hashlib.sha256(render_blocks(art.blocks).encode("utf-8")).hexdigest()[:12]


def cell(text: str, limit: int = 60) -> str:
    """Report text as a table cell: shortened, line breaks shown, pipes escaped."""
    return escape(shorten(text.replace("\n", " ⏎ "), limit)).replace("|", "\\|") or "—"
