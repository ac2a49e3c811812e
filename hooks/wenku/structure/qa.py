"""A Q&A site's answer page (stub)."""

from __future__ import annotations

from wenku.model import Change, Line


def qa_shape(lines: list[Line], removed: list[Change]):
    return None


def split_qa(lines, removed=None):
    from wenku.structure.page import split_page

    return split_page(lines)
