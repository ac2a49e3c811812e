"""The editorial data files: content that editors change, kept beside the source texts in sources/.

This module is the one place that knows where they are and how they are read. They are not pipeline
code: the code version (wenku.code_version) does not hash them, and what depends on them is keyed on
their content instead, so an edit shows in the next `mkdocs serve` rebuild:

- topics.yml: the bilingual taxonomy (enrich: topic assignment, keywords; site: topic pages, names);
- glossary.yml: the shared glossary (site: the glossary page, glossary links; `wenku check` of translations);
- labels.yml: the interface labels of our templates and generated pages, per language;
- citation.yml: the kind of work cited per source kind, and the labels of the Cite box.

Cleaning never reads them: a source cleans the same whatever the taxonomy says (jieba's domain words for
cleaning are pipeline data, data/userdict.txt).

Every read goes to the file (they are small), and what is made from a file's text is cached by that text,
so a cached value never outlives an edit. Values handed out are shared: callers never change them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
from typing import Any

from wenku.metadata import Problem, load_yaml_with_lines, read_yaml_file
from wenku.script import to_traditional

# <project>/sources, beside this package's <project>/hooks/wenku.
SOURCES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "sources")

TOPICS = "topics.yml"
GLOSSARY = "glossary.yml"
LABELS = "labels.yml"
CITATION = "citation.yml"
FILES = (TOPICS, GLOSSARY, LABELS, CITATION)
TRADITIONAL = "zh-Hant"  # labels of the Traditional edition: converted from zh unless written out


def path(name: str, sources_dir: str | None = None) -> str:
    """Where an editorial file is: in sources_dir (a project's sources/), by default this project's."""
    if name not in FILES:
        raise KeyError(name)
    return os.path.join(sources_dir or SOURCES_DIR, name)


def read(name: str) -> tuple[str, str]:
    """(path, text) of an editorial file; a missing or unreadable file is a ValueError naming file:line."""
    where = path(name)
    if not os.path.lexists(where):
        raise ValueError(f"{where}:1: missing: the site needs this file in sources/")
    text, problems = read_yaml_file(where)
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return where, text


@functools.lru_cache(maxsize=16)
def parse(where: str, text: str) -> Any:
    """The data of an editorial file's text, through the strict YAML loader (cached by the text)."""
    data, _, problems = load_yaml_with_lines(text, where)
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return data


def load(name: str) -> Any:
    """The data of an editorial file as it is now."""
    return parse(*read(name))


def version(names: tuple[str, ...] = FILES) -> str:
    """A hash of the editorial files' bytes: a cache key for what is made from them."""
    h = hashlib.sha256()
    for name in names:
        where = path(name)
        h.update(name.encode() + b"\0")
        if os.path.isfile(where):
            with open(where, "rb") as fh:
                h.update(fh.read())
        h.update(b"\0")
    return h.hexdigest()[:16]


def problems(sources_dir: str) -> list[Problem]:
    """`wenku check`: each editorial file of a project present, UTF-8, within limits and strict YAML."""
    out: list[Problem] = []
    for name in FILES:
        where = path(name, sources_dir)
        if not os.path.lexists(where):
            out.append(Problem(where, 1, "missing: the site needs this file in sources/"))
            continue
        text, found = read_yaml_file(where)
        if text is not None:
            found = [dataclasses.replace(p) for p in _yaml_problems(where, text)]  # copies: callers may renumber
        out.extend(found)
    return out


@functools.lru_cache(maxsize=16)
def _yaml_problems(where: str, text: str) -> tuple[Problem, ...]:
    """The strict YAML loader's problems with an editorial file's text (cached by the text: every check and
    every rebuild reads the same four files, and the line-tracking loader is pure Python)."""
    return tuple(load_yaml_with_lines(text, where)[2])


@functools.lru_cache(maxsize=2)
def _labels(where: str, text: str) -> dict[str, dict[str, str]]:
    data = dict(parse(where, text))
    if TRADITIONAL not in data:
        data[TRADITIONAL] = {k: to_traditional(v) for k, v in data["zh"].items()}
    return data


def labels() -> dict[str, dict[str, str]]:
    """Interface labels per language (labels.yml); zh-Hant is converted from zh unless written out."""
    return _labels(*read(LABELS))
