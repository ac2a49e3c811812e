"""Size and line-length limits of what editors contribute, the same for `wenku check` and the build.

The pipeline's cost grows faster than linearly with the length of one line (a 100,000-character line takes
about 40 s to clean, 20,000 about 1.5 s; see bench/RESULTS.md), so a line is limited well below that; a whole
source at the byte limit cleans in a few seconds. Every check reads bytes first, so a 30 MB file is refused
before it is decoded.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SOURCE_BYTES = 4 * 1024 * 1024  # a source text under sources/
MAX_PAGE_BYTES = 1024 * 1024  # a Markdown page under docs/
MAX_YAML_BYTES = 256 * 1024  # a sidecar
MAX_IMAGE_BYTES = 5 * 1024 * 1024  # an image under docs/
MAX_LINE_CHARS = 10_000  # one line of a source, page or sidecar (the seeds' longest: 1,900)
# Headings of one page: Material's table of contents costs grow with their square (40,000 took > 8 min;
# our longest article has 12).
MAX_HEADINGS = 1_000
RE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
RE_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")


def too_big(size: int, limit: int, what: str) -> str | None:
    """The message for a file over its size limit, or None."""
    if size <= limit:
        return None
    unit = (1024 * 1024, "MB") if limit >= 1024 * 1024 else (1024, "KB")
    return (
        f"{what} is {size / unit[0]:.1f} {unit[1]}; the limit is {limit // unit[0]} {unit[1]}: "
        "split it into several files"
    )


def heading_lines(text: str) -> int:
    """The Markdown headings (`# …` lines outside fenced code) of a page, counted without rendering it: a page
    over MAX_HEADINGS by this count is refused before the renderer spends seconds on it. (Headings made
    otherwise, in boxes or raw HTML, are counted after rendering.)"""
    count, fence = 0, ""
    for line in text.splitlines():
        m = RE_FENCE.match(line)
        if m:
            mark = m.group(1)
            if not fence:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence) and not line.strip().strip(mark[0]):
                fence = ""
            continue
        if not fence and RE_ATX_HEADING.match(line):
            count += 1
    return count


def long_line(text: str, limit: int = MAX_LINE_CHARS) -> tuple[int, str] | None:
    """(line number, message) of the first line longer than the limit, or None."""
    if len(text) <= limit:
        return None
    start = 0
    number = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > limit:
            return number, (
                f"line of {stop - start:,} characters; the limit is {limit:,}: break it into "
                "paragraphs (one paragraph per line)"
            )
        if end < 0:
            return None
        start = end + 1
        number += 1


def bad_file_name(name: str) -> str | None:
    """Why a file name could break out of an address or an attribute, or hide what it is from a reviewer;
    None for a good name. Refused: quotes, <, >, &, backslashes, control, format (zero-width, bidi) characters,
    a leading '-', a name that Unicode normalisation (NFKC) would change (full-width letters), and Latin
    letters mixed with Cyrillic or Greek ones (look-alike names)."""
    why = None
    if re.search(r"[\x00-\x1f\x7f<>\"'`&\\]", name) or name.startswith("-"):
        why = "no quotes, <, >, &, backslashes or control characters (it becomes part of an address)"
    elif any(unicodedata.category(c) == "Cf" for c in name):
        why = "no invisible characters (zero-width spaces, direction marks): it would look like another name"
    elif unicodedata.normalize("NFKC", name) != name:
        why = f"write it as {unicodedata.normalize('NFKC', name)!r} (no full-width or compatibility characters)"
    elif re.search(r"[A-Za-z]", name) and re.search(r"[\u0370-\u03ff\u0400-\u04ff]", name):
        why = "Latin letters mixed with Greek or Cyrillic ones look like another name"
    return f"file name {name!r}: {why}" if why else None
