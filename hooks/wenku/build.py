"""The state one build process keeps between rebuilds (`mkdocs serve`), in one object.

The MkDocs hook owns one `Build` and passes it down, the way Material's plugins keep their state on the
plugin instance. Every cache here holds results exactly as the stage that made them returned them:
later stages return new objects, so a value is never changed after it is cached. Without a Build (the CLI,
tests) nothing is cached and every call does its work afresh.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Build:
    """Caches of one build process, keyed by content, never by object identity."""

    cache_dir: str | None = None  # cleaned sources on disk (<project>/.build/cache/sources), for the next process
    command: str | None = None  # 'serve' keeps the caches between rebuilds; 'build' frees them after staging
    cleaned: dict[str, Any] = field(default_factory=dict)  # source key -> SourceResult as cleaning made it
    used: set[str] = field(default_factory=set)  # source keys the last corpus load used (the rest is pruned)
    enriched: dict[tuple, Any] = field(default_factory=dict)  # source keys -> Corpus (slugs, overrides, topics)
    topic_tokens: dict[str, Any] = field(default_factory=dict)  # text hash -> jieba word counts
    term_counts: dict[tuple, dict] = field(default_factory=dict)  # (text hash, glossary version) -> term counts
    data_rows: dict[tuple, tuple] = field(default_factory=dict)  # article row inputs -> (JSON line, CSV row)
    article_pages: dict[tuple, str] = field(default_factory=dict)  # article inputs -> page Markdown
    source_pages: dict[tuple, str] = field(default_factory=dict)
    report_json: dict[str, str] = field(default_factory=dict)
    pages: dict[tuple, Any] = field(default_factory=dict)  # all inputs of build_pages -> SiteDocs
    traditional: dict[str, str] = field(default_factory=dict)  # page hash -> its Traditional Chinese text
    fingerprint: tuple | None = None  # files the last staging saw (the hook skips staging when unchanged)
    git_dates: dict[str, str] = field(default_factory=dict)  # file -> date of its last commit ("last updated")
    facts: dict[str, Any] = field(default_factory=dict)  # article slug -> outlet and date, for citations
    page_checks: dict[tuple, list] = field(default_factory=dict)  # docs/ fingerprint, page names -> problems
    search_preview: Any = None  # `mkdocs serve`: the search files written in the background (site.preview)

    @property
    def one_off(self) -> bool:
        """A build that ends after one staging (`mkdocs build`, the split build's staging process): it keeps
        nothing for a next staging, so staging may write what it makes and forget it (wenku/site/staging.py)."""
        return self.command in ("build", "gh-deploy")

    def release(self) -> None:
        """Forget every cache: a one-off build needs none of them once the pages are staged, and at 5,000
        articles they hold gigabytes during MkDocs' own work."""
        for cache in (
            self.cleaned,
            self.enriched,
            self.topic_tokens,
            self.term_counts,
            self.data_rows,
            self.article_pages,
            self.source_pages,
            self.report_json,
            self.pages,
            self.traditional,
            self.page_checks,
        ):
            cache.clear()
        gc.collect()


_PROCESS: list[Build] = []


def process_build() -> Build:
    """The one Build of this process. MkDocs runs a hook module afresh on every `mkdocs serve` rebuild
    (`load_config` executes the hook file again), so a Build made at the hook's module level would start
    empty each time, with every cache lost; this one lives as long as the process."""
    if not _PROCESS:
        _PROCESS.append(Build())
    return _PROCESS[0]
