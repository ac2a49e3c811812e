"""Data types shared by the pipeline steps."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

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


@dataclass
class Change:
    """One entry of a source's cleaning report: what a step changed or removed, and where."""

    kind: str
    line: int | None
    before: str
    after: str
    reason: str = ""

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
    meta: dict[str, Any] = field(default_factory=dict)

    def first_line(self) -> int:
        return self.line_span[0]


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
    key: str = ""  # content key of the cleaning result (bytes, sidecar, name, code version); enriched
    # copies add the editorial files' version (corpus._copy_source)
    kind: str = ""  # newspaper-page, web-page, report, compilation, slides: the sidecar's, else recognised
