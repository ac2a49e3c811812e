"""Editors' preview (wenku.site.preview, issue 18): what `make serve` builds, without touching `make build`.

The edit-to-served times are measured in bench/preview_bench.py, not here."""

from __future__ import annotations

import importlib.util
import os

import pytest

from wenku.build import process_build
from wenku.site import preview

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_a_build_makes_every_edition_whatever_the_environment_says():
    assert preview.editions("build", "zh") == ("zh", "en", "zh-Hant")
    assert preview.editions("build", "") == ("zh", "en", "zh-Hant")
    assert preview.editions(None, "en") == ("zh", "en", "zh-Hant")


def test_serve_builds_the_simplified_edition_unless_told_otherwise():
    assert preview.editions("serve", "") == ("zh",)
    assert preview.editions("serve", "all") == ("zh", "en", "zh-Hant")
    assert preview.editions("serve", "zh-Hant, en") == ("zh", "en", "zh-Hant")
    assert preview.editions("serve", "en") == ("zh", "en")  # the site root (zh) is always there
    with pytest.raises(ValueError, match="zh-TW"):
        preview.editions("serve", "zh-TW")


def test_dirty_rebuild_entries_replace_whole_pages_and_keep_the_others():
    old = [{"location": "a/", "text": "old a"}, {"location": "a/#s1", "text": "old a s1"},
           {"location": "b/", "text": "b"}]
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
