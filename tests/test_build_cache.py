"""The cleaned-source cache on disk: a new build process reuses it; other code or text never does."""

from __future__ import annotations

import shutil

import pytest

import wenku
from conftest import SOURCES
from wenku import corpus as corpus_module
from wenku.build import Build


@pytest.fixture
def disk_cache(tmp_path):
    """An empty disk cache folder."""
    return tmp_path / "cache"


def new_process(folder) -> Build:
    """The state of a new build process: nothing in memory, the disk cache as it is."""
    return Build(cache_dir=str(folder))


def _summary(c):
    return [(a.slug, a.title, a.authors, len(a.blocks), len(a.report)) for a in c.articles]


def _refuse(*args):
    raise AssertionError("a source was cleaned again although its result was cached on disk")


def test_a_new_process_reads_cleaned_sources_from_disk(disk_cache, monkeypatch):
    first = corpus_module.load_corpus(SOURCES, new_process(disk_cache))
    assert len(list(disk_cache.glob("*.pickle"))) == len(first.sources) == 5
    expected = _summary(first)
    monkeypatch.setattr(corpus_module, "_process", _refuse)
    assert _summary(corpus_module.load_corpus(SOURCES, new_process(disk_cache))) == expected


def test_changed_code_or_text_is_processed_again(disk_cache, monkeypatch, tmp_path):
    corpus_module.load_corpus(SOURCES, new_process(disk_cache))
    monkeypatch.setattr(wenku, "code_version", lambda: "other-code")
    monkeypatch.setattr(corpus_module, "code_version", lambda: "other-code")
    calls = []
    real = corpus_module._process
    monkeypatch.setattr(corpus_module, "_process", lambda *a: calls.append(a[0]) or real(*a))
    corpus_module.load_corpus(SOURCES, new_process(disk_cache))
    assert len(calls) == 5  # other code: nothing read from the cache
    # One source edited: only that one is cleaned again; the unused old entries are pruned.
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    edited = sorted(sources.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n补充的一段文字。\n", encoding="utf-8")
    calls.clear()
    build = new_process(disk_cache)
    corpus_module.load_corpus(str(sources), build)
    corpus_module.prune_disk_cache(build)
    assert calls == [edited.name]
    assert len(list(disk_cache.glob("*.pickle"))) == 5


def test_an_unreadable_cache_file_is_ignored(disk_cache):
    expected = _summary(corpus_module.load_corpus(SOURCES, new_process(disk_cache)))
    for f in disk_cache.glob("*.pickle"):
        f.write_bytes(b"not a pickle")
    assert _summary(corpus_module.load_corpus(SOURCES, new_process(disk_cache))) == expected
