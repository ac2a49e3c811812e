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


def test_rubric_and_column_name_over_the_headline_is_a_kicker():
    result = clean(
        "观点｜城市与交通\n"
        "公交站台不该只有一块站牌\n"
        "文／柏听澜\n"
        "城东新区的公交站台大多只有一根杆子和一块站牌，雨天候车的老人只能站在路边的树下。\n"
        "站台是城市服务的末梢。加一个顶棚、一排座椅、一块实时到站的屏幕，花费不过几万元，却能让每天上千人受益。\n"
    )
    (art,) = result.articles
    assert art.title == "公交站台不该只有一块站牌"
    assert art.kicker == "观点｜城市与交通"
    assert art.authors == ["柏听澜"]
    assert any(c.kind == "extract_kicker" and "城市与交通" in c.before for c in result.report)


def test_group_byline_names_its_members():
    from wenku.structure.names import parse_byline

    got = parse_byline("县农业农村局调研组　邬青禾　季澄")
    assert got["names"] == ["邬青禾", "季澄"]
    assert got["affiliation"] == "县农业农村局调研组"
    assert parse_byline("课题组成员：邬青禾、季澄")["names"] == ["邬青禾", "季澄"]
    assert parse_byline("调研组　认为　如下") is None


def test_masthead_over_a_signed_report_is_no_article():
    result = clean(
        "内部参阅　请勿外传\n"
        "县域经济动态\n"
        "县发展改革局编　　2026年2月3日\n"
        "━━━━━━━━━━━━━━━━\n"
        "\n"
        "全县农产品冷链物流情况的调查\n"
        "县农业农村局调研组　邬青禾　季澄\n"
        "\n"
        "　　去年冬天，调研组走访了全县九个乡镇的四十家农产品经营主体，发现冷库容量不足、冷藏车空驶率高是最突出的问题。\n"
        "　　建议由县里统筹建设三处公共冷库，按使用量收费，并把冷藏车的调度接入县物流信息平台。\n"
    )
    (art,) = result.articles
    assert art.title == "全县农产品冷链物流情况的调查"
    assert art.authors == ["邬青禾", "季澄"]
    body = "\n".join(b.text for b in art.blocks)
    assert "内部参阅" not in body and "县域经济动态" not in body
    assert any(c.kind == "extract_kicker" and "内部参阅" in c.before for c in result.report)


PRINTED_PAGE = (
    "2026/3/2 下午8:05　　社区书房为何夜里更热闹_东溪新闻网\n"
    "东溪新闻网　首页　本地　民生　评论　视频\n"
    "\n"
    "社区书房为何夜里更热闹\n"
    "2026-03-01 09:30　来源：东溪新闻网　作者：聂寒汀\n"
    "\n"
    "东溪区的十二家社区书房去年起延长到晚上十点关门，晚间的借阅量反而占到全天的六成。\n"
    "\n"
    "白天来的多是老人和孩子，晚上来的则是下班的年轻人。一位常客说，书房离家近，安静，还不用花钱。\n"
    "\n"
    "区文化馆打算今年再开六家，并试着把书房和社区食堂放在一起。\n"
)


def test_headline_above_an_outlet_line_naming_the_author_under_page_furniture():
    result = clean(PRINTED_PAGE)
    (art,) = result.articles
    assert art.title == "社区书房为何夜里更热闹"
    assert art.authors == ["聂寒汀"]


def test_title_bar_repeating_the_headline_is_removed_and_shows_the_title():
    result = clean(PRINTED_PAGE.replace("2026-03-01 09:30　来源：东溪新闻网　作者：聂寒汀\n", ""))
    (art,) = result.articles
    assert art.title == "社区书房为何夜里更热闹"
    body = "\n".join(b.text for b in art.blocks)
    assert "_东溪新闻网" not in body and "下午8:05" not in body
    assert any(c.kind == "remove_title_bar" and "下午8:05" in c.before for c in result.report)


def test_account_line_and_app_time_line_under_the_headline_stay_out_of_the_text():
    result = clean(
        "夜市摊主学会了用小程序收单\n"
        "溪口生活圈\n"
        "2026-05-11 20:40 · 溪口 · 溪口号作者\n"
        "\n"
        "文｜戚晚晴\n"
        "\n"
        "溪口老街的夜市有八十多个摊位，今年春天起，一半以上的摊主用上了同一个点单小程序。\n"
        "\n"
        "卖炒粉的摊主说，以前高峰时要喊着记单，现在顾客扫码下单，出餐顺序一目了然，一晚上能多做三十份。\n"
    )
    (art,) = result.articles
    assert art.title == "夜市摊主学会了用小程序收单"
    assert art.authors == ["戚晚晴"]
    body = "\n".join(b.text for b in art.blocks)
    assert "溪口生活圈" not in body and "溪口号作者" not in body


