"""The continuity of the author's text: wrap width, page-break joins, joins across interleaved column runs,
sentences that open mid-way. Made-up texts; each case can fail."""

from __future__ import annotations

from wenku.corpus import process_bytes
from wenku.ingest.paragraphs import contradicts_join
from wenku.ingest.running import running_headers
from wenku.ingest.wrap import PageLine, fix_page_breaks, wrap_width
from wenku.model import Line
from wenku.structure.reassembly import _dangling, starts_mid_sentence
from wenku.structure.slides import split_slides
from wenku.structure.units import Unit


def _para(text: str) -> Unit:
    return Unit("para", text, [1])


def test_wrap_width_counts_the_indent():
    lines = []
    for n in range(1, 5):
        lines.append(PageLine(3 * n, "甲" * 22, indent=True))
        lines.append(PageLine(3 * n + 1, "乙" * 24))
        lines.append(PageLine(3 * n + 2, "丙" * 10 + "。"))
    assert wrap_width(lines) == 24


def test_wrap_width_none_for_prose_lines():
    lines = [PageLine(n, "数" * (20 + 7 * n) + "。") for n in range(8)]
    assert wrap_width(lines) is None


def test_bound_word_opens_mid_sentence():
    assert starts_mid_sentence(_para("才能投入使用。要支持第三方服务机构发展。"))
    assert starts_mid_sentence(_para("的问题仍然突出。"))
    assert not starts_mid_sentence(_para("当前，数据要素市场建设仍面临不少问题。"))
    assert not starts_mid_sentence(_para("了解群众需求，是做好工作的前提。"))


def test_enumeration_may_follow_a_comma():
    # …多方主体，|链条长、环节多：a new clause after a comma, not a phrase cut in two
    assert not contradicts_join(
        "涉及整车企业、零部件供应商等多方主体，", "链条长、环节多，任何一个环节出现漏洞都可能导致泄露。"
    )
    # …科技创新的源|算法、算据：an enumeration cannot start inside a word
    assert contradicts_join("基础研究是科技创新的源", "算法、算据、算网同向发力。")


def test_page_break_join_yields_to_a_clearer_partner():
    first = PageLine(1, "市民关心的是上学、看病、")
    other = PageLine(2, "汽车数据的采集、传输和使用涉及多方主体，")
    after = PageLine(4, "停车、办事是否更方便，企业关心的是审批是否更快。", page_break=True)
    lines, report = fix_page_breaks([first, other, after])
    assert [ln.text for ln in lines] == [first.text, other.text, after.text]
    assert report == []
    # Without the other paragraph, the break is joined (and reported).
    lines, report = fix_page_breaks(
        [PageLine(2, other.text), PageLine(4, "链条长、环节多，漏洞都可能导致泄露。", page_break=True)]
    )
    assert len(lines) == 1 and [c.kind for c in report] == ["fix_page_break"]


PAGE = """智慧社区建设要回应居民关切
韩素秋
不少社区在推进智慧化改造时，热衷于建设大屏和指挥中心，实际使用却很有限。
社区服务的价值在于用得上。居民关心的是买菜、看病、
乡村学校的数字教育资源需要持续更新
闻若川
乡村学校接入网络后，数字教育资源的质量成为新的难题，许多课件多年没有更新，
- 3 -
停车、办事是否更方便。如果这些问题没有改善，大屏再炫也只是摆设。
（作者为东川社区研究中心研究员）
教师也缺少使用培训，课堂上仍以讲授为主。
要建立课件更新机制，组织城市学校的骨干教师参与制作，让乡村学生用上好资源。
"""


def test_interleaved_runs_without_jump_lines_go_back_together():
    result = process_bytes("page.txt", PAGE.encode("utf-8"))
    bodies = {a.title: "".join(b.text for b in a.blocks if b.kind == "p") for a in result.articles}
    first = bodies["智慧社区建设要回应居民关切"]
    second = bodies["乡村学校的数字教育资源需要持续更新"]
    assert "买菜、看病、停车、办事是否更方便。" in first
    assert "多年没有更新，教师也缺少使用培训" in second
    assert "停车" not in second and "教师" not in first
    gaps = [b for a in result.articles for b in a.blocks if b.kind == "gap"]
    assert gaps == []


