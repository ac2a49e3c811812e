"""One edition per build process (experimental, measured by bench/parallel_editions.py; issue 18).

mkdocs-static-i18n builds the three editions one after the other in one process, which holds every page
of every edition until the end (4 GB at 5,000 articles). With WENKU_RENDER_EDITION=<zh|en|zh-Hant> and
`mkdocs build --dirty`, a process still runs MkDocs and the i18n plugin over all editions (files, navigation,
alternates, sitemap and assets come out as in a full build), but renders and writes only the pages of its
own edition and that edition's search files: MkDocs' dirty build skips a page whose file reports itself
unmodified, and `skip_other_editions` makes every page of the other editions report exactly that. Three
such processes, run side by side, write three trees that `bench/parallel_editions.py` merges into one
site and compares with a one-process build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from wenku.build import Build
from wenku.metadata import Problem
from wenku.site.citation import article_facts
from wenku.site.staging import stage

ENV = "WENKU_RENDER_EDITION"
# What the staging process leaves for the edition processes next to the staged folder (see stage_for_editions).
MANIFEST = os.path.join(".build", "staged.json")
EDITIONS = ("zh", "en", "zh-Hant")


def edition() -> str | None:
    """The edition this process renders, or None (all of them, the normal build)."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    if value not in EDITIONS:
        raise ValueError(f"{ENV}: unknown edition {value!r}; use one of {', '.join(EDITIONS)}")
    return value


