"""A table of articles exported as delimited text (CSV or TSV from a CMS or a spreadsheet) or as JSON (an
array of records, a record holding one, or JSON Lines): one article per row, read before the cleaning, like a
feed (``wenku.structure.feed``), and split by the feed's splitter.

Recognised from the text's own delimiter structure, never from one export's column names:

- the first line is a header row: at least three short, distinct, non-empty field names cut by one delimiter
  (comma, tab, semicolon or vertical bar), with no sentence punctuation;
- every record below it, read with the standard library's ``csv`` reader (quoted fields may run over several
  lines), has exactly the header's number of fields, and there is at least one record;
- one column holds long text (the body: the column with the most characters per row, at least
  ``BODY_MIN`` on average).

A JSON export is recognised the same way: the whole text parses as JSON (or every line as one JSON object), it
holds a list of records, and one field holds long text. Each record's text is cleaned on its own (its
paragraphs are one JSON string on one line).

The other columns are fields. Which one is the title, the author, the date or the outlet is read from the
header's names when they are in ``data/kinds.yml`` (``table``), else from the values' shape: a date column
holds dates, the title column is the first remaining text column. What the reading gives the rest of the
pipeline is a ``Feed`` (the same shape as a feed's): a masked copy of the text with the same line numbers in
which only the body fields are left, one report entry for every other line (header row, fields), and one
item per row.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from functools import cache

from wenku import DATA_DIR
from wenku.metadata import load_data_file
from wenku.model import Change
from wenku.structure.feed import Feed, FeedItem

DELIMITERS = (",", "\t", ";", "|")
HEADER_FIELD_MAX = 20  # characters in one field name of the header row
BODY_MIN = 60  # characters per row, on average, of the body column
MIN_FIELDS = 3
RE_SENTENCE = re.compile(r"[。！？；]")
RE_DATE = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
RE_NUMBER = re.compile(r"^\s*[#\d.\-]+\s*$")
RE_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


@cache
def _roles() -> dict[str, frozenset[str]]:
    """Header names per role (title, author, date, outlet, body), lower-cased, from data/kinds.yml."""
    data = (load_data_file(os.path.join(DATA_DIR, "kinds.yml")) or {}).get("table") or {}
    return {role: frozenset(str(w).strip().lower() for w in words or []) for role, words in data.items()}


def _header(line: str) -> tuple[str, list[str]] | None:
    """(delimiter, field names) when the line is a header row, else None."""
    best = None
    for delim in DELIMITERS:
        try:
            names = next(csv.reader([line], delimiter=delim))
        except (csv.Error, StopIteration):
            continue
        names = [n.strip() for n in names]
        if len(names) < MIN_FIELDS or best and len(names) <= len(best[1]):
            continue
        if any(not n or len(n) > HEADER_FIELD_MAX or RE_SENTENCE.search(n) for n in names):
            continue
        if len({n.lower() for n in names}) != len(names):
            continue
        best = (delim, names)
    return best


def _records(text: str, delim: str, width: int) -> list[tuple[int, int, list[str]]] | None:
    """(first line, last line, fields) of every record under the header, or None when a record's width
    differs from the header's."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    out = []
    last = 0
    try:
        for k, row in enumerate(reader):
            start = last + 1
            last = reader.line_num
            if k == 0:
                continue
            if not any(f.strip() for f in row):
                continue
            if len(row) != width:
                return None
            out.append((start, last, row))
    except csv.Error:
        return None
    return out or None


def _role_columns(names: list[str], rows: list[list[str]]) -> dict[str, int] | None:
    """Column index per role: body (the long text), then title, author, date and outlet."""
    width = len(names)
    means = [sum(len(r[c].strip()) for r in rows) / len(rows) for c in range(width)]
    roles = _roles()
    named = {}
    for role, words in roles.items():
        for c, n in enumerate(names):
            if n.lower() in words and c not in named.values():
                named.setdefault(role, c)
    body = named.get("body")
    if body is None or means[body] < BODY_MIN:
        body = max(range(width), key=lambda c: means[c])
    if means[body] < BODY_MIN:
        return None
    cols = {"body": body}
    for role in ("title", "author", "date", "outlet"):
        if role in named and named[role] != body:
            cols[role] = named[role]
    taken = set(cols.values())
    free = [c for c in range(width) if c not in taken]

    def shaped(c: int, test) -> bool:
        values = [r[c].strip() for r in rows if r[c].strip()]
        return bool(values) and all(test(v) for v in values)

    if "date" not in cols:
        c = next((c for c in free if shaped(c, RE_DATE.match)), None)
        if c is not None:
            cols["date"] = c
            free.remove(c)
    if "title" not in cols:
        c = next(
            (c for c in free if shaped(c, lambda v: not RE_NUMBER.match(v) and not RE_URL.match(v) and len(v) <= 80)),
            None,
        )
        if c is not None:
            cols["title"] = c
    return cols


def read_table(text: str) -> Feed | None:
    """The articles of a delimited-text or JSON export, as a ``Feed``; None when the text is not one."""
    return _read_delimited(text) or _read_json(text)


