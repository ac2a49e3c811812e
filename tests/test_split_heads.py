"""Article heads (titles, bylines in their common forms, author notes) and how many articles a page holds,
on small bundles of our own making (tests/fixtures/bundles) and on single byline lines."""

from __future__ import annotations

import os

import pytest

from conftest import FIXTURES
from wenku.corpus import assign_slugs, read_source
from wenku.site.render import render_blocks
from wenku.structure.names import parse_byline

BUNDLES = os.path.join(FIXTURES, "bundles")


def articles(name):
    (src,), _, _ = assign_slugs([read_source(os.path.join(BUNDLES, name))])
    return src, src.articles


def body(art):
    return render_blocks(art.blocks)


def removed(src, kind):
    return [c.before for c in src.report if c.kind == kind]


def kept(src, art, lines):
    """Each line is in the article's body or in a report entry (nothing lost silently); when the first
    stays in the body, it is reported as uncertain (kept with the article), not made a new article's title."""
    text = body(art)
    reported = " ".join(c.before for c in src.report)
    for line in lines:
        assert line in text or line in reported, line
    if lines[0] in text:
        assert lines[0] in removed(src, "uncertain_placement")


@pytest.mark.parametrize(
    "line, names, form",
    [
        ("执笔：韩若水　邵以宁", ["韩若水", "邵以宁"], "labelled"),
        ("撰文｜言子墨", ["言子墨"], "labelled"),
        ("作者：孟可舟  2025-04-02 09:12", ["孟可舟"], "labelled"),
        ("□ 戚晚舟　2025年4月2日", ["戚晚舟"], "mark"),
        ("本报记者　荀安然　阚北辰", ["荀安然", "阚北辰"], "reporter"),
        ("本报讯（记者 萧南星 通讯员 钱语冰）", ["萧南星", "钱语冰"], "reporter"),
        ("原创 顾晨曦 数字观澜 2025年02月17日 08:05 北京", ["顾晨曦"], "wechat"),
        ("顾晨曦 数字观澜 2025-02-17", ["顾晨曦"], "wechat"),
        ("司空明远、闻人雪", ["司空明远", "闻人雪"], "plain"),
    ],
)
def test_byline_forms(line, names, form):
    parsed = parse_byline(line)
    assert parsed is not None and parsed["names"] == names and parsed["form"] == form


def test_byline_date_and_account_are_read():
    assert parse_byline("作者：孟可舟  2025-04-02 09:12")["date"] == "2025-04-02"
    wechat = parse_byline("原创 顾晨曦 数字观澜 2025年02月17日 08:05 北京")
    assert wechat["date"] == "2025-02-17" and wechat["publication"] == "数字观澜"


@pytest.mark.parametrize(
    "line",
    [
        "记者从市数据局获悉，今年全市新增数字化车间十二个。",  # prose beginning with 记者
        "记者 从市数据局获悉",
        "他在文/史两个领域都有著作。",  # a sentence with 文/ in it
        "参加座谈的有王建国、李明、张伟等。",  # a list of names in prose
        "王建国 李明 张伟 赵强 孙丽",  # five names: a caption or a list, not a byline
        "数字观澜 2025-02-17",  # an account and a date: no author
        "会议定于 2025年3月1日",  # a date in prose
        "本报讯 今年以来，全市新增数字化车间十二个。",
        "作者简介",
    ],
)
def test_not_a_byline(line):
    assert parse_byline(line) is None


def test_wechat_head_line_and_author_note_on_its_own_line():
    src, arts = articles("wechat_head.txt")
    assert len(arts) == 1
    a = arts[0]
    assert a.title == "让公共数据用起来更要管得住" and a.authors == ["柏知远"]
    assert a.date == "2025-03-08" and a.publication == "云岭数治"
    assert a.affiliations == ["云岭数字治理研究所研究员"]  # from 作者简介 and the paragraph under it
    assert "原创" not in body(a)
    # The list of other articles under 往期推荐 is not an article of its own; its lines are the furniture
    # rules' to remove, and nothing of them is lost silently.
    kept(src, a, ["往期推荐", "公共数据授权运营的三个问题", "数据资产入表的几点思考"])


