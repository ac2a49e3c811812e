"""Sidecar overrides: what an editor wrote under `articles:` in a source's sidecar wins over what the
pipeline found (titles, bylines, English fields, topics)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from typing import Any

from wenku.enrich.topics import topic_ids
from wenku.metadata import Problem, date_text, load_yaml_with_lines, read_yaml_file
from wenku.model import SourceResult

# Fields an override sets as the sidecar gives them (after title, bylines, summary, date and publication).
_AS_GIVEN = (
    "title_en",
    "summary_en",
    "authors_en",
    "affiliations_en",
    "topics",
    "keywords",
    "publication_en",
    "notes",
    "title_supplied",
)


def sidecar_line(path: str, *keys) -> int:
    """The line of a key path in a sidecar (for messages about it found after parsing); 1 if not found."""
    try:
        text, _problems = read_yaml_file(path)
    except OSError:
        return 1
    if text is None:
        return 1
    _, lines, _ = load_yaml_with_lines(text, path)
    return lines.get(keys, 1)


def apply_overrides(sources: Sequence[SourceResult]) -> tuple[list[SourceResult], list[Problem]]:
    """Sources whose articles carry their sidecar's overrides (keyed by slug, or by the natural slug), and the
    problems found (an override for no article, an unknown topic). The sources given are left as they are."""
    out: list[SourceResult] = []
    problems: list[Problem] = []
    for src in sources:
        overrides = src.sidecar.get("articles") or {}
        known = {a.slug for a in src.articles} | {a.natural_slug for a in src.articles}
        sidecar_path = os.path.splitext(src.path)[0] + ".yml"
        for slug in overrides:
            if slug not in known:
                problems.append(
                    Problem(
                        sidecar_path,
                        sidecar_line(sidecar_path, "articles", slug),
                        f"override for unknown article slug '{slug}' "
                        f"(articles here: {', '.join(sorted(a.slug for a in src.articles))})",
                    )
                )
        articles = []
        for art in src.articles:
            ov_key = art.slug if art.slug in overrides else art.natural_slug
            ov = overrides.get(ov_key) or {}
            articles.append(dataclasses.replace(art, **_overridden(ov, src.sidecar)))
            for i, tid in enumerate(ov.get("topics") or []):
                if tid not in topic_ids():
                    line = sidecar_line(sidecar_path, "articles", ov_key, "topics", i)
                    problems.append(
                        Problem(
                            sidecar_path,
                            line,
                            f"unknown topic '{tid}' for {art.slug} (topics: {', '.join(sorted(topic_ids()))})",
                        )
                    )
        out.append(dataclasses.replace(src, articles=articles))
    return out, problems


def _overridden(ov: dict[str, Any], sidecar: dict[str, Any]) -> dict[str, Any]:
    """The Article fields one article's override sets, with their new values."""
    new: dict[str, Any] = {}
    if "title" in ov:
        new.update(title=ov["title"], title_inferred=False, title_from="sidecar")
    for key in ("authors", "affiliations", "funding"):
        if key in ov:
            new[key] = list(ov[key])
    if "summary" in ov:
        new["summary"] = ov["summary"]
    if "date" in ov:
        new["date"] = date_text(ov["date"])
    if "publication" in ov:
        new["publication"] = ov["publication"]
    for key in _AS_GIVEN:
        if key in ov:
            new[key] = ov[key]
    if "publication_en" not in ov and sidecar.get("publication_en"):
        new["publication_en"] = sidecar["publication_en"]
    return new
