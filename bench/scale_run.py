"""Build ratio and peak memory per process at large sizes, one run per size (issue 18).

Usage: python bench/scale_run.py N [N ...] [--out DIR] [--split-only] [--only ours,plain]
(prints one JSON line per size, also into DIR/N.json; --split-only builds the split project alone, for its
peak memory per process when the machine has no time for the three builds; --only builds the kinds named,
e.g. the ratio's two without the split)

For each N, three copies of the same synthetic project (bench/generate.py, deterministic) are built side
by side, so the three figures of a size share one run and one machine load:
  - ours: `mkdocs build --strict` of the project, cold (no cache), three editions in one process;
  - plain: the same generated Markdown (staged by our pipeline in a process of its own) built by
    Material + i18n without our hooks;
  - split: `wenku.site.split` as `python -m wenku.site.split` runs it (staging in one process, then one
    `mkdocs build --dirty` per edition, two at a time), merged and compared with ours (bench/site_diff.py).
Every process is measured by /usr/bin/time: wall seconds, CPU seconds (user + system) and peak RSS. The ratio
that counts is CPU seconds, ours against plain: on a shared machine wall time is mostly waiting for a core.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
ENV.pop("WENKU_RENDER_EDITION", None)
ENV.pop("WENKU_EDITIONS", None)

STAGE = (  # staging with the manifest that lets the edition processes skip staging (wenku/site/split.py)
    "import os,sys; sys.path.insert(0, os.path.join(sys.argv[1], 'hooks'));"
    "from wenku.site.split import stage_for_editions; stage_for_editions(sys.argv[1], sys.argv[2])"
)
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default, as the builds below see it


def own_code(proj: str, env: dict | None = None) -> dict:
    """The environment of a process building the copy proj, with the copy's own wenku package first.

    mkdocs.yml names `wenku.site.anchors.slugify`, which MkDocs imports while reading the configuration,
    before it loads hooks/site_pages.py: without this, that import (and so every later `import wenku` of the
    process) finds the editable install, the checkout's hooks/ and not the copy's. The code is the same, but
    the split build's manifest is keyed by the files of the package that staged it, so an edition process of
    the copy would never find the staging process's manifest and would stage everything again."""
    env = dict(env or ENV)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (os.path.join(proj, "hooks"), env.get("PYTHONPATH")) if p)
    return env


