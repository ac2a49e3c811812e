"""The kind of source is decided first, from the text's own shape, and each kind has its own splitter
(issue 15, item 4): feeds, research reports, transcripts, speeches and Q&A answers. The fixtures are
written here (invented names and outlets), none is taken from a benchmark."""

from __future__ import annotations

from wenku import metadata
from wenku.corpus import process_bytes
from wenku.structure import kind as kind_module
from wenku.structure.feed import read_feed


def run(text: str, sidecar: str | None = None, name: str = "t.txt"):
    return process_bytes(name, text.encode("utf-8"), sidecar)


def body(art) -> str:
    return "\n".join(b.text for b in art.blocks)


def removed_text(result) -> str:
    return "\n".join(c.before for c in result.report)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>临川数据周刊</title>
<link>https://weekly.linchuan.example/</link>
<description>每周的数据观察</description>
<item>
<title>港口为什么要建数据中台</title>
<link>https://weekly.linchuan.example/a/101</link>
<dc:creator>钟远帆</dc:creator>
<pubDate>Mon, 02 Feb 2026 08:00:00 +0800</pubDate>
<description>港口的数据中台建设进入第二阶段。</description>
<content:encoded><![CDATA[<p>过去五年，沿海港口的集装箱吞吐量持续增长，调度系统却还停留在各自为政的阶段。</p>
<p>建设数据中台，就是要把船期、堆场、闸口和海关的数据放到同一张表里，让调度员看得见全局。</p>
]]></content:encoded>
</item>
<item>
<title>县级融媒体的第二次转型</title>
<link>https://weekly.linchuan.example/a/102</link>
<dc:creator>骆青禾</dc:creator>
<pubDate>Tue, 03 Feb 2026 09:15:00 +0800</pubDate>
<content:encoded><![CDATA[<p>县级融媒体中心挂牌已经多年，第一次转型解决的是“有没有”，第二次转型要解决的是“好不好”。</p>
<p>从几家中心的经验看，关键在于把政务服务和本地生活接进来，让用户每天都有打开的理由。</p>
]]></content:encoded>
</item>
</channel>
</rss>
"""


def test_rss_feed_gives_one_article_per_item_with_its_fields():
    result = run(RSS)
    assert result.kind == "feed"
    arts = result.articles
    assert [a.title for a in arts] == ["港口为什么要建数据中台", "县级融媒体的第二次转型"]
    assert [a.authors for a in arts] == [["钟远帆"], ["骆青禾"]]
    assert [a.date for a in arts] == ["2026-02-02", "2026-02-03"]
    assert any(c.kind == "feed_field" and "a/101" in c.before for c in result.report)  # the item's link
    assert arts[0].publication == "临川数据周刊"
    assert body(arts[0]).startswith("过去五年") and "数据中台，就是要" in body(arts[0])
    assert "县级融媒体" not in body(arts[0]) and body(arts[1]).startswith("县级融媒体中心挂牌")
    for art in arts:  # no XML in any body, and the content:encoded is preferred over the description
        assert "<" not in body(art) and "CDATA" not in body(art) and "第二阶段" not in body(art)
    # every markup line is in the report
    gone = removed_text(result)
    assert "</channel>" in gone and "<dc:creator>钟远帆</dc:creator>" in gone


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>青岚观察</title>
  <entry>
    <title>算力券怎样发才有效</title>
    <link rel="alternate" href="https://qinglan.example/p/7"/>
    <author><name>司徒映雪</name></author>
    <updated>2026-01-20T10:00:00+08:00</updated>
    <content type="html">&lt;p&gt;不少城市推出了算力券，希望降低中小企业使用算力的门槛。&lt;/p&gt;
&lt;p&gt;但如果券面额和使用范围设计不当，就容易被少数企业集中领取，真正需要的企业反而用不上。&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_atom_feed_with_escaped_html():
    result = run(ATOM)
    assert result.kind == "feed"
    (art,) = result.articles
    assert art.title == "算力券怎样发才有效"
    assert art.authors == ["司徒映雪"]
    assert art.date == "2026-01-20"
    assert body(art).startswith("不少城市推出了算力券") and "<p>" not in body(art) and "&lt;" not in body(art)


def test_malformed_feed_is_read_by_shape_and_no_entity_is_expanded():
    text = RSS.replace("<channel>", '<!DOCTYPE rss [<!ENTITY boom "爆炸爆炸爆炸">]>\n<channel>', 1)
    text = text.replace("港口为什么要建数据中台", "港口为什么要建数据中台&boom;")
    feed = read_feed(text)
    assert feed is not None and feed.how == "shape"  # the DTD is refused: read by element shape
    assert "爆炸" not in feed.text
    result = run(text)
    assert len(result.articles) == 2
    assert all("爆炸爆炸" not in body(a) and "爆炸爆炸" not in (a.title or "") for a in result.articles)
    broken = RSS.replace("</item>\n<item>", "</itm>\n<item>", 1)  # a closing tag misspelt: not well formed
    result = run(broken)  # no crash; the items still come apart
    assert result.kind == "feed" and len(result.articles) == 2


def test_a_sidecar_kind_still_overrides_the_feed():
    result = run(RSS, "kind: web-page\n")
    assert result.kind == "web-page"
    assert not any(c.kind == "split_feed_item" for c in result.report)


REPORT = """滨江城市发展研究中心
专　题　研　究
2025年第9期