def test_reporter_credit_with_she_is_a_photo_credit_not_a_byline():
    result = clean(
        "老码头改成了城市客厅\n"
        "本报记者　栾照溪\n"
        "　　本报讯　停用十年的老码头经过一年改造，昨天作为市民休闲空间重新开放，首日接待游客一万两千人次。\n"
        "　　改造保留了原有的吊机和系缆桩，沿江新增了两公里步道和三处观景平台。\n"
        "市民在改造后的老码头步道上散步。\n"
        "本报记者　卫晨舟　摄\n"
        "　　市住建局表示，沿江其余三处旧码头也将按同样的思路改造，明年底前全部完工。\n"
    )
    (art,) = result.articles
    assert art.authors == ["栾照溪"]
    body = "\n".join(b.text for b in art.blocks)
    assert "卫晨舟" not in body


def test_shot_by_shape():
    from wenku.structure.units import shot_by

    assert shot_by("本报记者　卫晨舟　摄")
    assert shot_by("记者 卫晨舟 摄影")
    assert not shot_by("本报记者　卫晨舟")


def test_long_clause_that_broke_off_is_not_half_of_a_headline():
    from wenku.model import Line
    from wenku.structure.units import classify

    lines = [
        Line(1, "据初步统计，改造后的步道每天接待散步和跑步的市民约三千人次，周末的客流量"),
        Line(2, "【图片新闻】"),
        Line(3, "市民在改造后的老码头步道上散步，远处是保留下来的老吊机。"),
    ]
    units, _ = classify(lines)
    assert units[0].kind == "para"
    assert "【图片新闻】" not in units[0].text


def test_title_field_at_the_page_head_names_the_title():
    result = clean(
        "标题：旧厂房里的共享办公\n"
        "作者：巫临溪\n"
        "来源：南浔晚报\n"
        "\n"
        "城南的旧纺织厂去年改成了共享办公空间，四层楼里入驻了六十多家小公司。\n"
        "\n"
        "租金比写字楼低三成，是年轻创业者选择这里的主要原因。\n"
    )
    (art,) = result.articles
    assert art.title == "旧厂房里的共享办公"
    assert art.authors == ["巫临溪"]


def test_title_field_inside_the_text_stays_text():
    result = clean(
        "编辑部的一次选题会\n\n"
        "标题：先写清楚再写漂亮\n\n"
        "会上，主编把上周的稿件逐篇过了一遍，她说标题可以朴素，但事实一个都不能错。\n"
    )
    (art,) = result.articles
    assert art.title == "编辑部的一次选题会"
    assert "先写清楚再写漂亮" in "\n".join(b.text for b in art.blocks)


MAIL = (
    "主题: 春季义诊的安排\n"
    "日期: 2026年3月2日 周一 18:20\n"
    "\n"
    "各位志愿者好：\n"
    "\n"
    "今年的春季义诊定在三月二十一日，地点还是社区服务中心一楼大厅，上午八点半开始。\n"
    "\n"
    "请报名的医生和护士提前半小时到场，帮忙的同学负责引导和登记。\n"
)


def test_mail_head_is_metadata_and_its_subject_the_title_of_a_mail_without_headline():
    result = clean(MAIL)
    (art,) = result.articles
    assert art.title == "春季义诊的安排"
    body = "\n".join(b.text for b in art.blocks)
    assert "主题" not in body and "18:20" not in body
    assert any(c.kind == "extract_metadata_line" and "18:20" in c.before for c in result.report)


def test_mail_with_a_headline_of_its_own_keeps_it():
    result = clean(MAIL.replace("各位志愿者好：\n", "春季义诊定在三月二十一日\n文 / 钱映秋\n"))
    (art,) = result.articles
    assert art.title == "春季义诊定在三月二十一日"
    assert art.authors == ["钱映秋"]


