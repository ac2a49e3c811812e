"""Writing a measured block into bench/RESULTS.md between its markers (a new section when missing)."""

from __future__ import annotations

import os
import re

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")


def read() -> str:
    with open(PATH, encoding="utf-8") as fh:
        return fh.read()


def write_block(marker: str, body: str, heading: str) -> str:
    """Replace the text between <!-- marker:start --> and <!-- marker:end -->; returns the block written."""
    block = f"<!-- {marker}:start -->\n{body}\n<!-- {marker}:end -->"
    text = read()
    if f"<!-- {marker}:start -->" in text:
        text = re.sub(f"<!-- {marker}:start -->.*<!-- {marker}:end -->", lambda m: block, text, flags=re.S)
    else:
        text += f"\n{heading}\n\n{block}\n"
    with open(PATH, "w", encoding="utf-8") as fh:
        fh.write(text)
    return block