老旧小区改造中的数字化治理

课题组负责人：甘慕言
执笔：甘慕言　柏子衿
二〇二五年十一月

目　　录

摘要……………………………………………………………………1
一、问题的提出………………………………………………………2
二、三个城市的做法…………………………………………………3
三、政策建议…………………………………………………………5

摘　要
　　本研究以三个城市的老旧小区改造为样本，讨论数字化工具在居民议事、工程监督和后期运维中的作用。
关键词：老旧小区　数字化治理　居民议事

一、问题的提出
　　老旧小区改造涉及的主体多、诉求杂，过去常常出现“政府干、群众看”的局面。数字化工具为居民参与提供了新的渠道。
　　但工具本身不能解决信任问题。没有规则和组织的配合，线上议事平台很快就会变成无人问津的摆设。

- 2 -
老旧小区改造中的数字化治理

二、三个城市的做法
　　三个城市都建立了改造项目的线上公示平台，居民可以随时查看工程进度和资金使用情况。
　　其中一个城市还把物业服务评价接入平台，评价结果与物业企业的续约直接挂钩。
三、政策建议
　　一是把居民议事规则写进改造方案，二是让监督数据向居民公开，三是为后期运维预留数字化经费。

- 3 -
老旧小区改造中的数字化治理
"""


def test_research_report_with_cover_and_contents_is_one_article():
    result = run(REPORT)
    assert result.kind == "research-report"
    (art,) = result.articles
    assert art.title == "老旧小区改造中的数字化治理"
    assert art.authors == ["甘慕言", "柏子衿"]
    assert art.summary and art.summary.startswith("本研究以三个城市")
    assert art.keywords == ["老旧小区", "数字化治理", "居民议事"]
    text = body(art)
    assert text.startswith("一、问题的提出")
    for furniture in ("滨江城市发展研究中心", "专　题　研　究", "目　　录", "关键词", "……", "二〇二五年十一月"):
        assert furniture not in text
    assert "三是为后期运维预留数字化经费" in text


TRANSCRIPT = """节目回看
社区团购还能走多远
晨曦财经圆桌·第12期　|　2026-01-08 19:30
速记：莫听雨

(00:00:05) 主持人：各位晚上好，今天我们聊聊社区团购。先请两位嘉宾说说这一年的变化。
(00:02:40) 岑观海：最大的变化是补贴退潮了。前两年靠低价拉新，现在平台都在算单位经济模型。
[评论] 阿满：我们小区的团长都不做了
(00:06:12) 晏归舟：我补充一点，团长的收入下降以后，服务质量也跟着下降，用户自然就流失了。
(00:09:30) 主持人：那么未来的机会在哪里？
(00:10:02) 岑观海：在供应链。谁能把生鲜的损耗率降下来，谁就能活下去。
感谢收看，下期再见
"""


def test_timestamped_transcript_is_one_article_without_stamps_or_comments():
    result = run(TRANSCRIPT)
    assert result.kind == "transcript"
    (art,) = result.articles
    assert art.title == "社区团购还能走多远"
    assert art.authors == ["莫听雨"]
    text = body(art)
    assert text.startswith("主持人：各位晚上好")
    assert "(00:" not in text and "[评论]" not in text and "下期再见" not in text and "节目回看" not in text
    assert "岑观海：在供应链" in text
    assert "(00:00:05)" in removed_text(result)


SPEECH = """坚持把人才放在发展全局的核心位置
——在2025年临川市人才工作会议上的讲话
（2025年12月5日）
临川市委副书记　宁致远

