"""Citing and sharing articles: the citation styles, the .bib/.ris files (read back by bibtexparser and
rispy), citation_* meta and JSON-LD on the real site, Open Graph, x-default, last updated from git."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
import yaml
from bibtexparser.middlewares import LatexDecodingMiddleware

from conftest import FIXTURES, ROOT, build_site, copy_build_files, read
from wenku.site import citation, provenance
from wenku.site.langmark import mark_chinese

CASES = yaml.safe_load(open(os.path.join(FIXTURES, "citation", "cases.yml"), encoding="utf-8"))
EDITIONS = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}


# ---------------------------------------------------------------- the module


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_citation_styles(case):
    work = citation.work_from_page(case["meta"], case["lang"], case["url"], case["site_name"])
    assert citation.gbt(work) == case["gbt"]
    assert citation.chicago(work) == case["chicago"]
    assert citation.apa(work) == case["apa"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-06-25", (2025, 6, 25)),
        (dt.date(2025, 6, 25), (2025, 6, 25)),
        ("2023-08", (2023, 8)),
        (2025, (2025,)),
        ("2025", (2025,)),
        (None, None),
        ("", None),
        ("2023-13", None),
        ("2023-02-30", None),
        ("待核实", None),
        ("2023年8月", None),
    ],
)
def test_dates_are_parsed_at_the_precision_given(value, expected):
    assert citation.parse_date(value) == expected


@pytest.mark.parametrize(
    "date, iso, chicago, apa, ris, highwire",
    [
        ((2025, 6, 25), "2025-06-25", "June 25, 2025", "(2025, June 25)", "2025/06/25/", "2025/06/25"),
        ((2023, 8), "2023-08", "August 2023", "(2023, August)", "2023/08//", "2023/08"),
        ((2025,), "2025", "2025", "(2025)", "2025///", "2025"),
        (None, None, "n.d.", "(n.d.)", None, None),
    ],
)
def test_partial_and_unknown_dates_in_every_format(date, iso, chicago, apa, ris, highwire):
    assert citation.iso_date(date) == iso
    assert citation.chicago_date(date) == chicago
    assert citation.apa_date(date) == apa
    assert citation.ris_date(date) == ris
    assert citation.highwire_date(date) == highwire


def _work(**meta):
    base = {
        "title": "标题",
        "slug": "s",
        "authors": ["朱红莉"],
        "date": "2023-08",
        "publication": "湖南日报",
        "source_kind": "newspaper-page",
    }
    base.update(meta)
    return citation.work_from_page(base, "zh", "https://example.org/articles/s/", "数字中国文选")


def test_bibtex_of_a_month_date_has_no_day_and_an_unknown_date_no_year():
    entry = bibtexparser.parse_string(citation.bibtex(_work())).entries[0]
    assert entry.entry_type == "article" and entry.key == "s"
    assert (entry["year"], entry["month"], entry["date"]) == ("2023", "8", "2023-08")
    assert entry["author"] == "{朱红莉}"  # a Chinese name taken whole
    entry = bibtexparser.parse_string(citation.bibtex(_work(date=None, publication=None))).entries[0]
    assert entry.entry_type == "misc"
    assert not {"year", "month", "date"} & set(entry.fields_dict)


def test_untrusted_title_cannot_break_the_bib_ris_or_json_ld():
    title = "a}b{c %d \\e &f_ #g $h ~i ^j\nTY  - JOUR\nER  - </script><!--x"
    work = _work(title=title, authors=["Zhu, Hongli", "罗海云"])
    lib = bibtexparser.parse_string(citation.bibtex(work), append_middleware=[LatexDecodingMiddleware()])
    assert not lib.failed_blocks and len(lib.entries) == 1
    assert lib.entries[0]["title"].replace("ˆ", "^") == " ".join(title.split())
    records = rispy.loads(citation.ris(work))
    assert len(records) == 1 and records[0]["type_of_reference"] == "NEWS"
    assert records[0]["title"] == " ".join(title.split())
    assert records[0]["authors"] == ["Zhu, Hongli", "罗海云"]
    text = citation.script_json(citation.json_ld(work))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == " ".join(title.split())


def test_json_ld_is_based_on_the_source_page_and_its_original_address():
    work = _work(source="001_x.txt", source_title="湖北日报网页", source_original_url="https://example.org/a.html")
    work.source_url = "https://example.org/reader/sources/001-x/"
    based = citation.json_ld(work)["isBasedOn"]
    assert based == {
        "@type": "CreativeWork",
        "name": "湖北日报网页",
        "url": work.source_url,
        "@id": work.source_url,
        "sameAs": "https://example.org/a.html",
    }
    work.source_original_url = "javascript:alert(1)"
    assert "sameAs" not in citation.json_ld(work)["isBasedOn"]


def test_names_in_each_style():
    assert citation.apa_name("Zhu Hongli") == "Zhu, H."
    assert citation.apa_name("Ouyang Xiu-wen") == "Ouyang, X.-W."
    assert citation.apa_name("朱红莉") == "朱红莉"
    assert citation.gbt_name("Zhu Hongli") == "ZHU Hongli"
    assert citation.inverted_name("Luo Haiyun") == "Luo, Haiyun"


def test_last_changed_reads_every_file_in_one_git_call(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    (repo / "sources").mkdir(parents=True)
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )

    def commit(date, files):
        for f in files:
            (repo / f).write_text(f + date, encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        subprocess.run(
            ["git", "commit", "-qm", date],
            cwd=repo,
            check=True,
            env=dict(env, GIT_AUTHOR_DATE=f"{date}T12:00:00Z", GIT_COMMITTER_DATE=f"{date}T12:00:00Z"),
        )

    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    commit("2024-01-05", ["sources/a.txt", "sources/a.yml", "sources/数据.txt"])
    commit("2024-03-09", ["sources/a.yml"])
    calls = []
    real = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a) or real(*a, **k))
    dates = provenance.last_changed(str(repo))
    assert len(calls) == 1
    assert dates == {"sources/a.txt": "2024-01-05", "sources/a.yml": "2024-03-09", "sources/数据.txt": "2024-01-05"}
    assert provenance.last_updated(["sources/a.yml", "sources/a.txt"], dates) == "2024-03-09"
    assert provenance.last_updated(["sources/new.yml"], dates) is None
    assert provenance.last_changed(str(tmp_path)) == {}  # no repository: nothing is invented


def test_page_files_and_correction_link(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "t.en.md").write_text("x", encoding="utf-8")
    meta = {"source": "000_x.txt", "generated": True}
    assert provenance.page_files("articles/s.md", meta, str(tmp_path)) == ["sources/000_x.yml", "sources/000_x.txt"]
    assert provenance.page_files("articles/s.zh-Hant.md", meta, str(tmp_path))[0] == "sources/000_x.yml"
    assert provenance.page_files("articles/t.en.md", {"source": "000_x.txt"}, str(tmp_path)) == [
        "docs/articles/t.en.md"
    ]
    assert provenance.page_files("articles/u.md", {"source": "../../etc/passwd"}, str(tmp_path)) == []
    assert (
        provenance.correction_link("https://github.com/o/r/", "main", "sources/a.yml")
        == "https://github.com/o/r/edit/main/sources/a.yml"
    )
    assert provenance.correction_link("", "main", "sources/a.yml") is None


def test_chinese_runs_on_english_pages_get_a_lang():
    html = (
        '<html lang="en"><head><title>数据</title></head><body><p>Xu Hualiang (徐华亮) wrote “数据要素×”，'
        '2023年8月.</p><a title="标题" href="#">数据</a><div lang="zh-Hans"><p>已标记</p></div>'
        '<script>var s="脚本";</script><p>English only</p></body></html>'
    )
    out = mark_chinese(html)
    assert "<title>数据</title>" in out and 'var s="脚本"' in out and 'title="标题"' in out
    assert '(<span lang="zh-Hans">徐华亮</span>)' in out
    assert '<span lang="zh-Hans">“数据要素×”，2023年8月</span>' in out
    assert '<a title="标题" href="#"><span lang="zh-Hans">数据</span></a>' in out
    assert "<p>已标记</p>" in out and out.count("<span") == 3
    assert mark_chinese("<body><p>English</p></body>") == "<body><p>English</p></body>"


# ---------------------------------------------------------------- the real site


class _Head(HTMLParser):
    """meta tags, links and JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.append((a.get("name") or a.get("property"), a.get("content", "")))
        elif tag == "link":
            self.links.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def _head(path) -> _Head:
    h = _Head()
    h.feed(read(path))
    return h


