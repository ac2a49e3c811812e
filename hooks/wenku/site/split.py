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

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ENV = "WENKU_RENDER_EDITION"
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


def stage_once(project: str, site_url: str) -> float:
    """Stage the generated pages in a process of their own (the edition processes then find them in place
    and write nothing there: staging writes only files whose bytes change); seconds taken."""

    code = (
        "import os,sys,time; sys.path.insert(0, os.path.join(sys.argv[1], 'hooks'));"
        "from wenku.site.staging import stage; from wenku.build import Build; r=sys.argv[1]; t=time.perf_counter();"
        "stage(r, os.path.join(r, '.build', 'docs'), sys.argv[2],"
        " Build(cache_dir=os.path.join(r, '.build', 'cache', 'sources'))); print(time.perf_counter()-t)"
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
