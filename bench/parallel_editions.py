"""Three editions in three processes, merged into one site, against a one-process build (issue 18).

Usage: python bench/parallel_editions.py PROJECT [--reference SITE] [--jobs J]

PROJECT is a project folder (this repository, or one made by bench/run.py). wenku.site.split stages the
pages once, runs `mkdocs build --strict --dirty` with WENKU_RENDER_EDITION=zh / en / zh-Hant, J at a time
(default 2, the cores here), each into its own folder, measuring wall time, CPU time and peak memory, then
merges the three folders into PROJECT/.build/editions-site. With --reference (a `mkdocs build` of the same
project with the same SITE_URL) the merged site is compared with it file by file (bench/site_diff.py).
Prints one JSON line of figures and the comparison.
"""

from __future__ import annotations

import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> None:
    args = sys.argv[1:]
    proj = os.path.abspath(args[0])
    reference = os.path.abspath(args[args.index("--reference") + 1]) if "--reference" in args else None
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else 2
    sys.path.insert(0, os.path.join(proj, "hooks"))
    from wenku.site import split

    site = os.path.join(proj, ".build", "editions-site")
    figures = split.build_in_processes(proj, site, jobs)
    figures["load"] = os.getloadavg()[0]
    print(json.dumps(figures))
    if reference:
        sys.path.insert(0, os.path.join(ROOT, "bench"))
        import site_diff

        report = site_diff.compare(reference, site, [])
        print("\n".join(report[:40]) if report else "merged site == reference: byte-identical")
        print(f"{len(report)} differing files")


if __name__ == "__main__":
    main()