同志们：
　　这次会议的主要任务是总结今年的人才工作，研究部署明年的重点任务。刚才，几位同志作了很好的发言，我都同意。
一、人才工作取得新进展
　　今年以来，全市新引进高层次人才四百余名，新建博士后工作站十二家，人才发展环境持续改善。
二、明年要抓好的几项工作
　　明年要重点抓好人才政策的落地见效，做到政策兑现不打折扣、服务保障不留死角。
　　同志们，人才工作功在当下、利在长远。让我们一起努力，把各项工作落到实处。
（根据录音整理）
"""


def test_speech_is_one_article_with_the_speaker_as_author():
    result = run(SPEECH)
    assert result.kind == "speech"
    (art,) = result.articles
    assert art.title == "坚持把人才放在发展全局的核心位置"
    assert art.authors == ["宁致远"]
    assert art.date == "2025-12-05"
    assert art.subtitle == "在2025年临川市人才工作会议上的讲话"
    text = "\n".join(b.text for b in art.blocks if b.kind != "note")
    assert text.startswith("同志们：")
    assert "讲话" not in text.split("\n")[0] and "根据录音整理" not in text and "市委副书记" not in text
    assert [b.text for b in art.blocks if b.kind == "note"] == ["（根据录音整理）"]  # shown as a note


QA = """问答社区　话题　提问
刚毕业去小城市考公还是去大城市打拼？
关注这个问题　写回答
被浏览 56,210　关注者 640

闻人知秋
县级机关公务员
1,208 人赞同了该回答

我两条路都走过，先在一线城市做了三年互联网运营，后来回老家考了公务员，说说我的感受。

大城市的好处是机会多、成长快，坏处是成本高、不稳定。我那时候每个月房租就要花掉工资的三分之一。

小城市的好处是稳定、离家近，但上升通道窄，很多事情要靠熬年头。

所以我的建议是：如果你还不确定自己想要什么，不妨先去大城市看看，三十岁以前回来也不晚。

发布于 2025-11-03 21:17・IP 属地江西
赞同 1208
评论 86

禁止转载，如需转载请联系作者。

下一个回答
柳如晦
小城市挺好的，真的……
赞同 35
"""


def test_qa_answer_is_one_article_titled_by_the_question():
    result = run(QA)
    assert result.kind == "qa-answer"
    (art,) = result.articles
    assert art.title == "刚毕业去小城市考公还是去大城市打拼？"
    assert art.authors == ["闻人知秋"]
    text = body(art)
    assert text.startswith("我两条路都走过") and text.endswith("三十岁以前回来也不晚。")
    for furniture in ("县级机关公务员", "赞同", "柳如晦", "小城市挺好的", "禁止转载", "关注者"):
        assert furniture not in text


NEWS = """数据要素市场如何激活？
本报记者 何望舒

　　记者日前从市数据局获悉，今年以来全市数据交易额达到12亿元，同比增长一倍以上。
　　“数据要素市场的关键是让数据能用、敢用、好用。”市数据局有关负责人说，下一步将推出20个数据产品。
　　据介绍，全市已有300余家企业入驻数据交易平台。
"""


def test_a_plain_news_page_is_none_of_the_new_kinds():
    result = run(NEWS)
    assert result.kind in ("newspaper-page", "web-page")
    assert not any(c.kind.startswith(("remove_qa", "remove_transcript", "remove_feed")) for c in result.report)


def test_kinds_are_registered_once():
    """The sidecar's accepted kinds are the recognised ones, and each has a splitter."""
    from wenku.structure.split import SPLITTERS

    assert metadata.KINDS == set(kind_module.KINDS)
    assert all(kind_module.PATTERN_OF_KIND[k] in (*SPLITTERS, "feed") for k in kind_module.KINDS)


COMPILATION = """数字乡村观察
2025年合订本
第四辑

目　　录

村里的快递站……………………………………………………1
一块屏幕管全村………………………………………………3
合作社上了直播间……………………………………………5

村里的快递站
□ 鲍清源
　　以前村民取快递要跑二十里路，如今村口的快递站每天下午准时开门。
　　快递站由村集体和物流公司合办，还顺带收购村里的土特产。

一块屏幕管全村
□ 池映川
　　村委会的大屏幕上，每户的低保、医保和养老金发放情况一目了然。
　　村干部说，过去要挨家挨户跑，现在在屏幕前就能看清楚哪里有问题。

合作社上了直播间
□ 凤栖梧
　　合作社的理事长第一次开直播时紧张得说不出话，现在每周固定播三场。
　　直播带来的订单，已经占到合作社全年销售额的三成。
"""


