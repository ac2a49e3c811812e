"""A forum thread saved as text (structure/forum.py): the opening post is the one article, its title the
thread's, its author the poster; quoted posts, the signature and the replies are reported, not text.
Inputs written for these tests (invented boards and handles)."""

from __future__ import annotations

from wenku.corpus import process_bytes

THREAD = """\
首页 > 社区 > 数码杂谈
[求助] 旧笔记本装了本地模型，风扇一直狂转正常吗
浏览 902 | 回帖 12

1楼 北窗听雨 发表于 2025-11-20 08:15

以下是引用：
南山拾荒人 发表于 2025-11-19 22:01
八年前的本子就别折腾了。

我这台笔记本是八年前买的，内存十六个G，前几天照着教程装了一个七十亿参数的本地模型。

能跑，但是每回答一个问题风扇就像起飞一样，键盘上方烫得不敢摸，一分钟才出二十来个字。

想问问各位，这样长期跑会不会把机器烧坏？有没有什么办法能让它安静一点？

__________
一台老机器，一颗折腾的心。

沙发 南山拾荒人 发表于 2025-11-20 08:40
换个小一点的模型，三十亿参数的就够日常用了。

3楼 夜航船 发表于 2025-11-20 09:02
清清灰，换个硅脂，温度能降不少。
"""


def _run(text: str):
    return process_bytes("thread.txt", text.encode("utf-8"), None)


def test_forum_thread_is_one_article_the_opening_post():
    result = _run(THREAD)
    assert len(result.articles) == 1
    art = result.articles[0]
    assert art.title == "旧笔记本装了本地模型，风扇一直狂转正常吗"
    assert art.authors == ["北窗听雨"]
    assert art.date == "2025-11-20"
    body = "\n".join(b.text for b in art.blocks)
    assert "七十亿参数" in body and "安静一点" in body
    for gone in ("八年前的本子", "一颗折腾的心", "三十亿参数", "清清灰"):
        assert gone not in body
    kinds = {c.kind for c in result.report}
    assert {"remove_forum_quote", "remove_forum_reply"} <= kinds
    assert any(c.kind == "detect_kind" and "forum thread" in c.reason for c in result.report)


def test_an_article_that_says_where_it_was_published_is_no_forum_thread():
    text = (
        "旧电脑跑大模型的三点提醒\n文／北窗听雨\n本文发表于 2025-11-20 的《数码杂谈》周刊，略有删节。\n\n"
        "很多人想在旧电脑上装本地模型。能跑是一回事，跑得舒服是另一回事。\n\n"
        "第一，先看内存；第二，选小一些的模型；第三，注意散热，别让机器长时间满载。\n"
    )
    result = _run(text)
    assert not any(c.kind.startswith("remove_forum") for c in result.report)
    assert result.articles[0].title == "旧电脑跑大模型的三点提醒"


def test_floor_labels_alone_on_their_line_and_a_reposted_articles_byline():
    text = """\
[转载] 县城图书馆的数字阅读角
楼主
纸船 发表于 2025-12-02 19:30
转自某某周刊　作者：檀疏影
县城图书馆去年在一楼辟出一个数字阅读角，摆了十台电子阅读器和两台大屏。

半年下来，借阅量最高的是有声书，来的最多的是放学后的中学生和退休的老人。

沙发
过路人 发表于 2025-12-02 20:11
我们县也有，就是周末不开门。
"""
    result = _run(text)
    assert len(result.articles) == 1
    art = result.articles[0]
    assert art.title == "县城图书馆的数字阅读角"
    assert art.authors == ["檀疏影"]
    body = "\n".join(b.text for b in art.blocks)
    assert "有声书" in body and "周末不开门" not in body and "过路人" not in body and "转自" not in body
