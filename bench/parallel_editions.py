"""Three editions in three processes, merged into one site, against a one-process build (issue 18).

Usage: python bench/parallel_editions.py PROJECT [--reference SITE] [--jobs J]

PROJECT is a project folder (this repository, or one made by bench/run.py). Steps:
1. stage the generated pages once (as the hook does), so the three processes find them in place;
2. run `mkdocs build --strict --dirty` three times with WENKU_RENDER_EDITION=zh / en / zh-Hant
   (wenku/site/split.py), J at a time (default 2, the cores here), each into its own folder, measuring
   wall time and peak memory (/usr/bin/time);
3. merge the three folders into one site: a file written by several processes must be the same in each;
4. with --reference (a `mkdocs build` of the same project), compare the merged site with it file by file
   (bench/site_diff.py).
Prints one JSON line of figures and the comparison.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable
EDITIONS = ("zh", "en", "zh-Hant")


def stage(proj: str) -> float:
    code = ("import os,sys,time; sys.path.insert(0, os.path.join(sys.argv[1], 'hooks'));"
            "from wenku.site import sitegen; from wenku.build import Build; r=sys.argv[1]; t=time.perf_counter();"
            "sitegen.stage(r, os.path.join(r, '.build', 'docs'), os.environ.get('SITE_URL', 'http://127.0.0.1:8000/'),"
            " Build(cache_dir=os.path.join(r, '.build', 'cache', 'sources'))); print(time.perf_counter()-t)")
    out = subprocess.run([PY, "-c", code, proj], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def build_one(proj: str, edition: str, out: str) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", WENKU_RENDER_EDITION=edition)
    t = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-f", "BENCH %e %M", PY, "-m", "mkdocs", "build", "--strict", "--dirty",
                          "-q", "-d", out], cwd=proj, env=env, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"{edition}: {res.stderr[-3000:]}")
    sec, kb = re.findall(r"BENCH ([\d.]+) (\d+)", res.stderr)[-1]
    return {"edition": edition, "seconds": float(sec), "peak_mb": int(kb) / 1024, "wall": time.perf_counter() - t}


def merge(parts: list[str], site: str) -> list[str]:
    """Copy the edition trees into one, in build order (zh, en, zh-Hant): where several processes wrote a
    path, the later edition's copy wins, as the later build overwrites it in a one-process build (the root
    404.html is written by every edition's build). Returns the paths written with different bytes."""
    conflicts = []
    shutil.rmtree(site, ignore_errors=True)
    for part in parts:
        for base, _, names in os.walk(part):
            for n in names:
                src = os.path.join(base, n)
                rel = os.path.relpath(src, part)
                dest = os.path.join(site, rel)
                if os.path.exists(dest):
                    with open(src, "rb") as a, open(dest, "rb") as b:
                        if a.read() != b.read():
                            conflicts.append(rel)
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                shutil.copy2(src, dest)
    return conflicts


def main() -> None:
    args = sys.argv[1:]
    proj = os.path.abspath(args[0])
    reference = os.path.abspath(args[args.index("--reference") + 1]) if "--reference" in args else None
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else 2
    out = os.path.join(proj, ".build", "editions")
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    staged = stage(proj)
    with ThreadPoolExecutor(jobs) as pool:
        runs = list(pool.map(lambda e: build_one(proj, e, os.path.join(out, e)), EDITIONS))
    t1 = time.perf_counter()
    site = os.path.join(out, "site")
    conflicts = merge([os.path.join(out, e) for e in EDITIONS], site)
    figures = {"stage_s": staged, "builds": runs, "wall_s": t1 - t0, "merge_s": time.perf_counter() - t1,
               "conflicts": conflicts[:20], "load": os.getloadavg()[0]}
    print(json.dumps(figures))
    if reference:
        sys.path.insert(0, os.path.join(ROOT, "bench"))
        import site_diff

        report = site_diff.compare(reference, site, [])
        print("\n".join(report[:40]) if report else "merged site == reference: byte-identical")
        print(f"{len(report)} differing files")


if __name__ == "__main__":
    main()
