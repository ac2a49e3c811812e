"""Lay out the third held-out damage set (bench/heldout3/cases) from articles.json.

python bench/heldout3/make.py [DIR]     # writes DIR (default: bench/heldout3/cases)

One function per case, no randomness: the same bytes every time (tests/test_blind_sets.py checks it). Each
case is a Page: every input line is either text of one gold article (line_art) or a boiler line with what
it is; inline boiler (a dateline or byline inside a line of text, a timestamp) is listed with "inline".
The layouts were written from how real copies of Chinese texts look, without reading the pipeline
(hooks/wenku) or the other held-out sets' cases.
"""

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import damage  # noqa: E402

IND = "\u3000\u3000"  # the full-width paragraph indent
SP = "\u3000"


def load_articles() -> dict:
    with open(os.path.join(HERE, "articles.json"), encoding="utf-8") as fh:
        return {a["id"]: a for a in json.load(fh)["articles"]}


ARTS = load_articles()


def paras(aid: str) -> list[str]:
    """An article's paragraphs as the gold holds them (a heading without its `# `)."""
    return [p[2:] if p.startswith("# ") else p for p in ARTS[aid]["paras"]]


def is_head(aid: str, i: int) -> bool:
    return ARTS[aid]["paras"][i].startswith("# ")


def wrap(text: str, width: int) -> list[str]:
    """Cut text every width characters (a PDF's or a column's hard wrap: mid-word, mid-number, mid-URL)."""
    return [text[i : i + width] for i in range(0, len(text), width)]


class Page:
    def __init__(self, ids: list[str]):
        self.ids = ids
        self.lines: list[str] = []
        self.art: list[int | None] = []
        self.boiler: list[dict] = []

    def text(self, aid: str, line: str) -> None:
        self.lines.append(line)
        self.art.append(self.ids.index(aid))

    def boil(self, line: str, what: str, names: list[str] | None = None) -> None:
        self.lines.append(line)
        self.art.append(None)
        entry = {"text": line, "what": what}
        if names:
            entry["names"] = names
        self.boiler.append(entry)

    def inline(self, text: str, what: str, names: list[str] | None = None) -> str:
        entry = {"text": text, "what": what, "inline": True}
        if names:
            entry["names"] = names
        self.boiler.append(entry)
        return text

    def blank(self) -> None:
        self.lines.append("")
        self.art.append(None)

    def gold(self, titles: dict | None = None) -> list[dict]:
        titles = titles or {}
        out = []
        for aid in self.ids:
            a = ARTS[aid]
            out.append(
                {
                    "id": aid,
                    "title": titles.get(aid, a["title"]),
                    "authors": list(a["authors"]),
                    "affiliations": list(a["affiliations"]),
                    "paras": paras(aid),
                }
            )
        return out


def trad(text: str) -> str:
    """Hong Kong / Macau character forms (opencc s2hk)."""
    return damage.s2t(text, "s2hk")


# ---------------------------------------------------------------- cases


