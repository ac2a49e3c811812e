"""Topics and indexes: every article has topics, topic pages exist in both languages, two clicks to any article."""

from __future__ import annotations

import dataclasses
import os
import re
from urllib.parse import urljoin, urlsplit

from conftest import read
from wenku.enrich.topics import assign_topics, taxonomy
from wenku.model import Block


def test_taxonomy_is_bilingual_and_sized_for_the_corpus():
    topics = taxonomy()
    assert 10 <= len(topics) <= 20
    assert len({t.id for t in topics}) == len(topics)
    for t in topics:
        assert t.zh and t.en and t.description_zh and t.description_en and t.keywords
        assert re.fullmatch(r"[a-z0-9-]+", t.id)


def test_every_article_has_one_to_four_topics_and_keywords(corpus):
    ids = {t.id for t in taxonomy()}
    for art in corpus.articles:
        assert 1 <= len(art.topics) <= 4, art.slug
        assert set(art.topics) <= ids
        assert len(art.keywords) >= 3


def test_topic_assignment_reads_the_text(corpus):
    topics = {a.title: a.topics for a in corpus.articles}
    assert "smes" in topics["切实促进中小企业专精特新发展"]
    assert "elderly-care" in next(a.topics for a in corpus.articles if a.authors == ["朱红莉"])
    assert "data-factor" in topics["构建公共数据资源开发利用新格局"]
    assert "finance" in topics["发挥数字金融在发展新质生产力中的重要作用"]
    assert "rural" in topics["数智技术赋能乡村治理现代化"]


def test_the_token_cache_keeps_only_the_texts_of_the_last_run(corpus):
    """A Build keeps jieba counts between rebuilds; a text edited away must not stay in it for ever."""
    cache: dict = {}
    fresh = [dataclasses.replace(a, topics=[], keywords=[], topic_scores={}) for a in corpus.articles[:3]]
    fresh = assign_topics(fresh, cache)
    first = set(cache)
    assert first, "the run filled the cache"
    edited = dataclasses.replace(
        fresh[0],
        topics=[],
        keywords=[],
        topic_scores={},
        blocks=[*fresh[0].blocks, Block("p", "一段新加的文字，谈数据要素。", [])],
    )
    again = [edited] + [dataclasses.replace(a, topics=[], keywords=[], topic_scores={}) for a in fresh[1:]]
    again = assign_topics(again, cache)
    assert len(cache) == len(first), "the edited text's entries replace the old ones"
    assert set(cache) != first
    assert [a.topics for a in again[1:]] == [a.topics for a in fresh[1:]]


def test_editor_topics_win(tmp_path):
    import shutil

    from conftest import FIXTURES
    from wenku.corpus import load_corpus

    shutil.copy(os.path.join(FIXTURES, "bundles", "compilation.txt"), tmp_path / "a.txt")
    (tmp_path / "a.yml").write_text(
        "kind: compilation\narticles:\n  chengshi-danao-xuyao-genghao-de-shuju-dizuo:\n    topics: [finance]\n",
        encoding="utf-8",
    )
    corpus = load_corpus(str(tmp_path))
    first = corpus.articles[0]
    assert first.slug == "chengshi-danao-xuyao-genghao-de-shuju-dizuo"
    assert first.topics == ["finance"]
    (tmp_path / "a.yml").write_text(
        "kind: compilation\narticles:\n  chengshi-danao-xuyao-genghao-de-shuju-dizuo:\n    topics: [no-such-topic]\n",
        encoding="utf-8",
    )
    problems = load_corpus(str(tmp_path)).problems
    assert any("unknown topic 'no-such-topic'" in p.message and p.line == 4 for p in problems), problems
    # An override for an article the source does not have names the line of its key.
    (tmp_path / "a.yml").write_text(
        "kind: compilation\narticles:\n  chengshi-danao-xuyao-genghao-de-shuju-dizuo:\n"
        "    topics: [finance]\n  no-such-article:\n    title: 标题\n",
        encoding="utf-8",
    )
    problems = load_corpus(str(tmp_path)).problems
    assert any("unknown article slug 'no-such-article'" in p.message and p.line == 5 for p in problems), problems