def test_a_compilation_with_dotted_contents_is_not_merged_into_one_report():
    """Cover, then contents with dotted leaders, but no writer on the cover and no abstract: the contents
    list articles, so it is not read as one research report."""
    result = run(COMPILATION)
    assert result.kind == "compilation"
    assert [a.title for a in result.articles] == ["村里的快递站", "一块屏幕管全村", "合作社上了直播间"]
    assert [a.authors for a in result.articles] == [["鲍清源"], ["池映川"], ["凤栖梧"]]
    assert all("□" not in body(a) for a in result.articles)


DECK = """Slide 1
县域商业体系建设的三个抓手
缪采薇　西岭流通研究所
2025年9月

Slide 2
物流下沉
• 建设县级物流配送中心，整合快递、邮政和供销的线路。
• 乡镇设立共配站点，村级依托便利店设服务点。
备注：这里可以放一张线路图。
西岭流通研究所　2025
2

Slide 3
商贸升级
• 改造乡镇商贸中心，引入连锁品牌和数字化收银。
• 支持农村便利店接入统一的进货平台。
西岭流通研究所　2025
3

Slide 4
农产品上行
• 建设产地仓和冷链设施，减少生鲜损耗。
• 培育本地电商主体，打造区域公共品牌。
备注：时间不够可以跳过本页。
西岭流通研究所　2025
4
"""


def test_a_deck_exported_page_by_page_is_one_article_of_slides():
    result = run(DECK)
    assert result.kind == "slides"
    (art,) = result.articles
    assert art.title == "县域商业体系建设的三个抓手"
    assert art.authors == ["缪采薇"]
    assert [b.text for b in art.blocks if b.kind == "h2"] == ["物流下沉", "商贸升级", "农产品上行"]
    items = [str(i) for b in art.blocks if b.kind == "list" for i in b.items]
    assert "培育本地电商主体，打造区域公共品牌。" in items
    assert not any("备注" in b.text or "备注" in " ".join(map(str, b.items)) for b in art.blocks)


def test_a_feed_saved_on_one_line_still_gives_one_article_per_item():
    compact = "".join(line.strip() for line in RSS.split("\n"))
    result = run(compact)
    assert result.kind == "feed"
    assert [a.title for a in result.articles] == ["港口为什么要建数据中台", "县级融媒体的第二次转型"]
    first, second = (body(a) for a in result.articles)
    assert first.startswith("过去五年") and "县级融媒体" not in first
    assert second.startswith("县级融媒体中心挂牌") and "<" not in second
    assert len(result.articles[0].blocks) == 2  # its two <p> paragraphs


INTERVIEW = """县城的快递为什么越来越快？
2025-05-01 10:00　来源：西岭日报
浏览 12,345

　　记者：最近不少读者发现，县城的快递比以前快了一两天，这是怎么做到的？
　　宋知远：主要是共同配送。几家快递公司把县里的分拣和运输合在一起，车辆满载率提高了，班次也就多了。
　　记者：村里的情况呢？
　　宋知远：村级服务点依托便利店，快递员每天固定时间送一趟，村民下午就能取件。
评论 12
"""


def test_a_web_interview_with_a_question_title_is_no_qa_answer_nor_transcript():
    """A question as the title and a view count, but no answerer over the counts and no timestamps."""
    result = run(INTERVIEW)
    assert result.kind not in ("qa-answer", "transcript", "speech")
    text = "\n".join(body(a) for a in result.articles)
    assert "宋知远：村级服务点依托便利店" in text


def test_a_sidecar_feed_kind_on_a_text_without_items_loses_nothing():
    result = run(NEWS, "kind: feed\n")
    assert result.kind == "feed" and result.articles
    assert "全市已有300余家企业入驻数据交易平台" in "\n".join(body(a) for a in result.articles)


def test_dotted_contents_entries_with_the_author_after_the_title_still_find_their_articles():
    text = COMPILATION.replace("村里的快递站………", "村里的快递站　鲍清源………").replace(
        "一块屏幕管全村………", "一块屏幕管全村　池映川………"
    )
    result = run(text)
    assert result.kind == "compilation"
    assert [a.title for a in result.articles] == ["村里的快递站", "一块屏幕管全村", "合作社上了直播间"]
    assert [a.authors for a in result.articles] == [["鲍清源"], ["池映川"], ["凤栖梧"]]


