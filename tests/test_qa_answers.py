"""A Q&A page holding several full answers (structure/qa.py): one article per answer, each titled with the
question and signed by its answerer; a short reply without its own counts is no answer. Inputs written for
these tests (invented names)."""

from __future__ import annotations

from wenku.corpus import process_bytes

PAGE = """\
县城开一家AI修图店能赚钱吗？
关注者 88
被浏览 20,114
岳听澜
摄影工作室店主
512 人赞同了该回答
能赚，但赚的不是修图的钱。修图本身越来越便宜，一张证件照的精修现在只能收五块钱。
真正赚钱的是拍摄和冲印的套餐，AI只是让一个人能干以前三个人的活。
编辑于 2026-01-09 20:15・IP 属地江西
赞同 512
评论 40
仇见微
在读研究生
97 人赞同了该回答
我做过半年，结论是不太行。县城的客人更信任面对面的老师傅，对“AI修的”有顾虑。
另外设备和软件订阅每个月也要一千多，县城的客流撑不起这样的固定开支。
发布于 2026-01-12 08:03・IP 属地安徽
赞同 97
"""


def test_two_full_answers_are_two_articles():
    result = process_bytes("qa.txt", PAGE.encode("utf-8"), None)
    assert result.kind == "qa-answer"
    arts = result.articles
    assert [a.title for a in arts] == ["县城开一家AI修图店能赚钱吗？"] * 2
    assert [a.authors for a in arts] == [["岳听澜"], ["仇见微"]]
    assert "套餐" in arts[0].blocks[-1].text or any("套餐" in b.text for b in arts[0].blocks)
    assert not any("仇见微" in b.text or "老师傅" in b.text for b in arts[0].blocks)
    assert any("老师傅" in b.text for b in arts[1].blocks)
    assert arts[1].date == "2026-01-12"


def test_one_answer_page_stays_one_article():
    one = PAGE[: PAGE.index("仇见微")]
    result = process_bytes("qa1.txt", one.encode("utf-8"), None)
    assert len(result.articles) == 1 and result.articles[0].authors == ["岳听澜"]
