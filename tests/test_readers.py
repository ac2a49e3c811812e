"""What readers who study the texts rely on, on the real built site: a Traditional edition that changes the
script only, navigation and labels in each edition's language, feeds, paragraph and heading anchors, 404
pages, the downloadable corpus and the percentage charts."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT, read
from wenku.script import to_traditional
from wenku.site import editions, staging
from wenku.site.pages import feed

EDITIONS = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Tree(HTMLParser):
    """Text of a page with, for each run, the open elements around it as (tag, attrs) pairs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.runs: list[tuple[tuple, str]] = []
        self.elements: list[tuple[str, dict, tuple]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs, tuple(self.stack)))
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs), tuple(self.stack)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip():
            self.runs.append((tuple(self.stack), data))


def tree(path) -> Tree:
    t = Tree()
    t.feed(read(path))
    return t


def inside(stack, tag=None, cls=None, **attrs) -> bool:
    """Whether one of the open elements matches the tag, has the class, and has the attributes."""
    for t, a in stack:
        if tag and t != tag:
            continue
        if cls and cls not in (a.get("class") or "").split():
            continue
        if all(a.get(k.replace("_", "-")) == v for k, v in attrs.items()):
            return True
    return False


def article_pages(site, edition: str) -> list:
    folder = site / EDITIONS[edition].rstrip("/") / "articles" if EDITIONS[edition] else site / "articles"
    return sorted(p for p in folder.glob("*/index.html"))


def article_text(path) -> str:
    """The text of an article's body (the Markdown content, not the header, Cite box or navigation)."""
    t = tree(path)
    return "".join(
        text
        for stack, text in t.runs
        if inside(stack, "article")
        and not inside(stack, cls="wenku-article-header")
        and not inside(stack, cls="wenku-cite")
        and not inside(stack, cls="wenku-provenance")
        and not inside(stack, cls="headerlink")
        and not inside(stack, cls="wenku-article-footer")
    )


# ---------------------------------------------------------------- 1. the Traditional edition: script only

# Words that OpenCC's Taiwan phrase table (s2twp) would replace: a script-only edition keeps them.
VOCABULARY = {
    "数据": "資料",
    "人工智能": "人工智慧",
    "信息": "資訊",
    "软件": "軟體",
    "网络": "網路",
    "互联网": "網際網路",
}


def test_traditional_conversion_changes_script_not_words():
    assert to_traditional("数据要素") == "數據要素"
    assert to_traditional("人工智能") == "人工智能"
    assert to_traditional("信息化") == "信息化"
    assert to_traditional("发展数字经济") == "發展數字經濟"
    assert to_traditional("头发") == "頭髮"  # the phrase table still picks the right character
    for simplified, taiwan_word in VOCABULARY.items():
        assert taiwan_word not in to_traditional(f"推动{simplified}发展")


def test_traditional_edition_is_the_simplified_text_in_traditional_script(built_site):
    """Every article of the zh-Hant edition holds exactly the zh text converted character for character;
    no word the author used is swapped for the Taiwan term."""
    pages = article_pages(built_site, "zh")
    assert len(pages) > 20
    seen = {w: 0 for w in VOCABULARY}
    for zh_page in pages:
        hant_page = built_site / "zh-Hant" / zh_page.relative_to(built_site)
        zh, hant = article_text(zh_page), article_text(hant_page)
        assert hant == to_traditional(zh), zh_page.parent.name
        assert len(hant) == len(zh)
        for simplified, taiwan_word in VOCABULARY.items():
            n = zh.count(simplified)
            seen[simplified] += n
            assert hant.count(to_traditional(simplified)) >= n
            # a Taiwan word appears only where the author wrote its characters (资料 -> 資料)
            assert hant.count(taiwan_word) == zh.count(sitegen_simplified(taiwan_word))
    assert seen["数据"] > 100 and seen["人工智能"] > 20 and seen["信息"] > 10, seen


def sitegen_simplified(text: str) -> str:
    from wenku.script import to_simplified

    return to_simplified(text)


