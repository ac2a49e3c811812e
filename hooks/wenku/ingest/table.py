"""A table of articles exported as CSV or TSV (a CMS's or a spreadsheet's export): one article per row.

Recognised by its own shape: a header row of three or more short, distinct column names, then rows that a
CSV reader splits into exactly as many cells, one column holding long text (the articles' bodies). The
columns are told apart by their names (data/furniture.yml, ``table_columns``: general column words such as
标题, 作者, 正文, never a site's own) and, for the body, by length. Each row becomes the lines of one article:
its title, a byline (``作者：名``) when the table names the author, and the body's paragraphs (each line of the
body cell; HTML in a cell is left to the line repairs). The other cells (id, source, date, link) are not text:
each row's report entry keeps them.
"""

from __future__ import annotations

import csv
import io
import os
import re

from wenku import DATA_DIR
from wenku.metadata import load_data_file
from wenku.model import Change
from wenku.textutil import CJK

MIN_COLUMNS = 3
MAX_COLUMN_NAME = 20  # characters of a column's name in the header row
MIN_BODY = 40  # characters of a body cell, on average over the rows
MAX_TITLE = 80  # characters of a title cell
MAX_AUTHOR = 40
RE_HEADER_SENTENCE = re.compile(r"[。！？；，、“”]")


def _columns() -> dict[str, frozenset[str]]:
    data = load_data_file(os.path.join(DATA_DIR, "furniture.yml"))["table_columns"]
    return {role: frozenset(str(w).strip().lower() for w in words) for role, words in data.items()}


COLUMNS = _columns()


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]] | None:
    """(first line number, cells) for every row, or None when a row's cell count differs from the header's."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if cells:
                if rows and len(cells) != len(rows[0][1]):
                    return None  # not a table (read no further)
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error:
        return None
    return rows if len(rows) >= 2 else None


def _header(cells: list[str]) -> bool:
    names = [c.strip() for c in cells]
    return (
        len(names) >= MIN_COLUMNS
        and len(set(names)) == len(names)
        and all(0 < len(n) <= MAX_COLUMN_NAME and not RE_HEADER_SENTENCE.search(n) for n in names)
    )


def _role(name: str) -> str | None:
    key = name.strip().lower()
    return next((role for role, words in COLUMNS.items() if key in words), None)


def read_table(text: str) -> tuple[list[tuple[int, str]], list[Change]] | None:
    """The lines of a CSV/TSV table of articles as (source line number, text), and the report; None when the
    text is not such a table."""
    first = text.split("\n", 1)[0]
    for delimiter in (",", "\t"):
        if first.count(delimiter) < MIN_COLUMNS - 1:
            continue
        rows = _rows(text, delimiter)
        if rows is None or not _header(rows[0][1]):
            continue
        names = [c.strip() for c in rows[0][1]]
        data = rows[1:]
        roles = [_role(n) for n in names]
        lengths = [sum(len(cells[k]) for _, cells in data) / len(data) for k in range(len(names))]
        body = roles.index("body") if "body" in roles else max(range(len(names)), key=lambda k: lengths[k])
        if lengths[body] < MIN_BODY or not any(re.search(f"[{CJK}]", cells[body]) for _, cells in data):
            continue
        title = roles.index("title") if "title" in roles else None
        author = roles.index("author") if "author" in roles else None
        return _lines(names, data, body, title, author, rows[0][0])
    return None


def _lines(
    names: list[str], data: list[tuple[int, list[str]]], body: int, title: int | None, author: int | None, head: int
) -> tuple[list[tuple[int, str]], list[Change]]:
    report = [
        Change(
            "read_table_export",
            head,
            ",".join(names),
            "",
            "header row of a table of articles exported as CSV (one article per row)",
        )
    ]
    out: list[tuple[int, str]] = []
    for number, cells in data:
        kept = []
        if title is not None and 0 < len(cells[title].strip()) <= MAX_TITLE:
            out.append((number, cells[title].strip()))
            kept.append(title)
        if author is not None and 0 < len(cells[author].strip()) <= MAX_AUTHOR:
            out.append((number, "作者：" + cells[author].strip()))
            kept.append(author)
        out.append((number, ""))
        for k, part in enumerate(cells[body].split("\n")):
            out.append((number + k, part))
        out.append((number + cells[body].count("\n"), ""))
        others = [f"{names[k]}：{cells[k].strip()}" for k in range(len(names)) if k not in (*kept, body)]
        report.append(
            Change(
                "read_table_export",
                number,
                "　".join(others),
                "",
                "one row of a CSV export, one article: its "
                + "、".join(names[k] for k in [*kept, body])
                + " cells read as title, byline and text; the other cells (kept here) are not text",
            )
        )
    return out, report
