"""Editors' preview (`make serve`): which editions to build, and the search files left for an idle moment.

`mkdocs build` (and `make build`) always builds every edition and writes the search files before it
ends; nothing here changes its output. Under `mkdocs serve`:

- editions: `make serve` sets WENKU_EDITIONS=zh unless told otherwise (`make serve EDITIONS=all`, or
  `zh,en`): an editor previewing a source or a Chinese page does not wait for the English and Traditional
  builds. A plain `mkdocs serve` without WENKU_EDITIONS builds every edition, as before.
  The language switcher still links to the other editions; in such a preview they are not there.
- search: the sharded search files (searchshards.py) are written in a background thread after the
  pages are served; the next rebuild cancels that thread (it stops at its next check, between files)
  rather than waiting for it, and writes the files afresh from every page's latest entries. With `mkdocs serve --dirty` (what
  `make serve` runs), MkDocs renders only the pages whose staged Markdown changed and Material's search
  plugin sees only those; their entries replace the same pages' entries of the previous build, so the
  preview's search still covers every page.
"""

from __future__ import annotations

import json
import os
import threading

from wenku.search.searchindex import build_search
from wenku.search.searchshards import Stopped

ALL = ("zh", "en", "zh-Hant")


def editions(command: str | None, setting: str | None = None) -> tuple[str, ...]:
    """The editions this build makes: all of them for a build, whatever the environment says (a site
    published without an edition is worse than a slow build); for `serve`, those WENKU_EDITIONS names
    (`make serve` sets zh), all when it is unset or `all`. The default edition (zh, the site root) is
    always built."""
    setting = (setting if setting is not None else os.environ.get("WENKU_EDITIONS", "")).strip()
    if command != "serve" or not setting or setting.lower() == "all":
        return ALL
    wanted = {s.strip() for s in setting.split(",") if s.strip()}
    unknown = wanted - set(ALL)
    if unknown:
        raise ValueError(
            f"WENKU_EDITIONS: unknown edition(s) {', '.join(sorted(unknown))}; use some of {', '.join(ALL)} or 'all'"
        )
    return tuple(e for e in ALL if e == "zh" or e in wanted)


def apply_editions(config, wanted: tuple[str, ...]) -> None:
    """Tell mkdocs-static-i18n which of its languages to build."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    for lang in i18n.config.languages:
        lang.build = bool(lang.default) or lang.locale in wanted


def built_editions(config) -> list[str]:
    """The editions this build makes, as mkdocs-static-i18n was told."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ["zh"]
    return [lang.locale for lang in i18n.config.languages if lang.build]


class Deferred:
    """One piece of work in a background thread at a time. `wait` lets it finish; `cancel` stops it at its
    next check of `cancelled()` (a generation counter: every cancel starts a new generation) and waits only
    for that, a fraction of a second. Either way the thread has ended when they return, so nothing it would
    still write can land after the next build has begun."""

    def __init__(self):
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None
        self.generation = 0
        self.running: int | None = None  # the generation the thread was started in

    def start(self, work, *args) -> None:
        self.wait()
        self.running = self.generation

        def run():
            try:
                work(*args)
            except Stopped:
                pass  # cancelled: a newer build writes its own files
            except BaseException as exc:  # reported by wait(), in the build that follows
                self.error = exc

        self.thread = threading.Thread(target=run, name="wenku-search", daemon=True)
        self.thread.start()

    def cancelled(self) -> bool:
        """True once the work running now has been cancelled (checked by the work between its steps)."""
        return self.running != self.generation

    def cancel(self) -> None:
        self.generation += 1
        self.wait()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            err, self.error = self.error, None
            raise RuntimeError(f"search files of the last preview build: {err}") from err


def merge_entries(previous: list[dict], new: list[dict]) -> list[dict]:
    """Material's search entries of a dirty rebuild (only the pages rendered again) over the last full
    set: a page's entries are replaced as a whole; pages not rendered again keep theirs."""
    renewed = {doc["location"].split("#")[0] for doc in new}
    return [doc for doc in previous if doc["location"].split("#")[0] not in renewed] + new


class SearchPreview:
    """The search files of a preview: merged entries of the dirty rebuilds, written in the background.

    The entries are merged at once, when a build ends (Material's index of a dirty build holds only the
    pages it rendered; a cheap read), so a cancelled writer loses nothing: the next build writes the files
    from every page's latest entries. Writing them (`build_search`, about a minute of CPU at 1,000
    articles) is what runs in the background, and a new build cancels it instead of waiting for it."""

    def __init__(self):
        self.deferred = Deferred()
        self.entries: list[dict] | None = None

    def wait(self) -> None:
        """Let the search files of the last build be finished (tests, the end of a benchmark)."""
        self.deferred.wait()

    def cancel(self) -> None:
        """A new build begins: stop writing the last build's search files (they would be stale)."""
        self.deferred.cancel()

    def after_build(self, site_dir: str, prefixes: list[str]) -> None:
        self.deferred.wait()  # normally already cancelled by the build's on_config
        path = os.path.join(site_dir, "search", "search_index.json")
        if not os.path.exists(path):
            return
        with open(path, encoding="utf-8") as fh:
            index = json.load(fh)
        self.entries = merge_entries(self.entries or [], index["docs"])
        merged = {"config": index["config"], "docs": self.entries}
        self.deferred.start(build_search, site_dir, prefixes, None, merged, self.deferred.cancelled)
