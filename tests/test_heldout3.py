"""The third held-out damage set (bench/heldout3): hand-laid damaged copies written without reading the
pipeline or the other held-out sets' cases.

This file checks the set itself (rebuilt byte for byte, every kind held, the gold consistent); it holds no
floors on the pipeline's scores: the set is for measuring (`python bench/heldout3/run.py`).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "bench"))

import damage  # noqa: E402

HELDOUT3 = os.path.join(ROOT, "bench", "heldout3")
# bench/heldout3/run.py by its path (bench/run.py is another module named run).
_SPEC = importlib.util.spec_from_file_location("heldout3_run", os.path.join(HELDOUT3, "run.py"))
heldout3_run = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(heldout3_run)
CASES_DIR = os.path.join(HELDOUT3, "cases")


@functools.lru_cache(maxsize=1)
def _cases() -> tuple:
    return tuple(damage.load_heldout(HELDOUT3))


def test_the_set_has_its_cases_and_is_marked_synthetic():
    cases = _cases()
    assert len(cases) == 14
    with open(os.path.join(HELDOUT3, "articles.json"), encoding="utf-8") as fh:
        assert "Synthetic test material" in json.load(fh)["note"]
    with open(os.path.join(HELDOUT3, "README.md"), encoding="utf-8") as fh:
        assert "Synthetic test material" in fh.read()
    assert set(damage.KINDS) <= {k for c in cases for k in c["kinds"]}, "every damage kind is held out"
    assert sum(len(c["gold"]) > 1 for c in cases) >= 4, "pages of several articles"


def test_the_cases_are_rebuilt_byte_for_byte_from_the_articles(tmp_path):
    """bench/heldout3/make.py is the source of the cases: a hand edit of a case file (or of make.py or
    articles.json without rebuilding) fails here."""
    subprocess.run(
        [sys.executable, os.path.join(HELDOUT3, "make.py"), str(tmp_path)], check=True, capture_output=True, timeout=120
    )
    committed = sorted(os.listdir(CASES_DIR))
    assert sorted(os.listdir(tmp_path)) == committed
    for name in committed:
        with open(os.path.join(CASES_DIR, name), "rb") as a, open(tmp_path / name, "rb") as b:
            assert a.read() == b.read(), name


@pytest.mark.parametrize("name", [c["name"] for c in damage.load_heldout(HELDOUT3)])
def test_the_gold_is_consistent_with_the_page(name):
    """Every line is article text or boilerplate, every gold paragraph is on the page, and the gold scored
    as output gets full marks (bench/heldout3/run.py --check)."""
    case = next(c for c in _cases() if c["name"] == name)
    assert heldout3_run.check(case) == []


def test_the_check_can_fail():
    """A line moved to the wrong article, a boiler line counted as text, a lost paragraph: each is caught."""
    case = dict(_cases()[0])
    art = list(case["line_art"])
    first = next(i for i, k in enumerate(art) if k == 0)
    art[first] = 1
    assert heldout3_run.check(dict(case, line_art=art))
    art = list(case["line_art"])
    art[0] = 0  # the page's header line as article text
    assert heldout3_run.check(dict(case, line_art=art))
    boiler = [b for b in case["boiler"] if b["what"] != "header"]
    assert heldout3_run.check(dict(case, boiler=boiler)), "a header line dropped from the boiler"
    gold = [dict(g) for g in case["gold"]]
    gold[0]["paras"] = gold[0]["paras"] + ["这一段文字并不在页面上，金标准里却有它。"]
    assert heldout3_run.check(dict(case, gold=gold))


def test_every_case_decodes_by_its_stated_encoding():
    """The odd encodings are really there: UTF-16 with BOM and CRLF, GB18030 with its four-byte BOM."""
    by_name = {c["name"]: c for c in _cases()}
    speech = by_name["c08-speech-utf16.txt"]
    assert speech["data"][:2] == b"\xff\xfe" and b"\r\x00\n\x00" in speech["data"]
    twice = by_name["c12-twice-gb18030.txt"]
    assert twice["data"][:4] == b"\x84\x31\x95\x33"
    for c in _cases():
        c["data"].decode(c["encoding"])


def test_the_runner_takes_a_folder(tmp_path):
    """run.py DIR --check reads another folder laid out alike (here a copy of two cases)."""
    for name in ("c02-commentator", "c14-control-table-dialogue"):
        for ext in (".txt", ".gold.json"):
            with open(os.path.join(CASES_DIR, name + ext), "rb") as a, open(tmp_path / (name + ext), "wb") as b:
                b.write(a.read())
    out = subprocess.run(
        [sys.executable, os.path.join(HELDOUT3, "run.py"), str(tmp_path), "--check"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert out.split() == ["c02-commentator.txt:", "ok", "c14-control-table-dialogue.txt:", "ok"]


def test_the_runner_prints_the_table():
    out = subprocess.run(
        [sys.executable, os.path.join(HELDOUT3, "run.py")], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    assert out.startswith("| damage kind |") and f"| all | {len(_cases())} |" in out
    assert all(f"| {c['name']} |" in out for c in _cases()), "one line per case"