def test_traditional_search_folds_to_the_edition_script(built_site):
    """A Simplified query on the zh-Hant edition folds to the characters its text holds (數據, not 資料)."""
    import json

    fold = json.loads(read(built_site / "zh-Hant" / "search" / "fold.json"))
    assert fold.get("数") == "數" and fold.get("据") == "據"
    assert fold.get("为") == "為"  # Taiwan's standard form, as the edition's text has it (s2tw)


# ---------------------------------------------------------------- 2. navigation and interface labels


def _config():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    with open(os.path.join(ROOT, "mkdocs.yml"), encoding="utf-8") as fh:
        text = fh.read()
    # a key given twice would silently keep the last value: refuse it
    cfg = yaml.load(text, Loader=Loader)
    return text, cfg


def _nav_titles(nav) -> list[str]:
    out = []
    for item in nav:
        if isinstance(item, dict):
            for k, v in item.items():
                out.append(k)
                if isinstance(v, list):
                    out += _nav_titles(v)
    return out


def test_nav_translations_cover_every_title_once():
    text, cfg = _config()
    langs = {lang["locale"]: lang for lang in next(p["i18n"] for p in cfg["plugins"] if "i18n" in p)["languages"]}
    titles = _nav_titles(cfg["nav"])
    block = text[text.index("locale: zh-Hant") : text.index("\nnav:")]
    for title in titles:
        assert block.count(f" {title}:") == 1, f"zh-Hant nav_translations: {title} given {block.count(title)} times"
        assert not HAN.search(langs["en"]["nav_translations"][title]), title
        assert langs["zh-Hant"]["nav_translations"][title] == to_traditional(title), title
    zh, hant = cfg, langs["zh-Hant"]
    assert hant["site_name"] == to_traditional(zh["site_name"])
    assert hant["copyright"] == to_traditional(zh["copyright"])
    for i, entry in enumerate(zh["theme"]["palette"]):
        assert hant["theme"]["palette"][i]["toggle"]["name"] == to_traditional(entry["toggle"]["name"])
        assert not HAN.search(langs["en"]["theme"]["palette"][i]["toggle"]["name"])


def test_interface_labels_per_language():
    data = editions.labels()
    assert set(data["en"]) == set(data["zh"])
    for key, value in data["en"].items():
        assert not HAN.search(value), f"labels.yml en.{key}: {value}"
    for key, value in data["zh"].items():
        assert data["zh-Hant"][key] == to_traditional(value), key


def test_a_missing_label_names_the_file_and_the_key():
    assert editions.label("topics", "zh-Hant") == to_traditional(editions.label("topics", "zh"))
    with pytest.raises(LookupError, match=r"labels\.yml: no label 'no_such_label' for the 'en' edition"):
        editions.label("no_such_label", "en")
    with pytest.raises(LookupError, match=r"labels\.yml: no label 'no_such_label' for the 'zh-Hant' edition"):
        editions.labels()["zh-Hant"]["no_such_label"]  # the pages' lookups raise the same error
    with pytest.raises(LookupError, match=r"labels\.yml: no labels for the 'fr' edition"):
        editions.label("topics", "fr")


def test_page_kinds_hold_no_chinese_text():
    """The bilingual text of the generated pages is in sources/labels.yml, where editors change it, not in code."""
    folder = os.path.dirname(feed.__file__)
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                found = HAN.search(fh.read())
            assert not found, f"site/pages/{name}: Chinese text {found.group()!r} belongs in labels.yml"


CHROME_CLASSES = ("md-header", "md-tabs", "md-sidebar--primary", "md-footer", "md-search", "md-top")


@pytest.mark.parametrize(
    "rel",
    [
        "index.html",
        "articles/index.html",
        "about/index.html",
        "editors/index.html",
        "glossary/index.html",
        "topics/index.html",
    ],
)
def test_english_interface_has_no_chinese(built_site, rel):
    """Header, tabs, navigation, footer and search of English pages: English only (the language switcher
    names the other editions in their own script, marked with lang)."""
    t = tree(built_site / "en" / rel)

    def chrome(stack):  # the language switcher and the page's own table of contents are not interface
        return (
            any(inside(stack, cls=c) for c in CHROME_CLASSES)
            and not inside(stack, cls="md-select")
            and not inside(stack, cls="md-nav--secondary")
        )

    found = [text.strip() for stack, text in t.runs if chrome(stack) and HAN.search(text)]
    found += [
        f"{tag}[{name}]={attrs[name]}"
        for tag, attrs, stack in t.elements
        if chrome(stack + ((tag, attrs),))
        for name in ("title", "aria-label", "placeholder", "alt")
        if HAN.search(attrs.get(name) or "")
    ]
    assert len(t.runs) > 50
    assert not found, found


