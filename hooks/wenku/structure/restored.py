"""The lines the cleaning removed, put back for a splitter that reads them as evidence: one helper for every
kind whose shape shows in lines that are page chrome to the cleaning (a Q&A site's count rows, a report's
running cover line, a forum's post headers, a transcript's timestamps). The splitter reads them, never puts
them in an article's text, and does not report them a second time (the cleaning's report holds them).
"""

from __future__ import annotations

from dataclasses import dataclass

from wenku.model import Change, Line


@dataclass(frozen=True)
class Row:
    """One non-blank line: its number, its text (stripped), and whether the cleaning kept it."""

    number: int
    text: str
    kept: bool = True


def removed_whole(removed: list[Change] | None, prefixes: tuple[str, ...] = ("remove_",)) -> dict[int, str]:
    """Line number -> text of the lines the cleaning removed whole (a change of one of these kinds with
    nothing left); the first such change of a line wins."""
    out: dict[int, str] = {}
    for c in removed or []:
        if c.line is not None and c.kind.startswith(prefixes) and not c.after.strip() and c.before.strip():
            out.setdefault(c.line, c.before)
    return out


def all_rows(lines: list[Line], removed: list[Change] | None, prefixes: tuple[str, ...] = ("remove_",)) -> list[Row]:
    """Every non-blank line in line order, the ones the cleaning removed whole put back (``kept`` False)."""
    rows = [Row(ln.number, ln.text.strip()) for ln in lines if ln.text.strip()]
    present = {r.number for r in rows}
    back = [Row(n, t.strip(), False) for n, t in removed_whole(removed, prefixes).items() if n not in present]
    return sorted(rows + back, key=lambda r: r.number) if back else rows


def removed_prefix(removed: list[Change] | None, kind: str, whole) -> dict[int, str]:
    """Line number -> the text a change of ``kind`` took off a line's start (a timestamp), when ``whole``
    (a compiled pattern) matches all of it."""
    return {
        c.line: c.before.strip()
        for c in removed or []
        if c.kind == kind and c.line is not None and whole.fullmatch(c.before.strip())
    }
