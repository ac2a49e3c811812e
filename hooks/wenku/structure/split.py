"""How a cleaned source bundles its articles, and the splitter for each way (one module per way).

The kind of source (`wenku.structure.kind`) decides the splitter; a sidecar's `kind` wins over the guess.

- ``wenku.structure.compilation``: a compilation with a table of contents (one article per entry).
- ``wenku.structure.slides``: a slide deck (one article; parts and slides become headings).
- ``wenku.structure.page``: newspaper pages, web pages and reports: titles, bylines, interleaved column
  fragments that are put back in reading order, author notes, boxes, speakers.
"""

from __future__ import annotations

from wenku.structure.compilation import split_compilation
from wenku.structure.kind import KINDS, PATTERN_OF_KIND, detect_kind, detect_pattern
from wenku.structure.page import GAP_TEXT, split_page
from wenku.structure.slides import split_slides

__all__ = [
    "GAP_TEXT",
    "KINDS",
    "PATTERN_OF_KIND",
    "SPLITTERS",
    "detect_kind",
    "detect_pattern",
    "split_compilation",
    "split_page",
    "split_slides",
]

SPLITTERS = {"compilation": split_compilation, "slides": split_slides, "page": split_page}
