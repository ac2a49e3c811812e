"""Golden cases for the source-level cleaning (tests/fixtures/cleaning/sources/*.json): whole damaged
texts through wenku.ingest.clean.clean_lines (wrap re-join, running headers, HTML, chrome, promotion,
text printed twice, mojibake), plus a negative set that must come out unchanged."""

from __future__ import annotations

import json
import os

import pytest

from conftest import FIXTURES
from wenku.ingest.clean import clean_lines
from wenku.textutil import RE_CJK_RUN

FOLDER = os.path.join(FIXTURES, "cleaning", "sources")


def _load(name: str) -> list[dict]:
    with open(os.path.join(FOLDER, name), encoding="utf-8") as fh:
        return json.load(fh)


def _params(name: str):
    for case in _load(name):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        yield pytest.param(case, id=case["label"], marks=marks)


def _clean(case: dict):
    skip = frozenset() if case.get("script") == "traditional" else frozenset({"fix_traditional_to_simplified"})
    return clean_lines("\n".join(case["original"]), skip)


@pytest.mark.parametrize("case", list(_params("damaged.json")))
def test_damaged_source(case):
    lines, report, meta = _clean(case)
    assert [ln.text for ln in lines if ln.text] == case["lines"]
    kinds = {c.kind for c in report}
    for kind in case["kinds"]:
        assert kind in kinds, f"report lacks {kind}: {kinds}"
    if "editors" in case:
        assert [n for _, names in meta["editors"] for n in names] == case["editors"]


@pytest.mark.parametrize("case", _load("damaged.json"), ids=lambda c: c["label"])
def test_nothing_dropped_silently(case):
    """Every Chinese run of the input is in the output or in a report entry (before or after)."""
    lines, report, _ = _clean(case)
    kept = "".join(ln.text for ln in lines)
    reported = "".join(c.before + c.after for c in report)
    from wenku.script import to_simplified

    for raw in case["original"]:
        for run in RE_CJK_RUN.findall(raw):
            run = to_simplified(run)
            assert run in kept or run in to_simplified(reported), run


@pytest.mark.parametrize("case", list(_params("negative.json")))
def test_negative_source_is_unchanged(case):
    lines, report, meta = _clean(case)
    assert [ln.text for ln in lines if ln.text] == [t for t in case["original"] if t.strip()]
    assert [c for c in report if c.kind != "suspect_cjk_in_acronym"] == []
    assert meta == {}


def test_fixture_files_have_cases():
    assert len(_load("damaged.json")) >= 8
    assert len(_load("negative.json")) >= 6
