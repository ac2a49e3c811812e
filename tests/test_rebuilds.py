"""`make serve` rebuilds in one process: what an editor does between two saves must show, and nothing else.

Each test replays an editor's sequence against one Build (the state the MkDocs hook keeps between rebuilds):
cached cleaning results are reused, but no stage may change what a cache holds.
"""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import ROOT, SOURCES, read
from wenku.build import Build
from wenku.corpus import process_bytes
from wenku.site import split
from wenku.site.citation import article_facts
from wenku.site.staging import stage

ZHU = "zhu-hongli-000-2"  # printed without a title: its slug comes from the byline and the source id
ZHU_SIDECAR = "000_2e6ac2608d1f1108.yml"
OTHER_SIDECAR = "001_ef03feee12158e5d.yml"


@pytest.fixture
def project(tmp_path):
    """A copy of the real sources and docs (the editor's checkout)."""
    root = tmp_path / "proj"
    shutil.copytree(SOURCES, root / "sources")
    shutil.copytree(os.path.join(ROOT, "docs"), root / "docs")
    return root


def _stage(root, build):
    site = stage(str(root), str(root / ".build" / "docs"), "", build=build)
    errors = [str(p) for p in site.problems if p.severity == "error"]
    return site, errors


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_title_override_then_unrelated_edit_keeps_the_url(project):
    build = Build()
    _, errors = _stage(project, build)
    assert not errors
    # 1. The editor gives the untitled article a title in its source's sidecar.
    _edit(project / "sources" / ZHU_SIDECAR, f"  {ZHU}:\n", f"  {ZHU}:\n    title: 编辑拟定的标题\n")
    site, errors = _stage(project, build)
    assert not errors
    page = project / ".build" / "docs" / "articles" / f"{ZHU}.md"
    assert "title: 编辑拟定的标题" in read(page)
    # 2. Then an unrelated sidecar: the override stays, at the same address, and nothing fails.
    _edit(project / "sources" / OTHER_SIDECAR, "notes:", "# an unrelated edit\nnotes:")
    site, errors = _stage(project, build)
    assert not errors, errors
    assert ZHU in {a.slug for a in site.corpus.articles}
    assert "title: 编辑拟定的标题" in read(page)


def test_the_cached_cleaning_result_is_never_changed(project):
    """What the cache holds stays what cleaning made: slugs, overrides and topics come back as new objects."""
    build = Build()
    _stage(project, build)
    _edit(project / "sources" / ZHU_SIDECAR, f"  {ZHU}:\n", f"  {ZHU}:\n    title: 编辑拟定的标题\n")
    _stage(project, build)
    _stage(project, build)
    assert build.cleaned
    for src in build.cleaned.values():
        with open(src.path, "rb") as fh:
            data = fh.read()
        sidecar = os.path.splitext(src.path)[0] + ".yml"
        with open(sidecar, encoding="utf-8") as fh:
            fresh = process_bytes(src.name, data, fh.read(), path=src.path)
        assert [a.slug for a in src.articles] == [a.slug for a in fresh.articles]
        assert [(a.title, a.title_inferred, a.metadata_key()) for a in src.articles] == [
            (a.title, a.title_inferred, a.metadata_key()) for a in fresh.articles
        ]


def test_deleted_translation_is_no_longer_reported_translated(project):
    build = Build()
    _stage(project, build)
    status = project / ".build" / "docs" / "translations.md"
    row = next(ln for ln in read(status).splitlines() if f"articles/{ZHU}.md" in ln)
    assert "已有全文译文" in row
    os.remove(project / "docs" / "articles" / f"{ZHU}.en.md")
    _stage(project, build)
    row = next(ln for ln in read(status).splitlines() if f"articles/{ZHU}.md" in ln)
    assert "已有全文译文" not in row and "仅有英文标题和摘要" in row
    english = read(project / ".build" / "docs" / "articles" / f"{ZHU}.en.md")
    assert "translation_status: summary" in english


def test_a_fresh_build_and_a_rebuild_give_the_same_pages(project):
    """Serve's rebuild after an edit equals a new process building the edited project."""
    build = Build()
    _stage(project, build)
    _edit(project / "sources" / OTHER_SIDECAR, "notes:", "# an unrelated edit\nnotes:")
    _edit(project / "sources" / ZHU_SIDECAR, f"  {ZHU}:\n", f"  {ZHU}:\n    title: 编辑拟定的标题\n")
    rebuilt, _ = _stage(project, build)
    fresh, _ = _stage(project, Build())
    assert rebuilt.pages == fresh.pages


def test_edition_processes_read_the_staging_manifest_only_while_the_inputs_are_those_staged(project):
    # The split build stages once; an edition process takes the problems, facts and article names from
    # .build/staged.json instead of staging again, but never when an input changed since.
    made = split.stage_for_editions(str(project), "http://example.org/")
    read_back = split.staged_manifest(str(project), "http://example.org/")
    assert read_back is not None and read_back["generated"] == made["generated"] and len(made["generated"]) > 30
    fresh, _ = _stage(project, Build())
    assert read_back["facts"] == article_facts(fresh.corpus)  # the same facts the hook would compute
    assert [(p.path, p.line, p.message, p.severity) for p in read_back["problems"]] == [
        (p.path, p.line, p.message, p.severity) for p in fresh.problems
    ]
    assert split.staged_manifest(str(project), "http://other.example/") is None  # another address
    os.utime(project / "sources" / ZHU_SIDECAR, ns=(1, 1))
    assert split.staged_manifest(str(project), "http://example.org/") is None  # a source touched: stage again


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_rebuild_after_a_text_edit_stages_the_same_files_as_a_fresh_staging_and_reuses_the_rest(project, tmp_path):
    """A one-source text edit: the rebuild's staged folder equals a fresh process's, and the per-article
    caches (glossary term counts, data file rows) keep the very objects of the articles not edited."""
    build = Build()
    _stage(project, build)
    counts, rows = dict(build.term_counts), dict(build.data_rows)
    _edit(project / "sources" / "000_2e6ac2608d1f1108.txt", "满足老年人多样化、个性化需求", "满足老年人多样化需求")
    _stage(project, build)
    fresh = tmp_path / "fresh"
    stage(str(project), str(fresh), "", build=Build())
    assert _files(project / ".build" / "docs") == _files(fresh)
    kept = [k for k, v in build.term_counts.items() if counts.get(k) is v]
    assert len(build.term_counts) > 30 and len(kept) == len(build.term_counts) - 1  # one article's text changed
    assert set(build.term_counts) != set(counts)  # ... and it was counted again
    kept_rows = [k for k, v in build.data_rows.items() if rows.get(k) is v]
    assert len(build.data_rows) > 90 and len(kept_rows) >= 0.8 * len(build.data_rows)
    assert len(kept_rows) < len(build.data_rows)  # the edited article's rows were made again