MEETING = """座谈会实录
数据标注产业怎样走出“劳动密集”
整理：阮星河

主持人　00:00:12
各位好，今天请两位企业负责人谈谈数据标注行业的变化。

甘霖　00:01:40
我们公司三年前主要做图片框选，现在一半以上的订单是大模型的对话数据。
对标注员的要求也变了，需要懂行业知识。

沈砚秋　00:05:02
我补充一点，自动化工具越来越多，纯人工的岗位在减少，但审核和质检的岗位在增加。
好的。
"""


def test_a_transcript_with_the_timestamp_after_the_speaker_keeps_every_turn():
    result = run(MEETING)
    assert result.kind == "transcript"
    (art,) = result.articles
    assert art.title == "数据标注产业怎样走出“劳动密集”"
    assert art.authors == ["阮星河"]
    speakers = [b.text for b in art.blocks if b.kind == "speaker"]
    assert speakers == ["主持人", "甘霖", "沈砚秋"]
    text = body(art)
    assert "00:0" not in text and "对标注员的要求也变了" in text and text.endswith("好的。")


LIVE = """节目回放
数字乡村还缺什么人才？
乡土观察·第12期　|　2026-05-08 19:30　|　1.2万人看过
整理：简秋池
[00:00:10] 钟离晚：各位好，今天我们聊聊数字乡村建设里最缺的是什么样的人。先请易老师谈谈，您在县里跑了这么多年，感受最深的是什么？
[00:02:41] 易松年：最缺的是既懂农业又懂数据的人。县里不缺设备，很多村都装了传感器和大屏，可真正会看数据、会用数据的人很少。
【评论】小满：我们村的大屏一直关着
[00:06:05] 钟离晚：那这样的人从哪里来？
[00:06:40] 易松年：一是本地培养，让返乡青年先学起来；二是请县里的技术员定期下村，手把手地教，教会了再走。
[00:11:12] 钟离晚：谢谢易老师，今天就聊到这里。
本文根据直播录音整理。
"""


def test_a_transcript_whose_timestamps_the_cleaning_took_off_is_still_a_transcript():
    """The cleaning strips `[00:00:10]` from each turn (reported once); the kind is still read from them."""
    result = run(LIVE)
    assert result.kind == "transcript"
    (art,) = result.articles
    assert art.title == "数字乡村还缺什么人才？" and art.authors == ["简秋池"]
    text = body(art)
    assert text.startswith("钟离晚：各位好") and text.endswith("今天就聊到这里。")
    assert "[00:" not in text and "小满" not in text and "录音整理" not in text
    stamps = [c.before.strip() for c in result.report if c.kind == "remove_timestamp"]
    assert sorted(stamps) == sorted(set(stamps)) and len(stamps) == 5  # each turn's stamp reported once


QA_COUNTED = """首页　发现　等你来答
老旧小区加装电梯，数据平台能帮上什么忙？
关注问题　写回答　邀请回答
被浏览 23,517　关注者 318
查看全部 64 个回答

司马听澜
城市更新项目经理
642 人赞同了该回答

能帮上不少忙，但帮不了最难的那一步。我们街道去年上线了加装电梯的协商平台，住户意见、费用分摊和施工进度都放在上面。

平台最大的作用是把账算明白：每一户按楼层出多少钱、补贴多少，一目了然，吵架少了一半。

可是一楼住户愿不愿意签字，平台替不了。最后还是要社区干部一户一户上门聊。

编辑于 2026-04-02 10:15・IP 属地浙江
赞同 642
评论 57
"""


def test_a_qa_answer_whose_count_rows_the_cleaning_removed_is_still_one_answer():
    """The count rows are the shape's evidence even after the cleaning took them out as page chrome."""
    result = run(QA_COUNTED)
    assert any("人赞同了该回答" in c.before for c in result.report)
    assert result.kind == "qa-answer"
    (art,) = result.articles
    assert art.title == "老旧小区加装电梯，数据平台能帮上什么忙？" and art.authors == ["司马听澜"]
    assert body(art).startswith("能帮上不少忙") and "城市更新项目经理" not in body(art)
    lines = [c.line for c in result.report if c.line is not None and c.kind.startswith("remove_")]
    assert len(lines) == len(set(lines))  # no line reported twice
