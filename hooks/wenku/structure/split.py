"""How a cleaned source bundles its articles, and the splitter for each way (one module per way).

- ``wenku.structure.compilation``: a compilation with a table of contents (one article per entry).
- ``wenku.structure.slides``: a slide deck (one article; parts and slides become headings).
- ``wenku.structure.page``: newspaper pages, web pages and reports: titles, bylines, interleaved column
  fragments that are put back in reading order, author notes, boxes, speakers.
"""

from __future__ import annotations

import re

from wenku.model import Line
from wenku.structure.compilation import _toc_entries, split_compilation
from wenku.structure.page import GAP_TEXT, split_page
from wenku.structure.slides import split_slides

__all__ = ["GAP_TEXT", "SPLITTERS", "detect_pattern", "split_compilation", "split_page", "split_slides"]

SPLITTERS = {"compilation": split_compilation, "slides": split_slides, "page": split_page}


def detect_pattern(lines: list[Line]) -> str:
    """'compilation', 'slides' or 'page': how this source bundles its articles."""
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    if _toc_entries(texts):
        return "compilation"
    slide_titles = sum(1 for t in texts if re.match(r"^\d{1,2}\.\d{1,2}\s+\S", t))
    if slide_titles >= 3 or any(t.upper() == "CONTENTS" for t in texts):
        return "slides"
    return "page"
