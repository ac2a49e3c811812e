"""A headline's stack and the bylines around it, on pages of our own making (tests/fixtures/heads): the 引题
(kicker) over the title, the `——` 副题 (subtitle) under it, a series kicker, a speech's occasion, date and
speaker, 本报评论员, a round table's pieces with each author's post under ◆名, and bylines in their less
common forms. The title is the main line alone; the other lines go to metadata and to the report, never
to the body. Read through `wenku clean --json`, as an editor would."""

from __future__ import annotations

import contextlib
import io
import json
import os

import pytest

from conftest import FIXTURES
from wenku.cli import main
from wenku.structure.names import is_post, parse_byline

HERE = os.path.join(FIXTURES, "heads")


def clean(path: str) -> list[dict]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["clean", "--json", path])
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


def fixture(name: str) -> list[dict]:
    return clean(os.path.join(HERE, name))


def reported(art: dict, kind: str) -> list[str]:
    return [c["before"] for c in art["report"] if c["kind"] == kind]


def test_a_newspaper_headline_stack_kicker_title_subtitle_byline():
    (art,) = fixture("stack.txt")
    assert art["title"] == "澄湖三千家小微企业用上“云账本”"
    assert art["kicker"] == "织密数据网络　赋能实体企业".replace("赋能", "服务")
    assert art["subtitle"] == "财务数字化服务覆盖率一年提高近三成"
    assert art["authors"] == ["佘远帆", "栾书禾"]
    for line in ("织密数据网络", "财务数字化服务覆盖率", "佘远帆"):
        assert line not in art["body"]
    assert reported(art, "extract_subtitle") == ["——财务数字化服务覆盖率一年提高近三成"]
    assert reported(art, "extract_kicker") == ["织密数据网络　服务实体企业"]


def test_a_commentators_article_with_a_series_kicker_and_an_editors_note():
    (art,) = fixture("commentator.txt")
    assert art["title"] == "让数字服务多一些温度"
    assert art["kicker"] == "◆共话数字民生②"
    assert art["authors"] == ["本刊特约评论员"]
    assert "编者按" not in art["body"] and "敬请关注" not in art["body"]
    assert "敬请关注" in (art["summary"] or "")  # the editors' note is kept, apart from the text
    assert reported(art, "extract_byline") == ["本刊特约评论员"]


def test_a_speech_occasion_date_and_speaker():
    (art,) = fixture("speech.txt")
    assert art["title"] == "坚持创新驱动　建设数字强县"
    assert art["subtitle"] == "在2026年澄湖县数字经济工作会议上的讲话"
    assert art["authors"] == ["扈云舒"]
    assert art["affiliations"] == ["澄湖县人民政府县长"]
    assert art["date"] == "2026-04-09"
    assert art["body"].startswith("同志们：")
    assert "谢谢大家！" in art["body"] and "讲话" not in art["body"] and "扈云舒" not in art["body"]
    # the note on how the text was made, after its last paragraph, is a note (kept, marked as one)
    assert "（根据录音整理，有删节）\n{: .wenku-note }" in art["body"]


def test_a_round_table_of_pieces_each_with_its_author_and_post():
    arts = fixture("roundtable.txt")
    assert [(a["title"], a["authors"], a["affiliations"]) for a in arts] == [
        ("把闲置算力调度起来", ["仲孙墨白"], ["澄湖大学计算机学院教授"]),
        ("用政策降低用算力的门槛", ["濮阳知遥"], ["澄湖数字经济研究院研究员"]),
    ]
    assert "算力如何更普惠" in (arts[0]["kicker"] or "") or "【对话】" in (arts[0]["kicker"] or "")
    assert reported(arts[0], "extract_kicker") == ["【对话】", "算力如何更普惠"]
    assert "澄湖大学计算机学院教授" in reported(arts[0], "extract_byline")
    assert "澄湖数字经济研究院研究员" in reported(arts[1], "extract_byline")
    for a in arts:
        assert "教授" not in a["body"] and "研究员" not in a["body"] and "编者按" not in a["body"]


def test_a_closing_reporter_byline_in_brackets_on_a_traditional_page():
    (art,) = fixture("traditional.txt")
    assert art["title"] == "氹仔智慧停车试点启动"
    assert art["authors"] == ["温若渠"]
    assert "温若渠" not in art["body"]


def test_a_byline_label_set_off_by_a_space_only():
    (art,) = fixture("spaced_label.txt")
    assert (art["title"], art["authors"]) == ("村里的“数字账房”", ["牧晴川"])
    assert "牧晴川" not in art["body"]


