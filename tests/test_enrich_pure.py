"""The enrich steps are pure: each takes the sources (or articles) of the stage before and returns new ones.

A Build caches cleaned sources between rebuilds (`make serve`), so a step that filled in the objects it was
given would change the cache: the next rebuild would start from an overridden source (issue 14: "override for
unknown article slug" after an unrelated edit). The inputs here are a small compilation of our own making.
"""

from __future__ import annotations

import copy
import os
import shutil

import pytest

from conftest import ROOT, SOURCES
from wenku.build import Build
from wenku.corpus import enrich_corpus, process_bytes
from wenku.enrich.overrides import apply_overrides
from wenku.enrich.slugs import assign_slugs, slugify
from wenku.enrich.topics import assign_topics, topic_ids
from wenku.model import Article, SourceResult
from wenku.site.staging import stage

TEXT = """2025年第二季度县域数字化文章选编
(3篇)
目录
- 县域医共体的数据打通
- 农产品直播带货的冷思考
- 乡村夜校的新课表
县域医共体的数据打通
在县域医共体建设中，乡镇卫生院与县医院之间的检查结果互认仍然困难，病人往往需要重复检查，既增加负担也浪费资源。
打通数据的前提是统一编码。县级卫生健康部门应当牵头制定检查项目目录，并建立共享平台。
农产品直播带货的冷思考
直播带货让不少农产品走出了大山，但退货率高、品控不稳的问题也随之而来，农户和平台都承受着不小的压力。
冷思考之后还要热行动：建设产地仓，完善冷链物流，培养本地主播，让农村电商走得更稳更远。
乡村夜校的新课表
夜校把手机课、电商课搬进了村委会，晚饭后来上课的村民越来越多，外出的年轻人也回来当老师。
"""

FIRST, SECOND, THIRD = "县域医共体的数据打通", "农产品直播带货的冷思考", "乡村夜校的新课表"


def _sidecar() -> str:
    topic = sorted(topic_ids())[0]
    return (
        "kind: compilation\n"
        "publication: 县域观察\n"
        "publication_en: County Review\n"
        "articles:\n"
        f"  {slugify(FIRST)}:\n"
        "    slug: yigongti-shuju\n"
        "    title: 编辑拟定的标题\n"
        f"    topics: [{topic}]\n"
        f"  {slugify(SECOND)}:\n"
        "    keywords: [直播, 冷链]\n"
        "    title_en: Second thoughts on livestream sales\n"
    )


@pytest.fixture
def cleaned() -> list[SourceResult]:
    src = process_bytes("900_enrich.txt", TEXT.encode("utf-8"), _sidecar())
    assert [a.title for a in src.articles] == [FIRST, SECOND, THIRD]
    return [src]


@pytest.fixture
def frozen(monkeypatch):
    """Mark objects as frozen: setting an attribute of one of them fails the test at the line that does it."""
    ids: set[int] = set()

    def guard(cls):
        plain = cls.__setattr__

        def setattr_(self, name, value):
            if id(self) in ids:
                raise AssertionError(f"an enrich step set {cls.__name__}.{name} on an object it was given")
            plain(self, name, value)

        return setattr_

    for cls in (Article, SourceResult):
        monkeypatch.setattr(cls, "__setattr__", guard(cls))

    def freeze(sources: list[SourceResult]) -> list[SourceResult]:
        ids.update(id(s) for s in sources)
        ids.update(id(a) for s in sources for a in s.articles)
        return copy.deepcopy(sources)  # the snapshot: compared after the step, for changes inside lists

    return freeze


def test_assign_slugs_returns_new_sources_and_leaves_its_input(cleaned, frozen):
    before = frozen(cleaned)
    slugged, problems, changes = assign_slugs(cleaned)
    assert cleaned == before
    assert [a.slug for a in cleaned[0].articles] == ["", "", ""]
    assert [a.slug for a in slugged[0].articles] == ["yigongti-shuju", slugify(SECOND), slugify(THIRD)]
    assert [a.natural_slug for a in slugged[0].articles] == [slugify(FIRST), slugify(SECOND), slugify(THIRD)]
    assert not problems and not changes
    assert slugged[0] is not cleaned[0]
    assert all(new is not old for new, old in zip(slugged[0].articles, cleaned[0].articles, strict=True))


