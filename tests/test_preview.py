"""Editors' preview (wenku.site.preview, issue 18): what `make serve` builds, without touching `make build`.

The edit-to-served times are measured in bench/preview_bench.py, not here."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import threading

import pytest

from wenku.build import process_build
from wenku.search import searchshards
from wenku.site import preview

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_a_build_makes_every_edition_whatever_the_environment_says():
    assert preview.editions("build", "zh") == ("zh", "en", "zh-Hant")
    assert preview.editions("build", "") == ("zh", "en", "zh-Hant")
    assert preview.editions(None, "en") == ("zh", "en", "zh-Hant")


def test_serve_builds_the_simplified_edition_unless_told_otherwise():
    assert preview.editions("serve", "zh") == ("zh",)  # what `make serve` sets
    assert preview.editions("serve", "") == ("zh", "en", "zh-Hant")  # a plain `mkdocs serve`: as before
    assert preview.editions("serve", "all") == ("zh", "en", "zh-Hant")
    assert preview.editions("serve", "zh-Hant, en") == ("zh", "en", "zh-Hant")
    assert preview.editions("serve", "en") == ("zh", "en")  # the site root (zh) is always there
    with pytest.raises(ValueError, match="zh-TW"):
        preview.editions("serve", "zh-TW")


def test_dirty_rebuild_entries_replace_whole_pages_and_keep_the_others():
    old = [
        {"location": "a/", "text": "old a"},
        {"location": "a/#s1", "text": "old a s1"},
        {"location": "b/", "text": "b"},
    ]
    new = [{"location": "a/", "text": "new a"}]
    merged = preview.merge_entries(old, new)
    assert merged == [{"location": "b/", "text": "b"}, {"location": "a/", "text": "new a"}]  # a/#s1 gone
    assert preview.merge_entries(old, []) == old


def test_deferred_work_reports_its_failure_to_the_next_build():
    d = preview.Deferred()
    done = []
    d.start(done.append, 1)
    d.wait()
    assert done == [1]
    d.start(lambda: 1 / 0)
    with pytest.raises(RuntimeError, match="division by zero"):
        d.wait()
    d.wait()  # reported once


def test_cancel_stops_the_running_work_at_its_next_check_and_reports_nothing():
    d = preview.Deferred()
    started, polled = threading.Event(), threading.Event()
    seen = []

    def work():
        started.set()
        while not d.cancelled():  # a long job that checks between its steps
            polled.wait(0.01)
        seen.append("stopped")
        raise searchshards.Stopped

    d.start(work)
    assert started.wait(10)
    assert not d.cancelled()
    d.cancel()  # returns once the thread has ended, with no error for the next build
    assert d.thread is None and seen == ["stopped"]
    d.start(seen.append, "next")  # a job started after the cancel is not cancelled
    d.wait()
    assert seen == ["stopped", "next"]


def _entries(pages: dict[str, str]) -> list[dict]:
    return [{"location": loc, "title": loc.strip("/") or "home", "text": text} for loc, text in pages.items()]


def _files(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_newer_build_cancels_the_search_writer_and_the_files_match_the_latest_entries(tmp_path, monkeypatch):
    # Build 1 renders pages a and b; its writer is still at work when build 2 (a dirty build that rendered
    # a again) starts. The stale writer must stop without writing, and the files in the end must be those
    # of every page's latest entries, the same as one build of them would write.
    config = {"lang": ["zh"], "separator": "[\\s]+", "pipeline": []}
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    index_path = site / "search" / "search_index.json"
    first = _entries({"a/": "数字经济发展的第一稿", "b/": "产业互联网平台"})
    second = _entries({"a/": "数字经济发展的第二稿"})
    started, release = threading.Event(), threading.Event()
    calls = []
    real = preview.build_search

    def slow_first(site_dir, prefixes, only, index, stop):
        calls.append([d["text"] for d in index["docs"]])
        if len(calls) == 1:  # build 1's writer: busy until it is cancelled
            started.set()
            while not stop():
                release.wait(0.01)
        return real(site_dir, prefixes, only, index, stop)

    monkeypatch.setattr(preview, "build_search", slow_first)
    search = preview.SearchPreview()
    index_path.write_text(json.dumps({"config": config, "docs": first}, ensure_ascii=False), encoding="utf-8")
    search.after_build(str(site), [])
    assert started.wait(10)
    search.cancel()  # build 2 begins
    assert not (site / "search" / "shards").exists()  # the stale writer wrote nothing
    index_path.write_text(json.dumps({"config": config, "docs": second}, ensure_ascii=False), encoding="utf-8")
    search.after_build(str(site), [])
    search.wait()
    assert calls[1] == ["产业互联网平台", "数字经济发展的第二稿"]
    reference = tmp_path / "reference"
    (reference / "search").mkdir(parents=True)
    (reference / "search" / "search_index.json").write_text(
        json.dumps(
            {"config": config, "docs": _entries({"b/": "产业互联网平台", "a/": "数字经济发展的第二稿"})},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    real(str(reference), [])
    assert _files(site) == _files(reference)
    assert "第二稿" in (site / "search" / "parts" / "1.json").read_text(encoding="utf-8")


def test_a_stopped_edition_build_raises_and_an_unstopped_one_writes_the_same_files(tmp_path):
    index = {"config": {"lang": ["zh"]}, "docs": _entries({f"p{i}/": f"第{i}篇数字文章的正文" for i in range(600)})}
    searchshards.build_edition(str(tmp_path / "plain"), "zh", "search/", index)
    searchshards.build_edition(str(tmp_path / "checked"), "zh", "search/", index, stop=lambda: False)
    assert _files(tmp_path / "plain") == _files(tmp_path / "checked")
    checks = []
    with pytest.raises(searchshards.Stopped):
        searchshards.build_edition(
            str(tmp_path / "stopped"), "zh", "search/", index, stop=lambda: checks.append(1) or len(checks) > 3
        )
    assert not (tmp_path / "stopped" / "search_index.json").exists()


def test_the_hook_keeps_one_build_across_mkdocs_reloading_it():
    # `mkdocs serve` runs the hook file afresh on every rebuild (load_config): its caches must survive.
    def load():
        spec = importlib.util.spec_from_file_location("site_pages", os.path.join(ROOT, "hooks", "site_pages.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    first, second = load(), load()
    assert first is not second
    assert first.BUILD is second.BUILD is process_build()


def test_404_page_links_to_the_edition_roots(built_site):
    # i18n left the language links of the last page built before it (/topics/smes/) on the 404 page.
    page = (built_site / "404.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"[^>]*class="md-select__link"', page)
    assert sorted(h for h, _ in links) == ["/reader/", "/reader/en/", "/reader/zh-Hant/"], links


def test_three_edition_processes_merge_into_the_one_process_site(built_site, tmp_path):
    """The split build equals the one-process build byte for byte: also the suite's check that two builds of
    the same checkout, in other processes, give the same site (what `make serve`'s preview adds is in
    test_serve's make-serve run)."""
    # The same project and address as the built_site fixture, built as one process per edition, merged.
    from wenku.site import split

    site = tmp_path / "reader"
    env = dict(os.environ, SITE_URL="http://127.0.0.1:8000/reader/")
    figures = split.build_in_processes(ROOT, str(site), jobs=2, env=env)
    assert [b["edition"] for b in figures["builds"]] == ["zh", "en", "zh-Hant"]
    assert figures["conflicts"] == []  # each edition process writes its own 404 page and nothing of the others
    differ = []
    for path in sorted(p for p in built_site.rglob("*") if p.is_file()):
        rel = path.relative_to(built_site)
        if not (site / rel).is_file() or (site / rel).read_bytes() != path.read_bytes():
            differ.append(str(rel))
    extra = [
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.is_file() and not (built_site / p.relative_to(site)).exists()
    ]
    assert differ == [] and extra == [], (differ[:10], extra[:10])
