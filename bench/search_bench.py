"""Search in headless Chromium: bytes downloaded and time per query, recall; ours against Pagefind.

Usage: python bench/search_bench.py SITE_DIR [--pagefind] [--write]

SITE_DIR is a built site (e.g. the synthetic 1,000-article project of bench/run.py, built with
`mkdocs build -d site`). The site is served on loopback with gzip, as GitHub Pages serves it, and
Debian's Chromium (/usr/bin/chromium) is driven by Playwright:

- bytes: response bodies as transferred (compressed), counted from page load to the first query's
  results (the search code and index a reader downloads in all), then per later query;
- time: a query answered from files already loaded, posted to the worker and answered (median, max);
- recall: strings of 2-8 Han characters sampled from the built article pages must find their article.

--pagefind also indexes the same built pages with Pagefind extended (its Python API, `pagefind[extended]`
installed in the running Python) and measures it the same way: bytes per query with the top ten
results' data loaded (what a results list shows), time per query, recall. --write puts the table into
bench/RESULTS.md between the search-bench markers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import gzip
import html
import http.server
import os
import platform
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
COMPRESSED = (".html", ".js", ".json", ".css", ".xml", ".txt")
RE_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
FIRST_QUERIES = ["数据要素", "统计", "新质生产力", "數據要素", "人工智能 养老", "链", "税"]
LATER_QUERIES = [
    "专精特新",
    "算力",
    "数字经济",
    "产业集群",
    "乡村振兴",
    "数实融合",
    "平台经济",
    "AI",
    "低空经济",
    "智能制造",
    "数据",
    "创新",
    "高质量发展",
    "工业互联网",
    "人工智能+",
    "云",
    "税",
    "的",
]
ONE_CHAR = {"链", "税", "云", "的"}  # one-character queries (single-character shards); 的 is in nearly every part
BROAD_QUERIES = ["发展", "高质量发展", "数字经济"]  # match most pages: all page titles are needed
NARROW_QUERY = "鲸鱼迁徙"  # whale migration: in none of the articles


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, compressed with gzip when the browser accepts it (as GitHub Pages does)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if (
            not path.endswith(COMPRESSED)
            or "gzip" not in self.headers.get("Accept-Encoding", "")
            or not os.path.isfile(path)
        ):
            return super().send_head()
        with open(path, "rb") as fh:
            body = gzip.compress(fh.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass


def serve(root: str) -> tuple[QuietServer, str]:
    httpd = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=root))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def probes(site: str, count: int, seed: int = 1237) -> list[tuple[str, str]]:
    """(string, article location) pairs sampled from the built zh article pages."""
    rng = random.Random(seed)
    slugs = sorted(os.listdir(os.path.join(site, "articles")))
    out = []
    while len(out) < count:
        slug = rng.choice(slugs)
        path = os.path.join(site, "articles", slug, "index.html")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as fh:
            page = fh.read()
        body = page[page.index('<article class="md-content__inner') : page.index("</article>")]
        paras = [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]
        runs = [r for p in paras for r in RE_HAN_RUN.findall(p)]
        if not runs:
            continue
        run = rng.choice(runs)
        size = rng.randint(2, min(8, len(run)))
        start = rng.randrange(len(run) - size + 1)
        out.append((run[start : start + size], f"articles/{slug}/"))
    return out


class Meter:
    """Compressed response bytes of the requests a page made, by URL."""

    def __init__(self, page, match, base: str = "", site: str = ""):
        self.rows: list[tuple[str, int]] = []
        self.base, self.site = base, site
        page.on("requestfinished", lambda req: self.rows.append((req.url, self.size(req))) if match(req.url) else None)

    def size(self, req) -> int:
        """Body bytes as transferred; Chromium reports 0 for a worker's own script: its gzip size then."""
        n = req.sizes()["responseBodySize"]
        if not n and self.site and req.url.startswith(self.base):
            path = os.path.join(self.site, req.url[len(self.base) :].split("?")[0])
            if os.path.isfile(path):
                with open(path, "rb") as fh:
                    n = len(gzip.compress(fh.read(), 6)) if path.endswith(COMPRESSED) else len(fh.read())
        return n

    def take(self) -> tuple[int, list[tuple[str, int]]]:
        rows, self.rows = self.rows, []
        return sum(n for _, n in rows), rows


OURS_ASK = """async ({queries, repeat}) => {
    const manifest = await (await fetch('search/search_index.json')).json();
    const w = new Worker('assets/javascripts/workers/wenku-search.js');
    const ask = msg => new Promise(done => { w.onmessage = ev => done(ev.data); w.postMessage(msg); });
    await ask({type: 0, data: {config: manifest.config, docs: [], options: {}}});
    const out = [];
    for (const q of queries) {
        let res, ms = 0;
        for (let i = 0; i < repeat; i++) {
            const t = performance.now(); res = await ask({type: 2, data: q}); ms = performance.now() - t;
        }
        out.push({ms, pages: res.data.items.map(g => g[0].location)});
    }
    w.terminate();
    return out;
}"""