def test_apply_overrides_returns_new_sources_and_leaves_its_input(cleaned, frozen):
    slugged, _, _ = assign_slugs(cleaned)
    before = frozen(slugged)
    overridden, problems = apply_overrides(slugged)
    assert slugged == before
    assert not problems
    first, second, third = overridden[0].articles
    assert (first.title, first.title_from, first.topics) == ("编辑拟定的标题", "sidecar", [sorted(topic_ids())[0]])
    assert (second.title, second.keywords, second.title_en) == (
        SECOND,
        ["直播", "冷链"],
        "Second thoughts on livestream sales",
    )
    assert third.title == THIRD and third.title_from != "sidecar"
    assert first.publication_en == second.publication_en == third.publication_en == "County Review"
    assert [a.title for a in slugged[0].articles] == [FIRST, SECOND, THIRD]
    # Applied again to what it was given, the step gives the same (no "override for unknown article slug").
    assert apply_overrides(slugged) == (overridden, problems)


def test_assign_topics_returns_new_articles_and_leaves_its_input(cleaned, frozen):
    slugged, _, _ = assign_slugs(cleaned)
    overridden, _ = apply_overrides(slugged)
    before = frozen(overridden)
    articles = overridden[0].articles
    enriched = assign_topics(articles)
    assert overridden == before
    assert [(a.topics, a.topic_scores) for a in articles] == [([sorted(topic_ids())[0]], {}), ([], {}), ([], {})]
    first, second, third = enriched
    assert first.topics == [sorted(topic_ids())[0]]  # the editor's choice wins
    assert 1 <= len(second.topics) <= 4 and set(second.topics) <= topic_ids()
    assert second.topic_scores and second.keywords == ["直播", "冷链"]  # the editor's keywords win
    assert len(first.keywords) == len(third.keywords) == 6 and third.topics
    assert assign_topics(articles) == enriched


def test_enrich_corpus_twice_from_the_same_cleaned_sources_gives_the_same_corpus(cleaned, frozen):
    """The editor's rebuild: the cleaned sources come from the cache again and are enriched again."""
    before = frozen(cleaned)
    first = enrich_corpus(cleaned, data="v1")
    second = enrich_corpus(cleaned, data="v1")
    assert cleaned == before
    assert first == second and not first.problems
    assert [a.slug for a in second.articles] == ["yigongti-shuju", slugify(SECOND), slugify(THIRD)]
    assert second.articles[0].title == "编辑拟定的标题"
    assert second.sources[0].key != cleaned[0].key  # the editorial files' version is part of the key


def test_rebuilds_leave_every_cached_cleaning_result_whole(tmp_path):
    """The enriched articles share the cleaned ones' blocks and reports (no stage after structure changes
    them): after staging, an override, a text edit and staging again, every cached result equals what
    cleaning the files makes afresh, down to its blocks and report."""
    root = tmp_path / "proj"
    shutil.copytree(SOURCES, root / "sources")
    shutil.copytree(os.path.join(ROOT, "docs"), root / "docs")
    build = Build()
    stage(str(root), str(root / ".build" / "docs"), "", build=build)
    sidecar = root / "sources" / "000_2e6ac2608d1f1108.yml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8").replace(
            "  zhu-hongli-000-2:\n", "  zhu-hongli-000-2:\n    title: 拟定标题\n"
        ),
        encoding="utf-8",
    )
    text = root / "sources" / "001_ef03feee12158e5d.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    site = stage(str(root), str(root / ".build" / "docs"), "", build=build)
    stage(str(root), str(root / ".build" / "docs"), "", build=build)
    assert "拟定标题" in {a.title for a in site.corpus.articles}
    assert len(build.used) >= 4
    for key in build.used:
        cached = build.cleaned[key]
        with open(cached.path, "rb") as fh:
            data = fh.read()
        with open(os.path.splitext(cached.path)[0] + ".yml", encoding="utf-8") as fh:
            fresh = process_bytes(cached.name, data, fh.read(), path=cached.path)
        assert cached == fresh, cached.name
