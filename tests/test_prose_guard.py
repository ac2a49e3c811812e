"""The prose guard of the furniture rules (wenku.ingest.boilerplate.reads_as_prose) and the structure rules that
use it: a line that reads as the author's sentence is not furniture, real furniture still goes."""

from __future__ import annotations

import pytest

from wenku.corpus import read_source
from wenku.ingest.boilerplate import boilerplate_rule, reads_as_clause, reads_as_prose


@pytest.mark.parametrize(
    "line",
    [
        "投稿邮箱是编辑部与作者之间最古老的纽带之一。",
        "分享到：微信、微博、QQ空间。这一行按钮曾是新闻网页的标配。",
        "下转第5版，意味着头版放不下的重要稿件要在后面的版面继续。",
        "“转载请注明出处”管用吗",
        "关注直播间的人越来越多，说明观众愿意为有用的内容停留。",
        "福袋、秒杀和优惠券，本是商家回馈观众的手段，却也常被用来诱导消费。",
    ],
)
def test_a_sentence_with_furniture_words_reads_as_prose(line):
    assert reads_as_prose(line)
    assert boilerplate_rule(line, False) is None


@pytest.mark.parametrize(
    "line",
    [
        "本文仅代表作者个人观点，不代表本平台立场。",
        "图片来源于网络，如有侵权请联系删除。",
        "投稿邮箱：tougao@example.com",
        "版权所有 © 2025 某某网　ICP备12345678号",
        "分享到：",
        "点击“阅读原文”查看更多",
        "![](https://img.example.com/a.jpg)",
        "主播已开启点赞抽奖：点赞满1万，抽10位观众送书",
        "关注直播间，每周三晚上见～",
        "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。",
        "【弹幕】小满：我家楼下也有一家",
        "赞同 56",
        "查看全部 12 个回答",
        "56 人赞同了该回答",
        "加入读者群，每周收到精选文章～",
        "▼",
    ],
)
def test_furniture_does_not_read_as_prose(line):
    assert not reads_as_prose(line)
    assert boilerplate_rule(line, False) is not None


def test_a_colon_above_makes_a_counter_row_the_author_s():
    row = "阅读 3.2万　赞 286　在看 41"
    assert reads_as_prose(row, "以下是某篇文章发布一周后的数据：")
    assert not reads_as_prose(row, "分享到：")
    assert not reads_as_prose(row, "")


@pytest.mark.parametrize(
    ("label", "clause"), [("要闻", False), ("理论周刊", False), ("国际版", False), ("天快亮了", True)]
)
def test_a_page_label_is_one_or_two_words_a_clause_is_more(label, clause):
    assert reads_as_clause(label) is clause
    assert (boilerplate_rule(label, True) is None) is clause


PAGE = "{title}\n\n{lead}\n\n{middle}\n\n第二段写得也很长，说明数字消费的增长反映了居民生活方式的变化。\n"


def _clean(tmp_path, **parts):
    path = tmp_path / "a.txt"
    path.write_text(PAGE.format(**parts), encoding="utf-8")
    return read_source(str(path))


def _body(src) -> str:
    return "".join(b.text for a in src.articles for b in a.blocks)


def test_a_source_note_between_paragraphs_stays_in_the_text(tmp_path):
    src = _clean(
        tmp_path,
        title="居民数字消费支出持续增长",
        lead="2024年，本市居民人均数字消费支出达到4200元，比上年增长12%。",
        middle="来源：某市统计局，2025年2月",
    )
    assert "来源：某市统计局" in _body(src)
    assert not [c for c in src.report if c.kind == "extract_metadata_line"]


def test_an_outlet_line_under_the_title_is_still_metadata(tmp_path):
    src = _clean(
        tmp_path,
        title="居民数字消费支出持续增长",
        lead="来源：某市统计局　2025-02-03",
        middle="2024年，本市居民人均数字消费支出达到4200元，比上年增长12%。",
    )
    assert "来源：" not in _body(src)
    assert [c for c in src.report if c.kind == "extract_metadata_line"]


def test_a_sentence_about_a_jump_line_stays_and_a_jump_line_goes(tmp_path):
    src = _clean(
        tmp_path,
        title="报纸上的转版",
        lead="下转第5版，意味着头版放不下的重要稿件要在后面的版面继续。",
        middle="读报的人都熟悉这样的提示，编辑要为头版留出位置。",
    )
    assert "下转第5版，意味着" in _body(src)
    src = _clean(
        tmp_path,
        title="报纸上的转版",
        lead="读报的人都熟悉这样的提示，编辑要为头版留出位置，版面安排本身就是判断。",
        middle="（下转第5版）",
    )
    assert "下转第5版" not in _body(src)


