"""Data types shared by the pipeline steps."""

from __future__ import annotations

import functools
import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, get_args

import yaml

# What a piece of article body is; the renderer (site/render.py) has one case for each.
BlockKind = Literal["p", "h2", "h3", "list", "table", "figure", "box", "note", "gap", "speaker"]
BLOCK_KINDS: frozenset[str] = frozenset(get_args(BlockKind))

# What role a classified piece of a source plays while it is split into articles (structure/units.py).
UnitKind = Literal[
    "para",
    "heading",
    "title",
    "deck",
    "author",
    "note",
    "meta",
    "box",
    "figure",
    "speaker",
    "caption_names",
    "separator",
    "jump",
    "photo_credit",
]
UNIT_KINDS: frozenset[str] = frozenset(get_args(UnitKind))


@functools.cache
def report_kinds() -> frozenset[str]:
    """The registry of report kinds: the keys of data/report_kinds.yml (which says what each means, in zh
    and en, on the sources pages). A step that reports a kind must register it there first."""
    with open(os.path.join(os.path.dirname(__file__), "data", "report_kinds.yml"), encoding="utf-8") as fh:
        return frozenset(yaml.safe_load(fh))


@dataclass
class Change:
    """One entry of a source's cleaning report: what a step changed or removed, and where."""

    kind: str  # one of report_kinds()
    line: int | None
    before: str
    after: str
    reason: str = ""

    def __post_init__(self) -> None:
        if self.kind not in report_kinds():
            raise ValueError(f"report kind {self.kind!r} is not in hooks/wenku/data/report_kinds.yml: add it there")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Line:
    """A line of the decoded source with its 1-based line number in the original file."""

    number: int
    text: str


@dataclass
class Block:
    """A piece of article body: paragraph, heading, list, table, box, gap marker or speaker line."""

    kind: BlockKind
    text: str = ""
    lines: list[int] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r} (known: {', '.join(sorted(BLOCK_KINDS))})")


@dataclass
class Article:
    """One article as the site publishes it, before rendering to Markdown."""

    source: str
    slug: str = ""
    title: str | None = None
    title_inferred: bool = False
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    publication: str | None = None
    date: str | None = None
    funding: list[str] = field(default_factory=list)
    summary: str | None = None
    blocks: list[Block] = field(default_factory=list)
    report: list[Change] = field(default_factory=list)
    line_span: tuple[int, int] = (0, 0)
    # Where the article sits in its source and how the source was read (structure).
    index: int = 0  # 1-based position in the source (hand-written articles: 0)
    pattern: str = ""  # the splitter that made it: page, compilation, slides
    kind: str = ""  # newspaper-page, web-page, report, compilation, slides: the sidecar's, else recognised
    script: str = ""  # simplified or traditional, the source's script
    collection: str | None = None  # the compilation it comes from (its name), or the sidecar's
    collection_en: str | None = None  # the sidecar's English name of the collection (English pages)
    collection_note: str | None = None  # the compilation's lines under its name
    collection_period: str | None = None  # the months a compilation covers, "2024-07/2024-09"
    # What the splitting took from the source's lines into metadata (shown on the page or kept for editors).
    title_from: str = ""  # headline, table of contents, title slide, sidecar
    title_lines: list[int] = field(default_factory=list)  # source lines of the title, kicker and subtitle
    kicker: str | None = None  # the line above a headline (引题)
    subtitle: str | None = None  # the line under it (副题)
    summary_label: str | None = None  # the label of a summary box (核心提示, 摘要 …)
    summary_lines: list[int] = field(default_factory=list)  # source lines of the summary
    photo_credit: str | None = None
    pictured: list[str] = field(default_factory=list)  # names in a photo caption
    reporters: list[dict[str, Any]] = field(default_factory=list)  # {"role": …, "names": […]} of a byline
    editors: list[str] = field(default_factory=list)  # 责任编辑 names: metadata, not text
    words: int = 0
    reading_time: int = 1  # minutes
    # Enrichment: slugs, the sidecar's overrides, topics.
    natural_slug: str | None = None  # the slug the pipeline made, before a sidecar's `slug`
    title_supplied: bool = False  # the original has no title; the editors wrote this one
    notes: str | None = None  # the editors' note on the article (sidecar)
    title_en: str | None = None
    summary_en: str | None = None
    authors_en: list[str] = field(default_factory=list)
    affiliations_en: list[str] = field(default_factory=list)
    publication_en: str | None = None
    topics: list[str] = field(default_factory=list)
    topic_scores: dict[str, float] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    # The state of the English translation file (site stage, on a copy: site/pages/translations.py).
    translation_status: str | None = None  # translated, outdated
    translated: str | None = None  # the translation's date

    def first_line(self) -> int:
        return self.line_span[0]

    def metadata_key(self) -> tuple:
        """Every metadata field with its value (not the body or report): a part of the site's cache keys."""
        return tuple((name, getattr(self, name)) for name in ARTICLE_METADATA)


@dataclass
class SourceResult:
    """Everything the pipeline learnt from one source file."""

    name: str
    path: str
    encoding: str
    script: str
    articles: list[Article]
    report: list[Change]
    sidecar: dict[str, Any]
    char_count: int = 0
    key: str = ""  # content key of the cleaning result (bytes, sidecar, name, code version); the enriched
    # sources add the editorial files' version (enrich_corpus)
    kind: str = ""  # newspaper-page, web-page, report, compilation, slides: the sidecar's, else recognised


# The Article fields after `line_span`: metadata of the structure and enrich stages (Article.metadata_key).
ARTICLE_METADATA: tuple[str, ...] = tuple(
    f.name for f in fields(Article)[[f.name for f in fields(Article)].index("line_span") + 1 :]
)
