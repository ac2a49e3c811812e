"""The blind held-out damage sets (bench/heldout2 … bench/heldout6): hand-laid damaged copies written without
reading the pipeline or the other sets' cases.

This file checks the sets themselves (rebuilt byte for byte, every kind held, the gold consistent); it holds
no floors on the pipeline's scores: the sets are for measuring (`python bench/blind_sets.py DIR`).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, os.path.join(ROOT, "bench"))

import blind_sets  # noqa: E402
import damage  # noqa: E402

# Each set and how many cases it lays out.
SETS = {"heldout2": 16, "heldout3": 14, "heldout4": 18, "heldout5": 14, "heldout6": 15, "heldout7": 15}


def _dir(name: str) -> str:
    return os.path.join(ROOT, "bench", name)


@functools.cache
def _cases(name: str) -> tuple:
    return tuple(damage.load_heldout(_dir(name)))


@pytest.mark.parametrize("name", SETS)
def test_the_set_has_its_cases_and_is_marked_synthetic(name):
    cases = _cases(name)
    assert len(cases) == SETS[name]
    with open(os.path.join(_dir(name), "articles.json"), encoding="utf-8") as fh:
        assert "Synthetic test material" in json.load(fh)["note"]
    with open(os.path.join(_dir(name), "README.md"), encoding="utf-8") as fh:
        assert "Synthetic test material" in fh.read()
    assert set(damage.KINDS) <= {k for c in cases for k in c["kinds"]}, "every damage kind is held out"
    assert sum(len(c["gold"]) > 1 for c in cases) >= 4, "pages of several articles"


@pytest.mark.parametrize("name", SETS)
def test_the_cases_are_rebuilt_byte_for_byte_from_the_articles(name, tmp_path):
    """make.py is the source of the cases: a hand edit of a case file (or of make.py or articles.json
    without rebuilding) fails here."""
    subprocess.run(
        [sys.executable, os.path.join(_dir(name), "make.py"), str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    cases_dir = os.path.join(_dir(name), "cases")
    committed = sorted(os.listdir(cases_dir))
    assert sorted(os.listdir(tmp_path)) == committed
    for file in committed:
        with open(os.path.join(cases_dir, file), "rb") as a, open(tmp_path / file, "rb") as b:
            assert a.read() == b.read(), file


@pytest.mark.parametrize(
    "name,case", [(s, c["name"]) for s in SETS for c in damage.load_heldout(_dir(s))], ids=lambda v: str(v)
)
def test_the_gold_is_consistent_with_the_page(name, case):
    """Every line is article text or boilerplate, every gold paragraph is on the page, and the gold scored
    as output gets full marks (run.py --check)."""
    found = next(c for c in _cases(name) if c["name"] == case)
    assert blind_sets.check(found) == []


@pytest.mark.parametrize("name", SETS)
def test_the_check_can_fail(name):
    """A line moved to the wrong article, a boiler line counted as text, a lost paragraph: each is caught."""
    case = dict(next(c for c in _cases(name) if len(c["gold"]) > 1))
    art = list(case["line_art"])
    first = next(i for i, k in enumerate(art) if k == 0)
    art[first] = 1
    assert blind_sets.check(dict(case, line_art=art))
    art = list(case["line_art"])
    lines = case["data"].decode(case["encoding"]).lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    furniture = next(i for i, k in enumerate(art) if k is None and lines[i].strip())
    art[furniture] = 0  # the page's first line that is not article text (a header, a byline) as article text
    assert blind_sets.check(dict(case, line_art=art))
    gold = [dict(g) for g in case["gold"]]
    gold[0]["paras"] = gold[0]["paras"] + ["这一段文字并不在页面上，金标准里却有它。"]
    assert blind_sets.check(dict(case, gold=gold))


@pytest.mark.parametrize("name,index", [("heldout3", 0), ("heldout4", 1), ("heldout5", 1), ("heldout6", 1)])
def test_a_dropped_header_line_is_caught(name, index):
    case = dict(_cases(name)[index])
    boiler = [b for b in case["boiler"] if b["what"] != "header"]
    assert blind_sets.check(dict(case, boiler=boiler)), "a header line dropped from the boiler"


def test_every_case_decodes_by_its_stated_encoding():
    """The odd encodings are really there: UTF-16 with BOM and CRLF, GB18030 with its four-byte BOM."""
    by_name = {c["name"]: c for c in _cases("heldout3")}
    speech = by_name["c08-speech-utf16.txt"]
    assert speech["data"][:2] == b"\xff\xfe" and b"\r\x00\n\x00" in speech["data"]
    twice = by_name["c12-twice-gb18030.txt"]
    assert twice["data"][:4] == b"\x84\x31\x95\x33"
    by_name = {c["name"]: c for c in _cases("heldout4")}
    hk = by_name["d07-hk-column-traditional.txt"]
    assert hk["encoding"] == "big5hkscs" and "監管".encode("big5hkscs") in hk["data"]
    portal = by_name["d11-gbk-govinfo-page.txt"]
    assert portal["encoding"] == "gbk" and "澈水县".encode("gbk") in portal["data"]
    assert b"\r\n" in by_name["d09-bilingual-press-release.txt"]["data"]
    by_name = {c["name"]: c for c in _cases("heldout5")}
    csv = by_name["e06-csv-export.txt"]
    assert csv["encoding"] == "utf-8-sig" and csv["data"][:3] == b"\xef\xbb\xbf" and b"\r\n" in csv["data"]
    report = by_name["e11-fullwidth-gbk-report.txt"]
    assert report["encoding"] == "gbk" and "２０２５年".encode("gbk") in report["data"]
    one_line = by_name["e08-html-one-line.txt"]
    assert one_line["data"].count(b"\n") == 1 and one_line["line_art"] == [0]
    by_name = {c["name"]: c for c in _cases("heldout6")}
    news = by_name["f11-big5-newsletter.txt"]
    assert news["encoding"] == "big5" and "隱私".encode("big5") in news["data"]
    cms = by_name["f12-gbk-cms-export.txt"]
    assert cms["encoding"] == "gbk" and "栎原县".encode("gbk") in cms["data"] and b"?" in cms["data"]
    by_name = {c["name"]: c for c in _cases("heldout7")}
    word = by_name["g01-word-fieldcodes-utf16.txt"]
    assert word["data"][:2] == b"\xff\xfe" and b"\r\x00\n\x00" in word["data"]
    vertical = by_name["g08-vertical-newspaper-big5.txt"]
    assert vertical["encoding"] == "big5" and "﹁".encode("big5") in vertical["data"]
    reply = by_name["g10-mail-reply-gb18030.txt"]
    assert reply["encoding"] == "gb18030"
    with pytest.raises(UnicodeDecodeError):
        reply["data"].decode("gbk")  # a character GBK cannot hold: the file is GB18030 proper
    for name in SETS:
        for c in _cases(name):
            c["data"].decode(c["encoding"])


def test_the_ocr_case_differs_from_its_gold_only_in_width():
    """d10's half-width marks pass the check only by width folding: the raw lines are not pieces as they are."""
    case = next(c for c in _cases("heldout4") if c["name"] == "d10-ocr-scan.txt")
    raw = case["data"].decode(case["encoding"])
    assert "上门,价格" in raw and blind_sets.check(case) == []
    gold = [dict(g) for g in case["gold"]]
    gold[0]["paras"] = [p.replace("，", "、") for p in gold[0]["paras"]]
    assert blind_sets.check(dict(case, gold=gold)), "a real difference still fails"


def test_the_runner_takes_a_folder(tmp_path):
    """run.py DIR --check reads another folder laid out alike (here a copy of two cases)."""
    cases_dir = os.path.join(_dir("heldout3"), "cases")
    for name in ("c02-commentator", "c14-control-table-dialogue"):
        for ext in (".txt", ".gold.json"):
            with open(os.path.join(cases_dir, name + ext), "rb") as a, open(tmp_path / (name + ext), "wb") as b:
                b.write(a.read())
    out = subprocess.run(
        [sys.executable, os.path.join(_dir("heldout3"), "run.py"), str(tmp_path), "--check"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert out.split() == ["c02-commentator.txt:", "ok", "c14-control-table-dialogue.txt:", "ok"]


@pytest.mark.parametrize("name", SETS)
def test_the_runner_prints_the_table(name):
    out = subprocess.run(
        [sys.executable, os.path.join(_dir(name), "run.py")], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    assert out.startswith("| damage kind |") and f"| all | {len(_cases(name))} |" in out
    assert all(f"| {c['name']} |" in out for c in _cases(name)), "one line per case"
