"""Article addresses: natural slugs, slugs an editor pins in a sidecar, reserved addresses."""

from __future__ import annotations

from wenku.corpus import load_corpus

PAGE = "# 数字经济的新引擎\n\n王五\n\n数字经济是推动高质量发展的重要引擎，各地正在加快建设数字基础设施。\n"


def _project(tmp_path, sidecar: str):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.yml").write_text(sidecar, encoding="utf-8")
    return load_corpus(str(tmp_path))


def test_natural_slug_from_the_title(tmp_path):
    corpus = _project(tmp_path, "kind: web-page\n")
    assert [a.slug for a in corpus.articles] == ["shuzi-jingji-de-xin-yinqing"]
    assert not corpus.problems


def test_a_pinned_slug_is_used_and_the_other_overrides_still_apply(tmp_path):
    corpus = _project(
        tmp_path,
        "kind: web-page\narticles:\n  shuzi-jingji-de-xin-yinqing:\n"
        "    slug: digital-engine\n    title_en: The New Engine\n",
    )
    [art] = corpus.articles
    assert art.slug == "digital-engine"
    assert art.title_en == "The New Engine"
    assert not [p for p in corpus.problems if p.severity == "error"], corpus.problems


def test_overrides_may_also_be_keyed_by_the_pinned_slug(tmp_path):
    corpus = _project(
        tmp_path,
        "kind: web-page\narticles:\n  shuzi-jingji-de-xin-yinqing:\n"
        "    slug: digital-engine\n  digital-engine:\n    title_en: The New Engine\n",
    )
    [art] = corpus.articles
    assert (art.slug, art.title_en) == ("digital-engine", "The New Engine")
    assert not corpus.problems


def test_a_title_override_does_not_move_the_address(tmp_path):
    """The natural slug comes from the text as printed; a sidecar title changes the title only."""
    corpus = _project(
        tmp_path, "kind: web-page\narticles:\n  shuzi-jingji-de-xin-yinqing:\n    title: 编辑改过的标题\n"
    )
    [art] = corpus.articles
    assert (art.slug, art.title) == ("shuzi-jingji-de-xin-yinqing", "编辑改过的标题")


def test_a_reserved_title_is_refused_with_its_line(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE.replace("数字经济的新引擎", "Index"), encoding="utf-8")
    (tmp_path / "a.yml").write_text("kind: web-page\n", encoding="utf-8")
    corpus = load_corpus(str(tmp_path))
    [problem] = [p for p in corpus.problems if p.severity == "error"]
    assert problem.line == 1 and "'index' is reserved" in problem.message
    assert corpus.articles[0].slug != "index"  # never the articles index's address
