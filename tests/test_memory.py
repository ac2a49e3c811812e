"""Issue 18, memory: what a one-off build forgets early must not change a byte of what it writes."""

from __future__ import annotations

import filecmp
import importlib.util
import os
import shutil

from conftest import ROOT, SOURCES
from wenku.build import Build
from wenku.site import staging


def _files(folder) -> dict[str, bytes]:
    out = {}
    for base, _, names in os.walk(folder):
        for n in names:
            full = os.path.join(base, n)
            with open(full, "rb") as fh:
                out[os.path.relpath(full, folder)] = fh.read()
    return out


def test_a_one_off_staging_in_parts_writes_what_a_cached_staging_writes(tmp_path, monkeypatch):
    root = tmp_path / "proj"
    shutil.copytree(SOURCES, root / "sources")
    shutil.copytree(os.path.join(ROOT, "docs"), root / "docs")
    cached = Build()
    staging.stage(str(root), str(tmp_path / "a"), "https://example.test/", cached)
    monkeypatch.setattr(staging, "DATA_PART", 7)  # several parts of the 32 seed articles
    one_off = Build(command="build")
    assert one_off.one_off and not cached.one_off
    staging.stage(str(root), str(tmp_path / "b"), "https://example.test/", one_off)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []
    assert not one_off.traditional and not one_off.data_rows  # written and forgotten
    # Each page written as it was made (issue 18): no page kept in the one-off build's caches.
    assert not (one_off.article_pages or one_off.source_pages or one_off.pages)
    assert cached.article_pages and cached.source_pages and cached.pages
    # Staged again with the same inputs, the data files keep their bytes and modification times.
    data = tmp_path / "b" / "data" / "articles.jsonl"
    before = os.stat(data).st_mtime_ns
    staging.stage(str(root), str(tmp_path / "b"), "https://example.test/", Build(command="build"))
    assert os.stat(data).st_mtime_ns == before
    assert not [p for p in _files(tmp_path / "b") if p.endswith(".part")]
    assert filecmp.cmp(data, tmp_path / "a" / "data" / "articles.jsonl", shallow=False)


class _Page:
    """What the hook's memory handlers touch of an MkDocs page."""

    def __init__(self):
        self.markdown = "# Heading\n\ntext"
        self.content = None


def test_a_page_waits_compressed_and_is_restored_before_its_context():
    spec = importlib.util.spec_from_file_location("site_pages_memory", os.path.join(ROOT, "hooks", "site_pages.py"))
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    page = _Page()
    html = "<h1 id='h'>标题</h1><p>正文 " + "数字经济" * 500 + "</p>"
    assert hook._park_content(html, page, None, None) == ""
    assert page.markdown == "" and page.content == ""  # not None: MkDocs' Page.title reads None as unread
    assert hook._restore_content({"x": 1}, page, None, None) == {"x": 1}
    assert page.content == html
    assert hook._restore_content({}, page, None, None) == {}  # nothing parked: the page stays as it is
    assert page.content == html
    assert hook._drop_content("<html>out</html>", page, None) == "<html>out</html>"
    assert page.content == "" and page.markdown == ""
