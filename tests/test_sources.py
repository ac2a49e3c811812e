"""The five seed sources: the right articles, in order, with nothing lost and no damage left."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest

from wenku.ingest.decode import decode_bytes
from wenku.ingest.repairs import repair_line
from wenku.site.render import front_matter, render_blocks
from wenku.textutil import CJK

EXPECTED_COUNTS = {"000": 4, "001": 1, "002": 1, "003": 1, "004": 25}


def by_id(corpus, prefix):
    return next(s for s in corpus.sources if s.name.startswith(prefix))


def body(art):
    return render_blocks(art.blocks)


def test_article_counts(corpus):
    assert {s.name[:3]: len(s.articles) for s in corpus.sources} == EXPECTED_COUNTS


def test_newspaper_page_articles(corpus):
    a, b, c, d = by_id(corpus, "000").articles
    assert (a.title, a.authors) == ("打造人工智能产业集聚高地 塑造数字经济发展新优势", ["徐华亮"])
    assert b.authors == ["朱红莉"] and b.title_inferred
    assert (c.title, c.authors) == ("以“四个创新”赋能新质生产力", ["胡艺华"])
    assert (d.title, d.authors) == ("切实促进中小企业专精特新发展", ["罗海云", "刘泽锋"])
    # Interleaved columns put back: 算力、|算法 (enumeration) and 重|点领域 (word) across the page.
    assert "推动算力、算法、算据、算网同向发力" in body(a)
    assert "等新的重点领域，坚定不移把科技创新" in body(c)
    assert "劳动者是生产力中最革命" in body(c)
    assert "形成“一核两廊、多点支撑”发展格局" in body(a)
    # The boxed 核心提示 belongs to the first article and is its summary.
    assert a.summary.startswith("人工智能是新一轮科技革命") and a.summary_label == "核心提示"
    # Each article is closed by its own author note.
    assert a.affiliations == ["湖南省当代中国马克思主义研究中心省社科院（省政府发展研究中心）分中心特约研究员"]
    assert any("23ZYB35" in f for f in a.funding)
    assert b.affiliations == ["湖南信息学院马克思主义学院院长"]
    assert "湖南农业大学马克思主义学院院长、教授" in c.affiliations
    assert d.affiliations == ["湖南女子学院"] and any("19BKS060" in f for f in d.funding)
    # The fourth article's continuation is not on the page: a visible gap, nothing glued on.
    assert "基础研究是科技创新的源\n\n〔原文此处不完整" in body(d)
    assert "优化中小企业创新生态" in body(d)
    assert "算法、算据" not in body(d)
    # Reading order inside the first article.
    text = body(a)
    assert text.index("人工智能产业集聚的基本内容") < text.index("数实融合”的鲜明特色") < text.index("链主+平台+应用")


def test_web_page_printed_twice(corpus):
    src = by_id(corpus, "001")
    (art,) = src.articles
    text = body(art)
    assert text.count("习近平总书记指出") == 1
    assert art.authors == ["张尉琳"] and art.publication == "湖北日报" and art.date == "2025-06-25"
    assert art.affiliations == ["中南财经政法大学马克思主义学院"]
    assert "可推动建立中部六省人工智能产业联盟" in text
    assert "是推动新质生产力加快形成的强大力量" in text
    assert "主办" not in text and "hbwmwxxbs" not in text
    assert "## 重组要素空间，跨区域整合资源，走出不同于沿海地区的技术扩散路径" in text
    assert src.script == "traditional"


def test_report_with_speakers(corpus):
    (art,) = by_id(corpus, "002").articles
    names = [b.items[0]["name"] for b in art.blocks if b.kind == "speaker"]
    assert names == ["马世奎", "肖劲风", "蔡鑫莹", "戴建清", "朱智", "顾善植"]
    assert art.authors == ["唐朝昭"]
    assert len(art.pictured) == 7
    assert "产业生态、数据应用、算力服务“五大标杆区”" in body(art)
    assert "尽快制定产业发展行动计划，构建涵盖" in body(art)
    assert "互连通金" not in body(art)  # no unrelated text glued on
    missing = [c.before for c in by_id(corpus, "002").report if c.kind == "missing_section"]
    assert missing == ["黄河"]


def test_slide_deck(corpus):
    (art,) = by_id(corpus, "003").articles
    text = body(art)
    assert art.title == "地方政府培育人工智能产业的策略建议"
    assert art.authors == ["宋涛"] and art.date == "2023-08"
    assert [b.text for b in art.blocks if b.kind == "h2"] == [
        "第1部分　抓住新时代的五大历史机遇期绘蓝图",
        "第2部分　紧贴五大高质量发展之道谋布局",
        "第3部分　构建区域特色AI产业培育方法论",
        "第4部分　地方政府培育AI产业四项具体举措",
    ]
    assert text.count("### 1.5 ") == 1  # a slide title repeated on a continuation slide appears once
    # the slide's table keeps its rows; 关键要素 heads a merged first column, so the row's first cell is empty
    assert "\n|  | 商业模式 | 20% |\n" in text and "\n| 辅助要素 | 商业模式 | 5% |\n" in text
    assert "CONTENTS" not in text and "THANKS" not in text and "stgg_6406" not in text


def test_compilation(corpus):
    arts = by_id(corpus, "004").articles
    assert arts[0].title == "“人工智能+”赋能未来产业发展"
    assert body(arts[0]).startswith("数字化时代，作为引领新一轮科技革命")
    assert arts[-1].title == "以数字产业集群为载体推动区域协调发展"
    assert all(a.collection == "2025年1-3月数字经济类公文堂网编" for a in arts)
    jingshen = next(a for a in arts if a.title == "数字技术助推精神生活共同富裕")
    assert jingshen.summary.startswith("数字技术作为未来经济社会发展的引擎和动力")
    assert not any("公文堂" in body(a) or "gongwentang" in body(a) for a in arts)
    # A heading that contains the title of another article is not a split point.
    cluster = next(a for a in arts if a.title == "打造具有国际竞争力的数字产业集群")
    assert "协同发力打造具有国际竞争力的数字产业集群" in body(cluster)


def test_slugs_are_unique_and_readable(corpus):
    slugs = [a.slug for a in corpus.articles]
    assert len(slugs) == len(set(slugs))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs)
    assert "dazao-rengongzhineng-chanye-jiju-gaodi-suzao-shuzi-jingji" in slugs


# ---------------------------------------------------------------- quality bar, for every source


def _norm(text: str) -> str:
    """Text reduced to letters, digits and ideographs (markup, punctuation and spaces dropped)."""
    text = html.unescape(text.replace("\\", ""))
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


@pytest.mark.parametrize("prefix", sorted(EXPECTED_COUNTS))
def test_nothing_lost_silently(corpus, prefix):
    """Every line of the source is in an article (its text or metadata) or in a report entry with a reason."""
    src = by_id(corpus, prefix)
    with open(src.path, "rb") as fh:
        text, _, _ = decode_bytes(fh.read())
    out = _norm("".join(body(a) + str(front_matter(a)) for a in src.articles))
    removed = _norm("".join(c.before for c in src.report if c.kind.startswith(("remove_", "extract_"))))
    skip = frozenset() if src.script == "traditional" else frozenset({"fix_traditional_to_simplified"})
    lost = []
    for n, raw in enumerate(text.split("\n"), 1):
        cleaned, _ = repair_line(raw, n, skip=skip)
        key = _norm(cleaned)
        if key and key not in out and key not in removed:
            lost.append((n, raw[:40]))
    assert not lost, f"lines neither published nor reported: {lost[:5]}"
    reported = [c for c in src.report if c.kind.startswith("remove_")]
    assert all(c.reason for c in reported)


@pytest.mark.parametrize("prefix", sorted(EXPECTED_COUNTS))
def test_no_damage_left(corpus, prefix):
    for art in by_id(corpus, prefix).articles:
        text = body(art) + "\n\n#" + (art.title or "")
        assert "\ufffd" not in text
        assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,7}\)", text), "pinyin annotation left"
        assert not re.search(r"[ぁ-ゖ⒈-⒛∪]", text), "mojibake characters left"
        # Half-width punctuation between Chinese characters.
        assert not re.search(f"[{CJK}][,:;?!][{CJK}]", text)
        # No space between two Chinese characters in prose paragraphs.
        for para in text.split("\n\n"):
            para = para.strip()
            if not para.startswith(("#", "|", "-", "!!!", "**")):
                assert not re.search(f"[{CJK}] +[{CJK}]", para), para[:60]


@pytest.mark.parametrize("prefix", sorted(EXPECTED_COUNTS))
def test_one_paragraph_per_line(corpus, prefix):
    for art in by_id(corpus, prefix).articles:
        for block in body(art).split("\n\n"):
            lines = [ln for ln in block.split("\n") if ln and not ln.startswith(("{:", "- ", "|", "    "))]
            assert len(lines) <= 1 or block.startswith("!!!"), block[:80]


@pytest.mark.parametrize("prefix", sorted(EXPECTED_COUNTS))
def test_cleaning_is_idempotent(corpus, prefix):
    """Running the line repairs over published text changes nothing."""
    for art in by_id(corpus, prefix).articles:
        for block in art.blocks:
            if block.kind in ("p", "h2", "h3") and "〓" not in block.text:
                again, changes = repair_line(block.text, None)
                assert again == block.text, [c.kind for c in changes]


def test_reading_time_counts_chinese_characters(corpus):
    a = corpus.articles[0]
    assert a.words > 1000
    assert a.reading_time == max(1, round(a.words / 400))


def test_every_report_kind_is_explained_for_editors(corpus):
    from wenku.site.pages.sources import report_kinds

    kinds = report_kinds()
    used = {c.kind for s in corpus.sources for c in s.report}
    assert used <= set(kinds), used - set(kinds)
    assert all(v.get("zh") and v.get("en") for v in kinds.values())