def test_page_head_above_the_title_is_kept_as_kicker():
    src, arts = articles("page_head_kicker.txt")
    assert len(arts) == 1
    a = arts[0]
    assert a.title == "社区治理数字化：进展与建议" and a.authors == ["阚思远", "逄晓岚"]
    assert a.kicker == "2025年城市数字治理观察报告"
    assert "观察报告" not in body(a)
    assert removed(src, "extract_kicker") == ["2025年城市数字治理观察报告"]


def test_outlet_line_names_the_author_and_comments_are_not_an_article():
    src, arts = articles("outlet_line_author.txt")
    assert len(arts) == 1
    a = arts[0]
    assert a.title == "数字证照应当一次认证全网通用" and a.authors == ["萧南星"]
    assert a.date == "2025-06-11" and a.publication == "江湾在线"
    kept(src, a, ["网友评论", "市民小李：说得对，希望尽快落地。", "江湾网友：支持。"])


def test_titles_only_above_reporter_bylines_with_less_common_surnames():
    src, arts = articles("reporter_rare_surnames.txt")
    assert [a.title for a in arts] == ["智慧港口让货物通关提速", "数字技术助力山区学校共享优质课程"]
    assert [a.authors for a in arts] == [["荀安然", "阚北辰"], ["逄晓岚"]]


def test_a_short_signed_brief_is_an_article_of_its_own():
    """Negative case for the whole-page check: little prose, but a byline of its own (本报讯（通讯员 名）)."""
    src, arts = articles("short_brief_signed.txt")
    assert [a.title for a in arts] == ["数据要素市场建设要打好制度基础", "简讯：全市新增数字化车间十二个"]
    assert arts[1].authors == ["钱语冰"]
    assert "新认定数字化车间十二个" in body(arts[1])
    assert not removed(src, "uncertain_placement")


def test_a_closing_heading_with_a_short_paragraph_stays_in_its_article():
    """Negative case: a section heading near the end, with one short paragraph under it, is neither a new
    article nor furniture."""
    src, arts = articles("closing_heading_short.txt")
    assert len(arts) == 1
    text = body(arts[0])
    assert "## 结语" in text and "让基层治理更精准、更高效、更有温度" in text
    assert "结语" not in removed(src, "uncertain_placement") and not removed(src, "extract_kicker")


def test_section_headings_are_not_taken_for_a_kicker_or_furniture():
    src, arts = articles("section_headings.txt")
    assert len(arts) == 1 and arts[0].title == "以标准化推动数据要素市场建设"
    assert not removed(src, "extract_kicker")


def test_an_unsigned_article_whose_sections_are_numbered_from_one_again_is_split():
    src, arts = articles("unsigned_numbered.txt")
    assert [a.title for a in arts] == ["以数字化手段提升城市排水管理水平", "推动农村寄递物流体系提质增效"]
    assert arts[0].authors == ["俞清和"] and arts[1].authors == []
    assert "## 一、完善县乡村三级物流网络" in body(arts[1]) and "物流" not in body(arts[0])
    # A decision on topic and structure only: reported for an editor to check.
    assert [c.line for c in src.report if c.kind == "uncertain_placement"] == [5]


@pytest.mark.parametrize("name", ["preface_heading_numbered.txt", "part_heading_same_topic.txt"])
def test_a_heading_above_sections_numbered_from_one_stays_in_its_article(name):
    """Negative cases: 引言 (too short to be a title) and a part heading on the article's own topic."""
    src, arts = articles(name)
    assert len(arts) == 1 and arts[0].authors == ["訾远舟"]
    assert "## 一、明确授权主体" in body(arts[0]) and "## 四、强化监督" in body(arts[0])
    assert not [c for c in src.report if c.kind == "uncertain_placement"]


def test_a_closing_byline_naming_someone_else_starts_the_article_it_closes():
    src, arts = articles("closing_byline_other.txt")
    assert [a.title for a in arts] == ["让适老化改造跟上数字化步伐", "农村电商需要更完善的冷链物流"]
    assert [a.authors for a in arts] == [["卞如松"], ["宓如海"]]


def test_a_closing_byline_naming_the_same_reporter_does_not_split(tmp_path):
    """Negative case: the same page, closed by the first article's own reporter."""
    with open(os.path.join(BUNDLES, "closing_byline_other.txt"), encoding="utf-8") as fh:
        text = fh.read().replace("文/宓如海", "（卞如松）")
    path = tmp_path / "closing_byline_same.txt"
    path.write_text(text, encoding="utf-8")
    src = read_source(str(path))
    assert len(src.articles) == 1 and src.articles[0].authors == ["卞如松"]


