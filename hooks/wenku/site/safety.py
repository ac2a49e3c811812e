"""Neutralising unsafe markup in editors' Markdown before it is rendered (the check also reports it)."""

from __future__ import annotations

import re

RE_TAG = re.compile(r"<(/?)(script|iframe|object|embed|style|form|base|meta|link)\b", re.I)
RE_EVENT_ATTR = re.compile(r"(<[^>]*?)\s+on[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
RE_BAD_URL = re.compile(r"(\]\(|href\s*=\s*[\"']?|src\s*=\s*[\"']?)\s*(javascript|vbscript|data):[^)\"'\s>]*", re.I)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def sanitize_markdown(text: str) -> str:
    """Markdown with dangerous tags shown as text, event attributes dropped and script URLs disabled."""
    text = RE_TAG.sub(lambda m: f"&lt;{m.group(1)}{m.group(2)}", text)
    while True:
        new = RE_EVENT_ATTR.sub(r"\1", text)
        if new == text:
            break
        text = new
    return RE_BAD_URL.sub(lambda m: f"{m.group(1)}#blocked-unsafe-link", text)


def unsafe_value(value) -> bool:
    """True for a front-matter value that is a script or data URL."""
    return isinstance(value, str) and value.strip().lower().startswith(BAD_SCHEMES)
