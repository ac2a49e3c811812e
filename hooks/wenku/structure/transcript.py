"""Transcripts (stub)."""

from __future__ import annotations

from wenku.model import Change, Line


def transcript_shape(lines: list[Line], removed: list[Change]):
    return None


def speech_shape(lines: list[Line], removed: list[Change]):
    return None


def split_transcript(lines, removed=None):
    from wenku.structure.page import split_page

    return split_page(lines)


def split_speech(lines, removed=None):
    from wenku.structure.page import split_page

    return split_page(lines)