@pytest.mark.parametrize("rel", ["index.html", "articles/index.html", "about/index.html", "editors/index.html"])
def test_traditional_navigation_is_the_converted_simplified_navigation(built_site, rel):
    def nav(path):
        t = tree(path)
        return [
            text.strip()
            for stack, text in t.runs
            if inside(stack, cls="md-tabs")
            or (inside(stack, cls="md-sidebar--primary") and inside(stack, cls="md-nav__link"))
        ]

    zh, hant = nav(built_site / rel), nav(built_site / "zh-Hant" / rel)
    assert zh and hant == [to_traditional(x) for x in zh]
    assert "For editors" not in hant


# ---------------------------------------------------------------- 3. feeds


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2025-06-25", "Wed, 25 Jun 2025 00:00:00 +0000"),
        ("2023-08", "Tue, 01 Aug 2023 00:00:00 +0000"),
        ("2025", "Wed, 01 Jan 2025 00:00:00 +0000"),
        ("2023-02-30", None),
        ("待核实", None),
        (None, None),
    ],
)
def test_feed_dates(date, expected):
    from wenku.model import Article

    assert feed.feed_date(Article(source="x", slug="s", date=date)) == expected


def test_undated_article_is_dated_by_its_first_commit(corpus):
    """An article without a date is dated in the feed by the first commit of its source (git)."""
    import subprocess

    added = staging._added_dates(ROOT, corpus, [])
    undated = [a for a in corpus.articles if not a.date]
    assert undated
    for art in undated:
        path = next(os.path.relpath(s.path, ROOT) for s in corpus.sources if s.name == art.source)
        first = subprocess.run(
            ["git", "log", "--reverse", "--format=%cs", "--", path],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[0]
        assert added[art.slug] == first
        assert feed.feed_date(art, added) is not None


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_feed_per_edition(built_site, corpus, edition):
    """RSS 2.0 read back by feedparser: every item dated, described and linked into its own edition."""
    import feedparser

    base = "http://127.0.0.1:8000/reader/" + EDITIONS[edition]
    feed = feedparser.parse(read(built_site / EDITIONS[edition] / "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.language == {"zh": "zh-Hans", "en": "en", "zh-Hant": "zh-Hant"}[edition]
    assert feed.feed.link == base
    selves = [link.href for link in feed.feed.links if link.rel == "self"]
    assert selves == [base + "feed.xml"]
    assert len(feed.entries) == min(20, len(corpus.articles))
    by_slug = {a.slug: a for a in corpus.articles}
    dates, partial = [], 0
    for entry in feed.entries:
        assert entry.link.startswith(base + "articles/"), entry.link
        if edition != "zh-Hant":
            assert "/zh-Hant/" not in entry.link
        slug = entry.link.rstrip("/").split("/")[-1]
        assert (built_site / EDITIONS[edition] / "articles" / slug / "index.html").exists()
        art = by_slug[slug]
        assert entry.published_parsed, entry.title
        y, m, d = entry.published_parsed[:3]
        parts = (art.date or "").split("-")
        assert (y, m, d)[: len(parts)] == tuple(int(p) for p in parts), (art.date, entry.published)
        assert (m, d)[len(parts) - 1 :] == (1, 1)[len(parts) - 1 :]  # a partial date: its first day
        dates.append((y, m, d))
        partial += len(parts) < 3
        assert len(entry.description) > 20
        if edition == "zh-Hant":
            assert entry.title == to_traditional(art.title)
            assert entry.description == to_traditional(entry.description)  # already in Traditional script
        elif edition == "zh":
            assert HAN.search(entry.description)
    assert dates == sorted(dates, reverse=True)
    assert partial  # the seeds have month-only dates (2025-10) among the newest


# ---------------------------------------------------------------- 5. a 404 page per edition


def test_404_page_per_edition(built_site):
    pages = {lang: tree(built_site / prefix / "404.html") for lang, prefix in EDITIONS.items()}
    headings = {}
    for lang, t in pages.items():
        html_tag = next(attrs for tag, attrs, _ in t.elements if tag == "html")
        assert html_tag["lang"] == lang
        body = [
            text
            for stack, text in t.runs
            if inside(stack, "article") and not inside(stack, "p", lang="en") and not inside(stack, "p", lang="zh-Hant")
        ]
        headings[lang] = next(text for stack, text in t.runs if inside(stack, "article") and inside(stack, "h1"))
        assert "404" in headings[lang]
        links = [a.get("href") for tag, a, stack in t.elements if tag == "a" and inside(stack, "article")]
        assert f"/reader/{EDITIONS[lang]}articles/" in links, links
        if lang == "en":
            assert not any(HAN.search(x) for x in body), body
        else:
            assert HAN.search(headings[lang])
    assert headings["zh-Hant"] == to_traditional(headings["zh"]) != headings["zh"]
    # GitHub Pages serves the root page for every missing address: it points to the other editions
    root_links = {a.get("href") for tag, a, stack in pages["zh"].elements if tag == "a" and inside(stack, "article")}
    assert {"/reader/en/", "/reader/zh-Hant/"} <= root_links


# ---------------------------------------------------------------- 4. heading and paragraph anchors

from wenku.site import anchors  # noqa: E402

RE_PARA_ID = re.compile(r"^p(\d+)$")


def test_heading_slugs():
    assert anchors.slugify("（一）加强数据要素顶层设计", "-") == anchors.slugify("（一）加強數據要素頂層設計", "-")
    slug = anchors.slugify("（一）加强数据要素顶层设计", "-")
    assert re.fullmatch(r"[a-z0-9-]+", slug) and "shuju" in slug and len(slug) <= 40
    long = "Reorganise the factors of production in space and integrate them across regions for growth"
    assert len(anchors.slugify(long, "-")) <= 40 and anchors.slugify(long, "-").startswith("reorganise-")
    assert anchors.slugify("1.1", "-") == "s1-1"  # never a bare number
    assert anchors.slugify("、、", "-") == "section"


def test_paragraph_numbering_in_markdown():
    md = (
        "导语\n{: .wenku-deck }\n\n## 标题\n\n第一段\\*。\n\n- 列表\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        '!!! abstract "框"\n\n    框内\n\n第二段[术语](../glossary.md#term-x)。\n\n```\ncode\n\nmore\n```\n\n第三段'
    )
    out, texts = anchors.number_paragraphs(md)
    assert texts == ["导语", "第一段*。", "第二段术语。", "第三段"]
    assert "导语\n{: .wenku-deck #p1 }" in out and "第一段\\*。\n{: #p2 }" in out and out.endswith("第三段\n{: #p4 }")
    assert "框内\n{:" not in out and "code\n\nmore" in out
    en = (
        'Note.\n{: .wenku-translation-note }\n\nThird.\n\n??? quote "中文原文"\n\n    第三段\n\n'
        'First.\n\n??? quote "中文原文"\n\n    导语\n\nAn unmatched one.\n\n??? quote "中文原文"\n\n    别的\n'
    )
    numbered = anchors.number_translation(en, texts)
    assert "Third.\n{: #p4 }" in numbered and "First.\n{: #p1 }" in numbered
    assert "Note.\n{: .wenku-translation-note }\n" in numbered and "An unmatched one.\n\n" in numbered


def _content_ids(path):
    """(tag, id, text) of id-carrying elements in the article body, and the headings' ids."""
    t = tree(path)
    paras, heads = [], []
    for tag, attrs, stack in t.elements:
        if (
            attrs.get("id")
            and inside(stack, "article")
            and not inside(stack, cls="wenku-article-header")
            and not inside(stack, cls="wenku-cite")
        ):
            if tag == "p" and RE_PARA_ID.match(attrs["id"]):
                paras.append(attrs["id"])
            elif tag in ("h2", "h3", "h4"):
                heads.append(attrs["id"])
    return paras, heads


def _paragraph_texts(path) -> dict[str, str]:
    """pN -> the paragraph's text (white space removed)."""
    t = tree(path)
    out: dict[str, str] = {}
    for stack, text in t.runs:
        for tag, attrs in stack:
            if tag == "p" and RE_PARA_ID.match(attrs.get("id") or ""):
                out[attrs["id"]] = out.get(attrs["id"], "") + re.sub(r"\s+", "", text)
    return out


def test_paragraph_and_heading_ids_on_the_built_site(built_site):
    """zh and zh-Hant: p1 … pN in order, the same headings ids (pinyin, short); English pages without a
    translation: the Chinese numbering; English ids short."""
    for zh_page in article_pages(built_site, "zh"):
        rel = zh_page.relative_to(built_site)
        paras, heads = _content_ids(zh_page)
        assert paras == [f"p{i}" for i in range(1, len(paras) + 1)] and paras, rel
        assert _content_ids(built_site / "zh-Hant" / rel) == (paras, heads), rel
        for h in heads:
            assert re.fullmatch(r"[a-z0-9-]*[a-z][a-z0-9-]*(_\d+)?", h) and len(h) <= 43, (rel, h)
        en_paras, en_heads = _content_ids(built_site / "en" / rel)
        for h in en_heads:
            assert re.fullmatch(r"[a-z0-9-]*[a-z][a-z0-9-]*(_\d+)?", h) and len(h) <= 43, (rel, h)
        if not (ROOT_DOCS / f"{zh_page.parent.name}.en.md").exists():
            assert en_paras == paras, rel


ROOT_DOCS = __import__("pathlib").Path(ROOT) / "docs" / "articles"


def test_translation_paragraphs_carry_the_chinese_numbers(built_site):
    """Each numbered English paragraph's Chinese original box holds the Chinese paragraph of that number."""
    translations = sorted(ROOT_DOCS.glob("*.en.md"))
    assert translations
    numbered = 0
    for path in translations:
        slug = path.name[: -len(".en.md")]
        zh = _paragraph_texts(built_site / "articles" / slug / "index.html")
        t = tree(built_site / "en" / "articles" / slug / "index.html")
        current, boxes = None, {}
        for stack, text in t.runs:
            para = next((a["id"] for tag, a in stack if tag == "p" and RE_PARA_ID.match(a.get("id") or "")), None)
            box = inside(stack, "details")
            if para:
                current = para
            elif box and current and not inside(stack, "summary"):
                boxes[current] = boxes.get(current, "") + re.sub(r"\s+", "", text)
            elif not box and inside(stack, "p") and not inside(stack, "details"):
                current = None
        ids = _content_ids(built_site / "en" / "articles" / slug / "index.html")[0]
        assert len(ids) == len(set(ids)), slug
        for pid in ids:
            assert pid in zh, (slug, pid)
            if pid in boxes:
                from wenku.site.editions import label  # the page's note after a caption, not in the box

                assert boxes[pid].startswith(zh[pid].replace(label("figure_not_included", "zh"), "")[:30]), (
                    slug,
                    pid,
                    boxes[pid][:30],
                )
                numbered += 1
        blocks = path.read_text(encoding="utf-8").split("\n\n")
        after_paragraph = [
            b
            for prev, b in zip(blocks, blocks[1:], strict=False)
            if b.startswith("??? quote") and prev.strip() and not prev.startswith(("#", "-", "|", " ", "!", "?", "<"))
        ]
        assert len(ids) >= 0.9 * len(after_paragraph), slug
    assert numbered > 300


PARAGRAPH_IN_VIEW = """id => { const r = document.getElementById(id).getBoundingClientRect();
  return r.top >= -1 && r.top < window.innerHeight && r.bottom > 0; }"""
OPACITY = "sel => getComputedStyle(document.querySelector(sel)).opacity"


@pytest.mark.parametrize(
    "edition, slug, number",
    [("", "zhang-weilin-001-1", 9), ("en/", "zhang-weilin-001-1", 9), ("zh-Hant/", "zhu-hongli-000-2", 3)],
)
def test_paragraph_link_mark_in_the_browser(page, server, edition, slug, number):
    """The mark appears on hover and on keyboard focus; a click puts #pN in the address, scrolls the paragraph
    into view and copies the link; opening that link shows the paragraph."""
    origin = server.split("/reader/")[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page.goto(f"{server}{edition}articles/{slug}/")
    page.wait_for_function("document.documentElement.classList.contains('wenku-plinks')")
    pid = f"p{number}"
    mark = f"#{pid} > a.wenku-plink"
    assert page.locator("article p[id] > a.wenku-plink").count() >= number
    assert page.evaluate(OPACITY, mark) == "0"
    label = page.get_attribute(mark, "aria-label")
    assert str(number) in label and (HAN.search(label) if edition != "en/" else not HAN.search(label))
    page.hover(f"#{pid}")
    page.wait_for_function(f"() => ({OPACITY})('{mark}') === '1'")
    page.click(mark)
    page.wait_for_url(f"**/articles/{slug}/#{pid}")
    page.wait_for_function(PARAGRAPH_IN_VIEW, arg=pid)
    page.wait_for_selector(f"{mark}.wenku-plink--copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}{edition}articles/{slug}/#{pid}"
    page.mouse.move(0, 0)
    page.focus("#p1 > a.wenku-plink")  # by keyboard: the focused mark shows
    page.wait_for_function(f"() => ({OPACITY})('#p1 > a.wenku-plink') === '1'")
    other = page.context.new_page()
    other_errors = []
    other.on("pageerror", lambda e: other_errors.append(str(e)))
    other.goto(f"{server}{edition}articles/{slug}/#{pid}")
    other.wait_for_function(PARAGRAPH_IN_VIEW, arg=pid)
    assert other.evaluate(f"document.querySelector('#{pid}').matches(':target')")
    assert not page.errors and not other_errors


def test_paragraph_link_mark_on_touch(browser, server):
    """On a touch screen the mark is shown without hovering, and a tap on it gives the link."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True, is_mobile=True)
    try:
        pg = context.new_page()
        pg.goto(server + "articles/zhang-weilin-001-1/")
        pg.wait_for_function("document.documentElement.classList.contains('wenku-plinks')")
        pg.wait_for_function(f"() => ({OPACITY})('#p4 > a.wenku-plink') === '1'")
        pg.tap("#p4 > a.wenku-plink")
        pg.wait_for_url("**#p4")
        pg.wait_for_function(PARAGRAPH_IN_VIEW, arg="p4")
    finally:
        context.close()


# ---------------------------------------------------------------- 6. data for researchers


def _records(site, edition):
    import json

    lines = read(site / EDITIONS[edition] / "data" / "articles.jsonl").splitlines()
    return [json.loads(line) for line in lines]


def test_data_files_per_edition(built_site, corpus):
    """articles.jsonl (json) and articles.csv (csv) of every edition: one record per article, links into the
    edition, the text as the page shows it, source lines inside the source, CSV = JSONL metadata."""
    import csv
    import io
    from urllib.parse import urlsplit

    from wenku.site.corpusdata import CSV_FIELDS, FIELDS

    records = {lang: _records(built_site, lang) for lang in EDITIONS}
    slugs = [r["slug"] for r in records["zh"]]
    assert sorted(slugs) == sorted(a.slug for a in corpus.articles)
    by_slug = {a.slug: a for a in corpus.articles}
    for lang, recs in records.items():
        assert [r["slug"] for r in recs] == slugs
        for r in recs:
            assert tuple(r) == FIELDS
            assert r["edition"] == lang and r["language"] == {"zh": "zh-Hans"}.get(lang, lang)
            path = urlsplit(r["url"]).path
            assert path == f"/reader/{EDITIONS[lang]}articles/{r['slug']}/", path
            assert (built_site.parent / path.strip("/") / "index.html").exists()
            art = by_slug[r["slug"]]
            assert r["date"] == (art.date or None) and r["source"] == art.source
            start, end = (int(x) for x in r["source_lines"].split("-"))
            src = next(s for s in corpus.sources if s.name == art.source)
            with open(src.path, "rb") as fh:
                assert 1 <= start <= end <= fh.read().count(b"\n") + 1
            assert (built_site.parent / urlsplit(r["source_raw"]).path.strip("/")).exists()
            assert (built_site.parent / urlsplit(r["source_page"]).path.strip("/") / "index.html").exists()
            if lang != "zh":
                assert r["text_zh"] == next(x for x in records["zh"] if x["slug"] == r["slug"])["text"]
        table = list(
            csv.DictReader(io.StringIO(read(built_site / EDITIONS[lang] / "data" / "articles.csv"), newline=""))
        )
        assert tuple(table[0]) == CSV_FIELDS and len(table) == len(recs)
        for row, r in zip(table, recs, strict=False):
            for key in CSV_FIELDS:
                value = "; ".join(r[key]) if isinstance(r[key], list) else ("" if r[key] is None else str(r[key]))
                assert row[key] == value, (lang, r["slug"], key)
    for zh, hant in zip(records["zh"], records["zh-Hant"], strict=False):
        assert hant["text"] == to_traditional(zh["text"]) and hant["title"] == to_traditional(zh["title"])
    # the text is the page's: every numbered paragraph of the page is a line of it
    for r in records["zh"]:
        paragraphs = _paragraph_texts(built_site / "articles" / r["slug"] / "index.html")
        lines = {re.sub(r"\s+", "", line) for line in r["text"].split("\n")}
        missing = [p for p, text in paragraphs.items() if text.replace("¶", "") not in lines]
        assert not missing, (r["slug"], missing[:3])
    for r in records["en"]:
        translated = r["translation_status"] in ("translated", "outdated")
        assert (r["text"] is not None) == translated == (r["translation_url"] is not None)
        if translated:
            first = r["text"].split("\n")[0]  # English (a Chinese title may be quoted in it)
            assert len(HAN.findall(first)) < 0.1 * len(first) and r["text_zh"].split("\n")[0] not in r["text"]
            assert r["translation_url"] == r["url"]


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_about_page_links_to_the_data(built_site, edition):
    t = tree(built_site / EDITIONS[edition] / "about" / "index.html")
    links = {a.get("href") for tag, a, stack in t.elements if tag == "a" and inside(stack, "article")}
    assert {"../data/articles.jsonl", "../data/articles.csv"} <= links, links
    headings = [attrs.get("id") for tag, attrs, _ in t.elements if tag in ("h2", "h3")]
    assert "data" in headings


# ---------------------------------------------------------------- 7. bar charts of percentage tables

from wenku.site import charts  # noqa: E402

SVG_ELEMENTS = {"svg", "g", "rect", "text", "title", "line"}
SVG_ATTRIBUTES = {"class", "role", "viewbox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "lang"}


def _table(rows, head=("项目", "占比")):
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table>\n<thead>\n<tr>{cells}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>"


def _svg_parts(svg: str):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(svg)
    return root, [(el.tag, dict(el.attrib)) for el in root.iter()]


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([("商业模式", "60%"), ("技术", "40%")], [60, 40]),
        ([("a", "33%"), ("b", "33%"), ("c", "33%")], [33, 33, 33]),  # rounding: 99
        ([("a", "12.5 %"), ("b", "87.5％")], [12.5, 87.5]),
        ([("a", "60%"), ("b", "20%")], None),  # a part of a whole is missing
        ([("a", "60%"), ("b", "n/a")], None),
        ([("a", "100%")], None),  # one row: nothing to compare
    ],
)
def test_percentage_tables_are_recognised(rows, expected):
    data = charts.percentage_table(_table(rows))
    assert (data and data["values"]) == expected or (data is None and expected is None)


def test_chart_svg_is_small_and_labelled():
    html = "<p><strong>评估要素</strong></p>\n" + _table(
        [("", "商业模式", "60%"), ("辅助", "技术&amp;人才", "40%")], head=("类别", "项目", "占比")
    )
    out = charts.add_charts(html, "{caption}：各项占比")
    assert out.endswith(html[html.index("<table") :])  # the table stays, after the chart
    svg = out[out.index("<svg") : out.index("</svg>") + 6]
    root, parts = _svg_parts(svg)
    assert {tag.split("}")[-1] for tag, _ in parts} <= SVG_ELEMENTS
    assert all({a.lower() for a in attrs} <= SVG_ATTRIBUTES for _, attrs in parts), parts
    assert root.get("role") == "img" and root[0].tag == "title" and root[0].text == "评估要素：各项占比"
    texts = [el.text for el in root.iter("text")]
    assert "商业模式" in texts and "技术&人才" in texts and "60%" in texts and "辅助" in texts  # legend
    bars = [float(r.get("width")) for r in root.iter("rect") if float(r.get("width")) > 12]
    assert bars[0] / bars[1] == pytest.approx(60 / 40)
    assert (
        charts.add_charts("<details><p>x</p>" + _table([("a", "50%"), ("b", "50%")]) + "</details>", "{caption}").count(
            "<svg"
        )
        == 0
    )  # a Chinese original box gets no second chart


CHART_PAGE = "articles/difang-zhengfu-peiyu-rengongzhineng-chanye-de-celve-jianyi/index.html"


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_charts_on_the_slide_deck(built_site, edition):
    """The two 专精特新 evaluation-weight tables of the slide deck are drawn as bar charts in every edition,
    titled in the edition's language, bars in proportion, tables kept."""
    html = read(built_site / EDITIONS[edition] / CHART_PAGE)
    svgs = re.findall(r"<svg class=\"wenku-chart\".*?</svg>", html, re.S)
    assert len(svgs) == 2
    titles = []
    for svg in svgs:
        assert "style=" not in svg and "href" not in svg and "<script" not in svg
        root, parts = _svg_parts(svg)
        assert {tag.split("}")[-1] for tag, _ in parts} <= SVG_ELEMENTS
        titles.append(root[0].text)
        table = html[html.index(svg) + len(svg) :]
        table = table[: table.index("</table>")]
        assert table.lstrip().startswith("<table")
        data = charts.percentage_table(table)
        assert 99 <= sum(data["values"]) <= 101
        rows = [el for el in root.iter("rect") if "wenku-chart__bar" in el.get("class")][: len(data["values"])]
        widths = [float(r.get("width")) for r in rows]
        assert [round(w / max(widths) * max(data["values"])) for w in widths] == [round(v) for v in data["values"]]
        assert [el.text for el in root.iter("text")][0::2][: len(data["labels"])] == data["labels"]
    if edition == "en":
        assert "medium-sized" in titles[0] and "small" in titles[1] and not HAN.search(titles[0])
    else:
        expected = [
            "中型专精特新企业评估关键要素：各项占比（条形图，数值见下表）",
            "小微型专精特新企业评估关键要素：各项占比（条形图，数值见下表）",
        ]
        assert titles == (expected if edition == "zh" else [to_traditional(t) for t in expected])


def test_charts_render_as_named_images(page, server):
    page.goto(server + "en/" + CHART_PAGE.replace("index.html", ""))
    images = page.get_by_role("img", name=re.compile("Key factors in evaluating"))
    assert images.count() == 2
    box = images.first.bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    assert page.evaluate("getComputedStyle(document.querySelector('.wenku-chart__bar')).fill") != "rgb(0, 0, 0)"


def test_simplified_pages_hold_no_traditional_forms(built_site):
    """A Traditional character on a Simplified page would stop the search folding it (fold.json keeps only
    characters the edition's text lacks): 數據要素 typed on the Simplified edition must still find 数据要素."""
    import json

    fold = json.loads(read(built_site / "search" / "fold.json"))
    assert fold.get("數") == "数" and fold.get("據") == "据"


@pytest.fixture(scope="module")
def axe_js():
    import pathlib

    import axe_playwright_python

    return (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [f"{prefix}{CHART_PAGE.replace('index.html', '')}" for prefix in EDITIONS.values()]
    + [f"{prefix}404.html" for prefix in EDITIONS.values()],
)
def test_charts_marks_and_404_pass_axe(browser, server, axe_js, path, scheme):
    """axe-core finds nothing serious on the chart page (charts, paragraph marks shown) and the 404 pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        pg = context.new_page()
        assert pg.goto(server + path).status == 200
        if "articles/" in path:
            pg.wait_for_function("document.documentElement.classList.contains('wenku-plinks')")
            pg.hover("#p2")
            pg.wait_for_function(f"() => ({OPACITY})('#p2 > a.wenku-plink') === '1'")
        pg.evaluate(axe_js)
        result = pg.evaluate("""() => axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})""")
        bad = [
            (v["impact"], v["id"], [n["target"] for n in v["nodes"][:5]])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == [], bad
    finally:
        context.close()