def timed(cmd: list[str], cwd: str, env: dict | None = None) -> dict:
    """Wall seconds, CPU seconds and peak MB of a command (GNU time)."""
    t = time.perf_counter()
    out = subprocess.run(
        ["/usr/bin/time", "-f", "BENCH %e %U %S %M", *cmd], cwd=cwd, env=env or ENV, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise RuntimeError(f"{cmd}: {out.stderr[-3000:]}")
    _, user, system, kb = re.findall(r"BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", out.stderr)[-1]
    return {
        "wall": round(time.perf_counter() - t, 1),
        "cpu": round(float(user) + float(system), 1),
        "peak_mb": round(int(kb) / 1024),
    }


def ours(proj: str) -> dict:
    return timed([PY, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"], proj, own_code(proj))


def plain(proj: str) -> dict:
    from run import plain_project

    staged = timed([PY, "-c", STAGE, proj, SITE_URL], proj, own_code(proj))
    built = timed([PY, "-m", "mkdocs", "build", "-q", "-d", "site"], plain_project(proj), own_code(proj))
    return {"stage_for_plain": staged, **built}


def split_build(proj: str) -> dict:
    sys.path.insert(0, os.path.join(proj, "hooks"))
    from wenku.site import split

    staged = timed([PY, "-c", STAGE, proj, SITE_URL], proj, own_code(proj))
    work = os.path.join(proj, ".build", "editions")
    t = time.perf_counter()

    def one(edition: str) -> dict:
        env = own_code(proj, dict(ENV, **{split.ENV: edition}))
        out = os.path.join(work, edition)
        return {
            "edition": edition,
            **timed([PY, "-m", "mkdocs", "build", "--strict", "--dirty", "-q", "-d", out], proj, env),
        }

    with ThreadPoolExecutor(2) as pool:
        editions = list(pool.map(one, split.EDITIONS))
    wall = time.perf_counter() - t
    conflicts = split.merge([os.path.join(work, e) for e in split.EDITIONS], os.path.join(proj, "site"))
    return {
        "stage": staged,
        "editions": editions,
        "editions_wall": round(wall, 1),
        "cpu": round(staged["cpu"] + sum(e["cpu"] for e in editions), 1),
        "conflicts": len(conflicts),
    }


def as_completed_kinds(jobs: dict):
    kind_of = {future: kind for kind, future in jobs.items()}
    return (kind_of[f] for f in as_completed(kind_of))


def load_sampler(samples: list, stop: threading.Event) -> None:
    while not stop.wait(30):
        samples.append(os.getloadavg()[0])


KINDS = ("ours", "plain", "split")


def measure(n: int, base: str, kinds: tuple[str, ...] = KINDS) -> dict:
    from run import project

    projs = {}
    for kind in kinds:
        projs[kind] = project(n, os.path.join(base, kind))
    samples: list = []
    stop = threading.Event()
    threading.Thread(target=load_sampler, args=(samples, stop), daemon=True).start()
    t = time.perf_counter()
    with ThreadPoolExecutor(3) as pool:
        run = {"ours": ours, "plain": plain, "split": split_build}
        jobs = {kind: pool.submit(run[kind], projs[kind]) for kind in kinds}
        for kind in as_completed_kinds(jobs):  # each figure as soon as it is there (a long run may be cut short)
            print(json.dumps({"n": n, kind: jobs[kind].result(), "load_now": os.getloadavg()[0]}), flush=True)
        result = {k: v.result() for k, v in jobs.items()}
    stop.set()
    import site_diff

    both = "ours" in projs and "split" in projs
    diff = (
        site_diff.compare(os.path.join(projs["ours"], "site"), os.path.join(projs["split"], "site"), []) if both else []
    )
    ratio = {}
    if "ours" in result and "plain" in result:
        ratio = {
            "ratio_cpu": round(result["ours"]["cpu"] / result["plain"]["cpu"], 3),
            "ratio_wall": round(result["ours"]["wall"] / result["plain"]["wall"], 3),
        }
    return {
        "n": n,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "wall": round(time.perf_counter() - t),
        **ratio,
        "load": [round(min(samples or [0]), 1), round(max(samples or [0]), 1)],
        **result,
        "split_vs_ours_differing_files": len(diff) if both else None,
        "diff_head": diff[:10],
    }


def measure_split(n: int, base: str) -> dict:
    """The split build alone (staging process, then the three edition processes): figures per process."""
    from run import project

    proj = project(n, os.path.join(base, "split"))
    samples: list = []
    stop = threading.Event()
    threading.Thread(target=load_sampler, args=(samples, stop), daemon=True).start()
    t = time.perf_counter()
    result = split_build(proj)
    stop.set()
    return {
        "n": n,
        "wall_s": round(time.perf_counter() - t, 1),
        "load": [min(samples, default=0), max(samples, default=0)],
        "split": result,
    }


def main() -> None:
    args = sys.argv[1:]
    out = os.path.abspath(args[args.index("--out") + 1]) if "--out" in args else None
    sizes = [int(a) for a in args if a.isdigit()]
    assert "--only" not in args or set(args[args.index("--only") + 1].split(",")) <= set(KINDS), KINDS
    for n in sizes:
        base = os.path.join(out or "/tmp", f"scale-{n}")
        shutil.rmtree(base, ignore_errors=True)
        kinds = tuple(args[args.index("--only") + 1].split(",")) if "--only" in args else KINDS
        r = measure_split(n, base) if "--split-only" in args else measure(n, base, kinds)
        line = json.dumps(r)
        print(line, flush=True)
        if out:
            with open(os.path.join(out, f"{n}.json"), "w", encoding="utf-8") as fh:
                fh.write(line + "\n")


if __name__ == "__main__":
    main()
