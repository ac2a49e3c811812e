"""Run the held-out damage set (bench/heldout/cases) through the pipeline and print the per-kind table.

.venv/bin/python bench/heldout/run.py                    # same as: bench/damage.py --heldout bench/heldout
.venv/bin/python bench/heldout/run.py --update-baseline  # re-measure: rewrite baseline.json (the floors of
                                                         # tests/test_heldout.py) and the tables in README.md
.venv/bin/python bench/heldout/run.py --show h07-html-soup  # one case: input, gold, output, report, score
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import damage  # noqa: E402

BASELINE_PATH = os.path.join(HERE, "baseline.json")
README_PATH = os.path.join(HERE, "README.md")


def _floor(metric: str, value: float) -> float:
    """The level to hold: rounded down (F1 to 0.01, percentages to 0.1); counts of leaks/merges as they are."""
    if metric.startswith("text") or metric.startswith("para"):
        return math.floor(value * 100) / 100
    if metric.endswith("pct"):
        return math.floor(value * 10) / 10
    return value


def write_readme(cases: list[dict], scores: list[dict], rows: list[dict], secs: float) -> None:
    """The case list and the measured tables between their markers in README.md; the prose stays."""
    damage.write_heldout_readme(
        README_PATH, (cases, scores, rows), secs, "python bench/damage.py --heldout bench/heldout", "baseline"
    )


def update_baseline() -> dict:
    t = time.perf_counter()
    cases, scores, rows = damage.run_heldout(HERE)
    write_readme(cases, scores, rows, time.perf_counter() - t)
    floors, expect_fail = {}, {}
    for r in rows:
        floors[r["kind"]] = {m: _floor(m, r[m]) for m in damage.TARGETS}
        expect_fail[r["kind"]] = [m for m in damage.TARGETS if not damage.meets(m, r[m], damage.TARGETS[m])]
    cases = {
        s["name"]: {
            "text_f1_worst": _floor("text", min(a["text_f1"] for a in s["articles"])),
            "leaks": len(s["leaks"]),
            "silent_merges": len(s["silent_merges"]),
        }
        for s in scores
    }
    data = {
        "note": "Floors of tests/test_heldout.py: the held-out set's level measured on the date below (a row or "
        "case below its floor, or with more leaks/merges, fails). Targets listed under expect_fail are "
        "strict xfail: one that starts to pass fails loudly until this file is rewritten with "
        "`python bench/heldout/run.py --update-baseline`.",
        "measured": dt.date.today().isoformat(),
        "targets": damage.TARGETS,
        "rows": floors,
        "cases": cases,
        "expect_fail": expect_fail,
    }
    with open(BASELINE_PATH, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return data


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--show" in argv:
        name = argv[argv.index("--show") + 1]
        case = next(c for c in damage.load_heldout(HERE) if c["name"] in (name, name + ".txt"))
        case.setdefault("variant", case["shape"])
        print(damage.show(case, damage.score_case(case)))
        return 0
    if "--update-baseline" in argv:
        data = update_baseline()
        print(f"{BASELINE_PATH}: {len(data['rows'])} rows, {len(data['cases'])} cases")
        return 0
    return damage.main(["--heldout", HERE] + argv)


if __name__ == "__main__":
    sys.exit(main())
