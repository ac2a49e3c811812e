"""Size and line-length limits of what editors contribute, the same for `wenku check` and the build.

The pipeline's cost grows faster than linearly with the length of one line (a 100,000-character line takes
about 40 s to clean, 20,000 about 1.5 s; see bench/RESULTS.md), so a line is limited well below that; a whole
source at the byte limit cleans in a few seconds. Every check reads bytes first, so a 30 MB file is refused
before it is decoded.
"""

from __future__ import annotations

import re

MAX_SOURCE_BYTES = 4 * 1024 * 1024  # a source text under sources/
MAX_PAGE_BYTES = 1024 * 1024  # a Markdown page under docs/
MAX_YAML_BYTES = 256 * 1024  # a sidecar
MAX_IMAGE_BYTES = 5 * 1024 * 1024  # an image under docs/
MAX_LINE_CHARS = 10_000  # one line of a source, page or sidecar (the seeds' longest: 1,900)


def too_big(size: int, limit: int, what: str) -> str | None:
    """The message for a file over its size limit, or None."""
    if size <= limit:
        return None
    unit = (1024 * 1024, "MB") if limit >= 1024 * 1024 else (1024, "KB")
    return (
        f"{what} is {size / unit[0]:.1f} {unit[1]}; the limit is {limit // unit[0]} {unit[1]}: "
        "split it into several files"
    )


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
    """Why a file name could break out of an address or an attribute, or hide its kind from a reviewer
    (quotes, <, >, &, backslashes, control and bidi characters, a leading '-'); None for a good name."""
    if re.search(r"[\x00-\x1f\x7f<>\"'`&\\\u202a-\u202e\u2066-\u2069]", name) or name.startswith("-"):
        return (
            f"file name {name!r}: no quotes, <, >, &, backslashes or control characters (it becomes part of an address)"
        )
    return None