def c01_provincial_headline():
    """A provincial paper's page: a three-line headline (引题 / 主题 / 副题), the byline after the subtitle,
    and a 本报讯 item whose column run is set into the lead, cut mid-sentence."""
    p = Page(["a01", "a02"])
    a, b = paras("a01"), paras("a02")
    p.boil("东澜日报" + SP + "2026年3月12日" + SP + "星期四" + SP * 2 + "第5版" + SP + "要闻", "header")
    p.boil("本版责编：温如是" + SP * 2 + "版式：甘棠", "promo")
    p.blank()
    p.boil("激活数据要素" + SP + "赋能实体经济", "kicker")
    p.text("a01", ARTS["a01"]["title"])
    p.boil("——规上工业企业数字化改造覆盖率达78.6%", "subtitle")
    p.boil("本报记者" + SP + "岑望舒" + SP + "通讯员" + SP + "蔺秋野", "byline", ["岑望舒", "蔺秋野"])
    p.blank()
    p.text("a01", IND + a[0])
    p.text("a01", IND + a[1])
    p.boil(
        "图为沅江精密铸造厂工人在查看设备运行数据。" + SP + "本报记者" + SP + "岑望舒" + SP + "摄",
        "caption",
        ["岑望舒"],
    )
    p.blank()
    p.text("a02", ARTS["a02"]["title"])
    cut = b[0].index("通用算力、") + len("通用算力、")
    p.text("a02", p.inline("本报讯（记者" + SP + "郗明远）", "byline", ["郗明远"]) + b[0][:cut])
    p.blank()
    p.boil("东澜日报" + SP + "2026年3月12日" + SP + "星期四", "header")
    p.text("a01", a[2])
    p.text("a01", IND + a[3])
    p.text("a01", IND + a[4])
    p.text("a02", b[0][cut:])
    p.text("a02", IND + b[1])
    p.text("a02", IND + b[2])
    p.text("a01", a[5])
    p.text("a01", IND + a[6])
    p.text("a01", IND + a[7])
    p.blank()
    p.boil("第5版" + SP + "要闻" + SP * 4 + "东澜日报社出版" + SP + "新闻热线：0731-5555 8800", "footer")
    return (
        p,
        {},
        {
            "shape": "provincial paper page: 引题/主题/副题 headline, byline after the subtitle, a 本报讯 item cut into the lead mid-sentence",
            "primary": "interleave",
            "kinds": ["byline", "headers", "interleave", "promo", "title"],
        },
    )


def c02_commentator():
    """A 评论员文章: no personal author, the byline is the paper's 本报评论员 as printed; a series kicker
    above the title, an editor's note, a cross reference at the end."""
    p = Page(["a03"])
    a = paras("a03")
    p.boil("东澜日报" + SP + "2026年3月15日" + SP + "星期日" + SP + "第1版", "header")
    p.blank()
    p.boil("◆数字经济大家谈③", "kicker")
    p.text("a03", ARTS["a03"]["title"])
    p.boil("本报评论员", "byline", ["本报评论员"])
    p.blank()
    p.boil(
        IND
        + "编者按：近期，本报推出“数字经济大家谈”系列评论，围绕算力、数据、平台等热点话题展开讨论。今天刊发第三篇，敬请关注。",
        "note",
    )
    p.blank()
    for x in a:
        p.text("a03", IND + x)
    p.blank()
    p.boil("（相关报道见第3版）", "jump")
    return (
        p,
        {},
        {
            "shape": "评论员文章: 本报评论员 as the byline, series kicker ◆…③ over the title, 编者按, 见第3版 cross reference",
            "primary": "byline",
            "kinds": ["byline", "headers", "note", "title"],
        },
    )


def c03_thinktank_pdf():
    """A think tank's report as text from its PDF: cover page, 目录 with dotted leaders and page numbers,
    摘要/关键词, running heads alternating between left and right pages (the right one is the report's own
    title), centred page numbers, a hard wrap at 38 with the indent only on a paragraph's first line."""
    p = Page(["a04"])
    a = paras("a04")
    title = ARTS["a04"]["title"]
    p.boil("青杉数字经济研究院", "cover")
    p.boil("研" + SP + "究" + SP + "报" + SP + "告", "cover")
    p.boil("2026年第4期（总第37期）", "cover")
    p.blank()
    p.text("a04", title)
    p.blank()
    p.boil("课题组负责人：符晓澄", "byline", ["符晓澄"])
    p.boil("执笔：符晓澄" + SP + "庹立言", "byline", ["符晓澄", "庹立言"])
    p.boil("二〇二六年三月", "cover")
    p.blank()
    p.boil("目" + SP * 2 + "录", "toc")
    p.blank()
    p.boil("摘要" + "…" * 30 + "1", "toc")
    p.boil("一、城市数据空间的内涵" + "…" * 20 + "2", "toc")
    p.boil("二、当前面临的主要问题" + "…" * 20 + "2", "toc")
    p.boil("三、对策建议" + "…" * 24 + "3", "toc")
    p.blank()
    p.boil("摘" + SP + "要", "note")
    abstract = (
        "本报告在对12个城市实地调研的基础上，分析了城市数据空间的内涵、建设现状和主要问题，"
        "提出以场景牵引供给、完善收益分配、培育运营主体和强化安全底线等四方面建议。"
    )
    for piece in wrap(IND + abstract, 38):
        p.boil(piece, "note")
    p.boil("关键词：城市数据空间" + SP + "数据流通" + SP + "授权运营" + SP + "隐私计算", "note")
    p.blank()
    p.boil("· 1 ·", "footer")
    # The body: pages of 9 lines; even pages carry the series name, odd pages the report's title.
    body: list[tuple[str, bool]] = []
    for i, x in enumerate(a):
        if is_head("a04", i):
            body.append((x, True))
        else:
            body.extend((piece, False) for piece in wrap(IND + x, 38))
    page_no = 2
    for start in range(0, len(body), 9):
        p.blank()
        if page_no % 2 == 0:
            p.boil("青杉数字经济研究院研究报告" + SP * 8 + "2026年第4期", "header")
        else:
            p.boil(title, "header")
        p.blank()
        for piece, _head in body[start : start + 9]:
            p.text("a04", piece)
        p.blank()
        p.boil(f"· {page_no} ·", "footer")
        page_no += 1
    return (
        p,
        {},
        {
            "shape": "think-tank PDF: cover page, 目录 with dotted leaders, 摘要/关键词, running heads alternating left/right (right = the title), wrap 38",
            "primary": "headers",
            "kinds": ["byline", "headers", "note", "title", "wrap"],
        },
    )