SITE = "http://127.0.0.1:8000/reader/"


def _url(lang, slug):
    return f"{SITE}{EDITIONS[lang]}articles/{slug}/"


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_every_article_page_has_citation_meta_json_ld_and_files(built_site, corpus, lang):
    for art in corpus.articles:
        folder = built_site / EDITIONS[lang] / "articles" / art.slug
        head = _head(folder / "index.html")
        meta = dict(head.meta)
        assert meta["citation_title"] and meta["citation_language"] == ("en" if lang == "en" else "zh"), art.slug
        assert meta["citation_publisher"] and meta["citation_fulltext_html_url"] == _url(lang, art.slug)
        date = citation.parse_date(art.date)
        assert meta.get("citation_publication_date") == citation.highwire_date(date)
        if art.publication:
            assert meta["citation_journal_title"]
        assert len([v for k, v in head.meta if k == "citation_author"]) == len(art.authors)
        # JSON-LD, parsed with json.
        assert len(head.json_ld) == 1
        data = json.loads(head.json_ld[0])
        assert data["@type"] in ("NewsArticle", "ScholarlyArticle") and data["url"] == _url(lang, art.slug)
        assert data.get("datePublished") == citation.iso_date(date)
        if lang == "zh":
            sidecar = next(src.sidecar for src in corpus.sources if src.name == art.source)
            assert data["isBasedOn"]["name"] == (sidecar.get("title") or art.source)
        based = data["isBasedOn"]["url"]
        assert based.startswith(SITE) and (built_site / based[len(SITE) :] / "index.html").exists()
        if lang == "en":
            assert data["translationOfWork"]["@id"] == _url("zh", art.slug)
        else:
            assert "translationOfWork" not in data
        # The .bib and .ris files beside the page, read back by real parsers.
        lib = bibtexparser.parse_string(read(folder / "cite.bib"))
        assert not lib.failed_blocks and len(lib.entries) == 1
        entry = lib.entries[0]
        assert entry["url"] == _url(lang, art.slug)
        if date:
            assert entry["year"] == str(date[0])
        else:
            assert "year" not in entry.fields_dict and "date" not in entry.fields_dict
        if date and len(date) < 3:
            assert entry["date"] == citation.iso_date(date)  # no invented day
        records = rispy.loads(read(folder / "cite.ris"))
        assert len(records) == 1 and records[0]["urls"] == [_url(lang, art.slug)]
        assert records[0].get("date") == citation.ris_date(date)
        assert len(records[0].get("authors", [])) == len(art.authors)
        # The Cite box links to them and shows the three styles.
        html = read(folder / "index.html")
        box = html[
            html.index('<details class="wenku-cite"') : html.index("</details>", html.index('class="wenku-cite"'))
        ]
        assert 'href="cite.bib"' in box and 'href="cite.ris"' in box
        assert box.count('class="wenku-cite__text"') == 3 and "GB/T 7714-2015" in box and "<script" not in box


