"""The real site, built with --strict under a sub-path: pages, languages, alternates, links, origins."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import FIXTURES, ROOT, build_site, copy_build_files, read

SECTIONS = ["", "articles/", "authors/", "sources/", "archive/", "about/", "editors/"]


def test_every_article_in_both_languages(built_site, corpus):
    for art in corpus.articles:
        zh = built_site / "articles" / art.slug / "index.html"
        en = built_site / "en" / "articles" / art.slug / "index.html"
        assert zh.exists() and en.exists(), art.slug
        zh_html, en_html = read(zh), read(en)
        assert '<html lang="zh"' in zh_html and '<html lang="en"' in en_html
        assert art.title.split(" ")[0] in zh_html
        if os.path.exists(os.path.join(ROOT, "docs", "articles", f"{art.slug}.en.md")):
            assert "Translated from the Chinese by the site's editors" in en_html
            continue
        # An English page without a translation says so and shows the Chinese text.
        assert "English translation in preparation" in en_html
        assert 'lang="zh-Hans"' in en_html


@pytest.mark.parametrize("section", SECTIONS)
def test_index_pages_in_both_languages(built_site, section):
    zh = read(built_site / section / "index.html")
    en = read(built_site / "en" / section / "index.html")
    assert "<title>" in zh and "数字中国文选" in zh
    assert "Digital China Reader" in en
    # Material's own interface text per language (search box).
    assert 'placeholder="搜索"' in zh
    assert 'placeholder="Search"' in en


def test_language_switcher_and_hreflang_point_to_the_same_page(built_site, corpus):
    slug = corpus.articles[0].slug
    zh = read(built_site / "articles" / slug / "index.html")
    en = read(built_site / "en" / "articles" / slug / "index.html")
    assert f'href="../../en/articles/{slug}/" hreflang="en"' in zh
    assert f'href="../../../articles/{slug}/" hreflang="zh"' in en
    for html in (zh, en):
        assert f'hreflang="zh-Hans" href="http://127.0.0.1:8000/reader/articles/{slug}/"' in html
        assert f'hreflang="en" href="http://127.0.0.1:8000/reader/en/articles/{slug}/"' in html


def test_sitemap_has_language_alternates(built_site, corpus):
    sitemap = read(built_site / "sitemap.xml")
    slug = corpus.articles[0].slug
    assert f"<loc>http://127.0.0.1:8000/reader/articles/{slug}/</loc>" in sitemap
    assert f'hreflang="en" href="http://127.0.0.1:8000/reader/en/articles/{slug}/"' in sitemap
    assert "<lastmod>" not in sitemap  # no build date: builds are reproducible


def test_article_header_shows_metadata(built_site, corpus):
    art = corpus.articles[0]
    html = read(built_site / "articles" / art.slug / "index.html")
    header = html[html.index("wenku-article-header") : html.index("</header>", html.index("wenku-article-header"))]
    for text in ("作者", "徐华亮", "作者单位", "阅读时间", "来源文件", art.source, "清理报告", "基金项目"):
        assert text in header, text
    en = read(built_site / "en" / "articles" / art.slug / "index.html")
    assert "Xu Hualiang" in en and "Reading time" in en and "Source file" in en


class _Refs(HTMLParser):
    """Collects href/src of a page and the tags they sit on."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.refs.append((tag, name, value))


def _pages(site):
    for base, _, files in os.walk(site):
        for f in files:
            if f.endswith(".html"):
                yield os.path.join(base, f)


def test_internal_links_resolve(built_site):
    broken = []
    for page in _pages(built_site):
        rel = os.path.relpath(page, built_site).replace(os.sep, "/")
        base_url = "http://site/reader/" + rel
        parser = _Refs()
        parser.feed(read(page))
        for _tag, _, ref in parser.refs:
            url = urljoin(base_url, ref)
            parts = urlsplit(url)
            if parts.netloc != "site" or not parts.path.startswith("/reader/"):
                continue
            target = os.path.join(built_site, parts.path[len("/reader/") :])
            if not (os.path.isfile(target) or os.path.isfile(os.path.join(target, "index.html"))):
                broken.append((rel, ref))
    assert not broken, broken[:10]


def test_nothing_is_loaded_from_another_origin(built_site):
    offenders = []
    for page in _pages(built_site):
        html = read(page)
        assert 'http-equiv="Content-Security-Policy"' in html, page
        parser = _Refs()
        parser.feed(html)
        for tag, _attr, ref in parser.refs:
            if tag in ("script", "link", "img", "iframe", "source", "video", "audio") and re.match(
                r"^(https?:)?//", ref
            ):
                if not ref.startswith("http://127.0.0.1:8000/reader/"):
                    offenders.append((page, tag, ref))
    assert not offenders, offenders[:5]
    assert not any("fonts.googleapis" in read(p) for p in _pages(built_site))


def test_source_pages_show_the_cleaning_report(built_site, corpus):
    for src in corpus.sources:
        slug = os.path.splitext(src.name)[0].lower().replace("_", "-")
        html = read(built_site / "sources" / slug / "index.html")
        assert 'id="report"' in html
        assert (built_site / "sources" / "raw" / src.name).exists()
        kinds = {c.kind for c in src.report}
        assert all(k in html for k in kinds)


