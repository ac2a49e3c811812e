"""Splitting and reassembly on small bundles of our own making (tests/fixtures/bundles)."""

from __future__ import annotations

import os

import pytest

from conftest import FIXTURES
from wenku.corpus import Corpus, assign_slugs, read_source
from wenku.site.render import render_blocks

BUNDLES = os.path.join(FIXTURES, "bundles")


def articles(name):
    src = read_source(os.path.join(BUNDLES, name))
    corpus = Corpus(sources=[src])
    assign_slugs(corpus)
    return src, src.articles


def body(art):
    return render_blocks(art.blocks)


def kinds(src):
    return [c.kind for c in src.report]


def test_compilation_titles_from_contents_list():
    src, arts = articles("compilation.txt")
    assert [a.title for a in arts] == ["城市大脑需要更好的数据底座", "社区服务数字化的三个关键", "让数字政务更好惠及老年人"]
    assert body(arts[0]).startswith("城市大脑建设已经从试点走向推广")  # no title line in the body
    assert "社区服务数字化的三个关键" not in body(arts[1])  # the title line is not body text
    # The title printed again after the lede: the lede is the summary, the repeat is reported.
    assert arts[2].summary == "数字鸿沟不只是技术问题，更是治理问题"
    assert "让数字政务更好惠及老年人" not in body(arts[2])
    assert "remove_repeated_title" in kinds(src)
    # The compilation's name and period are metadata; contents and ads are not article text.
    assert all(a.meta["collection"] == "2024年7-9月城市治理类文章选编" for a in arts)
    assert all(a.meta["collection_period"] == "2024-07/2024-09" for a in arts)
    assert kinds(src).count("remove_table_of_contents") == 4
    assert not any("文库" in body(a) or "客服" in body(a) for a in arts)
    assert kinds(src).count("remove_ad") == 2


def test_interleaved_page_is_put_back_in_reading_order():
    src, arts = articles("interleaved_page.txt")
    assert len(arts) == 3
    a, b, c = arts
    assert a.title == "以数据要素激活县域经济" and a.authors == ["王建国"]
    # The column that broke off at '政务数据、' continues after the box, not at the next article.
    assert "推动政务数据、社会数据、企业数据融合共享，形成县域数据资源池。" in body(a)
    assert a.summary.startswith("数据是新型生产要素") and a.meta["summary_label"] == "核心提示"
    assert a.affiliations == ["某省社会科学院研究员"]
    # An article printed without a title: inferred, marked, never silent.
    assert b.authors == ["李红梅"] and b.title_inferred and b.title
    assert b.affiliations == ["某省农业科学院"]
    # 基础研|究 joined across the page; the missing end is marked, nothing glued on.
    assert "要加强基础研究，提升原始创新能力" in body(c)
    assert body(c).rstrip().endswith("{: .wenku-gap }")
    assert "完善人才评价和激" in body(c)
    assert "fix_interleaved_columns" in kinds(src) and "mark_gap" in kinds(src)
    assert "remove_page_label" in kinds(src)
    for art in arts:  # no article took another's text
        others = [o for o in arts if o is not art]
        for o in others:
            assert o.blocks[0].text not in body(art)


def test_webpage_printed_twice_is_one_article():
    src, arts = articles("webpage_twice.txt")
    assert len(arts) == 1
    art = arts[0]
    text = body(art)
    assert text.count("数字经济是推动高质量发展的重要引擎") == 1
    assert "## 做强数字产业，夯实发展基础" in text  # a heading set on two lines
    assert art.publication == "某某日报" and art.date == "2024-05-10"
    assert art.authors == ["陈晓东"]
    assert "remove_repeated_block" in kinds(src)
    footer = [c for c in src.report if c.kind == "remove_site_footer"]
    assert any("tougao@example.com" in c.before for c in footer) and any("主办" in c.before for c in footer)
    assert "tougao@example.com" not in text and "主办" not in text


def test_report_with_speakers():
    src, arts = articles("report_speakers.txt")
    assert len(arts) == 1
    art = arts[0]
    assert art.authors == ["周文"]  # the reporter's byline
    assert art.meta["pictured"] == ["刘海", "赵敏", "孙立"]
    assert art.meta["photo_credit"].endswith("吴涛 摄")
    speakers = [b.items[0] for b in art.blocks if b.kind == "speaker"]
    assert [s["name"] for s in speakers] == ["刘海", "赵敏"]
    assert speakers[0]["role"] == "县政协委员、某网络公司总经理"
    text = body(art)
    assert text.index("## 补齐乡村网络短板") < text.index("**刘海**") < text.index("建议加快推进5G基站")
    # A pictured speaker without a section is reported, not invented.
    missing = [c for c in src.report if c.kind == "missing_section"]
    assert [c.before for c in missing] == ["孙立"]
    assert "刘海\n\n赵敏" not in text


def test_slides_become_headings_lists_and_tables():
    src, arts = articles("slides.txt")
    assert len(arts) == 1
    art = arts[0]
    text = body(art)
    assert art.title == "城市数字化转型的路径选择"
    assert art.authors == ["赵一鸣"] and art.affiliations == ["某研究院院长"] and art.date == "2024-03"
    assert "## 第1部分　城市数字化的新阶段" in text and "## 第2部分　推进路径与保障措施" in text
    assert "### 1.1 城市数字化的新阶段：从建设到运营" in text
    assert "- 数据中台建设基本完成" in text
    assert "| 财政资金 | 45% |" in text and "| 专项债券 | 25% |" in text
    assert text.count("CONTENTS") == 0
    # The contents slide repeated before part 2 is a repeated block, removed with its reason.
    assert any(c.kind == "remove_repeated_block" and "CONTENTS" in c.before for c in src.report)
    assert {"remove_thanks_slide", "remove_wechat_id"} <= set(kinds(src))


@pytest.mark.parametrize("name", sorted(f for f in os.listdir(BUNDLES) if f.endswith(".txt")))
def test_bundle_articles_have_line_spans_inside_the_file(name):
    src, arts = articles(name)
    n_lines = open(os.path.join(BUNDLES, name), encoding="utf-8").read().count("\n") + 1
    for art in arts:
        lo, hi = art.line_span
        assert 1 <= lo <= hi <= n_lines