def current_edition(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or "zh"


def skip_other_editions(files, config, mine: str) -> None:
    """Pages of the edition being built now, unless it is ours, report themselves unmodified (not rendered)."""
    if current_edition(config) == mine:
        return
    for f in files.documentation_pages():
        f.is_modified = _unmodified


def _unmodified() -> bool:
    return False


class QuietDirty(logging.Filter):
    """MkDocs warns on every --dirty build; in an edition process the dirty build is the design, not a risk
    (its site folder starts empty), so the warning must not fail --strict."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, QuietDirty) for f in logger.filters):
        logger.addFilter(QuietDirty())


def reset_stale_alternates(config) -> None:
    """The language links of pages rendered without a page (404.html) point at the edition roots.

    mkdocs-static-i18n sets each page's language links as an attribute, `config.extra.alternate = ...`,
    but resets them between editions as an item, `config.extra["alternate"] = ...`; MkDocs' LegacyConfig
    keeps the two apart and templates read the attribute, so 404.html (rendered before the pages of each
    edition's build) linked to the alternates of the previous edition's last page (/topics/smes/). Dropping
    the attribute lets templates read the item again: the edition roots."""
    config.extra.__dict__.pop("alternate", None)


# ---- the three processes and the merge (`python -m wenku.site.split`, bench/parallel_editions.py) ----------


def folder_fingerprint(*folders: str) -> tuple:
    """Names, sizes and modification times of every file under the folders (cheap change detection).
    Python's __pycache__ folders are left out: importing a module writes there, and a process that imports
    more of wenku than another would otherwise see other inputs."""
    out = []
    for folder in folders:
        for base, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for f in sorted(files):
                st = os.stat(os.path.join(base, f))
                out.append((os.path.join(base, f), st.st_size, st.st_mtime_ns))
    return tuple(out)


def inputs_key(root: str, site_url: str) -> str:
    """One string for everything staging reads: docs/, sources/, the wenku package and the site URL."""
    wenku_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = os.path.abspath(root)  # the same key whichever way a process names the project folder
    fp = (folder_fingerprint(os.path.join(root, "docs")), folder_fingerprint(os.path.join(root, "sources"), wenku_dir))
    return hashlib.sha1(repr((fp, site_url)).encode("utf-8")).hexdigest()


def stage_for_editions(root: str, site_url: str) -> dict:
    """Stage the generated pages once and write what an edition process needs besides them (the problems
    staging found, the facts of the generated articles, their names) into .build/staged.json, keyed by the
    inputs: an edition process with the same inputs then reads this instead of staging again."""
    key = inputs_key(root, site_url)
    build = Build(cache_dir=os.path.join(root, ".build", "cache", "sources"), command="build")  # one-off
    site = stage(root, os.path.join(root, ".build", "docs"), site_url, build)
    manifest = {
        "inputs": key,
        "problems": [[p.path, p.line, p.message, p.severity] for p in site.problems],
        "facts": article_facts(site.corpus),
        "generated": sorted(a.slug for a in site.corpus.articles),
        "sources": len(site.corpus.sources),
    }
    path = os.path.join(root, MANIFEST)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False)
    os.replace(tmp, path)
    return manifest


def staged_manifest(root: str, site_url: str) -> dict | None:
    """The staging process's manifest if the inputs are still those it staged, else None (stage again)."""
    try:
        with open(os.path.join(root, MANIFEST), encoding="utf-8") as fh:
            manifest = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("inputs") != inputs_key(root, site_url):
        return None
    return dict(manifest, problems=[Problem(*p) for p in manifest["problems"]])


def stage_once(project: str, site_url: str) -> float:
    """Stage the generated pages in a process of their own, with the manifest the edition processes read
    instead of staging again (stage_for_editions); seconds taken."""
    code = (
        "import os,sys,time; sys.path.insert(0, os.path.join(sys.argv[1], 'hooks'));"
        "from wenku.site.split import stage_for_editions; t=time.perf_counter();"
        "stage_for_editions(sys.argv[1], sys.argv[2]); print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code, project, site_url], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def build_edition_process(project: str, mine: str, out: str, env: dict) -> dict:
    """`mkdocs build --strict --dirty` of one edition into out: seconds, CPU seconds and peak memory."""

    env = dict(env, NO_MKDOCS_2_WARNING="1", **{ENV: mine})
    t = time.perf_counter()
    res = subprocess.run(
        [
            "/usr/bin/time",
            "-f",
            "BENCH %e %U %S %M",
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--dirty",
            "-q",
            "-d",
            out,
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        raise RuntimeError(f"edition {mine}: {res.stderr[-3000:]}")
    wall, user, system, kb = re.findall(r"BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", res.stderr)[-1]
    return {
        "edition": mine,
        "seconds": time.perf_counter() - t,
        "cpu": float(user) + float(system),
        "peak_mb": int(kb) / 1024,
    }


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


def build_in_processes(project: str, site: str, jobs: int = 2, env: dict | None = None) -> dict:
    """The whole site built as three edition processes, `jobs` at a time, merged into site; figures."""

    env = dict(os.environ if env is None else env)
    work = os.path.join(project, ".build", "editions")
    shutil.rmtree(work, ignore_errors=True)
    t0 = time.perf_counter()
    staged = stage_once(project, env.get("SITE_URL", "http://127.0.0.1:8000/"))
    with ThreadPoolExecutor(jobs) as pool:
        runs = list(pool.map(lambda e: build_edition_process(project, e, os.path.join(work, e), env), EDITIONS))
    t1 = time.perf_counter()
    conflicts = merge([os.path.join(work, e) for e in EDITIONS], site)
    shutil.rmtree(work, ignore_errors=True)
    return {
        "stage_s": staged,
        "builds": runs,
        "wall_s": time.perf_counter() - t0,
        "merge_s": time.perf_counter() - t1,
        "conflicts": conflicts,
    }


def main(argv: list[str] | None = None) -> None:
    """python -m wenku.site.split [SITE_DIR] [--jobs J]: build the project in the current folder that way."""

    args = list(sys.argv[1:] if argv is None else argv)
    jobs = 2
    if "--jobs" in args:
        i = args.index("--jobs")
        jobs = int(args[i + 1])
        del args[i : i + 2]
    site = os.path.abspath(args[0] if args else "site")
    figures = build_in_processes(os.getcwd(), site, jobs)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
