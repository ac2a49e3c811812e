"""Article metadata: sidecar files, front matter schema and validation, slugs, counts."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Any

import yaml

from wenku.limits import MAX_YAML_BYTES, long_line, too_big
from wenku.textutil import cjk_count

READING_SPEED = 400  # Chinese characters a minute


@dataclass
class Problem:
    """A problem an editor must fix: where it is and what is wrong."""

    path: str
    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


# Keys an editor may use, with their types. 'str|null' etc. are checked by _check_type.
SOURCE_KEYS: dict[str, str] = {
    "title": "line",
    "title_en": "line",
    "kind": "kind",
    "publication": "line",
    "publication_en": "line",
    "date": "date",
    "url": "url",
    "script": "script",
    "language": "str",
    "notes": "str",
    "notes_en": "str",
    "articles": "articles",
    "collection": "str",
    "collection_en": "str",
}
ARTICLE_KEYS: dict[str, str] = {
    "title": "line",
    "title_en": "line",
    "summary": "str",
    "summary_en": "str",
    "authors": "linelist",
    "authors_en": "linelist",
    "affiliations": "strlist",
    "affiliations_en": "strlist",
    "date": "date",
    "publication": "line",
    "publication_en": "line",
    "topics": "strlist",
    "keywords": "strlist",
    "slug": "slug",
    "funding": "strlist",
    "notes": "str",
    "title_supplied": "bool",
}
# Front matter of a hand-written article page in docs/.
PAGE_KEYS: dict[str, str] = dict(ARTICLE_KEYS) | {
    "source": "str",
    "source_lines": "str",
    "article": "bool",
    "title_inferred": "bool",
    "words": "int",
    "reading_time": "int",
    "translation_of": "str",
    "translated": "date",
    "translator": "line",
    "search": "search",
    "hide": "hide",
    "template": "forbidden",
    "description": "str",
    "status": "str",
    "collection": "str",
    "pictured": "strlist",
    "photo_credit": "str",
    "reporters": "reporters",
    "source_url": "str",
    "source_title": "line",
    "subtitle": "line",
    "deck": "str",
    "lang": "str",
    "translation_status": "str",
    "icon": "str",
    "generated": "bool",
    "topic_links": "pairs",
    "related": "pairs",
    "original_title": "line",
    "summary_label": "str",
    "collection_period": "str",
}
KINDS = {
    "newspaper-page",
    "web-page",
    "compilation",
    "slides",
    "report",
    "feed",
    "research-report",
    "transcript",
    "speech",
    "qa-answer",
}  # the same as structure.kind.KINDS (tests/test_kinds.py)
RE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
RE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Breaks a one-line field may not hold: line feeds, form feeds, NEL, the Unicode line and paragraph separators.
RE_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")
# What Material lets a page hide.
HIDE_VALUES = {"navigation", "toc", "footer", "tags", "feedback", "path"}


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so a bad date is a message, not a crash."""


TextDateLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YAMLRefused(yaml.constructor.ConstructorError):
    """YAML that parses but that StrictLoader refuses."""