def test_byline_forms_with_a_mark_a_verb_or_a_forum_floor():
    from wenku.structure.names import parse_byline

    assert parse_byline("■本报记者　简知夏") == {"names": ["简知夏"], "form": "mark", "role": "本报记者"}
    assert parse_byline("本报记者　简知夏　房听雨　报道")["names"] == ["简知夏", "房听雨"]
    got = parse_byline("楼主　江边钓鱼佬　发表于 2026-4-2 20:15 | 只看该作者")
    assert got["names"] == ["江边钓鱼佬"] and got["date"] == "2026-04-02"
    assert parse_byline("小鱼儿 发表于 2026-4-2 21:00") is None  # a quoted or replying user is no author


def test_forum_thread_first_post_is_the_posters():
    """The structure's part (the line cleaning may take the floor line for page chrome before it)."""
    from wenku.model import Line
    from wenku.structure.heads import mark_heads
    from wenku.structure.units import classify

    lines = [
        Line(1, "老小区停车难，我们楼是这样商量出来的"),
        Line(2, "楼主　江边钓鱼佬　发表于 2026-4-2 20:15"),
        Line(3, "我们楼一共二十四户，车位只有十个，去年为这事吵过好几回。"),
        Line(4, "后来业主群里投票，定了个轮换的办法：每季度抽一次签，没抽到的可以优先租用附近学校晚上的车位。"),
    ]
    units, _ = classify(lines)
    units = mark_heads(units, {})
    assert [u.kind for u in units[:2]] == ["title", "author"]
    assert units[1].extra["names"] == ["江边钓鱼佬"] and units[1].extra["at"] == "top"


def test_headline_ending_like_a_broken_sentence_is_the_title_above_its_byline():
    result = clean(
        "城里的老菜场是怎样留下来的\n"
        "文／芮听潮\n"
        "三年前，城西老菜场差一点被拆掉，改成一座商场。\n"
        "后来街道请摊主和居民一起商量，菜场保留下来，只把屋顶和排水换了新的，摊位费一分没涨。\n"
    )
    (art,) = result.articles
    assert art.title == "城里的老菜场是怎样留下来的"
    assert art.authors == ["芮听潮"]


def test_headline_above_its_date_line_under_the_site_name_and_navigation():
    result = clean(
        "南溪新闻网\n"
        "首页　本地　国内　评论　视频　专题\n"
        "旧厂房里的共享办公\n"
        "发布时间：2026-03-01 10:00\n"
        "城南的旧纺织厂去年改成了共享办公空间，四层楼里入驻了六十多家小公司。\n"
        "租金比写字楼低三成，是年轻创业者选择这里的主要原因。\n"
    )
    (art,) = result.articles
    assert art.title == "旧厂房里的共享办公"
    body = "\n".join(b.text for b in art.blocks)
    assert "首页" not in body and "南溪新闻网" not in body


def test_rubric_and_column_name_set_off_by_a_space_over_the_headline():
    result = clean(
        "专栏　城市笔记\n"
        "公交站台不该只有一块站牌\n"
        "柏听澜\n"
        "\n"
        "城东新区的公交站台大多只有一根杆子和一块站牌，雨天候车的老人只能站在路边的树下。\n"
        "\n"
        "站台是城市服务的末梢。加一个顶棚、一排座椅、一块实时到站的屏幕，花费不过几万元，却能让每天上千人受益。\n"
    )
    (art,) = result.articles
    assert art.title == "公交站台不该只有一块站牌"
    assert art.authors == ["柏听澜"]


def test_closing_note_naming_the_author_and_unit_after_a_comma_is_the_byline():
    from wenku.structure.names import parse_byline

    got = parse_byline("（作者：巫临溪，南浔大学城市规划系教师）")
    assert got["names"] == ["巫临溪"] and got["affiliation"] == "南浔大学城市规划系教师"
    assert parse_byline("作者：这是，一个很长的句子啊") is None
    result = clean(
        "旧厂房里的共享办公\n\n"
        "城南的旧纺织厂去年改成了共享办公空间，四层楼里入驻了六十多家小公司。\n\n"
        "租金比写字楼低三成，是年轻创业者选择这里的主要原因。\n\n"
        "（作者：巫临溪，南浔大学城市规划系教师）\n"
    )
    (art,) = result.articles
    assert art.authors == ["巫临溪"]
    assert art.affiliations == ["南浔大学城市规划系教师"]


BODY = (
    "城南的旧纺织厂去年改成了共享办公空间，四层楼里入驻了六十多家小公司。\n"
    "租金比写字楼低三成，是年轻创业者选择这里的主要原因。\n"
)


