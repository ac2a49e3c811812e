"""Stable, readable anchors: heading ids from the heading (pinyin for Chinese, the same in the Simplified and
Traditional editions, short) and numbered article paragraphs (#p1 … #pN), English translation paragraphs
numbered like the Chinese paragraphs they translate.

Paragraph numbers are given in the Markdown, before rendering: every top-level paragraph of an article body
(not headings, lists, tables, boxes or raw HTML) in order, as an attr_list id. An English translation
(docs/articles/<slug>.en.md) gives each paragraph followed by a `??? quote` box the number of the Chinese
paragraph the box holds, found in the Chinese page of the same article.
"""

from __future__ import annotations

import re
from html import unescape

from wenku.enrich.slugs import slugify as words_slug
from wenku.script import to_simplified

HEADING_WORDS, HEADING_CHARS = 6, 40  # a heading id keeps at most this many words / characters
RE_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
RE_ATTR_LINE = re.compile(r"^\{:\s*(.*?)\s*\}\s*$")
RE_ORDERED = re.compile(r"^\d+[.)]\s")
NOT_PARAGRAPH = ("#", "|", "- ", "* ", "+ ", "!!!", "???", "<", "```", "~~~", "---", "{:", "    ", "\t", ">", "[TOC]")
QUOTE_BOX = re.compile(r"^\?\?\?\+?\s+quote\b")


def slugify(value: str, separator: str = "-", **_) -> str:
    """A heading's id (Python-Markdown toc's `slugify`): pinyin words for Chinese, taken from the Simplified
    form so that the Traditional edition has the same ids; English words lower-cased; both kept short."""
    text = unescape(value).strip()
    if RE_HAN.search(text):
        text = to_simplified(text)
    slug = words_slug(text, max_words=HEADING_WORDS, max_len=HEADING_CHARS)
    slug = slug if slug != "article" else "section"
    if slug.replace("-", "").isdigit():
        slug = "s" + slug  # an id of digits alone (a numbered heading) would read as a footnote number
    return slug.replace("-", separator)


def _blocks(markdown: str) -> list[str]:
    """Markdown split at blank lines, a fenced code block kept whole."""
    out: list[str] = []
    fence = None
    for block in re.split(r"\n[ \t]*\n", markdown):
        if fence is not None:
            out[-1] += "\n\n" + block
            if re.search(rf"^{re.escape(fence)}\s*$", block, re.M):
                fence = None
            continue
        out.append(block)
        m = re.match(r"^(```+|~~~+)", block.lstrip("\n"))
        if m and not re.search(rf"\n{re.escape(m.group(1))}\s*$", block.strip("\n")):
            fence = m.group(1)
    return out


def is_paragraph(block: str) -> bool:
    """Whether a top-level Markdown block is a plain paragraph."""
    text = block.strip("\n")
    if not text.strip():
        return False
    return not text.startswith(NOT_PARAGRAPH) and not RE_ORDERED.match(text) and "\n|" not in text


def plain(markdown: str) -> str:
    """A paragraph's text for matching: no markup, escapes, attribute lists or white space."""
    lines = [line for line in markdown.split("\n") if not RE_ATTR_LINE.match(line.strip())]
    text = "\n".join(lines)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\\)[*_`]", "", text)  # emphasis marks, not escaped characters
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\s+", "", unescape(text))


def _with_id(block: str, anchor: str) -> str:
    """The block with an attr_list id added (merged into its own attribute list if it has one)."""
    lines = block.rstrip("\n").split("\n")
    m = RE_ATTR_LINE.match(lines[-1].strip())
    if m:
        if re.search(r"(^|\s)#", m.group(1)):
            return block  # the editor gave it an id already
        lines[-1] = "{: " + (m.group(1) + " " if m.group(1) else "") + f"#{anchor} }}"
    else:
        lines.append(f"{{: #{anchor} }}")
    return "\n".join(lines)


def number_paragraphs(markdown: str) -> tuple[str, list[str]]:
    """An article body with ids p1 … pN on its top-level paragraphs, and their plain texts in order."""
    blocks = _blocks(markdown)
    texts: list[str] = []
    for i, block in enumerate(blocks):
        if is_paragraph(block):
            texts.append(plain(block))
            blocks[i] = _with_id(block, f"p{len(texts)}")
    return "\n\n".join(blocks), texts


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def find_paragraph(original: str, chinese: list[str]) -> int | None:
    """The number (1-based) of the Chinese paragraph a translation's original box holds: the same text, or
    else the paragraph sharing most of its character pairs (at least half: the box may predate an edit)."""
    if not original:
        return None
    if original in chinese:
        return chinese.index(original) + 1
    want = _bigrams(original)
    best, score = None, 0.5
    for n, text in enumerate(chinese, 1):
        have = _bigrams(text)
        if want and have:
            s = len(want & have) / len(want | have)
            if s > score:
                best, score = n, s
    return best


def number_translation(markdown: str, chinese: list[str]) -> str:
    """An English translation with each paragraph numbered like the Chinese paragraph in the quote box that
    follows it; paragraphs without an original box (a translator's note) get no number."""
    blocks = _blocks(markdown)
    last_paragraph = None
    used: set[int] = set()
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if QUOTE_BOX.match(block.lstrip("\n")):
            lines = block.strip("\n").split("\n")[1:]
            j = i + 1
            while j < len(blocks) and (blocks[j].startswith(("    ", "\t")) or not blocks[j].strip()):
                lines += [""] + blocks[j].split("\n")
                j += 1
            inner = "\n".join(line[4:] if line.startswith("    ") else line.lstrip("\t") for line in lines)
            first = next((b for b in _blocks(inner) if is_paragraph(b)), "")
            n = find_paragraph(plain(first), chinese)
            if last_paragraph is not None and n is not None and n not in used:
                blocks[last_paragraph] = _with_id(blocks[last_paragraph], f"p{n}")
                used.add(n)
            last_paragraph = None
            i = j
            continue
        last_paragraph = i if is_paragraph(block) else None
        i += 1
    return "\n\n".join(blocks)
