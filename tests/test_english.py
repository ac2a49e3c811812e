"""The English edition: titles and summaries for every article, translations with their status."""

from __future__ import annotations

import re

from conftest import read
from wenku.site.generate import build_pages
from wenku.site.pages.common import chinese_hash


def test_every_article_has_an_english_title_and_summary(corpus):
    for art in corpus.articles:
        assert art.title_en, art.slug
        assert not re.search(r"[\u4e00-\u9fff]", art.title_en), art.slug
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", (art.summary_en or "")) if s]
        assert 3 <= len(sentences) <= 5, (art.slug, len(sentences))  # "3-5 faithful sentences"


def test_english_pages_use_english_title_pinyin_authors_and_say_what_is_missing(built_site, corpus, tmp_path):
    import os
    import shutil

    from conftest import ROOT, build_site, copy_build_files

    translated = read(
        built_site / "en" / "articles" / next(a.slug for a in corpus.articles if a.authors == ["徐华亮"]) / "index.html"
    )
    assert "Xu Hualiang" in translated and "Key points" in translated
    # An article without a translation says so: a small site of one source whose translation is not there.
    art = next(a for a in corpus.articles if a.source.startswith("003_"))
    proj = tmp_path / "proj"
    copy_build_files(proj)
    for ext in (".txt", ".yml"):
        shutil.copy(os.path.join(ROOT, "sources", os.path.splitext(art.source)[0] + ext), proj / "sources")
    os.remove(proj / "docs" / "articles" / f"{art.slug}.en.md")
    result = build_site(str(proj), str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr[-3000:]
    html = read(tmp_path / "site" / "en" / "articles" / art.slug / "index.html")
    assert art.title_en in html.replace("&quot;", '"')
    assert "English translation in preparation" in html and "Summary by the site's editors" in html
    assert art.blocks[2].text[:12] in html  # the Chinese text is shown instead


def test_translation_page_and_status(built_site, corpus):
    slug = "qieshi-cujin-zhongxiaoqiye-zhuanjing-te-xin-fazhan"
    html = read(built_site / "en" / "articles" / slug / "index.html")
    assert "Translated from the Chinese by the site's editors" in html
    assert html.count("中文原文") >= 4  # the Chinese original of each paragraph, one click away
    assert "English translation in preparation" not in html
    status = read(built_site / "en" / "translations" / "index.html")
    row = status[status.index("Genuinely Promoting") :][:400]
    assert "translated (2026-11-22)" in row


def test_a_translation_older_than_its_source_is_flagged(corpus):
    art = corpus.articles[0]
    site = build_pages(corpus, "", {art.slug: {"translation_of": "000000000000", "translated": "2026-01-01"}})
    page = site.pages["translations.en.md"]
    assert "outdated: the Chinese text changed after translation (2026-01-01)" in page
    site = build_pages(corpus, "", {art.slug: {"translation_of": chinese_hash(art), "translated": "2026-01-01"}})
    assert "translated (2026-01-01)" in site.pages["translations.en.md"]


def test_glossary_in_both_languages(built_site):
    zh = read(built_site / "glossary" / "index.html")
    en = read(built_site / "en" / "glossary" / "index.html")
    for term, english in (
        ("新质生产力", "new quality productive forces"),
        ("专精特新", "SRDI"),
        ("数实融合", "integration of the digital and real economies"),
    ):
        assert term in zh and english in zh
        assert english in en


def test_glossary_terms_in_articles_link_to_the_glossary(built_site, corpus):
    art = next(a for a in corpus.articles if a.authors == ["胡艺华"])
    for prefix in ("", "en/", "zh-Hant/"):
        html = read(built_site / prefix / "articles" / art.slug / "index.html")
        assert html.count('glossary/#term-xin-zhi-shengchanli"') == 1, prefix  # first use only
    glossary = read(built_site / "en" / "glossary" / "index.html")
    assert 'id="term-xin-zhi-shengchanli"' in glossary and "new quality productive forces" in glossary