def c04_livestream_qa():
    """A livestream's Q&A transcript: 直播回放 furniture, a timestamp opening each turn, viewers' comments
    and a giveaway notice between turns; the transcriber (文字整理) is the author."""
    p = Page(["a05"])
    a = paras("a05")
    stamps = [
        "[00:00:08]",
        "[00:01:15]",
        "[00:04:52]",
        "[00:05:30]",
        "[00:09:47]",
        "[00:10:21]",
        "[00:15:03]",
        "[00:15:40]",
    ]
    p.boil("直播回放", "chrome")
    p.text("a05", ARTS["a05"]["title"])
    p.boil("沅屿教育夜话·第58期　|　2026-03-20 20:00　|　3.6万人看过", "chrome")
    p.boil("文字整理：麴南星", "byline", ["麴南星"])
    p.blank()
    for i, x in enumerate(a):
        p.text("a05", p.inline(stamps[i], "timestamp") + " " + x)
        if i == 1:
            p.boil("【弹幕】小鹿妈妈：我家孩子天天用AI写作业怎么办", "comment")
            p.boil("【弹幕】青柠：訾老师讲得太实在了", "comment")
        if i == 4:
            p.boil("主播已开启点赞抽奖：点赞满1万，抽10位观众送《AI时代的学习力》", "promo")
    p.blank()
    p.boil("本文根据直播录音整理，未经嘉宾本人审阅。", "note")
    p.boil("关注直播间，每周四晚8点不见不散～", "promo")
    p.boil("——本场直播由沅屿教育云平台提供技术支持——", "promo")
    return (
        p,
        {},
        {
            "shape": "livestream Q&A transcript: timestamps opening each turn, 弹幕 comments and a giveaway between turns, 文字整理 as author",
            "primary": "chrome",
            "kinds": ["byline", "chrome", "note", "promo", "title"],
        },
    )


