"""Golden cases (tests/fixtures/cleaning/*.json): each line repair on real and made-up damage."""

from __future__ import annotations

import glob
import json
import os

import pytest

from conftest import FIXTURES
from wenku.ingest.repairs import repair_line, suspected_typos

FILES = sorted(glob.glob(os.path.join(FIXTURES, "cleaning", "*.json")))


def _cases(negative: bool):
    for path in FILES:
        if (os.path.basename(path) == "negative.json") != negative:
            continue
        with open(path, encoding="utf-8") as fh:
            for case in json.load(fh):
                yield pytest.param(case, id=f"{os.path.basename(path)}:{case['label']}")


def _clean(case):
    skip = frozenset() if case.get("script") == "traditional" else frozenset({"fix_traditional_to_simplified"})
    text, changes = repair_line(case["original"], 1, skip=skip)
    return text, changes + suspected_typos(text, 1)


@pytest.mark.parametrize("case", list(_cases(negative=False)))
def test_golden_case(case):
    fixed, changes = _clean(case)
    assert fixed == case["fixed"]
    kinds = {c.kind for c in changes}
    for kind in case.get("kinds", []):
        assert kind in kinds, f"report lacks {kind}: {kinds}"
    if fixed != case["original"]:
        assert changes, "a change without a report entry"


@pytest.mark.parametrize("case", list(_cases(negative=True)))
def test_negative_case_is_unchanged(case):
    fixed, changes = _clean(case)
    assert fixed == case["original"]
    assert [c for c in changes if c.kind != "suspect_cjk_in_acronym"] == []


def test_every_fixture_file_has_cases():
    assert len(FILES) >= 6
    for path in FILES:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        assert data and all("label" in c and "original" in c and "note" in c for c in data), path