def test_a_headline_broken_mid_phrase_is_one_title():
    src, arts = articles("broken_headline.txt")
    assert len(arts) == 1
    assert arts[0].title == "以数据要素市场化配置改革为抓手激发经济发展新动能" and arts[0].authors == ["鞠远航"]


def test_a_short_line_inside_an_article_is_not_taken_for_half_a_headline(tmp_path):
    """Negative case: the same short line after a paragraph of the article before is not joined to the
    next title."""
    with open(os.path.join(BUNDLES, "broken_headline.txt"), encoding="utf-8") as fh:
        text = fh.read()
    first = "公共服务数字化要以人为本\n□ 庞景行\n公共服务数字化要从群众需求出发，简化办事流程，提升服务体验，让群众办事更方便、更快捷。\n"
    path = tmp_path / "two.txt"
    path.write_text(first + text, encoding="utf-8")
    src = read_source(str(path))
    assert "以数据要素市场化配置改革为抓手激发经济发展新动能" not in [a.title for a in src.articles]


REPORT_PAGE = """县域数字经济发展调研报告
一、基本情况
全县数字经济核心产业增加值稳步增长，电子商务、软件和信息服务业发展较快，数字化转型企业数量逐年增加。
二、存在问题
部分企业数字化投入不足，专业人才短缺，公共服务平台的作用还没有充分发挥。
第 1 页 共 3 页
三、对策建议
要加大政策支持力度，建设公共服务平台，引进和培养数字化人才，推动企业上云用数赋智。
第 2 页 共 3 页
"""


def test_a_printed_documents_page_footers_and_sections_show_a_report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT_PAGE, encoding="utf-8")
    src = read_source(str(path))
    assert src.kind == "report"


def test_a_page_number_without_a_total_is_not_taken_for_a_report(tmp_path):
    """Negative case: 第1页 alone (a web page's pager) is not a printed document's footer."""
    path = tmp_path / "web.txt"
    path.write_text(REPORT_PAGE.replace(" 共 3 页", ""), encoding="utf-8")
    src = read_source(str(path))
    assert src.kind != "report"


def test_a_headline_glued_to_the_outlet_line_is_split_off(tmp_path):
    text = (
        "来源：江湾在线　时间：2024-07-13 09:19数字证照应当一次认证全网通用\n"
        "萧南星\n"
        "办事群众最怕的是反复提交材料。数字证照推广以来，很多事项实现了“免证办”，但证照互认仍有堵点。\n"
    )
    path = tmp_path / "glued.txt"
    path.write_text(text, encoding="utf-8")
    (art,) = read_source(str(path)).articles
    assert art.title == "数字证照应当一次认证全网通用" and art.authors == ["萧南星"]
    assert art.date == "2024-07-13"


def test_a_counter_after_the_outlet_line_time_is_not_a_headline(tmp_path):
    """Negative case: '浏览次数：1287' after the time is a counter, not a headline."""
    text = (
        "数字证照应当一次认证全网通用\n"
        "来源：江湾在线　时间：2024-07-13 09:19浏览次数：1287\n"
        "办事群众最怕的是反复提交材料。数字证照推广以来，很多事项实现了“免证办”，但证照互认仍有堵点。\n"
    )
    path = tmp_path / "counter.txt"
    path.write_text(text, encoding="utf-8")
    (art,) = read_source(str(path)).articles
    assert art.title == "数字证照应当一次认证全网通用"
    assert "浏览次数" not in body(art)


@pytest.mark.parametrize(
    "first, second, title",
    [
        ("以算力基础设", "施建设夯实数字经济底座", "以算力基础设施建设夯实数字经济底座"),  # broken mid-word
        ("激活公共数据", "共享数字红利", "激活公共数据 共享数字红利"),  # two halves: a space
    ],
)
def test_a_headline_on_two_lines_is_joined_with_a_space_only_between_halves(tmp_path, first, second, title):
    text = (
        f"{first}\n{second}\n罗文静\n"
        "算力是数字经济时代的核心生产力。推进算力基础设施建设，首先要算好需求账，避免一哄而上、重复建设。\n"
    )
    path = tmp_path / "two_lines.txt"
    path.write_text(text, encoding="utf-8")
    (art,) = read_source(str(path)).articles
    assert art.title == title and art.authors == ["罗文静"]


