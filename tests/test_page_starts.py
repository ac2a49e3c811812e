"""A headline read as a section heading is never merged silently (structure/page.py,
_flag_possible_starts): evidence other than a sharp topic change that another article may start at a
heading. Inputs written for these tests (invented names)."""

from __future__ import annotations

from wenku.corpus import process_bytes

# Sections numbered 一、二、, then an unnumbered headline of another article (no byline of its own).
NUMBERED = """\
以数字化手段提升城市排水管理水平
俞清和
　　城市排水管网是城市运行的生命线。近年来，不少城市把排水管网纳入数字化管理，取得了明显成效。
一、摸清管网家底
　　要用探测设备对地下管网逐段普查，把管径、埋深、材质、建设年代等信息录入统一的管网数据库。
二、建好监测网络
　　在易涝点和关键节点布设液位计、流量计，雨季实时掌握管网运行状态，提前调度泵站和抢险力量。
乡村图书馆要让农民愿意来常来
　　走进南岭村的农家书屋，几位老人正在翻看养殖技术手册，孩子们围坐在一起读绘本。
　　书屋管理员说，书屋也纳入了数字化管理，图书信息录入统一的数据库，来借书的村民越来越多。
"""

# A whole body without section headings, then the headline of another article.
LONG_BODY = """\
智慧港口让集装箱通关提速
荀安然
　　清晨的东湾港，一台台无人驾驶的集卡在堆场间穿梭，岸桥司机坐在远程操控室里完成装卸作业。
　　港口负责人介绍，自动化改造完成后，单个泊位的装卸效率提高了三成，船舶在港时间明显缩短。
　　海关同步推行“提前申报、抵港直装”，企业在船舶抵港前即可完成申报，货物落地即可提离。
　　下一步，港口还将与铁路部门打通数据，推动海铁联运单证一次录入、全程共享。
山区学校共享城里的优质课程
　　每周三下午，青石镇中心小学的学生都会准时坐到屏幕前，和城里学校的同学一起上课，远程课堂不再需要提前申报。
　　校长说，专递课堂打通了城乡学校的数据，课程资源全程共享，效率明显提高，学校开齐了美术、音乐和科学课程。
"""

# One article: a short lead, then unnumbered sections on its own topic.
SECTIONS = """\
让适老化改造跟上数字化步伐
卞如松
　　越来越多的公共服务搬到线上，适老化改造关系到老年人能否办事方便、平等享受数字生活。
线上服务要保留老年人熟悉的办事方式
　　政务服务、医疗挂号等高频事项在推行线上办理的同时，要保留线下窗口和电话预约，方便老年人办事，让数字生活也有温度。
适老化改造要听取老年人的意见
　　各地在推进适老化改造时，应邀请老年人参与测试，把老年人在线上办事、挂号中遇到的困难作为适老化改造的重点，让老年人平等享受数字生活。
"""

# Numbered sections that go on in order: no headline among them.
NUMBERED_RUN = """\
推动农村寄递物流体系提质增效
宓如海
　　农村寄递物流是畅通城乡经济循环的重要环节，关系到农产品出村进城和消费品下乡进村。
一、完善县乡村三级物流网络
　　要整合邮政、快递和供销网点，在乡镇建设共配中心，在村一级设立综合服务站点，让寄递物流网点覆盖到村。
二、推动寄递物流降本增效
　　鼓励快递企业共同配送，降低农村末端派送成本，让农村寄递物流网点能够持续运营、稳定服务。
"""


def _run(text: str):
    return process_bytes("page.txt", text.encode("utf-8"), None)


def _flagged(src) -> list[str]:
    return [c.before for c in src.report if c.kind == "uncertain_placement"]


def _all_text(src) -> str:
    return "\n".join(b.text for a in src.articles for b in a.blocks)


def test_an_unnumbered_headline_after_numbered_sections_is_reported():
    src = _run(NUMBERED)
    assert "乡村图书馆要让农民愿意来常来" in _flagged(src)
    assert "南岭村的农家书屋" in _all_text(src)  # kept in page order, nothing dropped


def test_a_headline_after_a_long_body_without_sections_is_reported():
    src = _run(LONG_BODY)
    assert "山区学校共享城里的优质课程" in _flagged(src)
    assert "青石镇中心小学" in _all_text(src)


def test_sections_of_one_article_are_not_reported():
    """Negative cases: unnumbered sections after a short lead, and numbered sections that go on in order."""
    for text in (SECTIONS, NUMBERED_RUN):
        src = _run(text)
        assert len(src.articles) == 1
        assert not _flagged(src)
