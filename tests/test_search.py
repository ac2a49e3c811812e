"""Search: the sharded index (searchshards.py) and our worker, run by real Chromium on the built site.

The recall probe samples strings from the built article pages, as a reader would copy them, and asks
the worker that Material's search box talks to; every sampled string must find its article.
"""

from __future__ import annotations

import html
import json
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import read
from wenku.search import searchshards

RE_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")

# Ask the worker directly (as Material's page script does) and return each result group's locations.
ASK_WORKER = """async ({worker, index, queries}) => {
    const manifest = await (await fetch(index)).json();
    const w = new Worker(worker);
    const ask = msg => new Promise(done => { w.onmessage = ev => done(ev.data); w.postMessage(msg); });
    await ask({type: 0, data: {config: manifest.config, docs: manifest.docs, options: {}}});
    const out = [];
    for (const q of queries) {
        const res = await ask({type: 2, data: q});
        out.push(res.data.items.map(group => group.map(item => ({location: item.location, title: item.title,
                                                                  text: item.text, terms: item.terms}))));
    }
    w.terminate();
    return out;
}"""


def ask(page, server, edition: str, queries: list[str]) -> list[list[list[dict]]]:
    """Results of the edition's worker for each query (groups of items, best first)."""
    page.goto(server + edition)
    return page.evaluate(
        ASK_WORKER,
        {
            "worker": server + "assets/javascripts/workers/wenku-search.js",
            "index": server + edition + "search/search_index.json",
            "queries": queries,
        },
    )


def article_paragraphs(site, edition: str, slug: str) -> list[str]:
    """Plain text of the paragraphs of one built article page (the article body, as readers see it)."""
    page = (
        read(site / edition / "articles" / slug / "index.html")
        if edition
        else read(site / "articles" / slug / "index.html")
    )
    body = page[page.index('<article class="md-content__inner') : page.index("</article>")]
    return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in re.findall(r'<p(?: id="p\d+")?>(.*?)</p>', body, re.S)]


def sample_strings(paragraphs: list[str], rng: random.Random, count: int) -> list[str]:
    """Random strings of 2-8 Han characters that occur in the paragraphs."""
    runs = [r for p in paragraphs for r in RE_HAN_RUN.findall(p)]
    out = []
    for _ in range(count):
        run = rng.choice(runs)
        size = rng.randint(2, min(8, len(run)))
        start = rng.randrange(len(run) - size + 1)
        out.append(run[start : start + size])
    return out


def pages_found(groups: list[list[dict]]) -> set[str]:
    return {item["location"].split("#")[0] for group in groups for item in group}


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_recall_probe_any_sampled_string_finds_its_article(page, server, built_site, corpus, edition):
    rng = random.Random(1237)
    probes = []
    for art in corpus.articles:
        for s in sample_strings(article_paragraphs(built_site, edition.rstrip("/"), art.slug), rng, 6):
            probes.append((s, f"articles/{art.slug}/"))
    results = ask(page, server, edition, [q for q, _ in probes])
    missed = [(q, loc) for (q, loc), groups in zip(probes, results, strict=False) if loc not in pages_found(groups)]
    assert len(probes) == 6 * len(corpus.articles)
    assert missed == [], f"{len(missed)} of {len(probes)} sampled strings did not find their article: {missed[:10]}"
    assert page.errors == [], page.errors


@pytest.mark.browser
def test_fragment_of_a_longer_word_and_domain_terms(page, server):
    # 统计 inside 国家统计局, 生产 inside 新质生产力, a traditional query, full-width Latin.
    queries = ["统计", "质生", "新质生产力", "专精特新", "數據要素", "ＡＩ"]
    results = ask(page, server, "", queries)
    for q, groups in zip(queries, results, strict=False):
        assert groups, q
        assert any(item["location"].startswith("articles/") for g in groups for item in g), q


@pytest.mark.browser
def test_ranking_all_terms_first_title_counts_more_and_highlights(page, server, corpus):
    art = next(a for a in corpus.articles if a.authors == ["朱红莉"])
    by_title, two_terms, plus = ask(page, server, "", [art.title[-6:], "养老 数据要素", "人工智能+"])
    assert "人工智能+" in re.sub(r"<[^>]+>", "", plus[0][0]["title"])  # the whole query as typed counts more
    assert by_title[0][0]["location"] == f"articles/{art.slug}/"  # its own title's words: first
    assert f"<mark>{art.title[-6:]}</mark>" in by_title[0][0]["title"]
    held = [all(g[0]["terms"].values()) for g in two_terms]
    assert held[0] and held == sorted(held, reverse=True), held  # every result holding both terms first
    assert any("<mark>养老</mark>" in item["text"] for g in two_terms[:3] for item in g)


@pytest.mark.browser
def test_english_edition_words_by_prefix_and_no_chinese(page, server):
    results = ask(page, server, "en/", ["elderly", "elder", "digital economy", "养老"])
    elderly, prefix, two, chinese = results
    assert "articles/zhu-hongli-000-2/" in pages_found(elderly)
    assert pages_found(elderly) <= pages_found(prefix)
    assert two and all(g[0]["terms"] for g in two)
    assert chinese == []
    for groups in results:
        for g in groups:
            for item in g:
                assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"<[^>]+>", "", item["text"])), item


@pytest.mark.browser
def test_search_box_shows_results_from_our_worker(page, server):
    page.goto(server + "en/")
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").fill("smart eld")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert "<mark>" in page.locator(".md-search-result__list").inner_html()
    requested = [u for u in page.requests if "/search/" in u]
    assert any("/reader/en/search/shards/" in u for u in requested), requested
    assert not any("/reader/search/" in u for u in requested), requested  # only the English edition's files
    assert page.errors == [], page.errors


