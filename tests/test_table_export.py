"""A table of articles exported as CSV or TSV (structure/table.py): recognised from its delimiter structure
and header row, one article per row, the fields as the article's metadata; texts that only look a little like
a table are not read as one. Inputs written for these tests (invented names)."""

from __future__ import annotations

from wenku.corpus import process_bytes
from wenku.structure.table import read_table

BODY_A = "第一段写的是一座小城如何把停车数据开放给开发者，三个月里出现了四款找车位的小程序。\n第二段讲开放之后的麻烦：数据每天只更新一次，开发者抱怨“看得见的车位早就没了”。"
BODY_B = "这篇谈的是乡镇卫生院的远程会诊，一台摄像头和一条专线，让县医院的医生每周能看四十个病人。\n但设备坏了没人修，是最常听到的抱怨。"


def _csv() -> bytes:
    rows = [
        "编号,题目,撰稿人,日期,内容",
        f'7,停车数据开放之后,柏云舟,2025/11/03,"{BODY_A}"',
        f'8,"远程会诊,走到了哪一步",司马晴,2025/11/10,"{BODY_B}"',
    ]
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")


def test_csv_export_gives_one_article_per_row_with_its_fields():
    result = process_bytes("export.txt", _csv(), None)
    assert [a.title for a in result.articles] == ["停车数据开放之后", "远程会诊,走到了哪一步"]
    assert [a.authors for a in result.articles] == [["柏云舟"], ["司马晴"]]
    first = "\n".join(b.text for b in result.articles[0].blocks)
    assert "开发者抱怨" in first and "柏云舟" not in first and "," not in first.replace("，", "")
    assert len(result.articles[0].blocks) == 2
    assert any(c.kind == "table_header" for c in result.report)
    assert any(c.kind == "detect_kind" and "table export" in c.reason for c in result.report)


def test_tsv_export_without_known_header_names_is_read_by_shape():
    body = BODY_B.replace("\n", " ")
    text = (
        "k\tname\twho\twhen\tstuff\n1\t会诊的一年\t司马晴\t2025-12-01\t"
        + body
        + "\n2\t停车的数据\t柏云舟\t2025-12-08\t"
        + BODY_A.replace("\n", "")
        + "\n"
    )
    feed = read_table(text)
    assert feed is not None and len(feed.items) == 2
    assert feed.items[0].fields["title"] == "会诊的一年"
    assert feed.items[0].fields["date"] == "2025-12-01"


def test_an_article_whose_first_line_has_commas_is_no_table():
    text = "A,B,C三种方案的比较\n" + BODY_A + "\n" + BODY_B + "\n"
    assert read_table(text) is None
    result = process_bytes("article.txt", text.encode("utf-8"), None)
    assert result.kind != "feed"


def test_a_table_of_figures_without_long_text_is_no_article_table():
    text = "年份,产值,增速\n2023,1200,5.1\n2024,1290,7.5\n"
    assert read_table(text) is None


def test_json_export_gives_one_article_per_record():
    import json

    records = {
        "total": 2,
        "list": [
            {"id": 7, "headline": "停车数据开放之后", "writer": "柏云舟", "pubdate": "2025-11-03", "content": BODY_A},
            {
                "id": 8,
                "headline": "远程会诊走到了哪一步",
                "writer": "司马晴",
                "pubdate": "2025-11-10",
                "content": BODY_B,
            },
        ],
    }
    for ensure_ascii in (False, True):
        text = json.dumps(records, ensure_ascii=ensure_ascii, indent=2)
        result = process_bytes("export.json.txt", text.encode("utf-8"), None)
        assert [a.title for a in result.articles] == ["停车数据开放之后", "远程会诊走到了哪一步"]
        assert [a.authors for a in result.articles] == [["柏云舟"], ["司马晴"]]
        assert [len(a.blocks) for a in result.articles] == [2, 2]
        assert "开发者抱怨" in result.articles[0].blocks[1].text
        assert result.articles[1].date == "2025-11-10"


def test_json_lines_export_and_json_without_long_text():
    import json

    lines = [json.dumps({"title": "会诊的一年", "author": "司马晴", "body": BODY_B}, ensure_ascii=False)]
    lines.append(json.dumps({"title": "停车的数据", "author": "柏云舟", "body": BODY_A}, ensure_ascii=False))
    feed = read_table("\n".join(lines) + "\n")
    assert feed is not None and [it.fields["title"] for it in feed.items] == ["会诊的一年", "停车的数据"]
    assert read_table(json.dumps([{"name": "甲", "city": "乙"}, {"name": "丙", "city": "丁"}])) is None
