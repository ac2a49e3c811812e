"""Accessibility (WCAG 2.2 AA) in real Chromium: axe-core on every page kind of the three editions in the
light scheme and of zh and en in the dark one (SCHEMES), Chinese text on English pages marked with lang, and keyboard use of the search
dialog, the language switcher, the original boxes and the Cite box.

axe-core comes from the pinned PyPI package axe-playwright-python (requirements.txt), which ships
axe.min.js; the test injects that file itself, so `make test` needs no npm.
"""

from __future__ import annotations

import os
import pathlib

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

EDITIONS = {"zh": "", "en": "en/", "zh-Hant": "zh-Hant/"}
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="session")
def axe_script():
    import axe_playwright_python

    path = pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("/*! axe v4."), text[:40]
    return text


def _translated(slug: str) -> bool:
    return os.path.exists(os.path.join(ROOT, "docs", "articles", f"{slug}.en.md"))


def _translated_with_originals(corpus) -> str:
    """An article whose English translation has Chinese original boxes."""
    for art in corpus.articles:
        path = os.path.join(ROOT, "docs", "articles", f"{art.slug}.en.md")
        if os.path.exists(path) and '??? quote "中文原文"' in open(path, encoding="utf-8").read():
            return art.slug
    pytest.fail("no translation with Chinese original boxes")


def page_kinds(corpus) -> dict[str, str]:
    """One page of each kind (path under an edition)."""
    untranslated = next((a.slug for a in corpus.articles if not _translated(a.slug)), corpus.articles[0].slug)
    source = os.path.splitext(corpus.sources[0].name)[0].lower().replace("_", "-")
    return {
        "home": "",
        "article": f"articles/{untranslated}/",
        "translated article": f"articles/{_translated_with_originals(corpus)}/",
        "articles": "articles/",
        "topic": "topics/ai/",
        "authors": "authors/",
        "sources": "sources/",
        "source page": f"sources/{source}/",
        "archive": "archive/",
        "glossary": "glossary/",
        "translations": "translations/",
    }


KINDS = [
    "home",
    "article",
    "translated article",
    "articles",
    "topic",
    "authors",
    "sources",
    "source page",
    "archive",
    "glossary",
    "translations",
]


@pytest.fixture(scope="module")
def scheme_page(request, browser, server):
    """One browser page per colour scheme, reused for every page of that scheme."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    pg = context.new_page()
    pg.scheme = request.param
    yield pg
    context.close()


def _axe(pg, axe_script) -> list[dict]:
    pg.evaluate(axe_script)
    result = pg.evaluate("""() => axe.run(document, {resultTypes: ['violations'],
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})""")
    return result["violations"]


# Every page kind of every edition in the light scheme, and of the two editions that differ in structure (zh,
# en) in the dark one: the Traditional edition is the Simplified one's pages in another script, with the same
# templates and the same stylesheet, so its dark pages add no colour and no structure the others lack (their
# glossary page alone costs Chromium about 6 s of axe-core).
SCHEMES = [("light", "zh"), ("light", "en"), ("light", "zh-Hant"), ("dark", "zh"), ("dark", "en")]


@pytest.mark.parametrize("scheme_page,edition", SCHEMES, indirect=["scheme_page"])
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_serious_violation(scheme_page, server, corpus, axe_script, edition, kind):
    path = EDITIONS[edition] + page_kinds(corpus)[kind]
    response = scheme_page.goto(server + path)
    assert response.status == 200, path
    scheme_page.wait_for_load_state("load")
    expected = "slate" if scheme_page.scheme == "dark" else "default"
    assert scheme_page.locator("body").get_attribute("data-md-color-scheme") == expected
    bad = [
        (v["impact"], v["id"], v["help"], [n["target"] for n in v["nodes"][:5]])
        for v in _axe(scheme_page, axe_script)
        if v["impact"] in BLOCKING
    ]
    assert bad == [], (path, scheme_page.scheme, bad)


def test_axe_catches_what_it_should(page, server, axe_script):
    """The check can fail: a low-contrast link and an unnamed dialog injected into a real page are found."""
    page.goto(server)
    page.evaluate("""() => { const a = document.createElement('a'); a.href = '#'; a.textContent = '浅色链接';
        a.style.color = '#ff9f9f'; document.querySelector('.md-content').prepend(a);
        document.querySelector('.md-search').removeAttribute('aria-label'); }""")
    ids = {v["id"] for v in _axe(page, axe_script) if v["impact"] in BLOCKING}
    assert {"color-contrast", "aria-dialog-name"} <= ids


HAN_OUTSIDE_ZH = """() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const han = /[\\u3400-\\u9fff\\uf900-\\ufaff]/;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!han.test(n.textContent) || el.closest('script, style, svg')) continue;
        const owner = el.closest('[lang]');
        if (!owner || !owner.getAttribute('lang').toLowerCase().startsWith('zh')) out.push(n.textContent.trim().slice(0, 40));
    }
    return out;
}"""


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_text_on_english_pages_is_marked_chinese(page, server, corpus, kind):
    page.goto(server + "en/" + page_kinds(corpus)[kind])
    page.wait_for_load_state("load")
    assert page.evaluate(HAN_OUTSIDE_ZH) == []


def _tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the focused element matches selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_search_dialog_works_by_keyboard(page, server, corpus):
    page.goto(server)
    assert page.locator(".md-search").get_attribute("aria-label") == "搜索"
    page.goto(server + "en/")
    assert page.locator(".md-search").get_attribute("aria-label") == "Search"
    page.keyboard.press("/")  # Material's shortcut opens search and focuses the box
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("elderly")  # real key presses (an IME's Chinese input sends no key events here)
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    page.keyboard.press("ArrowDown")  # into the results
    focused = page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    assert focused
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/**")
    assert href.split("#")[0].rstrip("/").split("/")[-1] in page.url
    # Escape closes the dialog. The new page's scripts must be running before the shortcut can work: wait for
    # its load event, then for the dialog's state itself (no fixed delay).
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    page.wait_for_function("document.getElementById('__search').checked", timeout=10000)
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked", timeout=10000)


def test_language_switcher_works_by_keyboard(page, server, corpus):
    slug = corpus.articles[0].slug
    page.goto(server + f"articles/{slug}/")
    _tab_to(page, ".md-select button")
    inner = page.locator(".md-select__inner")
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-select__inner')).opacity === '1'")
    assert inner.is_visible()
    _tab_to(page, 'a.md-select__link[hreflang="en"]', limit=5)
    assert page.evaluate("document.activeElement.getAttribute('lang')") == "en"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/en/articles/{slug}/")
    assert page.locator('a.md-select__link[hreflang="zh"]').get_attribute("lang") == "zh-Hans"


def test_original_box_and_cite_box_open_by_keyboard(page, server, corpus):
    slug = _translated_with_originals(corpus)
    page.goto(server + f"en/articles/{slug}/")
    box = page.locator("details.quote").first
    assert box.get_attribute("open") is None
    _tab_to(page, "details.quote > summary")
    page.keyboard.press("Enter")
    assert box.get_attribute("open") is not None
    assert box.locator("p").first.is_visible()
    assert box.locator("p [lang='zh-Hans']").count() >= 1
    cite = page.locator("details.wenku-cite")
    _tab_to(page, "details.wenku-cite > summary")
    page.keyboard.press("Enter")
    assert cite.get_attribute("open") is not None
    _tab_to(page, 'details.wenku-cite a[href="cite.bib"]', limit=5)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    path = download.value.path()
    assert open(path, encoding="utf-8").read().startswith("@")
