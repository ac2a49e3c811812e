"""Run the seventh held-out damage set (bench/heldout7/cases) through the pipeline and print the tables: the
runner of the blind sets, bench/blind_sets.py, with this folder filled in.

.venv/bin/python bench/heldout7/run.py                     # per-kind table, leaks, per-case table
.venv/bin/python bench/heldout7/run.py --show g08-vertical-newspaper-big5  # one case: input, gold, output, report, score
.venv/bin/python bench/heldout7/run.py --check             # the gold's own consistency (no pipeline run)
.venv/bin/python bench/heldout7/run.py --readme            # measure and write the tables into README.md
.venv/bin/python bench/heldout7/run.py [DIR] [--check|--show NAME]   # another folder of cases laid out alike

Each case's bytes are decoded by its gold's `encoding`. The scorer is bench/damage.py's; this set keeps no
floors: it is for measuring, not for holding a level.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from blind_sets import check, main  # noqa: E402

__all__ = ["HERE", "check", "main"]

if __name__ == "__main__":
    sys.exit(main(folder=HERE))
