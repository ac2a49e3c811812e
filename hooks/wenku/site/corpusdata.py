"""The corpus for researchers: per edition `data/articles.jsonl` (metadata, text, source lines, translation
status; one article per line) and `data/articles.csv` (the metadata), written with the staged pages.

The fields are documented on the About page (docs/about.md, docs/about.en.md); FIELDS and CSV_FIELDS here
are the order they appear in. Text comes from each article's page as staged (generated or written by an
editor), with the Markdown taken off: one paragraph per line, headings and list items as lines of their own.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from html import unescape

import yaml

from wenku.enrich.convert import to_traditional
from wenku.enrich.slugs import name_pinyin
from wenku.model import Article
from wenku.site.editions import edition_base, suffix

FIELDS = (
    "slug",
    "url",
    "edition",
    "language",
    "title",
    "title_zh",
    "title_en",
    "authors",
    "authors_en",
    "affiliations",
    "publication",
    "date",
    "summary",
    "summary_en",
    "topics",
    "keywords",
    "words",
    "source",
    "source_lines",
    "source_page",
    "source_raw",
    "translation_status",
    "translated",
    "translation_url",
    "text",
    "text_zh",
)
CSV_FIELDS = tuple(f for f in FIELDS if f not in ("text", "text_zh", "summary", "summary_en"))
LANGUAGE = {"zh": "zh-Hans", "en": "en", "zh-Hant": "zh-Hant"}

RE_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
RE_ATTR_LINE = re.compile(r"^\s*\{:.*\}\s*$")
RE_QUOTE_BOX = re.compile(r"^\?\?\?\+?\s+quote\b")


def markdown_text(markdown: str, drop_quote_boxes: bool = False) -> str:
    """Plain text of a page body: one paragraph, heading, list item or table row per line.

    drop_quote_boxes: leave out `??? quote` boxes (the Chinese originals inside an English translation)."""
    body = RE_FRONT.sub("", markdown, count=1)
    out: list[str] = []
    in_quote = False
    for block in re.split(r"\n[ \t]*\n", body):
        first = block.lstrip("\n")
        if RE_QUOTE_BOX.match(first):
            in_quote = drop_quote_boxes
            if in_quote:
                continue
        elif in_quote and first.startswith(("    ", "\t")):
            continue
        else:
            in_quote = False
        if ".wenku-translation-note" in block:
            continue  # the translator's note on the translation, not the text
        lines = []
        for line in block.split("\n"):
            s = line.strip()
            if not s or RE_ATTR_LINE.match(s) or re.fullmatch(r"\|?[\s:|-]+\|?", s) and "-" in s:
                continue
            if s.startswith(("!!!", "???")) or re.fullmatch(r"</?div[^>]*>", s):
                continue
            s = re.sub(r"^#{1,6}\s+", "", s)
            s = re.sub(r"^[-*+]\s+", "", s)
            s = re.sub(r"\s*\{#[^}]*\}\s*$", "", s)
            if s.startswith("|"):
                s = " | ".join(c.strip() for c in s.strip("|").split("|"))
            lines.append(s)
        text = " ".join(lines) if _is_wrapped(lines) else "\n".join(lines)
        if text:
            out.append(_inline(text))
    return "\n".join(out)


def _is_wrapped(lines: list[str]) -> bool:
    """A paragraph an editor wrapped over several lines (English prose), not a list or table."""
    return (
        len(lines) > 1
        and all(re.match(r"[A-Za-z“\"(]", line or "x") for line in lines[1:])
        and not any(" | " in line for line in lines)
    )


def _inline(text: str) -> str:
    """Inline Markdown off: links to their text, emphasis marks, escapes, entities, HTML tags."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"(?<!\\)(\*\*|\*|__|`)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return unescape(text)


def _list(value) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def record(
    art: Article,
    edition: str,
    base: str,
    chinese_page: str,
    edition_page: str,
    translation_page: str | None,
    source_page: str | None,
    source_raw: str | None,
    chinese_text: str | None = None,
) -> dict:
    """One article as a JSON object of an edition (FIELDS).

    chinese_page: the Simplified page's Markdown; edition_page: the page of this edition (the converted one
    for zh-Hant); translation_page: the English translation file's Markdown, if there is one;
    chinese_text: markdown_text(chinese_page), when the caller has it already."""
    state = art.translation_status or ("summary" if art.summary_en else "none")
    title_en = art.title_en
    if edition == "en":
        title = title_en or art.title
        text = markdown_text(translation_page, drop_quote_boxes=True) if translation_page else None
    else:
        title = _first_heading(edition_page) or art.title
        text = chinese_text if edition == "zh" and chinese_text is not None else markdown_text(edition_page)
    chinese_text = markdown_text(chinese_page) if chinese_text is None else chinese_text
    root = base if edition == "zh" else base.rsplit("/", 1)[0]
    convert = _script(edition)
    return {
        "slug": art.slug,
        "url": f"{base}/articles/{art.slug}/",
        "edition": edition,
        "language": LANGUAGE[edition],
        "title": title,
        "title_zh": art.title,
        "title_en": title_en,
        "authors": [convert(a) for a in art.authors],
        "authors_en": _list(art.authors_en) or [name_pinyin(a) for a in art.authors],
        "affiliations": _list(art.affiliations_en)
        if edition == "en" and art.affiliations_en
        else [convert(a) for a in art.affiliations or []],
        "publication": (art.publication_en if edition == "en" else None)
        or (convert(art.publication) if art.publication else None),
        "date": art.date or None,
        "summary": convert(art.summary) if art.summary else None,
        "summary_en": art.summary_en or None,
        "topics": _list(art.topics),
        "keywords": [convert(k) for k in _list(art.keywords)],
        "words": art.words or None,
        "source": art.source if art.source != "docs" else None,
        "source_lines": f"{art.line_span[0]}-{art.line_span[1]}" if art.line_span[0] else None,
        "source_page": f"{base}/sources/{source_page}/" if source_page else None,
        "source_raw": f"{root}/sources/raw/{source_raw}" if source_raw else None,
        "translation_status": state,
        "translated": str(art.translated) if art.translated else None,
        "translation_url": f"{root}/en/articles/{art.slug}/" if state in ("translated", "outdated") else None,
        "text": text,
        "text_zh": None if edition == "zh" else chinese_text,
    }


def _script(edition: str):
    if edition != "zh-Hant":
        return lambda text: text
    return to_traditional


def _row_key(art: Article, edition: str, base: str, page: str, translation: str | None, src_page, raw) -> tuple:
    """Everything one article's rows in an edition's data files are made of (the cache key of the rows)."""
    fields = (
        art.slug,
        art.title,
        art.authors,
        art.affiliations,
        art.publication,
        art.date,
        art.summary,
        art.source,
        art.line_span,
        art.metadata_key(),
    )
    digest = hashlib.sha1(page.encode("utf-8"))
    digest.update(b"\0" + (translation or "").encode("utf-8") + b"\0" + repr(fields).encode("utf-8"))
    return (edition, base, src_page, raw, translation is None, digest.hexdigest())


def data_files(
    arts: list[Article],
    site_url: str,
    chinese_pages: dict[str, str],
    traditional,
    translations: dict[str, str],
    sources: dict[str, tuple[str, str]],
    cache: dict | None = None,
) -> dict[str, str]:
    """{docs path: text} of the data files of the three editions (data/articles.jsonl, .csv; suffixed).

    arts: every article, with its translation status; chinese_pages: slug -> its Simplified page;
    traditional: page text -> the converted page (cached); translations: slug -> English translation file;
    sources: source file name -> (source page slug, raw file name); cache: an article's (JSON line, CSV row)
    of an edition by everything they are made of (Build.data_rows), so that a rebuild makes again only
    the rows of edited articles; its values are strings, never changed."""
    cache = {} if cache is None else cache
    used = set()
    out = {}
    texts: dict[str, str] = {}  # the Chinese text of each page, taken off its Markdown once
    for edition in ("zh", "en", "zh-Hant"):
        base = edition_base(site_url, edition)
        lines, rows = [], []
        for art in arts:
            page = chinese_pages.get(art.slug)
            if page is None:
                continue
            src_page, raw = sources.get(art.source, (None, None))
            translation = translations.get(art.slug)
            key = _row_key(art, edition, base, page, translation, src_page, raw)
            if key not in cache:
                edition_page = traditional(page) if edition == "zh-Hant" else page
                if art.slug not in texts:
                    texts[art.slug] = markdown_text(page)
                rec = record(art, edition, base, page, edition_page, translation, src_page, raw, texts[art.slug])
                cache[key] = (jsonl([rec]), csv_rows([rec]))
            used.add(key)
            line, row = cache[key]
            lines.append(line)
            rows.append(row)
        out[f"data/articles{suffix(edition)}.jsonl"] = "".join(lines)
        out[f"data/articles{suffix(edition)}.csv"] = csv_rows([], header=True) + "".join(rows)
    for key in [k for k in cache if k not in used]:
        del cache[key]  # rows of texts edited since: a long `mkdocs serve` keeps only what it shows
    return out


def _first_heading(page: str) -> str | None:
    """The title in a page's front matter (the converted title on zh-Hant pages)."""
    m = re.search(r"^title:\s*(.+)$", page[:2000], re.M)
    if not m:
        return None
    try:
        value = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return None
    return str(value) if value else None


def jsonl(records: list[dict]) -> str:
    """One JSON object per line, UTF-8 characters as they are."""
    return "".join(json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False) + "\n" for r in records)


def _cell(value):
    """A CSV cell a spreadsheet reads as text, never as a formula: a leading =, +, -, @, tab or CR gets a '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_rows(records: list[dict], header: bool = False) -> str:
    """CSV rows of records (RFC 4180; lists joined with '; '), after the header row if asked."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if header:
        writer.writerow(CSV_FIELDS)
    for r in records:
        writer.writerow(
            [_cell("; ".join(r[k]) if isinstance(r[k], list) else ("" if r[k] is None else r[k])) for k in CSV_FIELDS]
        )
    return buf.getvalue()


def csv_text(records: list[dict]) -> str:
    """The metadata as CSV (RFC 4180, a header row; lists joined with '; ')."""
    return csv_rows(records, header=True)
