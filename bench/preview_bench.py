"""Editors' preview: seconds from saving a file to the change being served by `make serve` (issue 18).

Usage: python bench/preview_bench.py [N ...] [--edits K] [--write]      (default N: 32 and 1000)

For each N, a project (the real site for 32, the synthetic corpus of bench/generate.py otherwise, as in
bench/run.py) is served the way `make serve` serves it (`mkdocs serve --dirty`, WENKU_EDITIONS=zh:
the Simplified edition). Once the first build is served, K times each (default 3):

- page edit: a line appended to docs/about.md; the served /about/ page is polled until it shows it;
- source edit: a marker appended to a long paragraph in the middle of a source; the served pages of the
  articles that may hold that paragraph (synthetic corpora repeat paragraphs) are polled until one shows it.

The time counts from just before the file is written to the first response that holds the change,
polled every 50 ms over HTTP, as an editor's browser would see it. The median and the worst of the K
edits are reported, with the CPU seconds the server process used meanwhile (what the edit costs on a
machine with a free core, plus the watcher's 0.5 s polling) and the machine's load average (the machine is
shared: wall times are noisy).
--write puts the table into bench/RESULTS.md between the preview-bench markers.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
PY = sys.executable
RE_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{12,}")
RE_SOURCE = re.compile(r"^source: (\S+)$", re.M)
RE_SOURCE_LINES = re.compile(r"^source_lines: (\d+)-(\d+)$", re.M)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as res:
            return res.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, needle: str, timeout: float, start: float | None = None) -> float:
    """Poll url every 50 ms until its body holds needle; seconds since start (inf on timeout)."""
    start = time.perf_counter() if start is None else start
    while time.perf_counter() - start < timeout:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return float("inf")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def source_paragraph(proj: str) -> tuple[str, str, list[str]]:
    """(source path, a long paragraph in the middle of it, the article slugs whose pages hold it).

    The page is found by the source lines its front matter names (`source`, `source_lines`): synthetic
    corpora repeat the seeds' paragraphs in many articles, and glossary links split runs of text, so
    matching the text would find the wrong pages."""
    staged = os.path.join(proj, ".build", "docs", "articles")
    spans = []  # (source file, first line, last line, slug)
    for f in sorted(os.listdir(staged)):
        if f.endswith(".md") and f.count(".") == 1 and f != "index.md":
            with open(os.path.join(staged, f), encoding="utf-8") as fh:
                head = fh.read(4000)
            src = RE_SOURCE.search(head)
            lines = RE_SOURCE_LINES.search(head)
            if src and lines:
                spans.append((src.group(1), int(lines.group(1)), int(lines.group(2)), f[:-3]))
    for name in sorted(os.listdir(os.path.join(proj, "sources"))):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(proj, "sources", name)
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().split("\n")
        order = list(range(len(lines) // 3, len(lines))) + list(range(len(lines) // 3))
        for i in order:
            line = lines[i]
            if len(line) < 80 or not RE_HAN_RUN.search(line) or lines.index(line) != i:
                continue  # the edit changes the first occurrence: take a paragraph at its first occurrence
            holders = [slug for src, a, b, slug in spans if src == name and a <= i + 1 <= b]
            if holders:
                return path, line, holders
    raise RuntimeError("no paragraph found to edit")


def wait_for_any(urls: list[str], needle: str, timeout: float, start: float) -> float:
    """Poll the urls in turn until one holds needle; seconds since start (inf on timeout)."""
    while time.perf_counter() - start < timeout:
        if any(needle in fetch(u) for u in urls):
            return time.perf_counter() - start
        time.sleep(0.05)
    return float("inf")


def append_to_paragraph(path: str, paragraph: str, marker: str) -> None:
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace(paragraph, paragraph + marker, 1))


def measure(proj: str, edits: int = 3, first_timeout: float = 1800) -> dict:
    """Serve proj as `make serve` does and time page and source edits; figures in seconds."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", WENKU_EDITIONS="zh")  # as `make serve` sets it
    # The copy's own wenku package, not the editable install's (mkdocs.yml imports wenku before the hook).
    env["PYTHONPATH"] = os.pathsep.join(p for p in (os.path.join(proj, "hooks"), env.get("PYTHONPATH")) if p)
    log = open(os.path.join(proj, "serve.log"), "w")
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=proj,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        first = wait_for(base + "about/", "</html>", first_timeout)
        if first == float("inf"):
            raise RuntimeError("the first build was not served in time; see " + log.name)
        first = time.perf_counter() - t0
        about = os.path.join(proj, "docs", "about.md")
        src, para, holders = source_paragraph(proj)
        page_times, source_times, page_cpu, source_cpu = [], [], [], []
        time.sleep(5)  # the first build's search files are written in the background: let them finish
        for k in range(edits):
            marker = f"预览测量第{k + 1}次页面"
            t, c = time.perf_counter(), cpu_seconds(server.pid)
            with open(about, "a", encoding="utf-8") as fh:
                fh.write(f"\n\n{marker}\n")
            page_times.append(wait_for(base + "about/", marker, 600, t))
            page_cpu.append(cpu_seconds(server.pid) - c)
            time.sleep(2)
            marker = f"预览测量第{k + 1}次来源"
            t, c = time.perf_counter(), cpu_seconds(server.pid)
            append_to_paragraph(src, para, marker)
            para += marker
            source_times.append(wait_for_any([base + f"articles/{h}/" for h in holders], marker, 600, t))
            source_cpu.append(cpu_seconds(server.pid) - c)
            time.sleep(2)
        return {
            "first": first,
            "page": page_times,
            "source": source_times,
            "page_cpu": page_cpu,
            "source_cpu": source_cpu,
            "load": os.getloadavg()[0],
        }
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def run(sizes: list[int], edits: int = 3) -> list[dict]:
    import run as bench_run

    rows = []
    with tempfile.TemporaryDirectory(prefix="preview-bench-") as base:
        for n in sizes:
            proj = bench_run.project(n, base)
            r = measure(proj, edits)
            r["n"] = n
            rows.append(r)
            print(f"preview N={n}: {r}", flush=True)
            shutil.rmtree(proj, ignore_errors=True)
    return rows


def table(rows: list[dict]) -> str:
    head = (
        f"Measured {dt.date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores (shared), "
        f"Python {platform.python_version()}: `mkdocs serve --dirty` as `make serve` runs it (Simplified "
        f"edition), {len(rows[0]['page'])} edits of each kind, polled over HTTP every 50 ms."
    )
    lines = [
        "| articles | first build served | page edit: median / worst | source edit: median / worst | "
        "server CPU per edit, page / source (median) | load average (1 min) at the end |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['first']:.1f} s | {statistics.median(r['page']):.2f} / {max(r['page']):.2f} s | "
            f"{statistics.median(r['source']):.2f} / {max(r['source']):.2f} s | "
            f"{statistics.median(r['page_cpu']):.2f} / {statistics.median(r['source_cpu']):.2f} s | "
            f"{r['load']:.1f} |"
        )
    return head + "\n\n" + "\n".join(lines)


def main() -> None:
    args = sys.argv[1:]
    edits = 3
    if "--edits" in args:
        i = args.index("--edits")
        edits = int(args[i + 1])
        del args[i : i + 2]
    write = "--write" in args
    sizes = [int(a) for a in args if a.isdigit()] or [32, 1000]
    rows = run(sizes, edits)
    block = table(rows)
    print(block)
    if write:
        import results

        results.write_block("preview-bench", block, "## Editors' preview (issue 18)\n\n`bench/preview_bench.py`.")


if __name__ == "__main__":
    main()
