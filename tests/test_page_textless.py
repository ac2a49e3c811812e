"""Pieces of a page that hold no text are no articles (structure/page.py): a masthead above the first
article, footnotes whose marks stand in an article's text. Inputs written
for these tests (invented names)."""

from __future__ import annotations

from wenku.corpus import process_bytes

BRIEF = """\
工作动态
第十二期
枫桥县农业农村局办公室　　　　　　2025年10月9日
━━━━━━━━━━━━━━━━━━━━

秋粮收购用上了线上预约
苏半夏
　　今年秋粮收购，全县九个收储点都开通了线上预约[1]，农户在手机上选好时段，到点直接过磅，不再排长队。
　　截至十月八日，已有两千三百多户农户通过预约售粮，平均等候时间由三个多小时缩短到四十分钟左右。
　　下一步，县里准备把烘干、仓储的空余能力也放到平台上，让种粮大户提前安排。
[1] 预约平台由县农业农村局与县供销社共同建设。
━━━━━━━━━━━━━━━━━━━━
发：各乡镇农业服务中心，县直有关单位
"""


def _run(text: str):
    return process_bytes("brief.txt", text.encode("utf-8"), None)


def test_masthead_and_footnote_are_no_articles_and_footnote_is_a_note():
    result = _run(BRIEF)
    assert len(result.articles) == 1
    art = result.articles[0]
    assert art.title == "秋粮收购用上了线上预约"
    text = "\n".join(b.text for b in art.blocks if b.kind == "p")
    assert "线上预约" in text and "预约平台由" not in text
    assert any(b.kind == "note" and b.text.startswith("[1]") for b in art.blocks)
    kinds = {c.kind for c in result.report}
    assert {"place_footnote", "remove_page_head"} <= kinds
    assert any(c.kind == "remove_page_head" and "工作动态" in c.before for c in result.report)


def test_two_articles_with_text_both_stay_and_the_footnote_goes_to_its_article():
    second = (
        "━━━━━━━━━━━━━━━━━━━━\n村里的快递驿站开到了家门口\n林听雪\n"
        "　　今年全县新建村级快递驿站四十个，村民取件不用再跑到镇上，驿站还代收农产品寄往城里。\n"
        "　　驿站多设在村里的小超市，店主每寄一件能拿到几毛钱的补贴。\n"
    )
    text = BRIEF.replace("[1] 预约平台", second + "[1] 预约平台")
    result = _run(text)
    titles = [a.title for a in result.articles]
    assert titles == ["秋粮收购用上了线上预约", "村里的快递驿站开到了家门口"]
    first, other = result.articles
    assert any(b.kind == "note" and b.text.startswith("[1]") for b in first.blocks)
    assert not any("[1]" in b.text for b in other.blocks)


def test_a_byline_under_a_title_and_an_account_line_signs_that_title():
    """The page's units as the heads step marks them on a share page: a title, an account and date line
    (no sentence), then a byline taken for the start of an untitled article: one article."""
    from wenku.structure.page import _byline_under_title, _items
    from wenku.structure.units import Unit

    units = [
        Unit("title", "乡村小学来了AI助教：四十本作业几分钟批完", [1], {"head": True}),
        Unit("heading", "青禾教育观察，2025-09-01 07:45 · 青禾号作者", [2]),
        Unit("author", "文｜岑知白", [4], {"head": True}),
        Unit("para", "开学第一周，山脚下的这所小学用上了一套AI助教，帮老师批改口算作业。", [6]),
        Unit("para", "校长说，老师省下来的时间，都用在了和学生谈心上。", [8]),
    ]
    items, slots = _items(units, [])
    assert len(slots) == 2
    slots = _byline_under_title(items, slots)
    assert len(slots) == 1 and slots[0].title.startswith("乡村小学")
    assert [it.role for it in items if it.unit.kind == "author"] == ["attach"]


def test_a_byline_under_a_title_with_text_of_its_own_still_opens_an_article():
    from wenku.structure.page import _byline_under_title, _items
    from wenku.structure.units import Unit

    units = [
        Unit("title", "乡村小学来了AI助教", [1], {"head": True}),
        Unit("para", "开学第一周，山脚下的这所小学用上了一套AI助教，帮老师批改口算作业。", [2]),
        Unit("author", "文｜岑知白", [4], {"head": True}),
        Unit("para", "另一篇文章的第一段，写的是县城图书馆。", [6]),
    ]
    items, slots = _items(units, [])
    assert len(_byline_under_title(items, slots)) == 2


def test_verse_without_punctuation_is_not_folded_as_furniture():
    poem = "春天的数据中心\n" + "\n".join(
        ["风扇在夜里唱歌", "指示灯一闪一闪", "像田埂上的萤火", "我数着机柜的行数", "数到第九排就天亮了"]
    )
    second = (
        "\n━━━━━━━━━━━━━━━━━━━━\n机房里的年轻人\n林听雪\n"
        "　　凌晨三点，机房值班的小周又巡了一遍机柜，他说这份工作最难的是熬夜，最好的是安静。\n"
        "　　他们一个班四个人，轮流守着上千台服务器，手机里装着十几个告警软件。\n"
    )
    result = _run(poem + second)
    assert "机房里的年轻人" in [a.title for a in result.articles]
    assert not any(c.kind == "remove_page_head" for c in result.report)
