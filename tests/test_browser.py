"""Browser smoke test: real headless Chromium (Debian's) on the built site, served under /reader/."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser


def test_home_article_switcher_search(page, server, corpus):
    page.goto(server)
    assert page.locator("html").get_attribute("lang") == "zh"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "搜索"
    assert "数字中国文选" in page.title()
    # Open an article from the home page.
    art = corpus.articles[0]
    page.goto(server + "articles/")
    page.locator(f'a[href$="{art.slug}/"]').first.click()
    page.wait_for_url(f"**/articles/{art.slug}/")
    assert page.locator("h1").first.inner_text().startswith(art.title.split(" ")[0])
    assert page.locator(".wenku-meta").inner_text().count("徐华亮") == 1
    # The language switcher lands on the same article in English.
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(f"**/en/articles/{art.slug}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Search"
    translated = os.path.exists(os.path.join(ROOT, "docs", "articles", art.slug + ".en.md"))
    if translated:
        assert "Translated from the Chinese by the site's editors" in page.content()
    else:
        assert "English translation in preparation" in page.content()
    # (The notice on an untranslated page: test_english, on a site built without that translation.)
    # The search box is there and takes a query.
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("digital")
    page.keyboard.press("End")
    assert page.locator(".md-search__output").count() == 1
    assert page.errors == [], page.errors
    own = server.split("/reader/")[0]
    assert all(u.startswith(own) for u in page.requests), [u for u in page.requests if not u.startswith(own)]


def test_pages_have_no_console_errors_and_no_foreign_requests(page, server, corpus):
    own = server.split("/reader/")[0]
    paths = [
        "",
        "en/",
        "authors/",
        "en/sources/",
        "archive/",
        "about/",
        f"sources/{os.path.splitext(corpus.sources[0].name)[0].lower().replace('_', '-')}/",
    ]
    for path in paths:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    assert page.errors == [], page.errors
    assert all(u.startswith(own) for u in page.requests)


def test_chinese_text_renders_with_a_cjk_font(page, server, corpus, tmp_path):
    """A screenshot of an article with glyphs, not tofu: the rendered width of Chinese text is real."""
    art = corpus.articles[1]
    page.goto(server + f"articles/{art.slug}/")
    width = page.evaluate("""() => {
        const s = document.createElement('span'); s.textContent = '数字经济'; s.style.cssText = 'font-size:20px;position:absolute;display:inline-block;white-space:nowrap';
        document.body.appendChild(s); const w = s.getBoundingClientRect().width; s.remove(); return w; }""")
    assert 70 <= width <= 90  # four full-width glyphs at 20px
    page.screenshot(path=str(tmp_path / "article.png"))
    assert (tmp_path / "article.png").stat().st_size > 20_000


# The worker's answer is on screen: Material has written one of the edition's result counts (its own strings,
# from the page's __config) into the meta line, and the list holds that many results (Material renders the
# first ten at once, the rest on scrolling). The initializer, the placeholder and the empty meta _search leaves
# before typing are not answers.
ANSWERED = """() => {
    const t = JSON.parse(document.getElementById('__config').textContent).translations;
    const meta = document.querySelector('.md-search-result__meta').textContent.trim();
    const [before, after] = t['search.result.other'].split('#');
    let n = null;
    if (meta === t['search.result.none']) n = 0;
    else if (meta === t['search.result.one']) n = 1;
    else if (meta.startsWith(before) && meta.endsWith(after)) {
        const digits = meta.slice(before.length, meta.length - after.length);
        if (/^[0-9]+$/.test(digits)) n = +digits;
    }
    return n !== null && document.querySelectorAll('.md-search-result__item').length >= Math.min(n, 10);
}"""


def _search(page, query):
    """Type a query into Material's search box; return the result links once the worker's answer to it is shown.
    The meta line is emptied first, so that the count of an earlier query is not taken for this one's."""
    page.locator(".md-search__input").first.click()
    page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")  # Material's search reacts to key events
    page.wait_for_function(ANSWERED, timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def test_chinese_search_finds_articles(page, server, corpus):
    page.goto(server)
    links = _search(page, "养老")
    slug = next(a.slug for a in corpus.articles if a.authors == ["朱红莉"])
    assert any(slug in (h or "") for h in links), links
    assert not any("/en/" in (h or "") or "zh-Hant" in (h or "") for h in links)
    assert page.errors == [], page.errors


def test_fragment_of_a_longer_word_typed_in_the_search_box(page, server, corpus):
    # jieba keeps 国家统计局 whole; a reader typing 统计 must still find the article that cites it.
    art = next(a for a in corpus.articles if any("国家统计局" in b.text for b in a.blocks))
    page.goto(server + "topics/")
    links = _search(page, "统计")
    assert any(f"/articles/{art.slug}/" in (h or "") for h in links), links
    assert "<mark>统计</mark>" in page.locator(".md-search-result__list").inner_html()
    assert page.errors == [], page.errors


def test_english_search_searches_english_only(page, server, corpus):
    page.goto(server + "en/")
    slug = next(a.slug for a in corpus.articles if a.authors == ["朱红莉"])
    links = _search(page, "elderly")
    assert any(slug in (h or "") for h in links), links
    assert all("/en/" in (h or "") for h in links), links
    page.locator("input.md-search__input").fill("")
    assert _search(page, "养老") == []  # no Chinese results on the English site
    assert page.errors == [], page.errors


def test_traditional_query_finds_simplified_text(page, server, corpus):
    page.goto(server)
    links = _search(page, "數據要素")  # typed in traditional characters on the simplified edition
    assert any("/articles/" in (h or "") for h in links), links
    assert "<mark>数据要素</mark>" in page.locator(".md-search-result__list").inner_html()
    page.goto(server + "zh-Hant/")
    links = _search(page, "数据要素")  # and the other way round on the Traditional edition
    assert any("/zh-Hant/articles/" in (h or "") for h in links), links
    assert "<mark>數據要素</mark>" in page.locator(".md-search-result__list").inner_html()
    assert page.errors == [], page.errors


def test_one_character_and_traditional_one_character_queries_in_the_search_box(page, server, corpus):
    page.goto(server)
    links = _search(page, "税")
    with_tax = [a.slug for a in corpus.articles if any("税" in b.text for b in a.blocks)]
    assert any(f"/articles/{s}/" in (h or "") for s in with_tax for h in links), (links, with_tax)
    assert "<mark>税</mark>" in page.locator(".md-search-result__list").inner_html()
    page.locator("input.md-search__input").fill("")
    links = _search(page, "鏈")  # traditional, one character, on the simplified edition
    assert any("/articles/" in (h or "") for h in links), links
    assert "<mark>链</mark>" in page.locator(".md-search-result__list").inner_html()
    assert page.errors == [], page.errors


def test_search_keyboard_shortcut(page, server):
    page.goto(server + "en/")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    focused = page.evaluate("document.activeElement && document.activeElement.classList.contains('md-search__input')")
    assert focused
