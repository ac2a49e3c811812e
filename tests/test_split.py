"""Splitting and reassembly on small bundles of our own making (tests/fixtures/bundles)."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import FIXTURES
from wenku.corpus import assign_slugs, read_source
from wenku.site.render import render_blocks

BUNDLES = os.path.join(FIXTURES, "bundles")


def articles(name):
    (src,), _, _ = assign_slugs([read_source(os.path.join(BUNDLES, name))])
    return src, src.articles


def body(art):
    return render_blocks(art.blocks)


def kinds(src):
    return [c.kind for c in src.report]


def test_compilation_titles_from_contents_list():
    src, arts = articles("compilation.txt")
    assert [a.title for a in arts] == [
        "城市大脑需要更好的数据底座",
        "社区服务数字化的三个关键",
        "让数字政务更好惠及老年人",
    ]
    assert body(arts[0]).startswith("城市大脑建设已经从试点走向推广")  # no title line in the body
    assert "社区服务数字化的三个关键" not in body(arts[1])  # the title line is not body text
    # The title printed again after the lede: the lede is the summary, the repeat is reported.
    assert arts[2].summary == "数字鸿沟不只是技术问题，更是治理问题"
    assert "让数字政务更好惠及老年人" not in body(arts[2])
    assert "remove_repeated_title" in kinds(src)
    # The compilation's name and period are metadata; contents and ads are not article text.
    assert all(a.collection == "2024年7-9月城市治理类文章选编" for a in arts)
    assert all(a.collection_period == "2024-07/2024-09" for a in arts)
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
    assert a.summary.startswith("数据是新型生产要素") and a.summary_label == "核心提示"
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
    assert art.pictured == ["刘海", "赵敏", "孙立"]
    assert art.photo_credit.endswith("吴涛 摄")
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


# ---------------------------------------------------------------- pages without a sidecar (issue 15)


def text_of(art):
    return body(art) + (art.summary or "")


def test_bylines_in_their_common_forms_are_metadata():
    src, arts = articles("bylines_and_notes.txt")
    assert [a.title for a in arts] == [
        "推动县域商业数字化升级",
        "以数据共享提升基层治理效能",
        "让人工智能更好服务中小企业",
    ]
    assert [a.authors for a in arts] == [["梁思远"], ["韩晓东", "许婧"], ["杜明轩", "宋佳"]]
    assert not any(a.title_inferred for a in arts)
    # Author notes in two forms: affiliations, the note kept as a note block (never prose).
    assert arts[0].affiliations == ["某省商务研究院研究员"]
    assert arts[2].affiliations == ["某大学经济学院副教授"]
    for art in arts:
        text = body(art)
        assert "□" not in text and "本报记者" not in text and "文/" not in text and "——" not in text
        assert not any(b.kind == "h2" and any(n in b.text for n in art.authors) for b in art.blocks)
        assert not any(
            b.kind == "p" and (b.text.startswith("作者简介") or b.text.startswith("（作者")) for b in art.blocks
        )
    bylines = [c for c in src.report if c.kind == "extract_byline"]
    assert [c.line for c in bylines] == [2, 8, 12] and all(c.before for c in bylines)
    assert [c.line for c in src.report if c.kind == "remove_separator"] == [6]
    assert {c.reason for c in src.report if c.kind == "extract_title"} >= {
        "title of the article: the first line of the page",
        "title of the article: the line above a byline",
    }


def test_bylines_printed_at_the_end_close_their_article():
    src, arts = articles("bottom_bylines.txt")
    assert [(a.title, a.authors) for a in arts] == [
        ("数字政府建设要以用户为中心", ["周启明"]),
        ("守住数据安全底线", ["钱一凡"]),
    ]
    assert arts[1].affiliations == ["某省社会科学院研究员"]
    assert "周启明" not in body(arts[0]) and "钱一凡" not in body(arts[1])
    assert all("printed at the end" in c.reason for c in src.report if c.kind == "extract_byline")


def test_jump_lines_put_an_article_back_together():
    src, (a, b) = articles("jump_lines.txt")
    assert a.title == "加快建设高标准算力网络" and b.title == "乡村振兴要用好直播电商"
    # 下转第3版 … 上接第1版: the second part continues the first article's broken sentence.
    assert "需要统筹布局、协同调度，推动东西部算力高效互补" in body(a)
    assert "协同调度" not in body(b) and "转第" not in body(a) + body(b) and "上接" not in body(a) + body(b)
    assert [c.line for c in src.report if c.kind == "remove_jump_line"] == [4, 9]
    assert "wenku-gap" not in body(a)


def test_section_headings_stay_in_their_article():
    """Negative case: unnumbered section headings between complete paragraphs are not new articles."""
    src, arts = articles("section_headings.txt")
    assert len(arts) == 1
    text = body(arts[0])
    assert "## 完善数据标准体系" in text and "## 建立数据交易制度" in text and "## 加强标准实施应用" in text
    assert arts[0].authors == ["程立新"]


def test_a_possible_article_start_is_reported_not_silent():
    src, arts = articles("untitled_mid_page.txt")
    flagged = [c for c in src.report if c.kind == "uncertain_placement"]
    assert [c.line for c in flagged] == [5]


@pytest.mark.xfail(
    strict=True,
    reason="known failure: a second article printed with neither byline, rule, "
    "wider gap nor note is read as a section of the first (only reported)",
)
def test_untitled_article_mid_page_without_byline_is_split():
    src, arts = articles("untitled_mid_page.txt")
    assert [a.title for a in arts] == ["以数字技术赋能文化遗产保护", "城市更新要守住烟火气"]


@pytest.mark.parametrize(
    "name, kind",
    [
        ("compilation.txt", "compilation"),
        ("slides.txt", "slides"),
        ("webpage_twice.txt", "web-page"),
        ("jump_lines.txt", "newspaper-page"),
        ("interleaved_page.txt", "newspaper-page"),
        ("bylines_and_notes.txt", "newspaper-page"),
        ("report_speakers.txt", "newspaper-page"),
    ],
)
def test_kind_of_source_recognised_without_a_sidecar(name, kind):
    src, _ = articles(name)
    assert src.kind == kind
    (entry,) = [c for c in src.report if c.kind == "detect_kind"]
    assert entry.after == kind and "recognised from the text" in entry.reason


def test_sidecar_kind_overrides_the_guess(tmp_path):
    shutil.copy(os.path.join(BUNDLES, "compilation.txt"), tmp_path / "c.txt")
    (tmp_path / "c.yml").write_text("kind: web-page\n", encoding="utf-8")
    src = read_source(str(tmp_path / "c.txt"), (tmp_path / "c.yml").read_text(encoding="utf-8"))
    assert src.kind == "web-page" and not any(c.kind == "detect_kind" for c in src.report)
    assert all(a.pattern == "page" for a in src.articles)
    assert len(src.articles) != 3  # read as a page, not split by its table of contents


@pytest.mark.parametrize(
    "line, names, form",
    [
        ("□ 王建国", ["王建国"], "mark"),
        ("○ 李晓明、陈思远", ["李晓明", "陈思远"], "mark"),
        ("■ 欧阳明辉", ["欧阳明辉"], "mark"),
        ("本报记者 王建国 李晓明", ["王建国", "李晓明"], "reporter"),
        ("记者 王建国 通讯员 周婷 何佳", ["王建国", "周婷", "何佳"], "reporter"),
        ("文/诸葛文", ["诸葛文"], "labelled"),
        ("作者：司马青", ["司马青"], "labelled"),
        ("作者 傅晓峰", ["傅晓峰"], "labelled"),
        ("（王建国 周婷）", ["王建国", "周婷"], "paren"),
        ("罗海云 刘泽锋", ["罗海云", "刘泽锋"], "plain"),
        ("作者：秦望舒（海川大学副教授）", ["秦望舒"], "labelled"),
        ("王建国　李晓明", ["王建国", "李晓明"], "plain"),
        # negative cases: headings, slogans and sentences are not bylines
        ("数字经济", None, None),
        ("高质量发展", None, None),
        ("推动数字经济高质量发展", None, None),
        ("本报记者近日走访了多家企业。", None, None),
        ("（作者单位：某大学）", None, None),
        ("王建国说，要加快发展。", None, None),
    ],
)
def test_byline_forms(line, names, form):
    from wenku.structure.names import parse_byline

    parsed = parse_byline(line)
    assert (parsed["names"] if parsed else None) == names
    assert (parsed["form"] if parsed else None) == form


@pytest.mark.parametrize(
    "note, affiliations",
    [
        ("（作者单位：湖南省社会科学院）", ["湖南省社会科学院"]),
        ("【作者系中共湖南省委党校教授】", ["中共湖南省委党校教授"]),
        ("（作者为国家信息中心研究员）", ["国家信息中心研究员"]),
        (
            "作者简介：王建国，男，1975年生，湖南长沙人，南京大学商学院教授，主要研究方向为产业政策。",
            ["南京大学商学院教授"],
        ),
    ],
)
def test_author_notes_give_affiliations(note, affiliations):
    from wenku.structure.notes import parse_author_note
    from wenku.structure.units import RE_NOTE

    assert RE_NOTE.match(note)
    assert parse_author_note(note)["affiliations"] == affiliations


def test_split_modules_one_per_way_of_bundling():
    """split.py keeps only the dispatch; each way of bundling has its own module."""
    from wenku.structure import compilation, feed, forum, page, qa, report, slides, split, transcript

    assert split.SPLITTERS == {
        "compilation": compilation.split_compilation,
        "slides": slides.split_slides,
        "page": page.split_page,
        "report": report.split_report,
        "transcript": transcript.split_transcript,
        "speech": transcript.split_speech,
        "qa": qa.split_qa,
        "forum": forum.split_forum,
    }
    assert split.split_feed is feed.split_feed  # a feed is split with what was read before the cleaning
