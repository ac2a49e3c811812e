"""Page furniture through the whole pipeline (no sidecar): a WeChat copy's head and tail, a news page's
readers' comments, a slide deck's numbered footers and contents. The article comes out whole, with none
of the furniture in its body, and every removed line is in the report."""

from __future__ import annotations

from wenku.corpus import process_bytes
from wenku.textutil import RE_CJK_RUN

P1 = "打开手机，新闻、短视频、商品总是恰好符合口味。推荐算法提高了信息分发效率，也带来了信息茧房等问题。"
P2 = "守住底线，需要平台把社会责任写进算法，为用户提供关闭个性化推荐的便捷入口。"
P3 = "技术向善不是一句口号。只有守住社会的底线，平台经济才能行稳致远。"

WECHAT = [
    "推荐算法要守住底线",
    "原创 程远 某某观察 2025年02月17日 08:05 北京",
    "",
    "▲点击上方蓝字，关注我们",
    "",
    P1,
    "",
    P2,
    "",
    P3,
    "",
    "— END —",
    "",
    "作者简介",
    "程远，南山数字治理研究中心研究员。",
    "",
    "编辑｜林小舟　　审核｜白露",
    "",
    "往期推荐",
    "数据共享的三道门槛",
    "县域数字经济怎么干？",
    "",
    "喜欢此内容的人还喜欢",
    "阅读 3.2万",
    "赞 286　　在看 41",
    "分享　收藏　点赞　在看",
    "写留言",
]

COMMENTS = [
    "城市 > 评论 > 正文",
    "数字身份认证应兼顾便利与隐私",
    "2025-05-20 14:32　来源：某某在线　作者：言子墨",
    "字号：T | T",
    "",
    P1,
    "",
    P2,
    "",
    "网友评论",
    "全部评论（2）",
    "用户9527：说得好，人脸识别不能什么地方都用。",
    "回复　赞(12)",
    "江畔听雨：支持，希望早点出台细则。",
    "回复　赞(3)",
    "相关新闻",
    "·多地推出电子身份证应用试点",
]

SLIDES = [
    "数据要素市场化配置改革",
    "程远",
    "南山数字经济研究院",
    "2025年6月",
    "南山数字经济研究院　|　1",
    "",
    "目录",
    "CONTENTS",
    "01　改革进展",
    "02　下一步建议",
    "南山数字经济研究院　|　2",
    "",
    "一、改革进展",
    "▪ 数据基础制度框架初步建立",
    "南山数字经济研究院　|　3",
    "",
    "一、改革进展（续）",
    "▪ 公共数据开发利用提速",
    "南山数字经济研究院　|　4",
    "",
    "二、下一步建议",
    "▪ 健全数据资产登记和评估制度",
    "南山数字经济研究院　|　5",
]


def run(lines):
    src = process_bytes("furniture.txt", "\n".join(lines).encode("utf-8"))
    return src, src.articles


def text_of(art):
    return "\n".join(b.text for b in art.blocks) + "\n".join(str(i) for b in art.blocks for i in (b.items or []))


def nothing_silent(src, lines):
    """Every Chinese run of the input is in an article (title, body, metadata) or in a report entry."""
    kept = "".join(
        (a.title or "") + text_of(a) + "".join(a.authors) + "".join(a.affiliations) + str(a.metadata_key())
        for a in src.articles
    )
    reported = "".join(c.before + c.after for c in src.report)
    missing = [r for ln in lines for r in RE_CJK_RUN.findall(ln) if r not in kept and r not in reported]
    assert not missing, missing


def test_wechat_copy_head_and_tail_are_not_text():
    src, arts = run(WECHAT)
    assert len(arts) == 1
    art = arts[0]
    assert art.title == "推荐算法要守住底线"
    assert art.date == "2025-02-17"
    assert art.authors == ["程远"]  # 原创 名 号名 日期: the name, not the account
    body = text_of(art)
    for furniture in (
        "END",
        "往期推荐",
        "数据共享的三道门槛",
        "喜欢此内容",
        "3.2万",
        "在看",
        "写留言",
        "编辑｜",
        "原创",
    ):
        assert furniture not in body, furniture
    assert P3 in body
    assert any("南山数字治理研究中心" in a for a in art.affiliations)
    assert art.editors == ["林小舟", "白露"]
    kinds = {c.kind for c in src.report}
    assert {"remove_end_mark", "remove_related_list", "remove_web_chrome", "remove_editor_credit"} <= kinds
    nothing_silent(src, WECHAT)


def test_readers_comments_are_not_a_second_article():
    src, arts = run(COMMENTS)
    assert len(arts) == 1
    assert arts[0].title == "数字身份认证应兼顾便利与隐私"
    assert arts[0].authors == ["言子墨"] and arts[0].date == "2025-05-20"
    body = text_of(arts[0])
    for furniture in ("用户9527", "支持，希望早点出台细则", "回复", "相关新闻", "电子身份证应用试点", "字号"):
        assert furniture not in body, furniture
    kinds = {c.kind for c in src.report}
    assert {"remove_reader_comments", "remove_related_list", "remove_web_chrome"} <= kinds
    nothing_silent(src, COMMENTS)


def test_slide_footers_contents_and_continued_titles():
    src, arts = run(SLIDES)
    assert len(arts) == 1
    art = arts[0]
    assert art.title == "数据要素市场化配置改革"
    assert art.authors == ["程远"] and art.affiliations == ["南山数字经济研究院"]
    assert art.date == "2025-06"
    body = text_of(art)
    assert "南山数字经济研究院" not in body
    assert "（续）" not in body and "01　改革进展" not in body
    assert "公共数据开发利用提速" in body
    kinds = [c.kind for c in src.report]
    assert kinds.count("remove_running_header") == 5
    assert "remove_repeated_slide_title" in kinds
    nothing_silent(src, SLIDES)
