"""The editorial data files (sources/topics.yml, glossary.yml, labels.yml, citation.yml) are content: an edit
shows in the next rebuild of the same process (`make serve`), without cleaning any source again.

The rebuilds run in one child process on a copy of the project, the way the MkDocs hook runs them: one
Build between stages, and the copy's own package, which reads the copy's sources/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, SOURCES, copy_build_files
from wenku import editorial
from wenku.checks import check_site

# Run in the copy: stage, edit the editorial files as an editor would, stage again with the same Build.
SCRIPT = r"""
import json, os, sys
sys.path.insert(0, os.path.abspath("hooks"))
from wenku import editorial
from wenku.build import Build
from wenku.site.pages.glossary import glossary_anchor
from wenku.site.staging import stage

assert editorial.SOURCES_DIR == os.path.abspath("sources"), editorial.SOURCES_DIR
build = Build()

def run(b):
    site = stage(".", ".build/docs", "", build=b)
    errors = [str(p) for p in site.problems if p.severity == "error"]
    assert not errors, errors
    return site

def edit(name, old, new):
    path = os.path.join("sources", name)
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert old in text, (old, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace(old, new, 1))

first = run(build)
cleaned = {k: id(v) for k, v in build.cleaned.items()}
glossary_terms = {g["zh"] for g in editorial.load(editorial.GLOSSARY)}
ai = [a for a in first.corpus.articles if "ai" in a.topics]
# A new glossary term: an article's TF-IDF keyword (a whole word) that no term holds or is held by.
art, term = next((a, k) for a in first.corpus.articles for k in a.keywords
                 if not any(k in t or t in k for t in glossary_terms))
keyword = term  # and a new topic whose keyword it is

edit("topics.yml", "- id: ai\n  zh: 人工智能\n", "- id: ai\n  zh: 人工智能与机器人\n")
with open("sources/topics.yml", "a", encoding="utf-8") as fh:
    fh.write("- id: editorial-test\n  zh: 编辑测试专题\n  en: Editorial test\n"
             "  description_zh: 测试。\n  description_en: A test.\n  keywords: [" + keyword + "]\n")
with open("sources/glossary.yml", "a", encoding="utf-8") as fh:
    fh.write("- zh: " + term + "\n  en: editorial test term\n")
edit("labels.yml", "  topics: 专题\n", "  topics: 专题（测试）\n")
second = run(build)

fresh = run(Build())  # a new process would build the same pages
out = {
    "ai_slugs": [a.slug for a in ai],
    "ai_page": second.pages[f"articles/{ai[0].slug}.md"] if ai else "",
    "topic_page": second.pages.get("topics/editorial-test.md", ""),
    "scored": [a.slug for a in second.corpus.articles if "editorial-test" in a.topic_scores],
    "art": art.slug,
    "term": term,
    "anchor": glossary_anchor(term),
    "art_page_before": first.pages[f"articles/{art.slug}.md"],
    "art_page_after": second.pages[f"articles/{art.slug}.md"],
    "glossary_page": second.pages["glossary.md"],
    "home": second.pages["index.md"],
    "cleaned_again": sorted(set(build.cleaned) - set(cleaned))
                     + [k for k, v in cleaned.items() if id(build.cleaned.get(k)) != v],
    "same_as_fresh": second.pages == fresh.pages,
}
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.slow  # three stagings of the seed corpus in a child process
def test_editing_topics_glossary_and_labels_shows_in_the_next_rebuild(tmp_path):
    proj = tmp_path / "proj"
    copy_build_files(str(proj))
    shutil.rmtree(proj / "sources")
    shutil.copytree(SOURCES, proj / "sources")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=proj, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    # topics.yml: a renamed topic shows on its articles; a new topic gets its page and scores articles.
    assert out["ai_slugs"], "no article about AI in the seed corpus"
    assert "人工智能与机器人" in out["ai_page"]
    assert "编辑测试专题" in out["topic_page"]
    assert out["art"] in out["scored"]
    # glossary.yml: the new term is on the glossary page and its first use in the article links to it.
    assert out["anchor"] not in out["art_page_before"]
    assert out["anchor"] in out["art_page_after"]
    assert out["term"] in out["glossary_page"]
    # labels.yml: the home page's label changed.
    assert "专题（测试）" in out["home"]
    # Editorial data is not cleaning input: no source was cleaned again, and the rebuild equals a fresh build.
    assert out["cleaned_again"] == []
    assert out["same_as_fresh"]


