"""Nothing is lost silently: every line of a source that is not in an article's output is in the `--json` report.

For each input (the seed sources, the red-team cases, generated damage pages), the source is cleaned as an
editor would (`wenku clean --json FILE`, in-process). A non-blank input line either comes out as text (a body,
a title, an author, a date or another metadata field: its characters in order, whitespace ignored) or a
report entry of `--json` names its line number with the text it removed or changed. A line that is neither
was dropped without a word: the test fails with the line.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import sys

import pytest

from conftest import FIXTURES, ROOT

sys.path.insert(0, os.path.join(ROOT, "bench"))

import damage  # noqa: E402

from wenku.cli import main  # noqa: E402

RE_SPACE = re.compile(r"\s+")
# Markup the cleaning turns into structure (documented repairs): a Markdown heading's # marks, list and
# quote marks, a bullet glyph that becomes a list item.
RE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|>\s*|[□■●○◆◇▪•·]\s*)+")
REDTEAM = os.path.join(FIXTURES, "cleaning", "redteam")
SOURCES = os.path.join(ROOT, "sources")


def squeeze(text: str) -> str:
    return RE_SPACE.sub("", text)


def clean_json(path: str) -> list[dict]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["clean", "--json", path])
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


RE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")  # the Markdown body escapes what would be markup


def output_text(arts: list[dict]) -> str:
    """Everything an article shows besides its report: body, title, authors and the other metadata."""
    parts: list[str] = []
    for a in arts:
        for key, value in a.items():
            if key == "report":
                continue
            if isinstance(value, list):
                parts.extend(str(v) for v in value)
            elif value is not None:
                parts.append(str(value))
    return squeeze(RE_ESCAPE.sub(r"\1", "\n".join(parts)))


def silently_lost(path: str) -> list[tuple[int, str]]:
    """(line number, text) of each non-blank input line neither in the output nor named by the report."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    arts = clean_json(path)
    shown = output_text(arts)
    reported = {c["line"] for a in arts for c in a["report"] if c.get("line") is not None}
    removed = squeeze("\n".join(c["before"] for a in arts for c in a["report"]))
    lost = []
    for number, line in enumerate(lines, 1):
        text = squeeze(RE_MARKUP.sub("", line))
        if not text or text in shown:
            continue
        if number in reported or text in removed:
            continue
        lost.append((number, line))
    return lost


def _redteam_paths() -> list[str]:
    return sorted(os.path.join(REDTEAM, n) for n in os.listdir(REDTEAM) if n.endswith(".txt"))


def _seed_paths() -> list[str]:
    return sorted(os.path.join(SOURCES, n) for n in os.listdir(SOURCES) if n.endswith(".txt"))


@pytest.mark.parametrize("path", _redteam_paths(), ids=os.path.basename)
def test_redteam_lines_are_in_the_output_or_the_report(path):
    assert not silently_lost(path)


# Seed lines dropped today with no entry in `--json` (none: the box label and the deck's subtitle are
# printed as metadata since `wenku clean --json` shows render.CLEAN_JSON_META).
SEED_XFAIL: dict[str, str] = {}


def _seed_param(path: str):
    name = os.path.basename(path)
    marks = [pytest.mark.xfail(strict=True, reason=SEED_XFAIL[name])] if name in SEED_XFAIL else []
    return pytest.param(path, id=name, marks=marks)


@pytest.mark.parametrize("path", [_seed_param(p) for p in _seed_paths()])
def test_seed_lines_are_in_the_output_or_the_report(path):
    assert not silently_lost(path)


def test_generated_damage_lines_are_in_the_output_or_the_report(tmp_path):
    """Damaged pages of the benchmark (a random draw of seeds and cases, fixed here so a failure repeats)."""
    gold = damage.load_gold()
    rng = random.Random(15)
    failures = []
    for _ in range(12):
        seed, index = rng.randrange(1000), rng.randrange(40)
        case = damage.make_case(seed, index, gold)
        path = tmp_path / f"case_{seed}_{index}.txt"
        path.write_text(case["data"].decode(case["encoding"], errors="replace"), encoding="utf-8")
        lost = silently_lost(str(path))
        if lost:
            failures.append((seed, index, case["kinds"], lost[:3]))
    assert not failures


def test_a_line_dropped_without_a_report_entry_is_found(tmp_path, monkeypatch):
    """The check can fail: an output that drops a line and says nothing is caught."""
    path = tmp_path / "t.txt"
    path.write_text("标题一行\n\n第一段的文字，写得很长，有好几个分句。\n\n第二段的文字也在这里。\n", encoding="utf-8")
    real = clean_json

    def dropping(p):
        arts = real(p)
        arts[0]["body"] = arts[0]["body"].replace("第二段的文字也在这里。", "")
        return arts

    monkeypatch.setattr(sys.modules[__name__], "clean_json", dropping)
    assert silently_lost(str(path)) == [(5, "第二段的文字也在这里。")]