def c05_portal_page():
    """A news portal's page saved as plain text: breadcrumb, the author's name alone under the title,
    time/source line, 分享到 row, paragraphs indented with numeric entities (&#12288;), 【责任编辑】 and
    (责编) lines, related links."""
    p = Page(["a06"])
    a = paras("a06")
    p.boil("东澜网 >> 观点频道 >> 正文", "chrome")
    p.blank()
    p.text("a06", ARTS["a06"]["title"])
    p.boil("苗疏桐", "byline", ["苗疏桐"])
    p.boil("2026年03月22日08:15" + SP * 2 + "来源：东澜日报", "chrome")
    p.boil("分享到：", "chrome")
    p.blank()
    for i, x in enumerate(a):
        p.text("a06", ("&#12288;&#12288;" if i % 2 == 0 else "&nbsp;&nbsp;&nbsp;&nbsp;") + x)
    p.boil(IND + "（作者系沅屿大学法学院副教授）", "note")
    p.blank()
    p.boil("(责编：甘棠、温如是)", "promo")
    p.blank()
    p.boil("【责任编辑：甘棠】", "promo")
    p.boil("分享到：微信" + SP + "微博" + SP + "QQ空间", "chrome")
    p.blank()
    p.boil("相关新闻", "chrome")
    p.boil("· 平台企业要当好数据安全“守门人”", "chrome")
    p.boil("· 算法推荐不能成为“黑箱”", "chrome")
    p.blank()
    p.boil("东澜网版权所有，未经书面授权禁止使用", "promo")
    p.boil("Copyright © 2026 by dl.example. all rights reserved", "promo")
    return (
        p,
        {},
        {
            "shape": "news-portal page as plain text: breadcrumb, author's bare name under the title, 分享到 rows, &#12288; indents, 【责任编辑：名】",
            "primary": "html",
            "kinds": ["byline", "chrome", "html", "note", "promo", "title"],
        },
    )


def c06_qa_answer():
    """A Q&A site's answer copied whole: the question as the page title, follower counts, the answerer's
    name and one-line bio, 赞同 count, 编辑于 date with IP 属地, 赞同/评论 counts, the rights notice, the start
    of the next answer."""
    p = Page(["a07"])
    a = paras("a07")
    p.boil("首页" + SP + "发现" + SP + "等你来答", "chrome")
    p.text("a07", ARTS["a07"]["title"])
    p.boil("关注问题" + SP + "写回答" + SP + "邀请回答", "chrome")
    p.boil("被浏览 128,406" + SP + "关注者 1,032", "chrome")
    p.boil("查看全部 215 个回答", "chrome")
    p.blank()
    p.boil("冼嘉禾", "byline", ["冼嘉禾"])
    p.boil("农产品电商从业者 / 岚州", "note")
    p.boil("3,482 人赞同了该回答", "chrome")
    p.blank()
    for x in a:
        p.text("a07", x)
        p.blank()
    p.boil("编辑于 2026-02-17 22:41・IP 属地湖南", "chrome")
    p.boil("赞同 3482", "chrome")
    p.boil("评论 126", "chrome")
    p.boil("分享" + SP + "收藏" + SP + "喜欢" + SP + "举报", "chrome")
    p.blank()
    p.boil("著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。", "promo")
    p.blank()
    p.boil("更多回答", "chrome")
    p.boil("鹿鸣山房", "comment")
    p.boil("说个反面的：我们村去年投了二十万做直播，基本打了水漂……", "comment")
    p.boil("赞同 208", "chrome")
    return (
        p,
        {},
        {
            "shape": "Q&A-site answer: question as title, answerer + bio, N 人赞同, 编辑于…IP 属地, 赞同 N / 评论 N, rights notice, next answer",
            "primary": "chrome",
            "kinds": ["byline", "chrome", "note", "promo", "title"],
        },
    )


def c07_magazine_sidebar():
    """A magazine spread: a feature with a 相关链接 sidebar box set into the middle of a paragraph; folios
    on both pages (left: number then magazine, right: magazine then number)."""
    p = Page(["a08", "a09"])
    a, s = paras("a08"), paras("a09")
    p.boil("26" + SP + "数治前沿" + SP + "2026.04", "header")
    p.boil("封面故事", "column")
    p.blank()
    p.text("a08", ARTS["a08"]["title"])
    p.boil("文｜濮阳琪", "byline", ["濮阳琪"])
    p.blank()
    p.text("a08", IND + a[0])
    cut = a[1].index("基础设施。") + len("基础设施。") - 14
    p.text("a08", IND + a[1][:cut])
    p.blank()
    p.boil("┌" + "─" * 20 + "┐", "markup")
    p.boil("相关链接", "column")
    p.text("a09", ARTS["a09"]["title"])
    for x in s:
        p.text("a09", x)
    p.boil("└" + "─" * 20 + "┘", "markup")
    p.blank()
    p.text("a08", a[1][cut:])
    p.text("a08", a[2])
    p.text("a08", IND + a[3])
    p.blank()
    p.boil("数治前沿" + SP + "2026.04" + SP + "27", "header")
    p.blank()
    p.text("a08", IND + a[4])
    p.text("a08", a[5])
    p.text("a08", IND + a[6])
    p.boil("（责任编辑：柏舟）", "promo")
    return (
        p,
        {},
        {
            "shape": "magazine spread: a 相关链接 sidebar box (box-drawing rules) set into a paragraph mid-sentence, folios on both pages",
            "primary": "interleave",
            "kinds": ["byline", "headers", "interleave", "promo", "title"],
        },
    )


