"""Cleaning throughput: all sources under sources/, cold (first run in a process) and warm.

Run: .venv/bin/python bench/clean_speed.py   (prints one Markdown table row per measurement)
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "hooks"))


def main() -> None:
    from wenku import corpus as corpus_mod
    from wenku.build import Build

    files = corpus_mod.source_files(os.path.join(ROOT, "sources"))
    size = sum(os.path.getsize(f) for f in files)
    t0 = time.perf_counter()
    from wenku.ingest.chars import common_chars
    from wenku.script import to_simplified
    from wenku.segment import tokenizer

    tokenizer(), to_simplified("測"), common_chars()
    setup = time.perf_counter() - t0
    runs = []
    for _ in range(5):
        build = Build()  # empty caches: everything is cleaned again
        t = time.perf_counter()
        c = corpus_mod.load_corpus(os.path.join(ROOT, "sources"), build)
        runs.append(time.perf_counter() - t)
    t = time.perf_counter()
    corpus_mod.load_corpus(os.path.join(ROOT, "sources"), build)
    cached = time.perf_counter() - t
    n = len(c.articles)
    print(f"| machine | {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()} |")
    print(f"| input | {len(files)} sources, {size / 1024:.0f} KiB, {n} articles |")
    print(f"| one-time set-up (jieba dictionary, OpenCC, character table) | {setup:.2f} s |")
    print(
        f"| cleaning + splitting all sources, median of 5 | {statistics.median(runs):.3f} s "
        f"({size / 1024 / statistics.median(runs):.0f} KiB/s) |"
    )
    print(f"| same, unchanged sources (content-hash cache) | {cached * 1000:.1f} ms |")


if __name__ == "__main__":
    main()
