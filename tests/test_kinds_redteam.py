"""Red-team inputs for the kind detector (issue 15, item 4): sources an editor could bring that a careless
detector would misread (a question headline that is no Q&A answer, an agenda's times that are no transcript,
a feed escaped twice, a speech without its salutation …). Each input is a file under
tests/fixtures/kinds_redteam/ (invented names and outlets); what a serious editor expects of it (kind, articles,
titles, authors, and why) is in expectations.yml there. A known failure is marked with its exact reason."""

from __future__ import annotations

import os
import re

import pytest
import yaml

from wenku.corpus import process_bytes

HERE = os.path.join(os.path.dirname(__file__), "fixtures", "kinds_redteam")
with open(os.path.join(HERE, "expectations.yml"), encoding="utf-8") as fh:
    CASES = yaml.safe_load(fh)


def _run(name: str):
    with open(os.path.join(HERE, f"{name}.txt"), "rb") as fh:
        return process_bytes(f"{name}.txt", fh.read(), None)


def _params(xfail_key: str) -> list:
    out = []
    for name, case in sorted(CASES.items()):
        marks = [pytest.mark.xfail(strict=True, reason=case[xfail_key])] if case.get(xfail_key) else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


def _body(art) -> str:
    return "\n".join([b.text for b in art.blocks] + [str(i) for b in art.blocks for i in b.items])


@pytest.mark.parametrize("name", _params("xfail_kind"))
def test_kind(name):
    assert _run(name).kind in CASES[name]["kind"], CASES[name]["why"]


@pytest.mark.parametrize("name", _params("xfail_split"))
def test_articles_titles_authors(name):
    case, result = CASES[name], _run(name)
    arts = result.articles
    assert len(arts) == case["articles"], case["why"]
    assert [a.title for a in arts] == case["titles"]
    assert [a.authors for a in arts] == case["authors"]
    for k, needles in (case.get("contains") or {}).items():
        for needle in needles:
            assert needle in _body(arts[int(k)])
    if case.get("no_markup"):
        for art in arts:
            assert not re.search(r"<[/a-zA-Z]|&(?:[a-z]{2,6}|#\d+);", _body(art) + (art.title or ""))


@pytest.mark.parametrize("name", _params("xfail_lost"))
def test_nothing_lost(name):
    """Every run of Chinese characters of every input line is in an article (title, subtitle, byline, body)
    or in the report."""
    result = _run(name)
    kept = []
    for art in result.articles:
        kept += [art.title or "", art.subtitle or "", _body(art)] + list(art.authors) + list(art.affiliations)
    kept += [c.before for c in result.report] + [c.after for c in result.report]
    haystack = re.sub(r"\s", "", "\n".join(kept))
    with open(os.path.join(HERE, f"{name}.txt"), encoding="utf-8") as fh:
        for line in fh:
            for run in re.findall(r"[\u4e00-\u9fff]{2,}", line):
                assert run in haystack, f"{name}: {line.strip()!r} lost ({run})"