def test_editorial_files_are_in_sources_and_not_sidecars():
    """The one place that knows them points into sources/, and `wenku check` passes them as they are."""
    for name in editorial.FILES:
        assert os.path.isfile(os.path.join(SOURCES, name)), name
        assert editorial.path(name) == os.path.join(SOURCES, name)
        assert not os.path.exists(os.path.join(ROOT, "hooks", "wenku", "data", name)), name
    problems = [p for p in check_site(ROOT) if os.path.basename(p.path) in editorial.FILES]
    assert problems == [], problems


def _project(tmp_path):
    proj = tmp_path / "p"
    shutil.copytree(os.path.join(ROOT, "docs"), proj / "docs", ignore=shutil.ignore_patterns("articles"))
    (proj / "sources").mkdir()
    for name in editorial.FILES:
        shutil.copy(editorial.path(name), proj / "sources" / name)
    return proj


def test_a_missing_or_broken_editorial_file_is_named_with_its_line(tmp_path):
    proj = _project(tmp_path)
    os.remove(proj / "sources" / editorial.LABELS)
    with open(proj / "sources" / editorial.TOPICS, "a", encoding="utf-8") as fh:
        fh.write("- id: ai\n  id: twice\n")
    lines = len((proj / "sources" / editorial.TOPICS).read_text(encoding="utf-8").splitlines())
    found = {(os.path.basename(p.path), p.line, p.message) for p in editorial.problems(str(proj / "sources"))}
    assert any(name == "labels.yml" and line == 1 and msg.startswith("missing") for name, line, msg in found), found
    assert any(name == "topics.yml" and line == lines and "duplicate key" in msg for name, line, msg in found), found
    # Not mistaken for sidecars without a text, like redirects.yml.
    messages = [p.message for p in check_site(str(proj)) if os.path.basename(p.path) in editorial.FILES]
    assert not any("sidecar" in m for m in messages), messages


def test_the_glossary_schema_is_checked_in_the_project_checked(tmp_path):
    """`wenku check` of a project checks that project's glossary (file:line), not this checkout's."""
    proj = _project(tmp_path)
    entries = yaml.safe_load((proj / "sources" / editorial.GLOSSARY).read_text(encoding="utf-8"))
    with open(proj / "sources" / editorial.GLOSSARY, "a", encoding="utf-8") as fh:
        fh.write(f"- zh: {entries[0]['zh']}\n  en: a second rendering\n")
    lines = len((proj / "sources" / editorial.GLOSSARY).read_text(encoding="utf-8").splitlines())
    found = [p for p in check_site(str(proj)) if p.path.endswith(os.path.join("p", "sources", "glossary.yml"))]
    assert any(p.line == lines - 1 and "already at line" in p.message for p in found), found


def test_a_fixed_editorial_file_is_checked_again_and_its_problems_are_the_checks_own(tmp_path):
    """The check's YAML verdict is cached by a file's text: a fix shows at once, the error comes back with the
    same text, and a problem handed out can be renumbered without changing the next check's."""
    proj = _project(tmp_path)
    topics = proj / "sources" / editorial.TOPICS
    good = topics.read_text(encoding="utf-8")
    topics.write_text(good + "- id: ai\n  id: twice\n", encoding="utf-8")
    first = [p for p in editorial.problems(str(proj / "sources")) if "duplicate key" in p.message]
    assert len(first) == 1
    first[0].line = -5  # as a caller that shifts line numbers would
    topics.write_text(good, encoding="utf-8")
    assert editorial.problems(str(proj / "sources")) == []
    topics.write_text(good + "- id: ai\n  id: twice\n", encoding="utf-8")
    again = [p for p in editorial.problems(str(proj / "sources")) if "duplicate key" in p.message]
    assert [p.line for p in again] == [len(good.splitlines()) + 2]


def test_every_kind_a_sidecar_may_state_has_a_name_in_every_edition():
    """A sidecar's `kind` is shown on the sources pages: each kind the schema accepts is named in each edition
    (a stated `kind: transcript` once stopped the build with a missing label)."""
    from wenku.metadata import KINDS
    from wenku.site.pages.sources import kind_name

    for lang in ("zh", "en", "zh-Hant"):
        names = {kind: kind_name(kind, lang, "") for kind in sorted(KINDS)}
        assert all(names.values()) and len(set(names.values())) == len(KINDS), (lang, names)