CLOSING_NAME = """公共服务数字化要以人为本
公共服务数字化要从群众需求出发，简化办事流程，提升服务体验，让群众办事更方便、更快捷。
同时要保留线下渠道，照顾老年人等群体的使用习惯，不让任何人掉队。
{last}
"""


def test_a_name_on_the_last_line_is_a_closing_byline_not_a_page_label(tmp_path):
    path = tmp_path / "closing_name.txt"
    path.write_text(CLOSING_NAME.format(last="庞景行"), encoding="utf-8")
    src = read_source(str(path))
    assert src.articles[0].authors == ["庞景行"] and not removed(src, "remove_page_label")


def test_a_page_label_on_the_last_line_is_still_removed(tmp_path):
    """Negative case: a column name at the foot of the page (not a personal name) stays a page label."""
    path = tmp_path / "page_label.txt"
    path.write_text(CLOSING_NAME.format(last="要闻"), encoding="utf-8")
    src = read_source(str(path))
    assert src.articles[0].authors == [] and removed(src, "remove_page_label") == ["要闻"]


def test_a_short_news_item_with_its_dateline_in_the_paragraph_is_an_article(tmp_path):
    """Negative case for the whole-page check: no byline line, little prose, but 本报讯（记者 名） opens it."""
    text = (
        "数据要素市场建设要打好制度基础\n□ 庞景行\n"
        "数据要素市场建设离不开制度保障。要加快完善数据产权、流通交易、收益分配和安全治理等基础制度，"
        "让市场主体敢用、愿用、会用数据。\n\n"  # a wider gap than between paragraphs: a title follows
        "青杉算力调度平台上线试运行\n"
        "本报讯（记者　郗明远）3月11日，青杉市一体化算力调度平台上线试运行。\n"
    )
    path = tmp_path / "dateline.txt"
    path.write_text(text, encoding="utf-8")
    src = read_source(str(path))
    assert [a.title for a in src.articles] == ["数据要素市场建设要打好制度基础", "青杉算力调度平台上线试运行"]


@pytest.mark.parametrize(
    "line, names, others",
    [
        ("撰文：甘若溪　摄影：邰一帆", ["甘若溪"], None),  # the photographer is not an author
        ("主持人：骆知远", ["骆知远"], None),
        ("文｜苗若初", ["苗若初"], None),
        ("> 作者：晏照川｜某律师事务所合伙人", ["晏照川"], None),
        ("（作者：柏青禾）", ["柏青禾"], None),
        ("戴　屿　郗明哲", ["戴屿", "郗明哲"], None),  # a two-character name padded to the width of three
        ("嘉　宾：阎川　某研究中心主任", [], ["嘉宾"]),  # a guest is credited, not an author
        ("摄影：邰一帆", [], ["摄影"]),
    ],
)
def test_byline_labels_from_the_vocabulary(line, names, others):
    parsed = parse_byline(line)
    assert parsed is not None and parsed["names"] == names
    assert parsed.get("others") == others


@pytest.mark.parametrize("line", ["编辑：这篇稿子还要再改一遍", "摄影：请在光线好的时候拍", "（作者单位：某大学）"])
def test_a_sentence_after_a_byline_label_is_not_a_byline(line):
    parsed = parse_byline(line)
    assert parsed is None or parsed["form"] not in ("labelled", "credit", "paren")


@pytest.mark.parametrize("line", ["杭州", "成都", "简讯", "背景"])
def test_a_place_or_a_common_noun_alone_is_weak_evidence_of_a_name(line):
    parsed = parse_byline(line)
    assert parsed is None or parsed["form"] == "word"