def _records_in(data) -> list[dict] | None:
    """The list of records in parsed JSON: the array itself, or the one array of objects a record holds."""
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        data = lists[0] if len(lists) == 1 else None
    if isinstance(data, list) and data and all(isinstance(x, dict) for x in data):
        return data
    return None


def _json_records(text: str) -> tuple[list[dict], str] | None:
    t = text.lstrip("\ufeff").strip()
    if not t or t[0] not in "[{":
        return None
    try:
        found = _records_in(json.loads(t))
        return (found, "JSON") if found else None
    except ValueError:
        pass
    records = []
    for line in t.split("\n"):  # JSON Lines: one object per line
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            return None
        if not isinstance(obj, dict):
            return None
        records.append(obj)
    return (records, "JSON Lines") if records else None


def _find_line(raw: list[str], value: str, after: int) -> int:
    """The line (1-based, at or after ``after``) on which a string value is written, as JSON writes it."""
    probes = {json.dumps(value[:24], ensure_ascii=a)[1:-1] for a in (False, True)}
    for n in range(max(after, 1), len(raw) + 1):
        if any(p and p in raw[n - 1] for p in probes):
            return n
    return after


def _read_json(text: str) -> Feed | None:
    found = _json_records(text)
    if not found:
        return None
    records, how = found
    names = list(dict.fromkeys(k for r in records for k, v in r.items() if isinstance(v, str)))
    if len(names) < 2:
        return None
    rows = [[r.get(k) if isinstance(r.get(k), str) else "" for k in names] for r in records]
    cols = _role_columns(names, rows)
    if cols is None:
        return None
    raw = text.split("\n")
    items: list[FeedItem] = []
    cursor = 1
    for row in rows:
        body = row[cols["body"]]
        at = _find_line(raw, body, cursor) if body.strip() else cursor
        first = min(
            [_find_line(raw, row[cols[r]], cursor) for r in ("title", "author", "date") if r in cols and row[cols[r]]]
            + [at]
        )
        item = FeedItem(first, max(at, first))
        for role in ("title", "author", "date"):
            if role in cols and row[cols[role]].strip():
                item.fields[role] = row[cols[role]].strip()
        item.content["content"] = {at: body}
        items.append(item)
        cursor = max(at, first)
    for k, item in enumerate(items):  # a record runs to the line before the next one
        item.end = max(item.end, (items[k + 1].start - 1) if k + 1 < len(items) else len(raw))
    outlets = {r[cols["outlet"]].strip() for r in rows} if "outlet" in cols else set()
    channel = outlets.pop() if len(outlets) == 1 else ""
    report = [
        Change("table_field", n, src, "", "the export's markup and each record's fields (kept as the article's)")
        for n, src in enumerate(raw, 1)
        if src.strip()
    ]
    what = f"a {how} export: {len(items)} records with a long text field ({names[cols['body']]})"
    return Feed("\n" * (len(raw) - 1), report, items, channel, "table", compact=True, what=what)


def _read_delimited(text: str) -> Feed | None:
    raw = text.split("\n")
    first = next((k for k, t in enumerate(raw) if t.strip()), None)
    if first is None or first > 0:
        return None
    head = _header(raw[0].lstrip("\ufeff"))
    if head is None:
        return None
    delim, names = head
    records = _records(text.lstrip("\ufeff"), delim, len(names))
    if not records:
        return None
    cols = _role_columns(names, [r for _s, _e, r in records])
    if cols is None:
        return None
    body_col = cols["body"]
    masked = [""] * len(raw)
    items: list[FeedItem] = []
    field_of: dict[int, str] = {}
    for start, end, row in records:
        item = FeedItem(start, end)
        for role in ("title", "author", "date"):
            if role in cols and row[cols[role]].strip():
                item.fields[role] = row[cols[role]].strip()
        # The body's first line is where its field opens: after the newlines of the fields before it.
        at = start + sum(f.count("\n") for f in row[:body_col])
        body = {}
        for k, piece in enumerate(row[body_col].split("\n")):
            n = at + k
            if 1 <= n <= len(raw) and piece.strip():
                body[n] = piece
                masked[n - 1] = (masked[n - 1] + piece).rstrip()
        item.content["content"] = body
        items.append(item)
        for n in range(start, end + 1):
            field_of.setdefault(n, "field")
    outlets = {r[cols["outlet"]].strip() for _s, _e, r in records} if "outlet" in cols else set()
    channel = outlets.pop() if len(outlets) == 1 else ""
    report = [Change("table_header", 1, raw[0], "", f"header row of a table export ({', '.join(names)})")]
    for n, src in enumerate(raw[1:], 2):
        if not src.strip() or masked[n - 1].strip() == src.strip():
            continue
        if masked[n - 1].strip():
            report.append(
                Change("table_field", n, src, masked[n - 1], "the row's fields or quoting around its text: fields kept")
            )
        else:
            report.append(
                Change("table_field", n, src, "", "the row's fields: kept as the article's title, author, date")
            )
    what = f"a {_delimiter_name(delim)}-delimited table export: a header row of {len(names)} fields, {len(items)} rows"
    return Feed("\n".join(masked), report, items, channel, "table", what=what)


def _delimiter_name(delim: str) -> str:
    return {",": "comma", "\t": "tab", ";": "semicolon", "|": "bar"}[delim]
