"""A transcript without timestamps (structure/transcript.py, ``_untimed``): speakers' turns under a
transcriber's credit. Inputs written for these tests (invented names)."""

from __future__ import annotations

from wenku.corpus import process_bytes

DIALOGUE = """\
圆桌｜县域医院怎样用好远程影像
文字整理：郜青禾
主持人：今天的话题是远程影像诊断。先请两位介绍一下各自医院的情况。
邹望舒：我们医院去年接入了市里的影像中心，县里拍的片子，市里的医生半小时内出报告。
穆晚晴：我们是山区医院，网络是最大的难题，一张CT片子要传二十分钟。
主持人：那两位觉得下一步最需要什么？
邹望舒：最需要的是把报告的责任划清楚，谁签字谁负责。
穆晚晴：我想要的是一条稳定的专线，其他都好说。
"""


def test_dialogue_under_a_transcribers_credit_is_a_transcript():
    result = process_bytes("roundtable.txt", DIALOGUE.encode("utf-8"), None)
    assert result.kind == "transcript"
    assert len(result.articles) == 1
    art = result.articles[0]
    assert art.title == "圆桌｜县域医院怎样用好远程影像"  # a genre word in the headline stays
    assert art.authors == ["郜青禾"]
    assert any(b.text.startswith("邹望舒：") for b in art.blocks)


def test_dialogue_without_a_credit_is_not_taken_for_a_transcript():
    text = DIALOGUE.replace("文字整理：郜青禾\n", "本报记者　郜青禾\n")
    result = process_bytes("interview.txt", text.encode("utf-8"), None)
    assert result.kind != "transcript"
