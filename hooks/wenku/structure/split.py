"""How a cleaned source bundles its articles, and the splitter for each way (one module per way).

The kind of source is decided first, from the text's own evidence (`wenku.structure.kind`), and the kind's
splitter cuts the source into articles; a sidecar's `kind` wins over the guess.

- ``wenku.structure.feed``: an RSS/Atom feed saved as text (one article per item; read before the cleaning
  strips its tags: ``read_feed``).
- ``wenku.structure.table``: a table of articles exported as CSV or TSV (one article per row; read before the
  cleaning like a feed, and split by the feed's splitter).
- ``wenku.structure.compilation``: a compilation with a table of contents (one article per entry).
- ``wenku.structure.slides``: a slide deck (one article; parts and slides become headings).
- ``wenku.structure.report``: a research report printed as a document (cover, contents, abstract; one
  article).
- ``wenku.structure.forum``: a forum thread (one article: the opening post; the replies are reported).
- ``wenku.structure.page``: newspaper pages, web pages and news reports: titles, bylines, interleaved column
  fragments that are put back in reading order, author notes, boxes, speakers.
"""

from __future__ import annotations

from wenku.model import Article, Change, Line
from wenku.structure.compilation import split_compilation
from wenku.structure.feed import Feed, read_feed, split_feed
from wenku.structure.forum import split_forum
from wenku.structure.kind import (
    KINDS,
    PATTERN_OF_KIND,
    SHAPED_PAGES,
    detect_kind,
    detect_pattern,
    shaped_page,
    structural_kind,
)
from wenku.structure.page import GAP_TEXT, split_page
from wenku.structure.qa import split_qa
from wenku.structure.report import split_report
from wenku.structure.slides import split_slides
from wenku.structure.table import read_table
from wenku.structure.transcript import split_speech, split_transcript

__all__ = [
    "GAP_TEXT",
    "KINDS",
    "PATTERN_OF_KIND",
    "SPLITTERS",
    "before_cleaning",
    "detect_kind",
    "detect_pattern",
    "split_compilation",
    "split_page",
    "split_slides",
    "split_source",
]

SPLITTERS = {
    "compilation": split_compilation,
    "slides": split_slides,
    "page": split_page,
    "report": split_report,
    "transcript": split_transcript,
    "speech": split_speech,
    "qa": split_qa,
    "forum": split_forum,
}
# Splitters that read the lines the cleaning removed too (a cover line repeated as a running head ...).
READS_REMOVED = frozenset({"compilation", "slides", "report", "transcript", "speech", "qa", "forum"})


def _split(pattern: str, lines: list[Line], removed: list[Change]) -> tuple[list[Article], list[Change], dict]:
    if pattern in READS_REMOVED:
        return SPLITTERS[pattern](lines, removed)
    return SPLITTERS[pattern](lines)


def before_cleaning(text: str, kind: str | None = None) -> tuple[str, list[Change], Feed | None]:
    """What a kind must see before the cleaning strips tags and delimiters: a feed's XML, a table export's rows. Returns the text the cleaning
    gets (a feed's items' content alone, same line numbers), the report of what was taken out, the feed."""
    if kind not in (None, "feed"):
        return text, [], None
    feed = read_feed(text) or read_table(text)
    if feed is None:
        return text, [], None
    return feed.text, feed.report, feed


def split_source(
    lines: list[Line], removed: list[Change], kind: str | None = None, feed: Feed | None = None
) -> tuple[str, str, list[Article], list[Change], dict]:
    """(kind, pattern, articles, structure report, source metadata): the kind decided first (the sidecar's,
    else the text's evidence), then the kind's own splitter. The structure report opens with the
    `detect_kind` entry when the kind was recognised."""
    if feed is not None and kind in (None, "feed"):
        articles, structure, meta = split_feed(lines, feed)
        if kind is None:
            how = "as XML" if feed.how == "xml" else "by element shape"
            evidence = feed.what or f"an RSS/Atom feed's XML with {len(feed.items)} items (read {how})"
            structure.insert(0, Change("detect_kind", None, "", "feed", f"kind of source recognised: {evidence}"))
        return "feed", "feed", articles, structure, meta
    if kind == "feed":  # stated by a sidecar, but the text holds no feed items: split as a page
        articles, structure, meta = split_page(lines)
        return kind, "page", articles, structure, meta
    if kind in PATTERN_OF_KIND:
        pattern = PATTERN_OF_KIND[kind]
        page = shaped_page(lines, removed) if pattern == "page" else None
        if page and SHAPED_PAGES[page[0]] == kind:  # a web page stated by the sidecar that is a forum thread
            pattern = page[0]
        articles, structure, meta = _split(pattern, lines, removed)
        return kind, pattern, articles, structure, meta
    found = structural_kind(lines, removed)
    if found:
        kind, evidence, pattern = found
        articles, structure, meta = _split(pattern, lines, removed)
    else:  # the page kinds share one splitter; which of them it is may rest on how many articles it found
        pattern = "page"
        articles, structure, meta = split_page(lines)
        kind, evidence = detect_kind(lines, removed + structure, len(articles))
    structure.insert(0, Change("detect_kind", None, "", kind, f"kind of source recognised from the text: {evidence}"))
    return kind, pattern, articles, structure, meta