PAGEFIND_ASK = """async ({queries, repeat, shown}) => {
    const pagefind = await import('./pagefind/pagefind.js');
    await pagefind.init();
    const out = [];
    for (const q of queries) {
        let urls = [], ms = 0;
        for (let i = 0; i < repeat; i++) {
            const t = performance.now();
            const search = await pagefind.search(q);
            const data = await Promise.all(search.results.slice(0, shown).map(r => r.data()));
            ms = performance.now() - t;
            urls = data.map(d => d.url);
        }
        out.push({ms, pages: urls.map(u => u.replace(/^\\//, ''))});
    }
    return out;
}"""


def fresh_page(browser, base: str, site: str):
    """A new browser context (empty cache) on the site's home page, metering our search files."""
    context = browser.new_context()
    page = context.new_page()
    meter = Meter(page, lambda u: "/search/" in u or "wenku-search" in u or "search-excerpts" in u, base, site)
    page.goto(base)
    return context, page, meter


def measure_ours(browser, base: str, site: str, probe_list) -> dict:
    """Our worker through Material's search box: bytes per query; then time and recall, worker direct."""
    firsts = []
    for q in FIRST_QUERIES:
        context, page, meter = fresh_page(browser, base, site)
        page.wait_for_load_state("networkidle")
        on_load, _ = meter.take()
        type_query(page, q)
        first, rows = meter.take()
        firsts.append({"query": q, "load": on_load, "query_bytes": first, "total": on_load + first, "files": len(rows)})
        if q == FIRST_QUERIES[0]:
            later = []
            for lq in LATER_QUERIES:
                type_query(page, lq)
                later.append(meter.take()[0])
        context.close()
    # The costliest later query: a broad one after a first that found nothing (no page table loaded yet).
    narrow = NARROW_QUERY
    worst = []
    for bq in BROAD_QUERIES:
        context, page, meter = fresh_page(browser, base, site)
        type_query(page, narrow)
        meter.take()
        type_query(page, bq)
        worst.append(meter.take()[0])
        context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "bench-blank.html")
    timing = page.evaluate(OURS_ASK, {"queries": FIRST_QUERIES + LATER_QUERIES, "repeat": 2})
    recall = page.evaluate(OURS_ASK, {"queries": [q for q, _ in probe_list], "repeat": 1})
    context.close()
    found = sum(1 for (q, loc), r in zip(probe_list, recall, strict=False) if loc in r["pages"])
    return {
        "first": firsts,
        "later": later,
        "worst": worst,
        "ms": [t["ms"] for t in timing],
        "recall": (found, len(probe_list)),
        "misses": [q for (q, loc), r in zip(probe_list, recall, strict=False) if loc not in r["pages"]][:10],
    }


def type_query(page, query: str) -> None:
    """Type a query into Material's search box and wait until its results (or none) are shown."""
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")
    page.wait_for_function(
        """q => {
        const meta = document.querySelector('.md-search-result__meta');
        return meta && !/正在|输入/.test(meta.textContent) && document.querySelector('input.md-search__input').value === q;
    }""",
        arg=query,
        timeout=30000,
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)


def measure_pagefind(browser, base: str, site: str, probe_list) -> dict:
    firsts, later = [], []
    for q in FIRST_QUERIES:
        context = browser.new_context()
        page = context.new_page()
        meter = Meter(page, lambda u: "/pagefind/" in u, base, site)
        page.goto(base + "bench-blank.html")
        res = page.evaluate(PAGEFIND_ASK, {"queries": [q], "repeat": 1, "shown": 10})
        page.wait_for_load_state("networkidle")
        total, rows = meter.take()
        firsts.append({"query": q, "total": total, "files": len(rows), "hits": len(res[0]["pages"])})
        if q == FIRST_QUERIES[0]:
            for lq in LATER_QUERIES:
                page.evaluate(PAGEFIND_ASK, {"queries": [lq], "repeat": 1, "shown": 10})
                page.wait_for_load_state("networkidle")
                later.append(meter.take()[0])
        context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "bench-blank.html")
    timing = page.evaluate(PAGEFIND_ASK, {"queries": FIRST_QUERIES + LATER_QUERIES, "repeat": 2, "shown": 10})
    recall = page.evaluate(PAGEFIND_ASK, {"queries": [q for q, _ in probe_list], "repeat": 1, "shown": 100_000})
    context.close()
    found = sum(1 for (q, loc), r in zip(probe_list, recall, strict=False) if loc in r["pages"])
    return {
        "first": firsts,
        "later": later,
        "ms": [t["ms"] for t in timing],
        "recall": (found, len(probe_list)),
        "misses": [q for (q, loc), r in zip(probe_list, recall, strict=False) if loc not in r["pages"]][:10],
    }