def test_an_english_translation_is_cited_as_a_translation_with_its_original_outlet(built_site, corpus):
    art = next(
        a
        for a in corpus.articles
        if a.publication and os.path.exists(os.path.join(ROOT, "docs", "articles", f"{a.slug}.en.md"))
    )
    folder = built_site / "en" / "articles" / art.slug
    data = json.loads(_head(folder / "index.html").json_ld[0])
    assert data["inLanguage"] == "en" and data["translator"]["name"]
    assert data["translationOfWork"]["name"] == art.title
    assert data["isPartOf"]["name"] == art.publication_en
    entry = bibtexparser.parse_string(read(folder / "cite.bib")).entries[0]
    assert entry["journal"] == art.publication_en and "Translated from the Chinese" in entry["note"]


def test_open_graph_and_description_on_every_page(built_site):
    pages = [p for p in built_site.rglob("index.html") if "raw" not in p.parts]
    assert len(pages) > 150
    for path in pages:
        head = _head(path)
        meta = dict(head.meta)
        rel = path.parent.relative_to(built_site).as_posix()
        for prop in ("og:title", "og:description", "og:type", "og:url", "og:locale", "og:site_name", "description"):
            assert meta.get(prop), (rel, prop)
        assert meta["og:url"] == SITE + (rel + "/" if rel != "." else ""), rel
        assert meta["og:locale"] == {"en": "en_GB", "zh-Hant": "zh_TW"}.get(rel.split("/")[0], "zh_CN")
        assert len(meta["description"]) <= 160
        assert [m for m in head.meta if m[0] == "description"] == [("description", meta["description"])]
        if "/articles/" in f"/{rel}/" and rel.split("/")[-1] != "articles":
            assert meta["og:type"] == "article", rel