@pytest.mark.parametrize(
    "line, names, form",
    [
        ("本报评论员", ["本报评论员"], "collective"),
        ("本刊特约评论员", ["本刊特约评论员"], "collective"),
        ("滨江晨报评论员", ["滨江晨报评论员"], "collective"),
        ("文　牧晴川", ["牧晴川"], "labelled"),
        ("（记者　温若渠）", ["温若渠"], "paren"),
        ("文字整理：阙明溪", ["阙明溪"], "labelled"),
        ("执笔：韩若水、邵以宁", ["韩若水", "邵以宁"], "labelled"),
        ("澄湖县人民政府县长　扈云舒", ["扈云舒"], "post"),
        ("仲孙墨白　澄湖大学计算机学院教授", ["仲孙墨白"], "post"),
        ("容若溪", ["容若溪"], "plain"),
    ],
)
def test_less_common_byline_forms(line, names, form):
    parsed = parse_byline(line)
    assert parsed is not None and (parsed["names"], parsed["form"]) == (names, form)


@pytest.mark.parametrize(
    "line",
    [
        "文 明天",  # 文 and a word, not a name
        "他是澄湖大学计算机学院教授　王明",  # a sentence about a post
        "评论员",  # a role without an outlet
        "本报评论员认为，数字服务要有温度。",
    ],
)
def test_not_a_byline(line):
    parsed = parse_byline(line)
    assert parsed is None or not parsed["names"]


def test_a_post_is_a_post_only_without_the_words_of_a_sentence():
    assert is_post("澄湖大学计算机学院教授") and is_post("澄湖县人民政府县长")
    assert not is_post("我们的主任") and not is_post("他是教授")


def test_an_epigraph_and_a_post_line_in_the_text_stay_text(tmp_path):
    """Negative cases: a dash line naming the source of an epigraph is not a 副题, and a line naming a post
    that does not stand under a byline stays in the text."""
    path = tmp_path / "epigraph.txt"
    path.write_text(
        "慢下来的数字化\n\n不积跬步，无以至千里\n——荀子\n\n"
        "数字化转型常被说成一场赛跑，可是很多地方的经验表明，先把基础数据理清楚，再上系统，反而走得更快。\n"
        "参加座谈的专家有：\n澄湖大学计算机学院教授\n他们都认为，数据治理是一项长期工作，急不得。\n",
        encoding="utf-8",
    )
    (art,) = clean(str(path))
    assert art["title"] == "慢下来的数字化" and art.get("subtitle") is None
    assert "——荀子" in art["body"] and "澄湖大学计算机学院教授" in art["body"]


def test_a_forum_tag_before_the_headline_and_an_outlet_line_naming_the_author():
    (art,) = fixture("forum.txt")
    assert art["title"] == "让老人也能用好“一网通办”"
    assert art["kicker"] == "[转帖]"
    assert art["authors"] == ["闵若川"]
    assert "转帖" not in art["body"] and "闵若川" not in art["body"]


def test_a_sites_navigation_row_is_not_the_title():
    arts = fixture("portal_nav.txt")
    assert [(a["title"], a["authors"]) for a in arts] == [("数据开放要让企业“找得到、用得上”", ["甘若溪"])]


def test_a_sidebar_box_drawn_in_rules_is_an_article_of_its_own_and_the_text_it_cut_is_rejoined():
    arts = fixture("sidebar.txt")
    assert [(a["title"], a["authors"]) for a in arts] == [
        ("数据标注：看不见的“人工智能流水线”", ["冼南枝"]),
        ("什么是数据标注", []),
    ]
    assert arts[0]["kicker"] == "封面故事" and arts[1]["kicker"] == "相关链接"
    assert "成为当地吸纳青年就业的新兴行业" in arts[0]["body"].replace("\n", "")
    assert "数据标注是指" in arts[1]["body"] and "数据标注是指" not in arts[0]["body"]
    assert "└" in "".join(c["before"] for c in arts[0]["report"] + arts[1]["report"])


def test_a_list_of_guests_with_their_posts_stays_text():
    """Negative case: lines of a post and a name in the text (a list of guests) are neither bylines nor a
    photo caption's names."""
    (art,) = fixture("guests.txt")
    assert art["title"] == "数字经济论坛在澄湖举行" and art["authors"] == []
    for line in ("澄湖大学计算机学院教授　仲孙墨白", "澄湖数字经济研究院研究员　濮阳知遥", "澄湖市数据局局长　扈云舒"):
        assert line in art["body"]


def test_a_journals_manuscript_dates_are_a_note_not_text(tmp_path):
    path = tmp_path / "journal.txt"
    path.write_text(
        "数据要素收益分配的三个原则\n作者：庹立言\n\n"
        "　　数据要素的收益如何分配，关系到各方参与数据流通的积极性。本文认为，应当坚持贡献原则、公平原则和激励原则。\n"
        "　　贡献原则是基础，公平原则是底线，激励原则是动力，三者缺一不可。\n\n"
        "收稿日期：2025-02-11\n",
        encoding="utf-8",
    )
    (art,) = clean(str(path))
    assert art["title"] == "数据要素收益分配的三个原则" and art["authors"] == ["庹立言"]
    assert "收稿日期：2025-02-11\n{: .wenku-note }" in art["body"] and art["date"] != "2025-02-11"