# ---------------------------------------------------------------- a small site of our own


def _small_project(tmp_path):
    """A copy of the project's build files with one small source and one hand-written article."""
    proj = tmp_path / "proj"
    copy_build_files(proj)
    shutil.copy(os.path.join(FIXTURES, "bundles", "interleaved_page.txt"), proj / "sources" / "100_page.txt")
    (proj / "sources" / "100_page.yml").write_text(
        "title: 测试版面\nkind: newspaper-page\nscript: simplified\n", encoding="utf-8"
    )
    return proj


def test_page_in_docs_wins_over_generated(tmp_path):
    proj = _small_project(tmp_path)
    slug = "yi-shuju-yaosu-jihuo-xianyu-jingji"
    (proj / "docs" / "articles").mkdir(exist_ok=True)
    (proj / "docs" / "articles" / f"{slug}.md").write_text(
        "---\ntitle: 以数据要素激活县域经济\narticle: true\nauthors: [王建国]\ndate: 2024-01\nslug: "
        + slug
        + "\nsource: 100_page.txt\nsource_lines: 2-30\nwords: 10\nreading_time: 1\nsource_url: ../../sources/100-page/\n---\n\n编辑手工校订的正文。\n",
        encoding="utf-8",
    )
    (proj / "docs" / "articles" / "shou-xie-de-wen-zhang.md").write_text(
        "---\ntitle: 编辑手写的文章\narticle: true\nauthors: [赵六]\ndate: 2024-03\ntopics: [rural]\n---\n\n手写正文。\n",
        encoding="utf-8",
    )
    result = build_site(str(proj), str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr[-2000:]
    html = read(tmp_path / "site" / "articles" / slug / "index.html")
    assert "编辑手工校订的正文" in html
    # A hand-written article of its own is listed like the generated ones.
    for index in ("articles", "authors", "archive", "topics/rural"):
        assert "编辑手写的文章" in read(tmp_path / "site" / index / "index.html"), index
    # Its English page says that there is no translation yet: no silent fallback to the Chinese page.
    en = read(tmp_path / "site" / "en" / "articles" / "shou-xie-de-wen-zhang" / "index.html")
    assert "English translation in preparation" in en and "手写正文" in en
    other = read(tmp_path / "site" / "articles" / "yi-keji-chuangxin-yinling-chanye-shengji" / "index.html")
    assert "科技创新是产业升级的根本动力" in other  # the rest stays generated


def test_build_fails_with_file_and_line_on_a_bad_sidecar(tmp_path):
    proj = _small_project(tmp_path)
    (proj / "sources" / "100_page.yml").write_text(
        "title: 测试\nkind: newspaper-page\ndate: 2024-13-45\n", encoding="utf-8"
    )
    result = build_site(str(proj), str(tmp_path / "site"))
    assert result.returncode != 0
    assert "sources/100_page.yml:3: 'date': bad date '2024-13-45'" in result.stderr + result.stdout


def test_traditional_chinese_edition(built_site, corpus):
    """A third edition at /zh-Hant/, converted from the Simplified text with OpenCC s2tw (script only)."""
    from wenku.script import to_traditional

    for art in corpus.articles:
        page = built_site / "zh-Hant" / "articles" / art.slug / "index.html"
        assert page.exists(), art.slug
    art = next(a for a in corpus.articles if a.authors == ["张尉琳"])
    html = read(built_site / "zh-Hant" / "articles" / art.slug / "index.html")
    assert '<html lang="zh-Hant"' in html
    assert 'placeholder="搜尋"' in html  # Material's zh-Hant interface
    assert to_traditional("习近平总书记在新时代推动中部地区崛起座谈会上强调") in html
    assert "张尉琳" not in html and "張尉琳" in html
    assert "作者單位" in html  # our own labels, converted
    for section in ("", "topics/", "authors/", "sources/", "archive/", "about/", "glossary/"):
        assert (built_site / "zh-Hant" / section / "index.html").exists(), section
    assert 'hreflang="zh-Hant"' in read(built_site / "sitemap.xml")


def test_search_index_per_edition(built_site):
    import json

    def parts(prefix):
        folder = built_site / prefix / "search" / "parts"
        return [json.loads(read(f)) for f in sorted(folder.iterdir())]

    zh, en, hant = parts(""), parts("en"), parts("zh-Hant")
    assert not any(p["location"].startswith(("en/", "zh-Hant/")) for p in zh)
    assert en and not any(re.search(r"[\u4e00-\u9fff]", p["text"] + p["title"]) for p in en)
    assert any("养老" in p["text"] for p in zh)
    assert any("養老" in p["text"] for p in hant)
    # Source pages with their long cleaning reports are not in search.
    assert not any(p["location"].startswith("sources/0") for p in zh)
    html = read(built_site / "en" / "articles" / "zhu-hongli-000-2" / "index.html")
    assert '"base": "../../../en/"' in html
