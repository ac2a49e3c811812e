"""Editors' preview (wenku.site.preview, issue 18): what `make serve` builds, without touching `make build`.

The edit-to-served times are measured in bench/preview_bench.py, not here."""

from __future__ import annotations

import importlib.util
import os
import re

import pytest

from wenku.build import process_build
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


def test_make_serve_preview_shows_an_edit_and_serves_the_simplified_edition(tmp_path):
    # What `make serve` runs, on a copy of the project: the first build, then an edit of a hand-written page.
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from conftest import copy_build_files

    proj = tmp_path / "proj"
    copy_build_files(str(proj))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"

    def get(path):
        try:
            with urllib.request.urlopen(base + path, timeout=5) as res:
                return res.status, res.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as err:
            return err.code, ""
        except OSError:
            return 0, ""

    def until(check, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if check():
                return True
            time.sleep(0.1)
        return False

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", WENKU_EDITIONS="zh")  # as `make serve` sets it
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=proj,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert until(lambda: get("about/")[0] == 200, 600), "the first build was not served"
        assert get("en/about/")[0] == 404  # the preview builds the Simplified edition only
        # The search files come in the background: the manifest our worker reads appears.
        import json

        def manifest():
            status, body = get("search/search_index.json")
            return json.loads(body)["config"].get("wenku") if status == 200 and '"wenku"' in body else None

        assert until(lambda: manifest() is not None, 120)
        first = manifest()
        with open(proj / "docs" / "about.md", "a", encoding="utf-8") as fh:
            fh.write("\n\n预览中新加的一段话。\n")
        assert until(lambda: "预览中新加的一段话" in get("about/")[1], 120), "the edit was not served"
        # The search files of the dirty rebuild: the page's new text, and every other page still there.
        assert until(lambda: (manifest() or first)["version"] != first["version"], 120)
        after = manifest()
        assert after["pages"] == first["pages"]
        assert any("预览中新加的一段话" in get(f"search/parts/{i}.json")[1] for i in range(after["parts"]))
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