def c08_speech_utf16():
    """A speech as released (Windows 'Unicode' text: UTF-16 with BOM, CRLF): main title, ——在…上的讲话
    subtitle, date, the speaker's office and name, 同志们： and 谢谢大家！ as the speaker's own words."""
    p = Page(["a10"])
    a = paras("a10")
    p.text("a10", ARTS["a10"]["title"])
    p.boil("——在2026年东澜市数字经济推进大会上的讲话", "subtitle")
    p.boil("（2026年3月18日）", "date")
    p.boil("东澜市人民政府副市长" + SP + "邬晴川", "byline", ["邬晴川"])
    p.blank()
    for i, x in enumerate(a):
        p.text("a10", x if is_head("a10", i) or x == "同志们：" else IND + x)
    p.blank()
    p.boil("（根据录音整理，有删节）", "note")
    return (
        p,
        {"encoding": "utf-16", "bom": b"\xff\xfe", "codec": "utf-16-le", "crlf": True},
        {
            "shape": "speech transcript (在…上的讲话 subtitle, date, office + name, 同志们：) saved as UTF-16 LE with BOM, CRLF",
            "primary": "byline",
            "kinds": ["byline", "note", "title"],
        },
    )


def c09_macau_mixed():
    """A Macau paper's page: Traditional (HK/Macau forms) with paragraphs pasted from a Simplified wire,
    a Portuguese office name, 【本報訊】 / 【本報消息】 datelines, the reporter at the end, a brief without byline."""
    p = Page(["a11", "a20"])
    a, b = paras("a11"), paras("a20")
    p.boil(
        "澳門晨光報" + SP + "Jornal Luz da Manhã" + SP + "2026年3月19日" + SP + "星期四" + SP + "A3" + SP + "澳聞",
        "header",
    )
    p.blank()
    p.text("a11", trad(ARTS["a11"]["title"]))
    p.text("a11", p.inline("【本報訊】", "dateline") + trad(a[0]))
    p.text("a11", a[1])
    p.text("a11", trad(a[2]))
    p.text("a11", a[3])
    p.boil("（記者" + SP + "黎安瀾）", "byline", ["黎安澜"])
    p.blank()
    p.boil("＊" + SP + "＊" + SP + "＊", "markup")
    p.blank()
    p.text("a20", trad(ARTS["a20"]["title"]))
    p.text("a20", p.inline("【本報消息】", "dateline") + trad(b[0]))
    p.text("a20", trad(b[1]))
    p.blank()
    p.boil("責任編輯：區嘉雯" + SP + "美術編輯：何凱", "promo")
    return (
        p,
        {},
        {
            "shape": "Macau paper: Traditional mixed with Simplified paragraphs, Portuguese name, 【本報訊】, reporter at the end, brief without byline",
            "primary": "traditional",
            "kinds": ["byline", "headers", "promo", "title", "traditional"],
        },
    )


def c10_wrap22_indent():
    """Text from a narrow PDF column: wrap at 22 with the 　　 indent kept on EVERY line (so an indent does
    not mark a paragraph), cuts inside 4G, SaaS and a URL."""
    p = Page(["a12"])
    a = paras("a12")
    p.text("a12", ARTS["a12"]["title"])
    p.boil("文" + SP + "牧晴岚", "byline", ["牧晴岚"])
    p.blank()
    for x in a:
        for piece in wrap(x, 22):
            p.text("a12", IND + piece)
    p.boil(IND + "（作者单位：岚州市农业农村局）", "note")
    p.boil(IND + "（本文首发于“岚州三农”微信公众号，转载请注明出处）", "promo")
    return (
        p,
        {},
        {
            "shape": "narrow column, wrap 22 with the 　　 indent on every line, cuts inside 4G, SaaS and a URL",
            "primary": "wrap",
            "kinds": ["byline", "note", "promo", "wrap"],
        },
    )