def test_slide_items_wrapped_on_the_slide_are_joined():
    deck = [
        "城市更新的路径选择",
        "目录",
        "CONTENTS",
        "01　现状",
        "02　建议",
        "一、现状",
        "➢ 老旧小区改造覆盖面扩大，居民参与",
        "意愿提高",
        "➢ 资金来源单一",
        "一、现状（续）",
        "➢ 专业人才缺乏",
        "二、建议",
        "1. 建立政府、企业、居民共担机制，实现“共建共治、",
        "共享”",
        "2. 完善长效管理",
    ]
    (art,), report, _ = split_slides([Line(n, t) for n, t in enumerate(deck, 1)])
    lists = [b.items for b in art.blocks if b.kind == "list"]
    paras = [b.text for b in art.blocks if b.kind == "p"]
    assert ["老旧小区改造覆盖面扩大，居民参与意愿提高", "资金来源单一", "专业人才缺乏"] in lists
    assert [c.before for c in report if c.kind == "remove_repeated_slide_title"] == ["一、现状（续）"]
    assert "1. 建立政府、企业、居民共担机制，实现“共建共治、共享”" in paras
    assert "2. 完善长效管理" in paras
    assert not any("01" in p for p in paras), "table of contents entries stay out of the text"
    assert sum(c.kind == "fix_broken_paragraph" for c in report) == 2


def test_footer_numbering_the_pages_is_a_running_footer():
    lines = []
    for n in range(1, 5):
        lines += [
            Line(10 * n, f"第{n}张幻灯片的正文内容，各不相同{n * '。'}"),
            Line(10 * n + 1, f"东川发展研究院　|　{n}"),
        ]
    found = running_headers(lines)
    assert sorted(ln.number for ln in lines if id(ln) in found) == [11, 21, 31, 41]
    # The same line with numbers that do not count up is not taken for one.
    same = [Line(n, f"东川发展研究院　|　{k}") for n, k in enumerate((3, 1, 2), 1)]
    assert running_headers(same) == {}


def test_labelled_address_does_not_dangle():
    assert not _dangling(_para("原文链接：https://www.example.cn/a/2025/0611.html"))
    assert _dangling(_para("建议在使用前逐条核对许可证文本，例如访问"))


LOST_TAIL = """数字乡村建设要久久为功
秦远山
数字乡村建设是一项长期任务，既要加快补齐农村网络基础设施短板，也要提升农民的数字素养。
各地在推进过程中积累了不少经验，但也存在重建设、轻运营的问题。
二、完善长效运营机制

乡村文化需要年轻人
宋晚晴
乡村文化振兴离不开人才，要让懂文化、爱农村的年轻人愿意留下来。
地方政府可以设立专项资金，支持返乡青年开展文化创意项目。
"""


def test_article_ending_with_a_heading_gets_a_gap_marker():
    result = process_bytes("page.txt", LOST_TAIL.encode("utf-8"))
    first = next(a for a in result.articles if a.title == "数字乡村建设要久久为功")
    assert [b.kind for b in first.blocks][-2:] == ["h2", "gap"]
    assert any(c.kind == "mark_gap" and "heading" in c.reason for c in result.report)


def test_a_lone_unnumbered_line_at_the_end_gets_no_gap_marker():
    page = LOST_TAIL.replace("二、完善长效运营机制", "相关阅读")
    result = process_bytes("page.txt", page.encode("utf-8"))
    assert not any(c.kind == "mark_gap" and "heading" in c.reason for c in result.report)


def test_diagram_labels_under_a_bullet_stay_apart():
    deck = [
        "路径比较",
        "目录",
        "CONTENTS",
        "01　比较",
        "一、比较",
        "- 市场驱动，战略响应",
        "- 监管代表各方利益",
        "技术研发",
        "资本介入",
        "范式生成",
    ]
    (art,), report, _ = split_slides([Line(n, t) for n, t in enumerate(deck, 1)])
    items = [i for b in art.blocks if b.kind == "list" for i in b.items]
    assert "监管代表各方利益" in items and "技术研发" in items
    assert not any(c.kind == "fix_broken_paragraph" for c in report)