class StrictLoader(TextDateLoader):
    """The one YAML loader for editors' files (sidecars, front matter): no aliases or anchors (an alias bomb
    would expand without bound), no duplicate keys (the earlier value would be lost silently), no tags."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise YAMLRefused(
                None, None, f"aliases (*{event.anchor}) are not allowed: write the value out", event.start_mark
            )
        if getattr(event, "anchor", None):
            raise YAMLRefused(
                None, None, f"anchors (&{event.anchor}) are not allowed: write each value out", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YAMLRefused(None, None, "merge keys (<<) are not allowed", key_node.start_mark)
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key_node)
            if key in seen:
                raise YAMLRefused(
                    None,
                    None,
                    f"duplicate key '{key}' (first on line {seen[key] + 1}): the earlier value would be lost",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def load_data_file(path: str) -> Any:
    """A project data file (hooks/wenku/data/*.yml: report kinds), which pull requests change
    too, through the same strict loader; a refusal is a ValueError naming file:line."""
    text, problems = read_yaml_file(path)
    data, _, found = load_yaml_with_lines(text, path) if text is not None else (None, {}, [])
    if problems or found:
        raise ValueError("\n".join(str(p) for p in problems + found))
    return data


# The front matter as MkDocs finds it (mkdocs.utils.meta.YAML_RE): '---' ... '---' or '...'.
RE_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def normalise_newlines(text: str) -> str:
    """Text as MkDocs reads a page: no BOM, universal newlines (CR-only and CRLF files too)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_front_matter(text: str) -> tuple[dict | None, str]:
    """A page's front matter (None when missing, refused or not a mapping) and the body after it."""
    text = normalise_newlines(text)
    m = RE_FRONT.match(text)
    if not m:
        return None, text
    data, _, problems = load_yaml_with_lines(m.group(1), "")
    return (data if isinstance(data, dict) and not problems else None), text[m.end() :]


def load_yaml_with_lines(text: str, path: str) -> tuple[Any, dict[tuple, int], list[Problem]]:
    """Parsed YAML (through StrictLoader), a map from key path to line number, and problems (with lines)."""
    problems: list[Problem] = []
    big = too_big(len(text.encode("utf-8", errors="replace")), MAX_YAML_BYTES, "YAML")
    if big:
        return None, {}, [Problem(path, 1, big)]
    long = long_line(text)
    if long:
        return None, {}, [Problem(path, long[0], long[1])]
    loader = None
    try:
        loader = StrictLoader(text)  # the reader refuses control characters here already
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        what = "YAML" if isinstance(exc, YAMLRefused) else "YAML syntax error"
        problems.append(Problem(path, line, f"{what}: {getattr(exc, 'problem', None) or exc}"))
        return None, {}, problems
    finally:
        if loader is not None:
            loader.dispose()
    lines: dict[tuple, int] = {}

    def walk(n, prefix: tuple) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = prefix + (k.value,)
                lines[key] = k.start_mark.line + 1
                walk(v, key)
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                lines[prefix + (i,)] = v.start_mark.line + 1
                walk(v, prefix + (i,))

    if node is not None:
        walk(node, ())
    return data, lines, problems


def read_yaml_file(path: str) -> tuple[str | None, list[Problem]]:
    """An editor's YAML file as text: UTF-8 only (a GBK file would otherwise become mojibake), within limits."""
    if os.path.islink(path) or not os.path.isfile(path):
        return None, [Problem(path, 1, "a symbolic link or special file is not allowed: commit the file itself")]
    with open(path, "rb") as fh:
        data = fh.read(MAX_YAML_BYTES + 1)
    big = too_big(os.path.getsize(path), MAX_YAML_BYTES, "this YAML file")
    if big:
        return None, [Problem(path, 1, big)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "not UTF-8: save the file as UTF-8")]
    return normalise_newlines(text), []


def _check_type(kind: str, value: Any) -> str | None:
    """None when value fits kind, else what is wrong."""
    if value is None:
        return None
    if kind == "any":
        return None
    if kind == "str":
        return None if isinstance(value, str) else f"must be text, not {type(value).__name__}"
    if kind in ("line", "linelist"):
        if kind == "linelist" and not isinstance(value, list):
            return "must be a list of texts"
        values = value if kind == "linelist" else [value]
        if not all(isinstance(v, str) for v in values):
            return "must be a list of texts" if kind == "linelist" else f"must be text, not {type(value).__name__}"
        if any(RE_LINE_BREAK.search(v) for v in values):
            return "must be one line: no line break or paragraph separator (it breaks every list that shows it)"
        return None
    if kind == "forbidden":
        return "is not allowed: pages use the site's own templates and layout"
    if kind == "hide":
        if isinstance(value, list) and all(v in HIDE_VALUES for v in value):
            return None
        return f"must be a list of {', '.join(sorted(HIDE_VALUES))}"
    if kind == "search":
        if (
            isinstance(value, dict)
            and set(value) <= {"exclude", "boost"}
            and all(isinstance(v, (bool, int, float)) for v in value.values())
        ):
            return None
        return "must be a mapping like {exclude: true} or {boost: 2}"
    if kind == "pairs":
        if isinstance(value, list) and all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v) and RE_SLUG.match(v[0])
            for v in value
        ):
            return None
        return "must be a list of [slug, title] pairs"
    if kind == "reporters":
        if isinstance(value, list) and all(
            isinstance(v, dict)
            and isinstance(v.get("role"), str)
            and isinstance(v.get("names"), list)
            and all(isinstance(n, str) for n in v["names"])
            for v in value
        ):
            return None
        return "must be a list of {role: text, names: [names]}"
    if kind == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if kind == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else "must be a whole number"
    if kind == "strlist":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return None
        return "must be a list of texts"
    if kind == "date":
        if isinstance(value, (dt.date, dt.datetime)):
            return None
        if isinstance(value, str) and RE_DATE.match(value):
            return _valid_date(value)
        if isinstance(value, int) and 1900 <= value <= 2100:
            return None
        return f"bad date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD"
    if kind == "url":
        if isinstance(value, str) and re.match(r"^https?://[^\s]+$", value):
            return None
        return f"bad URL {value!r}: only http(s) addresses"
    if kind == "script":
        return None if value in ("simplified", "traditional") else "must be 'simplified' or 'traditional'"
    if kind == "kind":
        return None if value in KINDS else f"must be one of {', '.join(sorted(KINDS))}"
    if kind == "slug":
        if isinstance(value, str) and RE_SLUG.match(value) and len(value) <= 80:
            return None
        return f"bad slug {value!r}: lowercase letters, digits and single hyphens only"
    if kind == "articles":
        return None if isinstance(value, dict) else "must map article slugs to their overrides"
    return None


def _valid_date(value: str) -> str | None:
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            dt.date(*parts)
        elif len(parts) == 2 and not 1 <= parts[1] <= 12:
            return f"bad date {value!r}: month {parts[1]}"
    except ValueError as exc:
        return f"bad date {value!r}: {exc}"
    return None


def date_text(value: Any) -> str | None:
    """A date value as ISO text (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def validate_mapping(
    data: Any, schema: dict[str, str], path: str, lines: dict[tuple, int], prefix: tuple = ()
) -> list[Problem]:
    """Problems with unknown keys and wrong types in one mapping."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        problems.append(Problem(path, lines.get(prefix, 1), "expected a mapping of keys to values"))
        return problems
    for key, value in data.items():
        line = lines.get(prefix + (key,), 1)
        if key not in schema:
            close = [k for k in schema if k.startswith(str(key)[:3])]
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(path, line, f"unknown key '{key}'{hint}"))
            continue
        wrong = _check_type(schema[key], value)
        if wrong:
            problems.append(Problem(path, line, f"'{key}': {wrong}"))
    return problems


def load_sidecar(path: str, text: str) -> tuple[dict, list[Problem]]:
    """A source's sidecar as a dict, with its validation problems."""
    data, lines, problems = load_yaml_with_lines(text, path)
    if problems:
        return {}, problems
    if data is None:
        return {}, []
    problems.extend(validate_mapping(data, SOURCE_KEYS, path, lines))
    if isinstance(data, dict) and isinstance(data.get("articles"), dict):
        for slug, override in data["articles"].items():
            line = lines.get(("articles", slug), 1)
            if not isinstance(slug, str) or not RE_SLUG.match(slug):
                problems.append(Problem(path, line, f"article key {slug!r} is not a valid slug"))
            if override is None:
                continue
            problems.extend(validate_mapping(override, ARTICLE_KEYS, path, lines, ("articles", slug)))
    return (data if isinstance(data, dict) else {}), problems


def word_count(text: str) -> int:
    """Length of Chinese text in characters (ideographs), plus English words."""
    latin_words = len(re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?", text))
    return cjk_count(text) + latin_words


def reading_minutes(chars: int) -> int:
    """Reading time in whole minutes at 400 Chinese characters a minute (at least 1)."""
    return max(1, round(chars / READING_SPEED))
