"""Titles and bylines from the evidence an editor reads on a page of a kind never seen (issue 15, heldout5
study): a question headline above its byline, a column label over the headline, a headline under page
furniture above an outlet line that names the author, a research group's byline, a photo credit. Every
input is invented here (names, outlets, places)."""

from __future__ import annotations

from wenku.corpus import process_bytes
from wenku.structure.units import question_headline


def clean(text: str):
    return process_bytes("page.txt", text.encode("utf-8"), None)


def test_question_headline_over_its_byline_is_the_title():
    result = clean(
        "县城的快递站还撑得下去吗？\n"
        "文／乔望川\n"
        "镇上的快递站去年关了三家，剩下的两家也在商量合并。站长说，件量没少，利润却薄了一半。\n"
        "问题出在哪里？有人说是价格战，有人说是人工贵，其实两样都有，更要紧的是村里的末端没有理顺。\n"
        "如果县里能把几家快递的末端配送合在一起，成本还能再降三成，快递站也就有了喘息的余地。\n"
    )
    assert [a.title for a in result.articles] == ["县城的快递站还撑得下去吗？"]
    assert result.articles[0].authors == ["乔望川"]
    body = "\n".join(b.text for b in result.articles[0].blocks)
    assert "问题出在哪里？" in body  # a question inside the text stays text


def test_question_shape():
    assert question_headline("算力到底过剩了吗？")
    assert question_headline("数据要素，谁来定价？")
    assert not question_headline("问：数据要素谁来定价？")  # a Q&A line
    assert not question_headline("1. 数据要素谁来定价？")  # numbered
    assert not question_headline("他说了什么。你听见了吗？")  # two sentences