def article_text(site, edition: str, slug: str) -> str:
    """Plain text of one built article page's body (paragraphs, headings, everything searched)."""
    page = (
        read(site / edition / "articles" / slug / "index.html")
        if edition
        else read(site / "articles" / slug / "index.html")
    )
    body = page[page.index('<article class="md-content__inner') : page.index("</article>")]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.mark.browser
@pytest.mark.parametrize("edition,queries", [("", ["链", "税", "云", "鏈"]), ("zh-Hant/", ["鏈", "稅", "雲", "链"])])
def test_one_character_queries_find_every_article_that_holds_the_character(
    page, server, built_site, corpus, edition, queries
):
    results = ask(page, server, edition, queries)
    simplified_to_edition = {"链": "鏈", "税": "稅", "云": "雲"} if edition else {"鏈": "链", "稅": "税", "雲": "云"}
    for q, groups in zip(queries, results, strict=False):
        char = simplified_to_edition.get(q, q)  # a query in the other script is folded to this edition's
        texts = {f"articles/{a.slug}/": article_text(built_site, edition.rstrip("/"), a.slug) for a in corpus.articles}
        paragraphs = {
            f"articles/{a.slug}/": "".join(article_paragraphs(built_site, edition.rstrip("/"), a.slug))
            for a in corpus.articles
        }
        expected = {loc for loc, text in paragraphs.items() if char in text}
        found = {loc for loc in pages_found(groups) if loc.startswith("articles/")}
        assert expected, f"{char} occurs in no article: pick another test character"
        assert expected <= found, (q, sorted(expected - found))
        assert all(char in texts[loc] for loc in found if loc in texts), q  # and only those
        shown = [item for g in groups[:10] for item in g]
        assert any(f"<mark>{char}</mark>" in item["text"] + item["title"] for item in shown), q
    assert page.errors == [], page.errors


@pytest.mark.browser
def test_results_past_the_tenth_get_their_excerpt_when_scrolled_into_view(page, server):
    page.goto(server)
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").fill("数据")
    page.keyboard.press("End")
    items = page.locator(".md-search-result__item")
    items.nth(9).wait_for(timeout=15000)  # the worker answered: Material shows the first ten
    total = int(re.search(r"\d+", page.locator(".md-search-result__meta").inner_text()).group())
    assert total > 12, total
    assert page.locator("p.wenku-excerpt").count() == 0  # only ten rendered, all with their excerpt
    parts_before = [u for u in page.requests if "/search/parts/" in u]
    # Material renders more results when its list is scrolled to the end; then result 11 is in view.
    page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
    items.nth(10).wait_for(timeout=15000)
    eleventh = items.nth(10).locator("p.wenku-excerpt")
    eleventh.scroll_into_view_if_needed()
    page.wait_for_function("el => el.hasAttribute('data-filled')", arg=eleventh.element_handle(), timeout=15000)
    assert eleventh.get_attribute("data-filled") == "yes"
    assert "<mark>数据</mark>" in eleventh.inner_html()
    assert len([u for u in page.requests if "/search/parts/" in u]) > len(parts_before)  # fetched lazily
    assert page.errors == [], page.errors


# ---- the index format, without a browser -------------------------------------------------------------


@given(st.lists(st.integers(min_value=0, max_value=4999), unique=True))
def test_id_lists_round_trip(ids):
    ids = sorted(ids)
    assert searchshards.decode_ids(searchshards.encode_ids(ids, 5000), 5000) == ids


def test_dense_lists_become_bitmaps_and_stay_short():
    ids = list(range(0, 3000, 2))
    code = searchshards.encode_ids(ids, 3000)
    assert code.startswith("!") and len(code) <= 3000 // 6 + 1


def test_parts_keep_every_character_and_respect_the_limit():
    text = "\n".join(["数据要素" * 40, "短段落。", "人工智能。" * 300, "AI"])
    parts = searchshards.split_parts(text, 200)
    assert all(len(p) <= 200 for p in parts)
    assert "".join(parts).replace("\n", "") == text.replace("\n", "")


def test_keys_are_han_pairs_and_folded_words():
    assert searchshards.keys_of("数据要素 ＡＩ Apps") == {"数据", "据要", "要素", "ai", "apps"}
    assert searchshards.unigrams_of("数据要素 ＡＩ 链") == {"数", "据", "要", "素", "链"}


def test_built_index_files(built_site):
    manifest = json.loads(read(built_site / "search" / "search_index.json"))
    meta = manifest["config"]["wenku"]
    assert manifest["docs"] == []  # Material's page script fetches this file on every page: it stays small
    assert meta["path"] == "search/" and meta["shards"] >= 1
    assert len(list((built_site / "search" / "parts").iterdir())) == meta["parts"]
    # Single characters in their own shards: each one in the shard the worker will ask for.
    assert meta["unigramShards"] >= 1
    for char in "链税云":
        shard = searchshards.shard_of(char, meta["unigramShards"])
        lists = json.loads(read(built_site / "search" / "shards" / f"u{shard}.json"))
        assert searchshards.decode_ids(lists[char].split(",")[0], meta["parts"]), char
    fold = json.loads(read(built_site / "search" / "fold.json"))
    assert fold["數"] == "数" and "据" in fold.values()
    en = json.loads(read(built_site / "en" / "search" / "search_index.json"))["config"]["wenku"]
    assert en["path"] == "en/search/" and read(built_site / "en" / "search" / "fold.json") == "{}"
    html_page = read(built_site / "en" / "about" / "index.html")
    assert '"search": "../../assets/javascripts/workers/wenku-search.js"' in html_page