def test_bottom_bylines_credits_inline_datelines_and_a_column_label():
    src, arts = articles("byline_vocabulary.txt")
    assert [a.title for a in arts] == ["街角的自助图书柜", "夜市里的扫码支付", "社区食堂开通线上订餐"]
    assert [a.authors for a in arts] == [["柏青禾"], ["甘若溪"], ["骆知远", "沐青禾"]]
    assert arts[0].kicker == "【城市笔记】"
    assert arts[2].kicker == "简讯"
    assert "本报讯" not in body(arts[2]) and body(arts[2]).lstrip().startswith("日前")
    assert "本报讯（记者骆知远通讯员沐青禾）" in removed(src, "extract_byline")
    assert "摄影" not in body(arts[1])


def test_place_names_as_section_headings_are_not_authors():
    src, arts = articles("place_headings.txt")
    assert len(arts) == 1 and arts[0].authors == []
    text = body(arts[0])
    assert "杭州" in text and "成都" in text and "简讯" in text


def test_a_byline_glued_to_the_headline_is_split_off(tmp_path):
    path = tmp_path / "glued.txt"
    path.write_text(
        "智慧养老不能只有“智慧”没有“养老”◎鞠安澜\n　　走进一些社区的智慧养老服务中心，大屏幕上跳动着老人的心率、"
        "血压和位置信息，看起来很有科技感。但不少老人并不买账，真正需要上门助餐时却找不到人。\n",
        encoding="utf-8",
    )
    src = read_source(str(path))
    assert [(a.title, a.authors) for a in src.articles] == [("智慧养老不能只有“智慧”没有“养老”", ["鞠安澜"])]


def test_a_headline_ending_with_a_mark_and_a_common_word_is_not_split(tmp_path):
    path = tmp_path / "not_glued.txt"
    path.write_text(
        "乡村振兴的新引擎◎金融\n　　走进一些村庄，电商直播、智慧大棚已经不再新鲜。数字技术正在改变农业生产的方式，"
        "也改变着农民的收入结构和生活方式。\n",
        encoding="utf-8",
    )
    src = read_source(str(path))
    assert src.articles[0].authors == []


def test_front_matter_of_a_markdown_export_is_metadata(tmp_path):
    path = tmp_path / "export.md.txt"
    path.write_text(
        "---\ntitle: 企业出海，数据合规先行\nauthor: 晏照川\ndate: 2025-05-28\n---\n\n# 企业出海，数据合规先行\n\n"
        "越来越多的中国企业把目光投向海外市场，各国对数据保护的要求也越来越严格，数据合规已经成为企业出海的必修课。\n",
        encoding="utf-8",
    )
    src = read_source(str(path))
    assert [(a.title, a.authors) for a in src.articles] == [("企业出海，数据合规先行", ["晏照川"])]
    assert any("title: 企业出海，数据合规先行" in c.before for c in src.report)  # reported, not lost


def test_a_contents_list_before_the_first_title_and_a_short_tail_after_a_rule_are_not_articles(tmp_path):
    prose = "过去一年，开源大模型的能力快速追赶闭源模型，商业化的路径也逐渐清晰，云上变现、企业服务和生态授权各有难处。"
    path = tmp_path / "newsletter.txt"
    path.write_text(
        "本期导读\n1. 开源大模型的商业化路径\n2. 数据标注行业的用工之变\n==============================\n"
        f"开源大模型的商业化路径\n文/卜清河\n{prose}\n{prose}\n------------------------------\n"
        f"数据标注行业的用工之变\n文/冼若澜\n{prose}\n{prose}\n------------------------------\n"
        "不想再收到此类邮件？点击退订：https://mail.example.net/unsubscribe\n",
        encoding="utf-8",
    )
    src = read_source(str(path))
    assert [a.title for a in src.articles] == ["开源大模型的商业化路径", "数据标注行业的用工之变"]
    assert any("本期导读" in c.before for c in src.report)  # kept with the first article (reported) or removed


@pytest.mark.parametrize("line", ["收稿日期：2025-01-06", "首页 > 社会观察 > 别让智能客服变成摆设"])
def test_a_dated_line_or_a_breadcrumb_is_never_a_title(tmp_path, line):
    path = tmp_path / "page.txt"
    path.write_text(
        f"{line}\n作者简介：戴屿，某大学法学院副教授。\n\n平台经济已经成为国民经济的重要组成部分，常态化监管的目标是在规范中"
        "促进发展，为平台企业提供清晰、稳定、可预期的制度环境。\n",
        encoding="utf-8",
    )
    src = read_source(str(path))
    assert all(a.title != line for a in src.articles)
