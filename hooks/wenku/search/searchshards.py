"""Sharded search index: what our search worker downloads, a little at a time.

Material's own search downloads the whole index before the first query (22 MB of JSON for the zh
edition at 1,000 articles) and, with jieba's precise mode, finds whole words only. This module turns one
edition's part of Material's index (split per edition by `searchindex.py`) into:

- parts: each page or section text cut into parts of at most PART_CHARS characters at paragraph ends;
  one small file per part (`search/parts/<id>.json`) with its page and section, fetched only for the
  results a reader sees, to make the highlighted excerpt;
- keys: every pair of adjacent Han characters (so any string of two or more characters is found, with
  no dictionary to miss it) and every Latin or digit word (matched by prefix);
- shards: the posting lists (which parts hold a key in their text, which in their title), spread over
  `search/shards/<n>.json` by a hash of the key (Latin words by their first two letters, so a prefix
  finds its shard); a query downloads only the shards of its own keys;
- single Han characters (a one-character query: 链, 税, 云) have their own posting lists in their own
  shards, `search/shards/u<n>.json`: a common character's list is long (a bitmap of all parts), and
  kept apart it never weighs on the shards that queries of two or more characters download;
- pages: the title and address of every page, in chunks, for results beyond the first ten;
- search_index.json itself, still fetched by Material's page script, now holds only the configuration
  with our manifest (`config.wenku`): counts, where the files are, and a version for cache busting.

The worker that reads these files is `data/search-worker.js`; the hash and the posting encoding below
have their twins there.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
from array import array

PART_CHARS = 600  # longest part: one result's excerpt source, about 2 KB of JSON
SHARD_BYTES = 3000  # target size of one shard file before compression
PAGES_PER_CHUNK = 200  # titles and addresses per page-table file
FORMAT = 2  # bump when the file layout changes (the worker checks it)

RE_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
RE_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
RE_WORD = re.compile(r"[0-9a-z]+")
RE_BLOCK_END = re.compile(r"</(?:p|li|h\d|tr|pre|blockquote|dd|dt|figcaption)>|<br\s*/?>", re.I)
RE_TAG = re.compile(r"<[^>]+>")
RE_SPACES = re.compile(r"[ \t\u00a0]+")
RE_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
EVERY = 256  # steps between two checks of `stop` in the long loops


class Stopped(Exception):
    """A build of the search files was told to stop (a preview's, cancelled by a newer build)."""


def check(stop) -> None:
    """Raise Stopped when the stop callable (if any) says so."""
    if stop is not None and stop():
        raise Stopped


def plain_text(markup: str) -> str:
    """Material's indexed HTML as plain text: one paragraph per line, no word-break marks."""
    text = RE_BLOCK_END.sub("\n", markup.replace("\u200b", ""))
    text = html.unescape(RE_TAG.sub("", text))
    lines = (RE_SPACES.sub(" ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def fold_latin(text: str) -> str:
    """Full-width Latin letters and digits to half-width, lower case (what the worker does to queries)."""
    return text.translate(FULL_WIDTH).lower()


def key_hash(key: str) -> int:
    """FNV-1a over UTF-16 code units, 32 bits (search-worker.js: keyHash)."""
    h = 0x811C9DC5
    data = key.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def shard_of(key: str, shards: int) -> int:
    """The shard holding a key: Han bigrams (and, among the unigram shards, single Han characters) by
    the whole key, words by their first two letters."""
    return key_hash(key if RE_HAN.fullmatch(key) else key[:2]) % shards


def unigrams_of(text: str) -> set[str]:
    """The Han characters of a text (the keys of one-character queries)."""
    return set(RE_HAN_CHAR.findall(text))


def keys_of(text: str) -> set[str]:
    """Han bigrams and Latin/digit words of a text."""
    text = fold_latin(text)
    keys = {run[i : i + 2] for run in RE_HAN.findall(text) for i in range(len(run) - 1)}
    keys.update(RE_WORD.findall(text))
    return keys


def split_parts(text: str, limit: int = PART_CHARS) -> list[str]:
    """Paragraphs packed into parts of at most `limit` characters; a longer paragraph is cut at sentences."""
    pieces: list[str] = []
    for para in text.split("\n"):
        while len(para) > limit:
            cut = max(
                (m.start() for m in RE_SENTENCE_END.finditer(para, 0, limit) if m.start() > limit // 3), default=limit
            )
            pieces.append(para[:cut])
            para = para[cut:]
        if para:
            pieces.append(para)
    parts: list[str] = []
    for piece in pieces:
        if parts and len(parts[-1]) + 1 + len(piece) <= limit:
            parts[-1] += "\n" + piece
        else:
            parts.append(piece)
    return parts


DIGIT_LAST = B64[:32]  # a gap's last 5-bit digit
DIGIT_MORE = B64[32:]  # a digit with more to follow


def encode_ids(ids: list[int], total: int) -> str:
    """Sorted ids as a string: gaps in base-64 digits of 5 bits (bit 6 set = more digits follow), or,
    when shorter, '!' and a bitmap of `total` bits in base 64 (search-worker.js: decodeIds)."""
    if len(ids) * 6 < total:
        out = []
        prev = -1
        for i in ids:
            gap = i - prev - 1
            prev = i
            if gap < 32:
                out.append(DIGIT_LAST[gap])
                continue
            digits = [DIGIT_LAST[gap & 31]]
            gap >>= 5
            while gap:
                digits.append(DIGIT_MORE[gap & 31])
                gap >>= 5
            out.extend(reversed(digits))
        if len(out) * 6 <= total:
            return "".join(out)
    bits = bytearray((total + 5) // 6)
    for i in ids:
        bits[i // 6] |= 1 << (i % 6)
    return "!" + bytes(bits).translate(BITMAP_DIGITS).decode("ascii")


BITMAP_DIGITS = bytes(B64.encode("ascii")) + bytes(256 - 64)


def decode_ids(code: str, total: int) -> list[int]:
    """The inverse of encode_ids (the tests check the round trip; the worker has its own decodeIds)."""
    if code.startswith("!"):
        return [k * 6 + b for k, ch in enumerate(code[1:]) for b in range(6) if B64.index(ch) >> b & 1]
    ids, value, prev = [], 0, -1
    for ch in code:
        d = B64.index(ch)
        value = (value << 5) | (d & 31)
        if not d & 32:
            prev += value + 1
            ids.append(prev)
            value = 0
    return ids


def build_edition(
    search_dir: str, lang: str, path_from_root: str, index: dict, fold: dict[str, str] | None = None, stop=None
) -> dict:
    """Write one edition's index (Material's config and docs) as our sharded files; returns the figures.

    fold: the character map for queries (traditional to simplified for zh, the reverse for zh-Hant);
    only characters absent from this edition's text whose folded form occurs in it are kept.
    stop: checked every EVERY steps (`check`); a stopped build leaves its files unfinished, for the
    next build to write again."""
    os.makedirs(search_dir, exist_ok=True)
    index_path = os.path.join(search_dir, "search_index.json")
    pages: list[list[str]] = []  # [location, title] of every page
    page_of: dict[str, int] = {}
    parts: list[dict] = []
    seen: set[str] = set()
    for n, doc in enumerate(index["docs"]):
        if n % EVERY == 0:
            check(stop)
        loc = doc["location"]
        if loc in seen:  # the home page's sections come twice in mkdocs-static-i18n's merged index
            continue
        seen.add(loc)
        page_loc, _, anchor = loc.partition("#")
        title = plain_text(doc.get("title", "")).replace("\n", " ")
        if page_loc not in page_of:
            page_of[page_loc] = len(pages)
            pages.append([page_loc, title if not anchor else ""])
        page = page_of[page_loc]
        if not anchor and not pages[page][1]:
            pages[page][1] = title
        section = [anchor, title] if anchor else None
        for text in split_parts(plain_text(doc.get("text", ""))) or [""]:
            if text or section:
                parts.append({"page": page, "section": section, "text": text})
    total = len(parts)
    # Posting lists as 32-bit arrays: a Python list of ints costs 36 bytes an entry (15 million at 5,000 articles).
    postings: dict[str, tuple[array, array]] = {}
    singles: dict[str, tuple[array, array]] = {}
    for pid, part in enumerate(parts):
        if pid % EVERY == 0:
            check(stop)
        title = pages[part["page"]][1] + (" " + part["section"][1] if part["section"] else "")
        for table, keys in ((postings, keys_of), (singles, unigrams_of)):
            for key in keys(part["text"]):
                lists = table.get(key)
                if lists is None:
                    lists = table[key] = (array("I"), array("I"))
                lists[0].append(pid)
            for key in keys(title):
                lists = table.get(key)
                if lists is None:
                    lists = table[key] = (array("I"), array("I"))
                lists[1].append(pid)
    buckets = _buckets(postings, total, stop)
    del postings
    unigram_buckets = _buckets(singles, total, stop)
    del singles
    shards, unigram_shards = len(buckets), len(unigram_buckets)

    chars = {c for part in parts for c in part["text"]} | {c for page in pages for c in page[1]}
    # A character the edition's text holds is searched as it is (斗 stays 斗 in 北斗 on zh-Hant, though
    # OpenCC's single-character s2t map says 鬥); others fold to a form the text holds.
    fold_map = {k: v for k, v in sorted((fold or {}).items()) if k != v and v in chars and k not in chars}

    check(stop)
    for sub in ("shards", "parts", "pages"):
        shutil.rmtree(os.path.join(search_dir, sub), ignore_errors=True)
        os.makedirs(os.path.join(search_dir, sub))
    digest = hashlib.sha1()

    written = [0]

    def write(rel: str, data) -> int:
        written[0] += 1
        if written[0] % EVERY == 0:
            check(stop)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        digest.update(rel.encode() + text.encode())
        with open(os.path.join(search_dir, rel), "w", encoding="utf-8") as fh:
            fh.write(text)
        return len(text.encode())

    shard_sizes = [write(f"shards/{n}.json", b) for n, b in enumerate(buckets)]
    unigram_sizes = [write(f"shards/u{n}.json", b) for n, b in enumerate(unigram_buckets)]
    for pid, part in enumerate(parts):
        loc, title = pages[part["page"]]
        write(
            f"parts/{pid}.json",
            {"page": part["page"], "location": loc, "title": title, "section": part["section"], "text": part["text"]},
        )
    for k in range(0, len(pages), PAGES_PER_CHUNK):
        write(f"pages/{k // PAGES_PER_CHUNK}.json", pages[k : k + PAGES_PER_CHUNK])
    write("fold.json", fold_map)
    part_pages = encode_runs([p["page"] for p in parts])
    articles = encode_ids([i for i, (loc, _) in enumerate(pages) if loc.startswith("articles/")], len(pages))
    config = dict(index["config"])
    config["wenku"] = {
        "format": FORMAT,
        "lang": lang,
        "path": path_from_root,
        "version": digest.hexdigest()[:12],
        "parts": total,
        "pages": len(pages),
        "shards": shards,
        "unigramShards": unigram_shards,
        "pagesPerChunk": PAGES_PER_CHUNK,
        "partPages": part_pages,
        "articles": articles,
    }
    with open(index_path, "w", encoding="utf-8") as fh:
        json.dump({"config": config, "docs": []}, fh, ensure_ascii=False, separators=(",", ":"))
    return {
        "parts": total,
        "pages": len(pages),
        "keys": sum(map(len, buckets)),
        "shards": shards,
        "largest_shard": max(shard_sizes),
        "shard_bytes": sum(shard_sizes),
        "unigrams": sum(map(len, unigram_buckets)),
        "unigram_shards": unigram_shards,
        "largest_unigram_shard": max(unigram_sizes),
        "unigram_bytes": sum(unigram_sizes),
        "fold": len(fold_map),
    }


def _buckets(postings: dict[str, tuple[array, array]], total: int, stop=None) -> list[dict[str, str]]:
    """Posting lists encoded and spread over shards of about SHARD_BYTES each (at least one shard)."""
    encoded = {}
    for n, (k, (body, head)) in enumerate(postings.items()):
        if n % EVERY == 0:
            check(stop)
        encoded[k] = encode_ids(body, total) + "," + encode_ids(head, total)
    size = sum(len(k.encode()) + len(v) + 6 for k, v in encoded.items())
    shards = max(1, round(size / SHARD_BYTES))
    buckets: list[dict[str, str]] = [{} for _ in range(shards)]
    for key in sorted(encoded):
        buckets[shard_of(key, shards)][key] = encoded[key]
    return buckets


def encode_runs(values: list[int]) -> str:
    """The page of each part, as 'page*count' runs (parts of a page are consecutive)."""
    runs: list[list[int]] = []
    for v in values:
        if runs and runs[-1][0] == v:
            runs[-1][1] += 1
        else:
            runs.append([v, 1])
    return ",".join(f"{v}*{n}" if n > 1 else str(v) for v, n in runs)
