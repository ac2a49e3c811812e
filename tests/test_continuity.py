"""The continuity of the author's text: wrap width, page-break joins, joins across interleaved column runs,
sentences that open mid-way. Made-up texts; each case can fail."""

from __future__ import annotations

from wenku.corpus import process_bytes
from wenku.ingest.mojibake import fix_utf8_read_as_latin
from wenku.ingest.paragraphs import contradicts_join, join_evidence
from wenku.ingest.repairs import remove_control_characters
from wenku.ingest.running import running_headers
from wenku.ingest.wrap import PageLine, fix_hard_wraps, fix_page_breaks, wrap_width
from wenku.model import Line
from wenku.structure.reassembly import _dangling, cut_off, prose_line, starts_mid_sentence
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


def test_labels_items_and_pronouns_do_not_open_mid_sentence():
    assert not starts_mid_sentence(_para("问：这几年进展如何？"))
    assert not starts_mid_sentence(_para("乙：我不知道。"))
    assert not starts_mid_sentence(_para("一、各单位应于月底前完成梳理。"))
    assert not starts_mid_sentence(_para("他说，这份工作最好的时候就是什么也没发生。"))
    # the tail of a word cut at a column end still opens mid-sentence
    assert starts_mid_sentence(_para("金，建立健全数据要素市场。"))
    assert starts_mid_sentence(_para("，任何一个环节出现漏洞都可能导致泄露。"))


def test_only_prose_cut_at_an_open_end_is_cut_off():
    assert cut_off(_para("推动数字经济和实体经济深度融合，加快建设"))
    assert cut_off(_para("推动数字经济和实体经济深度融合需要各方共同努力形成合力"))  # a long clause
    assert not cut_off(_para("让每一个村庄都连上未来"))  # a slogan, a verse line
    assert not cut_off(_para("南山数字经济研究院课题组"))
    assert not cut_off(_para("他发出的最后一句：“大桥今日正式通车（完）”"))
    assert not cut_off(_para("☆本网关心您，资料保护从自己做起☆"))
    assert not cut_off(_para("楼主　老猫　发表于 2025-3-14 09:21 | 只看该作者 | 倒序浏览"))
    # a paragraph ending in a bracket may still be joined on (prose), but is no evidence of a gap
    assert prose_line(_para("既拓宽着消费场景，又催生着（zhe）")) and not cut_off(_para("又催生着（zhe）"))


def _clean(text: str):
    return process_bytes("page.txt", text.encode("utf-8"))


def test_verse_lines_stay_lines_without_gap_notes():
    poem = "光纤\n\n一根细细的玻璃\n穿过山谷和河流\n把远方的声音\n送到母亲的窗口\n"
    (art,) = _clean(poem).articles
    assert [b.text for b in art.blocks if b.kind == "p"] == [
        "一根细细的玻璃",
        "穿过山谷和河流",
        "把远方的声音",
        "送到母亲的窗口",
    ]
    assert not any(b.kind == "gap" for b in art.blocks)


def test_dialogue_faq_signature_and_closing_get_no_gap_notes():
    page = (
        "一封信\n\n各位朋友：\n\n问：数据值钱吗？\n答：值钱，但要用好。\n问：谁在用？\n答：很多机构。\n\n"
        "有任何意见，欢迎反映。\n\n此致\n敬礼\n\n南山市交通运输局\n2025年1月5日\n"
    )
    result = _clean(page)
    assert not any(c.kind == "mark_gap" for c in result.report)
    assert not any(c.kind == "fix_broken_paragraph" for c in result.report)


def test_a_paragraph_cut_mid_clause_still_gets_a_gap_note():
    page = "数字乡村\n\n数字乡村建设是一项长期任务。各地在推进过程中积累了不少经验，但也存在重建设、轻运营的\n"
    result = _clean(page)
    assert any(c.kind == "mark_gap" for c in result.report)
    assert result.articles[0].blocks[-1].kind == "gap"


def test_table_rows_are_not_joined_into_a_heading():
    page = "五城比较\n\n下表列出五座城市的增加值。\n\n城市　2023年　2024年\n合肥　1500　1800\n西安　1300　1450\n\n从增速看，合肥最快。\n"
    (art,) = _clean(page).articles
    body = "\n".join(b.text for b in art.blocks)
    assert "1800，西安" not in body and "合肥　1500　1800" in body
    assert not any(b.kind == "gap" for b in art.blocks)


def test_utf8_read_as_cp1252_with_its_undefined_bytes_removed():
    raw = "对消费者来说，扫码付款的体验差别不大；".encode()
    # a Windows-1252 reading: the five undefined bytes come out as C1 control characters
    shown = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in raw)
    stripped = remove_control_characters(shown)
    assert stripped != shown  # the control characters are gone, the bytes with them
    assert fix_utf8_read_as_latin(stripped) == "对消费者来说，扫码付款的体验差别不大；"
    assert fix_utf8_read_as_latin("café à la carte") == "café à la carte"  # Latin text stays


def test_numbered_notes_after_a_sentence_end_are_not_wrapped_together():
    # paragraphs marked by the 　　 indent, wrapped at 20; the notes under them are not indented
    lines = []
    for n in range(4):
        lines.append(PageLine(3 * n + 1, "　　" + "数" * 18, indent=True))
        lines.append(PageLine(3 * n + 2, "据" * 20))
        lines.append(PageLine(3 * n + 3, "字" * 9 + "。"))
    lines.append(PageLine(20, "①参见某研究中心编印的年度报告，第八页。"))  # as wide as the wrap
    lines.append(PageLine(21, "②调查样本为平台企业，有效问卷百份。"))
    assert len(lines[-2].text) == 20
    out, _ = fix_hard_wraps(lines)
    assert [ln.text for ln in out][-2:] == [lines[-2].text, lines[-1].text]
    # a wrapped line that goes on is still joined
    assert len(out) == 6 and out[0].text.strip() == "数" * 18 + "据" * 20 + "字" * 9 + "。"


def test_a_word_across_the_join_must_be_read_there():
    # 新闻|学者 holds the dictionary word 新闻学, but the text reads 新闻 / 学者 / 认为: no evidence
    assert join_evidence("加入好友，每天免费看新闻", "学者认为，规范的重点不应只是防弊。") == 0
    # 劳动|者 is read across the join
    assert join_evidence("保障新就业形态劳动", "者权益，完善社会保障。") > 0


def test_an_address_or_a_bracketed_note_does_not_break_off():
    assert not cut_off(_para("供其他教师参考，链接是 https://notes.example.cn/2025/ke"))
    assert not prose_line(_para("（本文根据访谈录音整理，经受访者审定）"))
    # a bracket opened inside the text and closed at its end is no note of its own
    assert prose_line(_para("（一）加强统筹，完善体制（试行）"))
    assert cut_off(_para("供其他教师参考，链接在共享平台的"))


def test_a_clause_lost_to_a_wrong_decoding_gets_a_gap_note():
    page = "数字人民币\n\n比如离线支付，〓〓〓〓〓źŲ〓〓ɽ〓〓双离线支付可以保证交易完成。\n\n其他场景也已初见成效。\n"
    result = _clean(page)
    kinds = [b.kind for b in result.articles[0].blocks]
    assert kinds == ["p", "gap", "p"]
    assert any(c.kind == "mark_gap" and "〓" in c.reason for c in result.report)
    # one or two characters marked 〓 are not a lost clause
    few = _clean(page.replace("〓〓〓〓〓źŲ〓〓ɽ〓〓", "在网络〓号差的地方，"))
    assert [b.kind for b in few.articles[0].blocks] == ["p", "p"]
