"""Side-by-side reading of a translation in real Chromium: paragraph-aligned columns, a remembered toggle,
and the one-click boxes kept on a phone-sized screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SLUG = "tuwei-rengongzhineng-saidao-jueqi-ai-yingyong-zhi-cheng"  # headings, speakers, gaps and 39 boxes


def _ready(page):
    page.wait_for_function("() => document.documentElement.getAttribute('data-parallel-ready') === '1'")


def test_parallel_view_aligns_paragraphs_and_is_remembered(page, server, tmp_path):
    page.goto(server + f"en/articles/{SLUG}/")
    _ready(page)
    boxes = page.locator("details.quote").count()
    assert boxes >= 30
    assert page.locator(".wenku-pair").count() == 0  # the default view is unchanged: one-click boxes
    toggle = page.locator("button.wenku-parallel-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    page.wait_for_function("() => document.documentElement.classList.contains('wenku-parallel')")
    assert toggle.get_attribute("aria-pressed") == "true"
    rows = page.evaluate("""() => Array.from(document.querySelectorAll('.wenku-pair')).map(row => {
        const en = row.querySelector('.wenku-pair__en > :last-child');
        const zh = row.querySelector('.wenku-pair__zh details.quote > :not(summary)');
        const e = en.getBoundingClientRect(), z = zh.getBoundingClientRect();
        return {enTop: e.top, enRight: e.right, zhTop: z.top, zhLeft: z.left, zhWidth: z.width,
                en: en.textContent.trim().slice(0, 40), zh: zh.textContent.trim().slice(0, 20),
                open: row.querySelector('details.quote').open};
    })""")
    assert len(rows) == boxes  # every Chinese box has its row
    for n, r in enumerate(rows, 1):
        assert r["open"], f"row {n}: the Chinese is shown without a click"
        assert r["zhLeft"] >= r["enRight"] - 1, f"row {n}: the Chinese column is not beside the English"
        assert r["zhWidth"] > 200, f"row {n}: the Chinese column is too narrow"
    # Paragraph n of the English starts level with paragraph n of the Chinese (rows are aligned by their tops).
    tops = page.evaluate("""() => Array.from(document.querySelectorAll('.wenku-pair')).map(row => [
        row.querySelector('.wenku-pair__en').getBoundingClientRect().top,
        row.querySelector('.wenku-pair__zh').getBoundingClientRect().top])""")
    assert all(abs(e - z) < 2 for e, z in tops), tops[:5]
    assert [t[0] for t in tops] == sorted(t[0] for t in tops)
    # The pairs are the right ones: row 2 holds the second English paragraph and the second Chinese one.
    assert rows[1]["en"].startswith("Since the 18th National Congress") and rows[1]["zh"].startswith("党的十八大以来")
    page.screenshot(path=str(tmp_path / "parallel.png"), full_page=False)
    # The choice survives a reload.
    page.reload()
    _ready(page)
    assert page.evaluate("() => document.documentElement.classList.contains('wenku-parallel')")
    assert page.locator(".wenku-pair").count() == boxes
    # Turning it off restores the boxes, closed, in their places; and that too is remembered.
    page.locator("button.wenku-parallel-toggle").click()
    assert page.locator(".wenku-pair").count() == 0
    assert page.locator("details.quote[open]").count() == 0
    page.reload()
    _ready(page)
    assert page.locator(".wenku-pair").count() == 0
    assert page.errors == [], page.errors


def test_phone_keeps_the_one_click_boxes(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(server + f"en/articles/{SLUG}/")
    pg.evaluate("() => localStorage.setItem('wenku-parallel', '1')")  # chosen earlier on a wide screen
    pg.reload()
    _ready(pg)
    assert not pg.locator("button.wenku-parallel-toggle").is_visible()
    assert pg.locator(".wenku-pair").count() == 0
    box = pg.locator("details.quote").first
    assert box.get_attribute("open") is None
    box.locator("summary").click()
    assert box.get_attribute("open") is not None
    context.close()


def test_chinese_pages_get_no_toggle(page, server):
    page.goto(server + f"articles/{SLUG}/")
    page.wait_for_load_state("load")
    assert page.locator("button.wenku-parallel-toggle").count() == 0