def test_topic_pages_in_both_languages(built_site, corpus):
    for t in taxonomy():
        zh = read(built_site / "topics" / t.id / "index.html")
        en = read(built_site / "en" / "topics" / t.id / "index.html")
        assert t.zh in zh and t.en.replace('"', "&quot;").split(" ")[0] in en
    overview = read(built_site / "topics" / "index.html")
    assert all(t.zh in overview for t in taxonomy())


def test_article_pages_show_topic_chips_and_related(built_site, corpus):
    art = corpus.articles[0]
    html = read(built_site / "articles" / art.slug / "index.html")
    for tid in art.topics:
        assert f'href="../../topics/{tid}/"' in html
    assert "wenku-related" in html
    related = re.findall(r'<li><a href="\.\./([a-z0-9-]+)/">', html[html.index("wenku-related") :])
    assert 3 <= len(related) <= 5


def _links(site, page_rel):
    html = read(os.path.join(site, page_rel, "index.html"))
    base = "http://s/" + page_rel
    out = set()
    for href in re.findall(r'href="([^"#]+)', html):
        parts = urlsplit(urljoin(base, href))
        if parts.netloc == "s":
            out.add(parts.path.lstrip("/"))
    return out


def test_every_article_two_clicks_from_home_by_each_route(built_site, corpus):
    for lang_prefix in ("", "en/"):
        home = _links(built_site, lang_prefix)
        routes = {
            "topic": f"{lang_prefix}topics/",
            "author": f"{lang_prefix}authors/",
            "source": f"{lang_prefix}sources/",
            "date": f"{lang_prefix}archive/",
        }
        for route, prefix in routes.items():
            first = [p for p in home if p.startswith(prefix)]
            assert first, f"home page has no link into {prefix}"
            reached = set()
            for p in first:
                reached |= {q for q in _links(built_site, p) if q.startswith(f"{lang_prefix}articles/")}
            missing = [a.slug for a in corpus.articles if f"{lang_prefix}articles/{a.slug}/" not in reached]
            assert not missing, (route, lang_prefix, missing[:5])


def test_feeds_per_language(built_site, corpus):
    zh = read(built_site / "feed.xml")
    en = read(built_site / "en" / "feed.xml")
    assert "<language>zh-Hans</language>" in zh and "<language>en</language>" in en
    assert zh.count("<item>") == min(20, len(corpus.articles))
    assert "http://127.0.0.1:8000/reader/en/articles/" in en
    assert "lastBuildDate" not in zh


def test_related_equals_the_all_pairs_definition():
    # The inverted-index version must give exactly what scoring every pair gives (ties by slug).
    import random

    from wenku.enrich.topics import related
    from wenku.model import Article

    rng = random.Random(7)
    arts = []
    for i in range(300):
        a = Article(source="x", slug=f"a{rng.randrange(10**6):06d}-{i}")
        a.topics = rng.sample([f"t{j}" for j in range(15)], rng.randint(0, 4))
        a.keywords = rng.sample([f"k{j}" for j in range(120)], rng.randint(0, 6))
        arts.append(a)

    def all_pairs(a):
        scored = []
        for b in arts:
            if b is not a:
                s = 2 * len(set(a.topics) & set(b.topics)) + len(set(a.keywords) & set(b.keywords))
                if s > 0:
                    scored.append((-s, b.slug))
        return [slug for _, slug in sorted(scored)[:5]]

    got = related(arts)
    assert all(got[a.slug] == all_pairs(a) for a in arts)
    assert sum(1 for a in arts if got[a.slug]) > 250  # most articles have related ones: the check is not vacuous