def c11_three_opinions():
    """A theory page's round table: a section head and 编者按, then three short pieces, each a title, a
    ◆ name line and the author's post on its own line without brackets."""
    p = Page(["a13", "a14", "a15"])
    posts = {"a13": "东澜大学经济学院教授", "a14": "青杉数字经济研究院研究员", "a15": "沅屿市大数据发展中心主任"}
    p.boil("东澜日报" + SP + "2026年3月26日" + SP + "星期四" + SP + "第7版" + SP + "理论周刊", "header")
    p.blank()
    p.boil("【圆桌】", "column")
    p.boil("数据要素如何“活”起来", "section")
    p.boil(
        IND
        + "编者按：数据被称为数字经济时代的“新石油”，但如何让数据真正流动起来、用起来，仍有不少难题。本期邀请三位专家各抒己见。",
        "note",
    )
    p.blank()
    for aid in p.ids:
        p.text(aid, ARTS[aid]["title"])
        name = ARTS[aid]["authors"][0]
        p.boil("◆" + name, "byline", [name])
        p.boil(posts[aid], "note")
        for x in paras(aid):
            p.text(aid, IND + x)
        p.blank()
    p.boil("本版主编：宗一苇" + SP + "责任编辑：甘棠", "promo")
    return (
        p,
        {},
        {
            "shape": "round table of three short pieces: title, ◆name, the author's post alone on the next line; section head and 编者按",
            "primary": "title",
            "kinds": ["byline", "headers", "note", "promo", "title"],
        },
    )


def c12_twice_gb18030():
    """An article pasted twice, GB18030 with its BOM: first the web text (one paragraph a line), then the
    same article from the PDF (wrap 30, a page number), each copy followed by its own note."""
    p = Page(["a16"])
    a = paras("a16")
    title = ARTS["a16"]["title"]
    p.text("a16", title)
    p.boil("容子衿", "byline", ["容子衿"])
    for x in a:
        p.text("a16", x)
    p.boil("（本文刊发于《东澜理论》2026年第2期）", "note")
    p.blank()
    p.boil("—— PDF 原版 ——", "chrome")
    p.blank()
    p.text("a16", title)
    p.boil("◎容子衿", "byline", ["容子衿"])
    lines = [piece for x in a for piece in wrap(IND + x, 30)]
    for i, piece in enumerate(lines):
        p.text("a16", piece)
        if i == 8:
            p.boil("— 46 —", "footer")
    p.boil("（作者单位：东澜市社会科学院）", "note")
    p.boil("— 47 —", "footer")
    return (
        p,
        {"encoding": "gb18030", "bom": b"\x84\x31\x95\x33", "codec": "gb18030"},
        {
            "shape": "article pasted twice (web text, then the PDF's wrap-30 copy with page numbers), GB18030 with BOM",
            "primary": "twice",
            "kinds": ["byline", "headers", "note", "twice", "wrap"],
        },
    )


def _mojibake(text: str) -> str:
    """UTF-8 bytes read as GBK (a span whose bytes happen to be valid GBK: recoverable byte for byte)."""
    return text.encode("utf-8").decode("gbk")