def build_pagefind(site: str) -> None:
    """Index the built pages' article bodies with Pagefind extended, into site/pagefind."""
    from pagefind.index import IndexConfig, PagefindIndex

    async def run():
        config = IndexConfig(root_selector="article.md-content__inner", output_path=os.path.join(site, "pagefind"))
        async with PagefindIndex(config=config) as index:
            await index.add_directory(site)

    asyncio.run(run())


def summary(r: dict) -> dict:
    totals = [f["total"] for f in r["first"]]
    ones = [f["total"] for f in r["first"] if f["query"] in ONE_CHAR]
    later_ones = [b for q, b in zip(LATER_QUERIES, r["later"], strict=False) if q in ONE_CHAR]
    return {
        "first_max": max(totals) / 1024,
        "first_median": statistics.median(totals) / 1024,
        "one_char_first_max": max(ones) / 1024 if ones else None,
        "one_char_later_max": max(later_ones) / 1024 if later_ones else None,
        "later_max": max(r["later"]) / 1024,
        "later_median": statistics.median(r["later"]) / 1024,
        "worst": max(r["worst"]) / 1024 if r.get("worst") else None,
        "ms_median": statistics.median(r["ms"]),
        "ms_max": max(r["ms"]),
        "recall": 100 * r["recall"][0] / r["recall"][1],
        "probes": r["recall"][1],
    }


def run(site: str, with_pagefind: bool, probe_count: int = 200) -> dict:
    """Measure ours (and Pagefind) on a copy of the built site; results per engine."""
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        served = os.path.join(tmp, "site")
        shutil.copytree(site, served)
        with open(os.path.join(served, "bench-blank.html"), "w", encoding="utf-8") as fh:
            fh.write(
                '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>'
            )
        if with_pagefind:
            build_pagefind(served)
        probe_list = probes(served, probe_count)
        httpd, base = serve(served)
        from playwright.sync_api import sync_playwright

        results = {}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                results["ours"] = measure_ours(browser, base, served, probe_list)
                if with_pagefind:
                    results["pagefind"] = measure_pagefind(browser, base, served, probe_list)
                browser.close()
        finally:
            httpd.shutdown()
    return results


def pagefind_available() -> bool:
    try:
        import pagefind.index  # noqa: F401
    except ImportError:
        return False
    return True


def main() -> None:
    site = os.path.abspath(sys.argv[1])
    results = run(site, "--pagefind" in sys.argv)
    for name, r in results.items():
        print(name, "first queries:", r["first"])
        print(name, "later queries (bytes):", r["later"], "broad after narrow:", r.get("worst"))
        print(name, "misses:", r["misses"])
        print(name, summary(r))
    if "--write" in sys.argv:
        write_results(results, len(os.listdir(os.path.join(site, "articles"))))


def write_results(results: dict, articles: int) -> None:
    from importlib.metadata import version

    head = (
        f"Measured {dt.date.today().isoformat()} on {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, Debian Chromium (headless) driven by Playwright "
        f"{version('playwright')}; the site served on loopback with gzip. "
        f"{articles} article folders in the built site; first queries {', '.join(FIRST_QUERIES)} "
        f"(each in a fresh browser); {len(LATER_QUERIES)} later queries; broad queries "
        f"{', '.join(BROAD_QUERIES)} after {NARROW_QUERY} (no results), each in a fresh browser."
    )
    table = [
        "| engine | first query, all search bytes (median / max) | later queries (median / max) | "
        "broad query after one that found nothing (max) | per query once loaded (median / max) | "
        "recall of sampled strings | one-character queries: first (max) / later (max) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        s = summary(r)
        label = (
            "ours (sharded bigram index, our worker)" if name == "ours" else "Pagefind extended (top 10 results' data)"
        )
        table.append(
            f"| {label} | {s['first_median']:.1f} / {s['first_max']:.1f} KB | {s['later_median']:.1f} / "
            f"{s['later_max']:.1f} KB | {'—' if s['worst'] is None else format(s['worst'], '.1f') + ' KB'} | "
            f"{s['ms_median']:.1f} / {s['ms_max']:.1f} ms | "
            f"{s['recall']:.1f}% of {s['probes']} | "
            + (
                f"{s['one_char_first_max']:.1f} / {s['one_char_later_max']:.1f} KB |"
                if s["one_char_first_max"] is not None and name == "ours"
                else "— |"
            )
        )
    import results as results_file

    block = results_file.write_block(
        "search-bench",
        head + "\n\n" + "\n".join(table),
        "## Search in the browser (issues: Search, Bench)\n\n`bench/search_bench.py`.",
    )
    print(block)


if __name__ == "__main__":
    main()
