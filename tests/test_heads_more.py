"""Article heads on small pages of our own making (tests/fixtures/heads2): bylines printed only at an
article's end, and other head shapes."""

from __future__ import annotations

import os

from conftest import FIXTURES
from wenku.corpus import assign_slugs, read_source
from wenku.structure.names import excerpt_source, parse_byline

HEADS2 = os.path.join(FIXTURES, "heads2")


def articles(name):
    (src,), _, _ = assign_slugs([read_source(os.path.join(HEADS2, name))])
    return src, src.articles


def test_bracketed_byline_with_unit_names_the_authors():
    assert parse_byline("（作者：柯远舟　青川师范学院公共管理系）")["names"] == ["柯远舟"]
    got = parse_byline("作者：邵晴川、尤景和　单位均为青川市社会科学研究所")
    assert got["names"] == ["邵晴川", "尤景和"]
    assert got["affiliation"] == "单位均为青川市社会科学研究所"
    assert parse_byline("作者：这是一个　很长的句子") is None


def test_closing_bylines_are_the_authors():
    src, arts = articles("closing_bylines.txt")
    assert [a.title for a in arts] == ["老旧小区加装电梯要算好长远账", "社区食堂如何办得长久"]
    assert arts[0].authors == ["柯远舟"]
    assert arts[1].authors == ["邵晴川", "尤景和"]
    assert any(c.kind == "extract_byline" and "柯远舟" in c.before for c in src.report)


def test_book_excerpt_takes_its_section_head_as_title_and_its_source_note_as_byline():
    src, arts = articles("book_excerpt.txt")
    assert len(arts) == 1
    art = arts[0]
    assert art.title == "第三节　片区开发为何难以平衡"
    assert art.kicker == "第五章　城市更新的财务逻辑"
    assert art.authors == ["闻溪桥"]
    assert any(c.kind == "extract_kicker" and "第五章" in c.before for c in src.report)
    assert any(c.kind == "extract_byline" and "节选自" in c.before for c in src.report)


def test_excerpt_source_names_only_a_book_author():
    assert excerpt_source("（节选自闻溪桥著《城市更新的账本》，青川人民出版社2025年版。）") == ["闻溪桥"]
    assert excerpt_source("（选自邵晴川、尤景和编《社区治理读本》）") == ["邵晴川", "尤景和"]
    assert excerpt_source("本文摘自《青川日报》") is None


def test_weibo_poster_with_verified_mark_is_the_author_of_the_post():
    assert parse_byline("杭远山 V") == {"names": ["杭远山"], "form": "poster"}
    src, arts = articles("weibo_post.txt")
    assert len(arts) == 1
    art = arts[0]
    assert art.title == "骑车上班三年，我想聊聊城市里的自行车道"
    assert art.authors == ["杭远山"]
    assert any(c.kind == "extract_metadata_line" and "Android" in c.before for c in src.report)
    assert any(c.kind == "extract_kicker" and "#城市骑行#" in c.before for c in src.report)


def test_author_card_of_the_credited_author_does_not_sign_a_new_article():
    src, arts = articles("author_card.txt")
    assert len(arts) == 1
    assert arts[0].title == "县城书店的第二次生命"
    assert arts[0].authors == ["柏清和"]
    # the reading list under the card is reported (by the cleaning's list rule, or as uncertain placement)
    assert any(c.kind in ("uncertain_placement", "remove_related_list") and "借书卡" in c.before for c in src.report)
    assert not any("借书卡" in b.text for b in arts[0].blocks)


def test_official_document_head_and_number_go_above_the_notice_title():
    src, arts = articles("red_head_notice.txt")
    assert len(arts) == 1
    assert arts[0].title == "青川市文化旅游局关于做好2025年国庆假期景区安全工作的通知"
    kicked = [c.before for c in src.report if c.kind == "extract_kicker"]
    assert "青川市文化旅游局文件" in kicked and "青文旅发〔2025〕18号" in kicked


def test_bracketed_profile_box_between_turns_is_a_box_not_an_article():
    src, arts = articles("profile_box.txt")
    assert len(arts) == 1
    art = arts[0]
    assert art.title == "让老手艺走进新课堂"
    assert art.summary is not None and art.summary.startswith("邱守拙，1962年生")
    assert art.summary.endswith("作品多次在全国工艺美术展中获奖。")


def test_site_name_over_the_headline_and_its_author_line_is_not_the_title():
    src, arts = articles("portal_article.txt")
    assert len(arts) == 1
    assert arts[0].title == "社区团购不能挤垮菜市场"
    assert arts[0].authors == ["季文澜"]


def test_portal_title_field_names_the_title_and_its_table_rows_are_metadata():
    src, arts = articles("portal_table.txt")
    assert len(arts) == 1
    art = arts[0]
    assert art.title == "青川市启动第二批城镇老旧小区改造项目"
    text = " ".join(b.text for b in art.blocks)
    assert "索引号" not in text and "发布机构" not in text
    # the table's rows are reported: taken out by the cleaning (disclosure table) or read as metadata here
    kinds = ("extract_metadata_line", "remove_disclosure_table")
    assert any(c.kind in kinds and "索引号" in c.before for c in src.report)


def test_kind_labels_over_a_press_release_headline_are_not_its_title():
    src, arts = articles("press_release.txt")
    assert len(arts) == 1
    assert arts[0].title == "青川港集装箱吞吐量首破百万标箱"
    # the labels are reported: removed by the cleaning (release labels) or kept as the kicker here
    kicked = [c.before for c in src.report if c.kind in ("extract_kicker", "remove_release_label")]
    assert "新闻稿" in kicked and "即时发布" in kicked
    assert not any("新闻稿" in b.text for b in arts[0].blocks)