def c13_feed_mojibake():
    """An RSS feed saved and opened as text: XML declaration, <item>/<title>/<author>/<pubDate>, CDATA with
    <p> paragraphs; one span of the first item is UTF-8 read as GBK (recoverable), the second item has a
    锟斤拷 run where a character was lost."""
    p = Page(["a17", "a18"])
    a, b = paras("a17"), paras("a18")
    span = "做的，是对自己的数据"
    assert _mojibake(span).encode("gbk").decode("utf-8") == span
    lost = "下降了九成"
    p.boil('<?xml version="1.0" encoding="UTF-8"?>', "markup")
    p.boil('<rss version="2.0"><channel>', "markup")
    p.boil("<title>沅屿科技观察</title>", "chrome")
    p.boil("<link>https://tech.yuanyu.example/</link>", "chrome")
    for aid, ps, date in (("a17", a, "Tue, 24 Mar 2026 09:30:00 +0800"), ("a18", b, "Wed, 25 Mar 2026 18:05:00 +0800")):
        p.boil("<item>", "markup")
        p.text(aid, "<title>" + ARTS[aid]["title"] + "</title>")
        name = ARTS[aid]["authors"][0]
        p.boil("<author>" + name + "</author>", "byline", [name])
        p.boil("<pubDate>" + date + "</pubDate>", "chrome")
        p.boil("<description><![CDATA[", "markup")
        for x in ps:
            if span in x:
                x = x.replace(span, _mojibake(span))
            if lost in x:
                x = x.replace(lost, "下降了锟斤拷成")
            p.text(aid, "<p>" + x + "</p>")
        p.boil("]]></description>", "markup")
        p.boil("</item>", "markup")
    p.boil("</channel></rss>", "markup")
    return (
        p,
        {},
        {
            "shape": "RSS feed as text: XML tags, CDATA with <p>, a UTF-8 span read as GBK (recoverable), a 锟斤拷 run (lost)",
            "primary": "gbk",
            "kinds": ["byline", "chrome", "gbk", "html", "title"],
        },
    )


def c14_control_table_dialogue():
    """Undamaged control: a table as text with aligned columns, lines that end without punctuation, a
    dialogue of short quoted lines. One paragraph a line."""
    p = Page(["a19"])
    p.text("a19", ARTS["a19"]["title"])
    p.blank()
    p.boil("司徒逸", "byline", ["司徒逸"])
    p.blank()
    for x in paras("a19"):
        p.text("a19", x)
    return (
        p,
        {},
        {
            "shape": "undamaged control: an aligned text table, lines ending without punctuation, a dialogue",
            "primary": "clean",
            "kinds": ["clean"],
        },
    )


CASES = [
    ("c01-provincial-headline", c01_provincial_headline),
    ("c02-commentator", c02_commentator),
    ("c03-thinktank-pdf", c03_thinktank_pdf),
    ("c04-livestream-qa", c04_livestream_qa),
    ("c05-portal-page", c05_portal_page),
    ("c06-qa-answer", c06_qa_answer),
    ("c07-magazine-sidebar", c07_magazine_sidebar),
    ("c08-speech-utf16", c08_speech_utf16),
    ("c09-macau-mixed", c09_macau_mixed),
    ("c10-wrap22-indent", c10_wrap22_indent),
    ("c11-three-opinions", c11_three_opinions),
    ("c12-twice-gb18030", c12_twice_gb18030),
    ("c13-feed-mojibake", c13_feed_mojibake),
    ("c14-control-table-dialogue", c14_control_table_dialogue),
]


def build(name: str, fn) -> tuple[bytes, dict]:
    page, enc, meta = fn()
    text = "\n".join(page.lines) + "\n"
    crlf = enc.get("crlf", False)
    if crlf:
        text = text.replace("\n", "\r\n")
    data = enc.get("bom", b"") + text.encode(enc.get("codec", "utf-8"))
    gold = {
        "name": name + ".txt",
        "shape": meta["shape"],
        "primary": meta["primary"],
        "kinds": sorted(meta["kinds"]),
        "encoding": enc.get("encoding", "utf-8"),
        "line_ends": "CRLF" if crlf else "LF",
        "gold": page.gold(),
        "boiler": page.boiler,
        "line_art": page.art,
    }
    return data, gold


def main(argv: list[str]) -> int:
    out = argv[0] if argv else os.path.join(HERE, "cases")
    os.makedirs(out, exist_ok=True)
    for name, fn in CASES:
        data, gold = build(name, fn)
        with open(os.path.join(out, name + ".txt"), "wb") as fh:
            fh.write(data)
        with open(os.path.join(out, name + ".gold.json"), "w", encoding="utf-8") as fh:
            json.dump(gold, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    print(f"{out}: {len(CASES)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
