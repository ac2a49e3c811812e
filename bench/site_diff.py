"""Compare two built sites file by file: what a change did to `mkdocs build` output.

Usage: python bench/site_diff.py OLD_SITE NEW_SITE [--ignore REGEX ...]

Prints the files only in one site and, for files in both that differ, the first differing lines
(after removing the lines that match any --ignore pattern, e.g. an intended new <script> tag). The
exit status is 0 when the sites are the same (apart from ignored lines), 1 otherwise. Used to check that
a speed-up changes nothing it did not mean to change (issue 18: "make build output unchanged").
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys


def files(root: str) -> set[str]:
    out = set()
    for base, _, names in os.walk(root):
        for n in names:
            out.add(os.path.relpath(os.path.join(base, n), root))
    return out


def compare(old: str, new: str, ignore: list[re.Pattern], show: int = 3) -> list[str]:
    """Lines of a report; empty when the sites are the same apart from ignored lines."""
    a, b = files(old), files(new)
    report = [f"only in {old}: {p}" for p in sorted(a - b)] + [f"only in {new}: {p}" for p in sorted(b - a)]
    for rel in sorted(a & b):
        with open(os.path.join(old, rel), "rb") as fa, open(os.path.join(new, rel), "rb") as fb:
            x, y = fa.read(), fb.read()
        if x == y:
            continue
        lx = [ln for ln in x.decode("utf-8", "replace").splitlines() if not any(p.search(ln) for p in ignore)]
        ly = [ln for ln in y.decode("utf-8", "replace").splitlines() if not any(p.search(ln) for p in ignore)]
        if lx == ly:
            continue
        diff = [
            d for d in difflib.unified_diff(lx, ly, lineterm="", n=0) if d[:1] in "+-" and d[:3] not in ("+++", "---")
        ]
        report.append(f"differs: {rel}: " + " | ".join(d[:160] for d in diff[:show]))
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--ignore", action="append", default=[], help="regex of lines to leave out (repeatable)")
    args = ap.parse_args()
    report = compare(args.old, args.new, [re.compile(p) for p in args.ignore])
    print("\n".join(report) if report else "same")
    sys.exit(1 if report else 0)


if __name__ == "__main__":
    main()
