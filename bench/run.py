"""`make bench`: build time, memory, rebuild cost and search index size for N synthetic articles.

For each N (default 32, 1000; BENCH_SIZES=32,1000,5000 for more) in a temporary project:
  - cleaning throughput: the whole pipeline over the sources, in a fresh process;
  - our full strict build (three editions): wall time and peak memory;
  - a plain Material + i18n build of the same generated Markdown without our hooks: the ratio counts;
  - rebuild cost in one process (as `mkdocs serve` does): nothing changed, one source changed;
  - search index size per edition.
Results go to bench/RESULTS.md between the bench markers, with the date, machine and versions.
First, the damage benchmark (bench/damage.py, issue 15): generated damaged pages cleaned without a sidecar,
scored per damage kind, into the damage block of bench/RESULTS.md (well under two minutes).
Last, the editors' preview (bench/preview_bench.py, issue 18): seconds from saving a file to the change
being served by `make serve`, at the same sizes, into the preview-bench block.
BENCH_PARTS=damage (or =build, =preview) runs only that part.
`python bench/run.py --from-log FILE` writes the rows an interrupted run printed to FILE.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
sys.path.insert(0, os.path.join(ROOT, "hooks"))

from wenku.editorial import FILES as EDITORIAL_FILES  # noqa: E402 (importable only once hooks/ is on the path)

PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
SEARCH_N = 1000  # the size the Search issue's browser figures are for


def timed(cmd: list[str], cwd: str) -> tuple[float, float]:
    """(seconds, peak MB) of a command, measured by /usr/bin/time."""
    out = subprocess.run(["/usr/bin/time", "-f", "BENCH %e %M", *cmd], cwd=cwd, env=ENV, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    sec, kb = re.findall(r"BENCH ([\d.]+) (\d+)", out.stderr)[-1]
    return float(sec), int(kb) / 1024


def project(n: int, base: str) -> str:
    """A copy of the site's build files with n synthetic articles as its sources."""
    from generate import make

    proj = os.path.join(base, f"n{n}")
    for name in ("hooks", "overrides", "docs"):
        shutil.copytree(
            os.path.join(ROOT, name), os.path.join(proj, name), ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(os.path.join(ROOT, "mkdocs.yml"), proj)
    if n == 32:  # the real site
        shutil.copytree(os.path.join(ROOT, "sources"), os.path.join(proj, "sources"))
    else:
        make(n, proj)
        for name in EDITORIAL_FILES:  # the site's editorial data (topics, glossary, labels, citation)
            shutil.copy(os.path.join(ROOT, "sources", name), os.path.join(proj, "sources", name))
    return proj


def plain_project(proj: str) -> str:
    """The same generated Markdown (our staging folder) built by Material + i18n without our hooks."""
    plain = proj + "-plain"
    shutil.copytree(os.path.join(proj, ".build", "docs"), os.path.join(plain, "docs"))
    shutil.copytree(os.path.join(proj, "overrides"), os.path.join(plain, "overrides"))
    with open(os.path.join(proj, "mkdocs.yml"), encoding="utf-8") as fh:
        cfg = fh.read()
    cfg = re.sub(r"\nhooks:\n  - hooks/site_pages.py\n", "\n", cfg)
    with open(os.path.join(plain, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        fh.write(cfg)
    return plain


REBUILD = r"""
import os, shutil, sys, time, json
sys.path.insert(0, os.path.join(sys.argv[1], "hooks"))
from wenku.site.staging import stage
from wenku.build import Build
root = sys.argv[1]; staging = os.path.join(root, ".build", "bench-docs")
shutil.rmtree(os.path.join(root, ".build", "cache"), ignore_errors=True)  # cold: no cleaned sources on disk
b = Build(cache_dir=os.path.join(root, ".build", "cache", "sources"))  # one serve process
t = time.perf_counter(); stage(root, staging, "", b); cold = time.perf_counter() - t
t = time.perf_counter(); stage(root, staging, "", b); warm = time.perf_counter() - t
src = sorted(f for f in os.listdir(os.path.join(root, "sources")) if f.endswith(".txt"))[0]
path = os.path.join(root, "sources", src)
with open(path, "a", encoding="utf-8") as fh: fh.write("\n补充的一段文字，用来测量只改动一个来源时的重建。\n")
t = time.perf_counter(); stage(root, staging, "", b); one = time.perf_counter() - t
print(json.dumps({"cold": cold, "warm": warm, "one": one}))
"""

# A new process (a second `mkdocs build`) with the cleaned sources cached on disk by the first.
FRESH = r"""
import os, sys, time, json
sys.path.insert(0, os.path.join(sys.argv[1], "hooks"))
from wenku.segment import tokenizer; tokenizer()
from wenku.site.staging import stage
from wenku.build import Build
root = sys.argv[1]
b = Build(cache_dir=os.path.join(root, ".build", "cache", "sources"))
t = time.perf_counter(); stage(root, os.path.join(root, ".build", "bench-docs-2"), "", b); print(time.perf_counter() - t)
"""


def measure(n: int, base: str) -> dict:
    proj = project(n, base)
    src_dir = os.path.join(proj, "sources")
    size = sum(os.path.getsize(os.path.join(src_dir, f)) for f in os.listdir(src_dir) if f.endswith(".txt"))
    clean = subprocess.run(
        [
            PY,
            "-c",
            "import sys,time; sys.path.insert(0,'hooks'); from wenku.segment import tokenizer; "
            "tokenizer(); from wenku.corpus import load_corpus; t=time.perf_counter(); "
            "c=load_corpus('sources'); print(time.perf_counter()-t, len(c.articles))",
        ],
        cwd=proj,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    ours = timed([PY, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"], proj)
    plain = plain_project(proj)
    plain_t = timed([PY, "-m", "mkdocs", "build", "-q", "-d", "site"], plain)
    rebuild = json.loads(
        subprocess.run([PY, "-c", REBUILD, proj], env=ENV, capture_output=True, text=True, check=True).stdout
    )
    rebuild["fresh"] = float(
        subprocess.run([PY, "-c", FRESH, proj], env=ENV, capture_output=True, text=True, check=True).stdout.split()[-1]
    )
    index = {}
    for edition in ("", "en", "zh-Hant"):
        folder = os.path.join(proj, "site", edition, "search")
        index[edition or "zh"] = (
            sum(os.path.getsize(os.path.join(b, f)) for b, _, fs in os.walk(folder) for f in fs) / 1024
        )
    if n == SEARCH_N:
        import search_bench

        search = search_bench.run(os.path.join(proj, "site"), search_bench.pagefind_available(), probe_count=100)
        search_bench.write_results(search, n)
    return {
        "n": int(clean[1]),
        "mb": size / 1024 / 1024,
        "clean": float(clean[0]),
        "build": ours[0],
        "rss": ours[1],
        "plain": plain_t[0],
        "plain_rss": plain_t[1],
        **rebuild,
        "index": index,
    }


def keep_other_rows(text: str, table: list[str], measured: set[int]) -> list[str]:
    """The new table with the rows of sizes not measured this time kept from the old one (marked with
    their own date), so `BENCH_SIZES=5000 make bench` adds its row without dropping 32 and 1000."""
    old = re.search(r"<!-- bench:start -->\n(.*?)<!-- bench:end -->", text, re.S)
    if not old:
        return table
    date = re.search(r"Measured (\S+)", old.group(1))
    kept = []
    for line in old.group(1).splitlines():
        m = re.match(r"\| (\d+)(\*?) \|", line)
        if m and int(m.group(1)) not in measured:
            kept.append(line if m.group(2) else line.replace(f"| {m.group(1)} |", f"| {m.group(1)}* |", 1))
    rows = table[2:] + kept
    rows.sort(key=lambda line: int(re.match(r"\| (\d+)", line).group(1)))
    note = ["", f"\\* measured in an earlier run ({date.group(1) if date else 'date above'}), kept."] if kept else []
    return table[:2] + rows + note


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--from-log":
        # The rows an interrupted run printed ("N=1000: {...}" lines) are written as if it had finished.
        import ast

        with open(sys.argv[2], encoding="utf-8") as fh:
            rows = [ast.literal_eval(line.split(": ", 1)[1]) for line in fh if re.match(r"N=\d+: \{", line)]
        write_table(rows)
        return
    parts = os.environ.get("BENCH_PARTS", "damage,build,preview").split(",")
    if "damage" in parts:
        import damage

        print(damage.write_results(), flush=True)
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "32,1000").split(",")]
    if "build" in parts:
        rows = []
        with tempfile.TemporaryDirectory(prefix="bench-") as base:
            for n in sizes:
                r = measure(n, base)
                rows.append(r)
                print(f"N={n}: {r}", flush=True)
        write_table(rows)
    if "preview" in parts:
        import preview_bench
        import results as results_file

        block = preview_bench.table(preview_bench.run(sizes))
        print(
            results_file.write_block(
                "preview-bench", block, "## Editors' preview (issue 18)\n\n`bench/preview_bench.py`."
            ),
            flush=True,
        )


def write_table(rows: list[dict]) -> None:
    """The measured rows into bench/RESULTS.md (rows of other sizes kept from the last run)."""
    import jieba
    import material
    import mkdocs

    head = (
        f"Measured {dt.date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, MkDocs {mkdocs.__version__}, Material "
        f"{getattr(material, '__version__', '?')}, jieba {jieba.__version__}. Three editions (zh, en, zh-Hant)."
    )
    table = [
        "| articles | sources MB | cleaning (fresh process) | our build | peak RSS | plain build | ratio | "
        "rebuild: cold / nothing changed / one source / new process, sources cached on disk | search files zh / en / zh-Hant (all shards and parts) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        table.append(
            f"| {r['n']} | {r['mb']:.1f} | {r['clean']:.1f} s | {r['build']:.1f} s | {r['rss']:.0f} MB | "
            f"{r['plain']:.1f} s | {r['build'] / r['plain']:.2f}× | {r['cold']:.2f} s / {r['warm']:.2f} s "
            f"({100 * r['warm'] / r['cold']:.0f}%) / {r['one']:.2f} s / "
            f"{r['fresh']:.2f} s ({100 * r['fresh'] / r['cold']:.0f}%) | "
            f"{r['index']['zh']:.0f} / {r['index']['en']:.0f} / {r['index']['zh-Hant']:.0f} KB |"
        )
    import results as results_file

    table = keep_other_rows(results_file.read(), table, {r["n"] for r in rows})
    block = results_file.write_block(
        "bench", head + "\n\n" + "\n".join(table), "## Build and scale (issue: Bench)\n\n`make bench` (bench/run.py)."
    )
    print(block)


if __name__ == "__main__":
    main()
