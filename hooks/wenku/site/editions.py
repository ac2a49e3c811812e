"""Editions and the interface labels of the generated pages (sources/labels.yml, read by wenku.editorial)."""

from __future__ import annotations

import os

from wenku import editorial

LANGUAGES = ("zh", "en")
# The Traditional Chinese edition is generated from the Simplified pages with OpenCC s2tw: the script
# changes, the words do not (convert.to_traditional).
TRADITIONAL = "zh-Hant"
EDITIONS = ("zh", "en", TRADITIONAL)  # URL prefixes: '' for zh, /en/, /zh-Hant/


class Labels(dict):
    """The interface labels of one edition; a label the file lacks is a LookupError naming the file and the key."""

    def __init__(self, edition: str, values: dict[str, str]):
        super().__init__(values)
        self.edition = edition

    def __missing__(self, key: str) -> str:
        raise LookupError(f"{editorial.path(editorial.LABELS)}: no label {key!r} for the {self.edition!r} edition")


def labels() -> dict[str, Labels]:
    """Interface labels per edition (sources/labels.yml, as it is now); zh-Hant is converted from zh unless
    written out."""
    return {edition: Labels(edition, values) for edition, values in editorial.labels().items()}


def label(key: str, edition: str) -> str:
    """One interface label of an edition (zh, en or zh-Hant); a missing edition or label is a LookupError
    naming the file."""
    if edition not in labels():
        raise LookupError(f"{editorial.path(editorial.LABELS)}: no labels for the {edition!r} edition")
    return labels()[edition][key]


def traditional_path(path: str) -> str | None:
    """'about.md' -> 'about.zh-Hant.md' for a Simplified page or file; None for other languages' files."""
    base, ext = os.path.splitext(path)
    if ext not in (".md", ".xml") or base.endswith((".en", f".{TRADITIONAL}")):
        return None
    return f"{base}.{TRADITIONAL}{ext}"


def suffix(lang: str) -> str:
    """File suffix of a language in the docs folder ('' for the default language)."""
    return "" if lang == "zh" else f".{lang}"


def edition_base(site_url: str, lang: str) -> str:
    """The absolute address of an edition's root, without the closing slash."""
    return (site_url or "").rstrip("/") + ("" if lang == "zh" else f"/{lang}")