def test_article_description_is_the_summary_or_the_first_paragraph(built_site, corpus):
    with_summary = next(a for a in corpus.articles if a.summary)
    meta = dict(_head(built_site / "articles" / with_summary.slug / "index.html").meta)
    assert meta["description"][:20] == " ".join(with_summary.summary.split())[:20]
    without = next(a for a in corpus.articles if not a.summary)
    meta = dict(_head(built_site / "articles" / without.slug / "index.html").meta)
    first = next(b.text for b in without.blocks if b.kind == "p" and len(b.text) >= 10)
    assert meta["description"][:15] == first[:15]


def test_sitemap_and_pages_have_x_default(built_site, corpus):
    sitemap = read(built_site / "sitemap.xml")
    urls = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    assert urls and all('hreflang="x-default"' in u for u in urls)
    slug = corpus.articles[0].slug
    block = next(u for u in urls if f"<loc>{SITE}en/articles/{slug}/</loc>" in u)
    assert f'hreflang="x-default" href="{SITE}articles/{slug}/"' in block
    links = _head(built_site / "en" / "articles" / slug / "index.html").links
    assert any(link.get("hreflang") == "x-default" and link["href"] == f"{SITE}articles/{slug}/" for link in links)


def _git_date(files):
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *files], cwd=ROOT, capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else ""


def test_last_updated_is_the_last_commit_of_the_article_files(built_site, corpus):
    if not _git_date(["sources"]):
        pytest.skip("no git history here (a copy of the project outside its repository)")
    for art in corpus.articles[:6]:
        stem = os.path.splitext(art.source)[0]
        files = [f"sources/{stem}.yml", f"sources/{art.source}"]
        expected = {"zh": _git_date(files), "zh-Hant": _git_date(files)}
        en = f"docs/articles/{art.slug}.en.md"
        expected["en"] = _git_date([en]) if os.path.exists(os.path.join(ROOT, en)) else _git_date(files)
        for lang, date in expected.items():
            html = read(built_site / EDITIONS[lang] / "articles" / art.slug / "index.html")
            if not date:
                assert "wenku-updated" not in html
                continue
            assert '<div class="wenku-updated"><dt>' in html and f'<time datetime="{date}">{date}</time>' in html
            assert (
                json.loads(_head(built_site / EDITIONS[lang] / "articles" / art.slug / "index.html").json_ld[0])[
                    "dateModified"
                ]
                == date
            )
        # The file an editor changes.
        assert f"<code>{files[0]}</code>" in read(built_site / "articles" / art.slug / "index.html")


def test_without_git_history_no_date_is_invented_and_the_repository_gives_correction_links(tmp_path, monkeypatch):
    import shutil

    proj = tmp_path / "proj"
    copy_build_files(proj)  # a copy outside the repository: git knows none of its files
    shutil.copy(os.path.join(FIXTURES, "bundles", "interleaved_page.txt"), proj / "sources" / "100_page.txt")
    (proj / "sources" / "100_page.yml").write_text(
        "title: 测试版面\nkind: newspaper-page\nscript: simplified\npublication: 测试日报\ndate: 2024-01\n",
        encoding="utf-8",
    )
    (proj / "docs" / "articles" / "shou-xie-de-wen-zhang.md").write_text(
        "---\ntitle: 编辑手写的文章\narticle: true\nauthors: [赵六]\ndate: 2024-03\n---\n\n手写正文。\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("REPO_URL", "https://github.com/example/reader")
    result = build_site(str(proj), str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr[-3000:]
    slug = "yi-shuju-yaosu-jihuo-xianyu-jingji"
    for lang in EDITIONS:
        for page, editor_file in (
            (slug, "sources/100_page.yml"),
            ("shou-xie-de-wen-zhang", "docs/articles/shou-xie-de-wen-zhang.md"),
        ):
            folder = tmp_path / "site" / EDITIONS[lang] / "articles" / page
            html = read(folder / "index.html")
            assert "wenku-updated" not in html and "dateModified" not in html
            assert f'href="https://github.com/example/reader/edit/main/{editor_file}"' in html, (lang, page)
            entry = bibtexparser.parse_string(read(folder / "cite.bib")).entries[0]
            assert entry.key == page + {"zh": "", "en": "-en", "zh-Hant": "-zh-hant"}[lang]
            assert entry["date"] == ("2024-01" if page == slug else "2024-03")
            assert "day" not in entry.fields_dict