def test_tag_in_front_of_the_headline_is_a_label():
    result = clean("【观察】旧厂房里的共享办公\n作者：巫临溪　韦听松\n" + BODY)
    (art,) = result.articles
    assert art.title == "旧厂房里的共享办公"
    assert art.authors == ["巫临溪", "韦听松"]


def test_wechat_head_line_without_its_date_names_the_author():
    result = clean("旧厂房里的共享办公\n原创 巫临溪 南浔观察\n2026-03-01 10:00\n\n" + BODY)
    (art,) = result.articles
    assert art.title == "旧厂房里的共享办公"
    assert art.authors == ["巫临溪"]


def test_second_byline_under_the_date_line_stays_in_the_head():
    result = clean("旧厂房里的共享办公\n原创 巫临溪 南浔观察\n2026-03-01 10:00\n\n作者｜巫临溪\n\n" + BODY)
    assert [(a.title, a.authors) for a in result.articles] == [("旧厂房里的共享办公", ["巫临溪"])]


def test_site_name_after_the_headline_is_removed():
    for line in (
        "旧厂房里的共享办公_南浔新闻网",
        "旧厂房里的共享办公 | 南浔新闻网",
        "旧厂房里的共享办公_城市_南浔新闻网",
    ):
        result = clean(line + "\n作者：巫临溪\n" + BODY)
        (art,) = result.articles
        assert art.title == "旧厂房里的共享办公", line
        assert any(c.kind == "remove_title_bar" and "南浔新闻网" in c.before for c in result.report)


def test_more_byline_forms():
    from wenku.structure.names import parse_byline

    assert parse_byline("巫临溪1　韦听松2")["names"] == ["巫临溪", "韦听松"]  # a journal's note markers
    assert parse_byline("巫临溪¹，韦听松*")["names"] == ["巫临溪", "韦听松"]
    got = parse_byline("作者：巫临溪（南浔大学），韦听松（北汀大学）")
    assert got["names"] == ["巫临溪", "韦听松"] and "北汀大学" in got["affiliation"]
    assert parse_byline("作者：巫临溪 等")["names"] == ["巫临溪"]
    assert parse_byline("巫临溪　文")["names"] == ["巫临溪"]
    assert parse_byline("巫临溪/文")["names"] == ["巫临溪"]
    assert parse_byline("诸葛文")["names"] == ["诸葛文"]  # a name ending in 文 is a name
    got = parse_byline("南浔大学　巫临溪")
    assert got["names"] == ["巫临溪"] and got["affiliation"] == "南浔大学"
    assert parse_byline("散文") is None


def test_reporter_credit_closing_the_last_paragraph_ends_the_article():
    result = clean(
        "旧厂房里的共享办公\n"
        "城南的旧纺织厂去年改成了共享办公空间，四层楼里入驻了六十多家小公司。\n"
        "租金比写字楼低三成，是年轻创业者选择这里的主要原因。（本报记者　巫临溪）\n"
        "社区食堂的账怎么算\n"
        "东街社区食堂开了两年，每天中午供应三百多份饭，老人吃饭打八折。\n"
        "食堂负责人说，房租由街道承担，食材和人工靠营业收入，基本能保本。（本报记者　韦听松）\n"
    )
    got = [(a.title, a.authors) for a in result.articles]
    assert got == [("旧厂房里的共享办公", ["巫临溪"]), ("社区食堂的账怎么算", ["韦听松"])]
    assert not any("记者" in b.text for a in result.articles for b in a.blocks)


def test_author_glued_to_the_next_field_of_an_outlet_line():
    from wenku.structure.units import meta_names

    assert meta_names("2026-03-01 10:00:00　来源：南浔日报作者：巫临溪点击：123") == {"names": ["巫临溪"]}


def test_paper_name_and_date_over_an_unsigned_headline_are_a_masthead():
    result = clean("南溪日报\n2026年3月1日\n\n旧厂房里的共享办公\n\n" + BODY.replace("\n", "\n\n"))
    (art,) = result.articles
    assert art.title == "旧厂房里的共享办公"
    body = "\n".join(b.text for b in art.blocks)
    assert "南溪日报" not in body and "2026年3月1日" not in body


def test_question_headline_on_the_first_line_over_prose_is_the_title():
    result = clean("旧厂房还能做什么？\n\n" + BODY.replace("\n", "\n\n"))
    (art,) = result.articles
    assert art.title == "旧厂房还能做什么？"