NOTES = """关于平台治理的思考

平台企业应当承担相应的治理责任，这一点已经成为共识①。

监管部门也在完善相关规则，推动平台企业公开算法规则。

注释：
① 参见某研究中心编印的年度报告，第18页。
② 调查样本为营业收入超过1亿元的平台企业。
"""


def test_notes_under_their_label_are_a_note_block_not_the_body(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    art = read_source(str(path)).articles[0]
    body = "".join(b.text for b in art.blocks if b.kind == "p")
    notes = "".join(b.text for b in art.blocks if b.kind == "note")
    assert "参见某研究中心" not in body and "参见某研究中心" in notes and "调查样本" in notes
    assert "承担相应的治理责任" in body


def test_a_numbered_list_without_a_notes_label_stays_the_body(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(NOTES.replace("注释：\n", "主要做法有两条：\n"), encoding="utf-8")
    art = read_source(str(path)).articles[0]
    assert not [b for b in art.blocks if b.kind == "note"]


def test_a_reference_with_a_document_type_code_is_a_note(tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text(
        NOTES.split("注释")[0] + "[1] 某作者. 数字乡村项目运营机制研究[J]. 某大学学报, 2024(3): 45-52.\n",
        encoding="utf-8",
    )
    art = read_source(str(path)).articles[0]
    assert any("运营机制研究" in b.text for b in art.blocks if b.kind == "note")


def test_front_matter_gives_the_author_and_is_reported(tmp_path):
    path = tmp_path / "export.md.txt"
    path.write_text(
        "---\ntitle: 数据合规先行\nauthor: 晏某某\ndate: 2025-05-28\n---\n\n# 数据合规先行\n\n"
        "数据合规不能只靠法务部门事后审核，而要在产品设计阶段就考虑进去，这样才能少走弯路。\n",
        encoding="utf-8",
    )
    src = read_source(str(path))
    art = src.articles[0]
    assert art.authors == ["晏某某"] and art.date and art.date.startswith("2025-05")
    assert [c.line for c in src.report if c.kind == "remove_front_matter"] == [1, 2, 3, 4, 5]


def test_a_title_stated_only_in_front_matter_or_a_mail_subject_titles_the_article(tmp_path):
    """A Markdown export without a `#` headline takes its front matter's title; a mailed text without a headline
    takes its subject line: the source states them, so they are not inferred titles."""
    body = "数据合规不能只靠法务部门事后审核，而要在产品设计阶段就考虑进去，这样才能少走弯路，也能省下返工的成本。\n"
    md = tmp_path / "export.md.txt"
    md.write_text(f"---\ntitle: 合规要走在产品前面\nauthor: 晏某某\n---\n\n{body}", encoding="utf-8")
    mail = tmp_path / "mail.txt"
    mail.write_text(
        f"发件人：晏某某 <yan@example.org>\n收件人：编辑部\n主题：合规要走在产品前面\n\n{body}", encoding="utf-8"
    )
    for path in (md, mail):
        art = read_source(str(path)).articles[0]
        assert (art.title, art.title_inferred) == ("合规要走在产品前面", False), path.name


def test_a_bracketed_note_about_the_text_is_a_note_block(tmp_path):
    path = tmp_path / "talk.txt"
    path.write_text(
        "访谈：规则清楚了企业才敢投入\n\n规则清楚了，企业才敢投入，这是我们调研中听到最多的一句话。\n\n"
        "（本文根据访谈录音整理，经受访者审定）\n",
        encoding="utf-8",
    )
    art = read_source(str(path)).articles[0]
    assert [b.text for b in art.blocks if b.kind == "note"] == ["（本文根据访谈录音整理，经受访者审定）"]


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("▲多所高中试行在课堂使用生成式工具。（记者某某摄）", True),
        ("课堂上，学生们正在使用新的学习工具。（某某供图）", True),
        ("他说：“规则清楚了，企业才敢投入。”（笑）", False),
    ],
)
def test_a_photo_caption_is_a_figure_not_a_paragraph(tmp_path, line, caption):
    path = tmp_path / "caption.txt"
    path.write_text(
        f"课堂里的新工具\n\n{line}\n\n新学期开始后，多所学校在课堂上试用新的学习工具，老师和学生都在摸索。\n",
        encoding="utf-8",
    )
    art = read_source(str(path)).articles[0]
    assert any(b.kind == "figure" and b.text == line for b in art.blocks) is caption


@pytest.mark.parametrize(
    "line",
    [
        "直播间里的“福袋”",  # a headline naming a giveaway word, no terms
        "关注主播背后的供应链",  # a headline about following, the clause goes on
        "抽奖活动不能成为诱导消费的幌子",
        "弹幕文化观察",
        "加入世界贸易组织二十年",
    ],
)
def test_headline_with_giveaway_or_follow_words_is_not_furniture(line):
    assert boilerplate_rule(line, False) is None
