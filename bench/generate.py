"""Deterministic synthetic corpus for benchmarks: N articles made from the seed sources' paragraphs.

Articles are bundled 25 to a compilation (with a table of contents and an ad line, like 004_…), have
realistic length (12-30 paragraphs drawn from the seeds, shuffled), and a realistic share of damage:
half-width punctuation everywhere (as in the seeds), pinyin annotations in one compilation in ten,
a paragraph broken across two lines in one article in five.

Usage: python bench/generate.py N OUT_DIR   (writes OUT_DIR/sources/*.txt and *.yml)
"""

from __future__ import annotations

import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PER_SOURCE = 25


def seed_paragraphs() -> list[str]:
    """Long paragraphs of the seed sources, with half-width punctuation as the raw texts have it."""
    paras = []
    for f in sorted(os.listdir(os.path.join(ROOT, "sources"))):
        if f.endswith(".txt") and not f.startswith("001"):  # 001 is traditional with mojibake: kept out
            with open(os.path.join(ROOT, "sources", f), encoding="utf-8") as fh:
                paras += [ln.strip() for ln in fh.read().split("\n") if len(ln.strip()) > 60 and not ln.startswith("#")]
    return paras


PINYIN = {"产": "(chǎn)", "业": "(yè)", "区": "(qū)", "发": "(fā)", "数": "(shù)"}


def make(n: int, out: str) -> int:
    """Write n articles as compilations under out/sources; returns the number of bytes written."""
    rng = random.Random(n)
    paras = seed_paragraphs()
    src_dir = os.path.join(out, "sources")
    os.makedirs(src_dir, exist_ok=True)
    total = 0
    for s in range((n + PER_SOURCE - 1) // PER_SOURCE):
        count = min(PER_SOURCE, n - s * PER_SOURCE)
        titles = [
            f"合成文章第{s * PER_SOURCE + i + 1}号：" + re.sub(r"[,。，:：“”]", "", rng.choice(paras)[4:20])
            for i in range(count)
        ]
        lines = [f"{2020 + s % 5}年合成文章汇编第{s + 1}辑", f"({count}篇)", "目录"] + [f"- {t}" for t in titles]
        for i, title in enumerate(titles):
            if i:
                lines.append(title)
            body = rng.sample(paras, rng.randint(12, 30))
            if rng.random() < 0.2:  # a paragraph broken by a column end
                k = rng.randrange(len(body))
                p = body[k]
                cut = len(p) // 2
                body[k : k + 1] = [p[:cut], p[cut:]]
            lines += body
        lines += ["本资料由某某文库网站整理", "客服微信:bench_service_01"]
        text = "\n".join(lines) + "\n"
        if s % 10 == 3:  # a converter's pinyin annotations
            text = "".join(ch + PINYIN.get(ch, "") if rng.random() < 0.3 else ch for ch in text)
        name = f"bench_{s:04d}"
        data = text.encode("utf-8")
        with open(os.path.join(src_dir, name + ".txt"), "wb") as fh:
            fh.write(data)
        with open(os.path.join(src_dir, name + ".yml"), "w", encoding="utf-8") as fh:
            fh.write(
                f"title: 合成汇编第{s + 1}辑\nkind: compilation\nscript: simplified\n"
                "notes: 基准测试用的合成来源，由 bench/generate.py 从种子文本生成。\n"
            )
        total += len(data)
    return total


if __name__ == "__main__":
    print(make(int(sys.argv[1]), sys.argv[2]))
