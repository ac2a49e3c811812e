"""Published URLs never change: every slug in sources/published-slugs.lst is still built."""

from __future__ import annotations

from conftest import SOURCES
from wenku.corpus import published_slugs


def published():
    return published_slugs(SOURCES)


def test_every_published_slug_is_still_produced(corpus):
    slugs = {a.slug for a in corpus.articles}
    missing = [s for s in published() if s not in slugs]
    assert not missing, f"published article URLs would break: {missing}"


def test_every_published_slug_has_pages_in_both_languages(built_site):
    for slug in published():
        assert (built_site / "articles" / slug / "index.html").exists(), slug
        assert (built_site / "en" / "articles" / slug / "index.html").exists(), slug


def test_slugs_do_not_depend_on_the_domain_dictionary(monkeypatch):
    """Adding a word to our jieba dictionary (for topics and search) must not move a slug."""
    import jieba

    from wenku import segment
    from wenku.enrich.slugs import slugify

    before = slugify("以“四个创新”赋能新质生产力")
    # A private domain tokenizer with the added word, so that no other test sees it.
    domain = jieba.Tokenizer()
    domain.add_word("四个创新", freq=99999)
    assert domain.lcut("以四个创新赋能", HMM=False)[1] == "四个创新"  # the word is really in this dictionary
    monkeypatch.setattr(segment, "tokenizer", lambda: domain)
    assert slugify("以“四个创新”赋能新质生产力") == before
