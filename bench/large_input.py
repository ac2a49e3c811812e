"""A 20 MB source through the whole pipeline: time and peak memory stay bounded.

Run: .venv/bin/python bench/large_input.py [MB]   (generates the input deterministically from sources/)
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "hooks"))


def make_source(megabytes: int) -> bytes:
    """Paragraphs of the seed sources, cut at random lengths and numbered, with a title and byline every 50."""
    rng = random.Random(1)
    paras = []
    for f in sorted(os.listdir(os.path.join(ROOT, "sources"))):
        if f.endswith(".txt"):
            with open(os.path.join(ROOT, "sources", f), encoding="utf-8") as fh:
                paras += [ln for ln in fh.read().split("\n") if len(ln) > 40]
    out, size, n = [], 0, 0
    while size < megabytes * 1024 * 1024:
        p = rng.choice(paras)
        p = p[: rng.randint(40, len(p))] + f"（第{n}段）。"
        out.append(p)
        size += len(p.encode())
        n += 1
        if n % 50 == 0:
            out += [f"# 测试标题第{n}号", "王小明"]
    return "\n\n".join(out).encode("utf-8")


def main() -> None:
    mb = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    data = make_source(mb)
    from wenku.corpus import process_bytes

    t = time.perf_counter()
    src = process_bytes("large.txt", data)
    elapsed = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"| {len(data) / 1024 / 1024:.1f} MB source | {len(src.articles)} articles, {len(src.report)} report entries "
        f"| {elapsed:.1f} s | peak RSS {peak:.0f} MB |"
    )


if __name__ == "__main__":
    main()
