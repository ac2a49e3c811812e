"""Lay out the seventh held-out damage set (bench/heldout7/cases) by hand from articles.json.

One function per case, no randomness: `python bench/heldout7/make.py [DIR]` writes the same bytes every time
(DIR defaults to bench/heldout7/cases). Each case is a list of lines, each line either article text (its gold
article's index) or boilerplate (registered once per distinct text, with what it is); a span inside a line of
article text that is not text is registered `inline`.

Hard wraps follow a typesetter's rule: a closing mark never opens a line, an opening mark never ends one.
"""

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import damage  # noqa: E402  (OpenCC s2t only)

with open(os.path.join(HERE, "articles.json"), encoding="utf-8") as _fh:
    ARTS = {a["id"]: a for a in json.load(_fh)["articles"]}

OPEN = "“‘（《「『【〈﹁﹃︵[("
CLOSE = "，。、；：？！”’）》」』】〉…—﹂﹄︶"


def paras(aid: str) -> list[str]:
    """The article's paragraphs as the gold has them (a heading without its `# `)."""
    return [p[2:] if p.startswith("# ") else p for p in ARTS[aid]["paragraphs"]]


def heading(aid: str, i: int) -> bool:
    return ARTS[aid]["paragraphs"][i].startswith("# ")


def wrap(text: str, width: int, first: int | None = None) -> list[str]:
    """Greedy cut at `width` full-width characters (`first` for the first line; an ASCII character takes half
    a place, as digits and Latin letters do in a Chinese column); a closing mark is pulled up onto the line
    before it, an opening mark at a line's end is pushed down."""
    out, i = [], 0
    while i < len(text):
        w = first if (first is not None and not out) else width
        j, used = i, 0.0
        while j < len(text) and used + (0.5 if ord(text[j]) < 128 else 1) <= w:
            used += 0.5 if ord(text[j]) < 128 else 1
            j += 1
        while j < len(text) and text[j] in CLOSE:
            j += 1
        while j - 1 > i and j < len(text) and text[j - 1] in OPEN:
            j -= 1
        out.append(text[i:j])
        i = j
    return out


class Case:
    def __init__(self, name, shape, primary, kinds, ids, encoding="utf-8", crlf=False, golds=None):
        self.name, self.shape, self.primary, self.kinds = name, shape, primary, sorted(kinds)
        self.ids, self.encoding, self.crlf = ids, encoding, crlf
        self.golds = golds or {}
        self.lines: list[str] = []
        self.art: list[int | None] = []
        self.boiler: list[dict] = []
        self._seen: set[str] = set()

    def text(self, line: str, k: int = 0) -> None:
        self.lines.append(line)
        self.art.append(k)

    def blank(self) -> None:
        self.lines.append("")
        self.art.append(None)

    def entry(self, text: str, what: str, names=None, inline=False) -> None:
        if text in self._seen:
            return
        self._seen.add(text)
        e = {"text": text, "what": what}
        if names:
            e["names"] = list(names)
        if inline:
            e["inline"] = True
        self.boiler.append(e)

    def boil(self, line: str, what: str, names=None) -> None:
        self.entry(line, what, names)
        self.lines.append(line)
        self.art.append(None)

    def gold(self) -> list[dict]:
        out = []
        for aid in self.ids:
            a = ARTS[aid]
            g = {
                "id": aid,
                "title": a["title"],
                "authors": a["authors"],
                "affiliations": a["affiliations"],
                "paras": paras(aid),
            }
            g.update(self.golds.get(aid, {}))
            out.append(g)
        return out

    def write(self, folder: str) -> None:
        text = "\n".join(self.lines) + "\n"
        if self.crlf:
            text = text.replace("\n", "\r\n")
        data = text.encode(self.encoding)
        meta = {
            "name": self.name + ".txt",
            "primary": self.primary,
            "kinds": self.kinds,
            "shape": self.shape,
            "encoding": self.encoding,
            "gold": self.gold(),
            "boiler": self.boiler,
            "line_art": self.art,
        }
        if self.crlf:
            meta["line_ends"] = "CRLF"
        with open(os.path.join(folder, self.name + ".txt"), "wb") as fh:
            fh.write(data)
        with open(os.path.join(folder, self.name + ".gold.json"), "w", encoding="utf-8") as fh:
            json.dump(meta, fh, ensure_ascii=False, indent=1)
            fh.write("\n")


def gbk_shift(span: str) -> str:
    """The span read one byte late from GBK bytes: its first byte lost, every pair after it mis-paired (the
    stream realigns at the line end); undecodable pairs come out as `?`."""
    raw = span.encode("gbk")[1:]
    return raw.decode("gbk", errors="replace").replace("\ufffd", "?")


# ---------------------------------------------------------------- the cases


def g01_word_export():
    c = Case(
        "g01-word-fieldcodes-utf16",
        "research institute's discussion draft saved from Word as Unicode text (UTF-16 with BOM, CRLF) with "
        "field codes showing: TOC entries with their HYPERLINK \\l and PAGEREF codes repeating the headings, a DOCPROPERTY line, a HYPERLINK code "
        "inside a sentence; 【批注】 reviewers' comments on their own line and inside a paragraph; a form feed "
        "opening the line after a page break; one paragraph a line, no blank lines; bare-name byline and "
        "affiliation line",
        "note",
        {"byline", "headers", "note", "title"},
        ["h01"],
        encoding="utf-16",
        crlf=True,
    )
    p = paras("h01")
    c.boil('DOCPROPERTY  "Company"  \\* MERGEFORMAT 芃城工业互联网研究院', "field")
    c.boil("内部讨论稿（第3稿）　请勿外传", "header")
    c.boil('TOC \\o "1-3" \\h \\z \\u', "field")
    for n, i in enumerate((1, 4, 7)):
        c.boil(f' HYPERLINK \\l "_Toc19876543{n + 1}" {p[i]}\t PAGEREF _Toc19876543{n + 1} \\h {n + 2}', "toc")
    c.text(ARTS["h01"]["title"])
    c.boil("骆清禾", "byline", ["骆清禾"])
    c.boil("（芃城工业互联网研究院）", "note")
    c.boil("【批注 [A1] 骆清禾：标题是否改为《上云之后》？请编辑部定。】", "comment")
    link = ' HYPERLINK "https://stats.pengcheng.example/2026/h1.html" \\t "_blank" '
    c.entry(link, "field", inline=True)
    c.text(p[0].replace("按照统计口径", "按照" + link + "统计口径"))
    c.text(p[1])
    note = "【批注 [A2] 祁编辑：47家还是48家？请与调研名单核对。】"
    c.entry(note, "comment", inline=True)
    c.text(p[2].replace("47家企业。", "47家企业。" + note))
    c.text(p[3])
    c.text("\x0c" + p[4])
    c.text(p[5])
    c.boil("【批注 [A3] 祁编辑：这段引语请补一份受访者同意书。】", "comment")
    c.text(p[6])
    c.text(p[7])
    c.text("\x0c" + p[8])
    c.text(p[9])
    c.boil("（全文约2100字，附表略）", "note")
    c.boil("- PAGE \\* MERGEFORMAT 4 -", "footer")
    return c


def _srt_time(ms: int) -> str:
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def _cues(text: str, size: int = 34, line: int = 17) -> list[list[str]]:
    """A paragraph cut into subtitle cues of at most `size` characters (cut after a mark when one is near),
    each cue on up to two lines."""
    cues, i = [], 0
    while i < len(text):
        j = min(i + size, len(text))
        if j < len(text):
            back = max((k for k in range(j - 12, j) if text[k] in "，。？！：；"), default=None)
            if back is not None:
                j = back + 1
        while j < len(text) and text[j] in CLOSE:
            j += 1
        cues.append(wrap(text[i:j], line))
        i = j
    return cues


def g02_talk_subtitles():
    c = Case(
        "g02-talk-subtitles-srt",
        "a talk's subtitle file (SRT, UTF-8 with BOM, CRLF): cue numbers and timecodes, the speech cut into "
        "cues of one or two lines of at most 17 characters, a sentence running over cues, a longer pause "
        "between paragraphs; a [片头音乐] cue and a subtitle-team credit; no title, no speaker named",
        "wrap",
        {"chrome", "promo", "wrap"},
        ["h02"],
        encoding="utf-8-sig",
        crlf=True,
    )
    n, t = 1, 0
    c.boil(str(n), "cue")
    c.boil(f"{_srt_time(0)} --> {_srt_time(3200)}", "timecode")
    c.boil("[片头音乐]", "sound")
    c.blank()
    t = 4000
    for p in paras("h02"):
        for cue in _cues(p):
            n += 1
            dur = 400 + 190 * sum(len(x) for x in cue)
            c.boil(str(n), "cue")
            c.boil(f"{_srt_time(t)} --> {_srt_time(t + dur)}", "timecode")
            for x in cue:
                c.text(x)
            c.blank()
            t += dur + 80
        t += 1600
    n += 1
    c.boil(str(n), "cue")
    c.boil(f"{_srt_time(t)} --> {_srt_time(t + 3000)}", "timecode")
    c.boil("字幕：数潮字幕组　校对：小满", "credit")
    return c


def g03_rss_feed():
    c = Case(
        "g03-rss-feed-xml",
        "a blog's RSS 2.0 feed saved as a file: XML declaration, channel title/link/description/lastBuildDate, "
        "three <item>s each with <title>, <link>, <dc:creator> in CDATA, <pubDate>, <category>, <guid>, a "
        "truncated <description> excerpt ending [&#8230;], and <content:encoded><![CDATA[ with one <p> a line "
        "(&#8220;/&#8221; entities in one), the blog's reprint line as its last <p>",
        "html",
        {"byline", "chrome", "html", "promo", "title"},
        ["h03", "h04", "h05"],
    )
    c.boil('<?xml version="1.0" encoding="UTF-8"?>', "markup")
    c.boil(
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "markup",
    )
    c.boil("<channel>", "markup")
    c.boil("<title>沄州数字评论</title>", "feed")
    c.boil("<link>https://yunzhou-review.example/</link>", "feed")
    c.boil("<description>关注数字经济的一线观察</description>", "feed")
    c.boil("<language>zh-CN</language>", "feed")
    c.boil("<lastBuildDate>Mon, 08 Jun 2026 09:30:00 +0800</lastBuildDate>", "date")
    posts = [("h03", 1082, "08", "评论"), ("h04", 1077, "03", "观察"), ("h05", 1069, "29", "评论")]
    c.entry("<![CDATA[", "markup", inline=True)
    for k, (aid, num, day, cat) in enumerate(posts):
        month = "Jun" if aid != "h05" else "May"
        author = ARTS[aid]["authors"][0]
        c.boil("<item>", "markup")
        c.text(f"<title>{ARTS[aid]['title']}</title>", k)
        c.boil(f"<link>https://yunzhou-review.example/p/{num}</link>", "link")
        c.boil(f"<dc:creator><![CDATA[{author}]]></dc:creator>", "byline", [author])
        c.boil(
            f"<pubDate>{'Mon' if day == '08' else 'Wed' if day == '03' else 'Fri'}, {day} {month} 2026 "
            f"08:00:00 +0800</pubDate>",
            "date",
        )
        c.boil(f"<category><![CDATA[{cat}]]></category>", "tags")
        c.boil(f'<guid isPermaLink="false">https://yunzhou-review.example/?p={num}</guid>', "link")
        ps = paras(aid)
        c.boil(f"<description><![CDATA[{ps[0][:40]} [&#8230;]]]></description>", "summary")
        for i, p in enumerate(ps):
            if aid == "h04":
                p = p.replace("“", "&#8220;").replace("”", "&#8221;")
            line = f"<p>{p}</p>"
            if i == 0:
                line = "<content:encoded><![CDATA[" + line
            c.text(line, k)
        c.boil("<p>本文首发于沄州数字评论，转载请注明出处。</p>]]></content:encoded>", "promo")
        c.boil("</item>", "markup")
    c.boil("</channel>", "markup")
    c.boil("</rss>", "markup")
    return c


def g04_journal_two_columns():
    c = Case(
        "g04-journal-two-column-pdf",
        "social-science journal article from a two-column PDF's text layer: running heads with volume/issue, "
        "文章编号/DOI, the title over two lines (——subtitle), names with affiliation digits, affiliation line, "
        "摘要/关键词/中图分类号 block at full width (wrap 40), body in 22-character columns read column by "
        "column with the 　　 indent, the 收稿日期/基金项目/作者简介 page-foot block under page 1's left column "
        "(cutting a paragraph), folio and running heads between pages, 参考文献, English title/abstract (a "
        "hyphenated word) and 责任编辑",
        "wrap",
        {"byline", "headers", "note", "title", "wrap"},
        ["h06"],
    )
    c.boil("第41卷第3期　　　　　　　　岫川社会科学　　　　　　　　Vol.41，No.3", "header")
    c.boil("2026年6月　　　　　　XIUCHUAN SOCIAL SCIENCES　　　　　　Jun.，2026", "header")
    c.boil("文章编号：1008-2217（2026）03-0056-07　　DOI：10.20861/j.xcss.2026.03.007", "field")
    c.text("县域数字经济发展水平的测度与空间差异")
    c.text("——基于岫川省62个县的数据")
    c.boil("祁望舒1，邬宁2", "byline", ["祁望舒", "邬宁"])
    for x in wrap("（1．岫川大学 经济学院，岫川 梘江 650091；2．岫川省社会科学院，岫川 梘江 650032）", 40):
        c.boil(x, "note")
    abstract = (
        "摘　要：以岫川省62个县（市）为样本，构建数字基础设施、数字产业化、产业数字化和数字治理四个维度的"
        "指标体系，采用熵值法测度2019—2025年县域数字经济发展水平。研究发现：县域数字经济发展指数年均增长9.3%，"
        "但县际差距有所扩大，并呈现“核心—边缘”的空间集聚格局。"
    )
    for x in wrap(abstract, 40):
        c.boil(x, "abstract")
    c.boil("关键词：县域；数字经济；熵值法；空间差异", "keywords")
    c.boil("中图分类号：F49　　　　文献标识码：A", "field")
    body = []
    for i, p in enumerate(paras("h06")):
        if heading("h06", i):
            body.append(p.replace(" ", "　"))
        else:
            body.extend(wrap("　　" + p, 22))
    foot = [
        "收稿日期：2026-02-14",
        *wrap("基金项目：岫川省社会科学规划项目（XC25JY031）", 22),
        *wrap(
            "作者简介：祁望舒（1991—），女，岫川梘江人，岫川大学经济学院讲师，博士，研究方向为数字经济与区域发展；"
            "邬宁（1986—），男，岫川省社会科学院副研究员。",
            22,
        ),
    ]
    for x in body[:15]:
        c.text(x)
    for x in foot:
        c.boil(x, "footnote")
    for x in body[15:30]:
        c.text(x)
    c.boil("·56·", "footer")
    c.boil("祁望舒，等：县域数字经济发展水平的测度与空间差异　　　　　　　　·57·", "header")
    for x in body[30:]:
        c.text(x)
    c.blank()
    c.boil("参考文献：", "references")
    refs = [
        "[1]　赵岚，陈默．数字经济的测度方法研究[J]．统计与决策，2023（12）：15-19．",
        "[2]　钟亦舟．县域数字乡村建设的实践逻辑[J]．农村经济，2024（5）：88-96．",
        "[3]　TONG Y，HALE R．Measuring the digital economy at the county level[J]．Regional Studies，"
        "2024，58（4）：611-625．",
    ]
    for r in refs:
        for x in wrap(r, 22):
            c.boil(x, "references")
    c.blank()
    c.boil("Measurement and Spatial Disparity of County-level Digital Economy:", "translation")
    c.boil("Evidence from 62 Counties in Xiuchuan Province", "translation")
    c.boil("QI Wangshu1，WU Ning2", "translation")
    eng = [
        "Abstract: Taking 62 counties in Xiuchuan Province as the sample, this",
        "paper builds an index system of four dimensions and measures the de-",
        "velopment of the county-level digital economy from 2019 to 2025 with",
        "the entropy method. The index grew by 9.3% a year, while the gap be-",
        "tween counties widened and a core-periphery pattern emerged.",
    ]
    for x in eng:
        c.boil(x, "translation")
    c.boil("Key words: county; digital economy; entropy method; spatial disparity", "translation")
    c.boil("（责任编辑：苏禾）", "editor")
    return c


ENGLISH_H07 = [
    "Open a short-video app, and what appears on the home page is decided almost entirely by an algorithm. "
    "Most users do not know why they see this content and not something else.",
    "Under current rules, platforms must tell users, in a prominent way, the basic principles, purposes and "
    "main mechanisms of their recommendation services. In practice, this notice is often buried in user "
    "agreements tens of thousands of characters long, which few people read.",
    'A good algorithmic "manual" should answer at least three questions: which signals does the system use '
    "to recommend things to me? Can I turn off personalised recommendations? What will I see if I do?",
    "A local-services platform in Jingwan has tried a small button beside each recommended item, "
    '"Why this recommendation", which shows an explanation such as "because you saved three noodle shops '
    'last week". In three months, user complaints fell by 18%.',
    "Transparency will not rob algorithms of their commercial value; it may instead win users' trust. "
    "Platforms should write this manual, and they are able to.",
]


def g05_bilingual_parallel():
    c = Case(
        "g05-bilingual-parallel",
        "a university centre's bilingual commentary page: masthead and 双语评论 label with their English, "
        "the title followed by its English title, name ｜ romanised name byline, 作者系 note, then each Chinese "
        "paragraph followed by its English translation (blank lines between all), translator credit and the "
        "以中文版本为准 disclaimer at the end",
        "note",
        {"byline", "headers", "note", "title"},
        ["h07"],
    )
    c.boil("璟湾观察 ｜ Jingwan Observer　　第112期", "header")
    c.boil("双语评论 Bilingual Commentary", "label")
    c.blank()
    c.text(ARTS["h07"]["title"])
    c.boil('Recommendation Algorithms Need a "Manual"', "translation")
    c.blank()
    c.boil("温叙白 ｜ WEN Xubai", "byline", ["温叙白"])
    c.boil("（作者系璟湾大学传播学院副教授）", "note")
    for zh, en in zip(paras("h07"), ENGLISH_H07, strict=True):
        c.blank()
        c.text(zh)
        c.blank()
        c.boil(en, "translation")
    c.blank()
    c.boil("翻译：蔺小满 ｜ Translated by LIN Xiaoman", "editor")
    c.boil("本文中英文版本如有出入，以中文版本为准。", "note")
    return c


def g06_newsletter_digest():
    c = Case(
        "g06-newsletter-digest",
        "a weekly e-mail digest of four short items: masthead with issue number and date, ━ rules, a "
        "「编者按」 paragraph on one line above all items, 本期导读 list repeating the titles after 01-04, "
        "each item's title prefixed 【01】, four byline forms (记者｜名, 文｜名, 本刊特约撰稿　名 under the title; （芃城融媒记者　名） after the last paragraph), ▍阅读原文 link "
        "lines, —— 本期完 ——, forward/unsubscribe row and a contribution address",
        "byline",
        {"byline", "chrome", "note", "promo", "title"},
        ["h08", "h09", "h10", "h22"],
    )
    rule = "━━━━━━━━━━━━━━━━━━━━"
    c.boil("数字经济周报 ｜ 第58期 ｜ 2026.06.12", "header")
    c.boil(rule, "rule")
    c.boil(
        "「编者按」本期四篇短稿分别来自港口、低空、财务和政务服务一线。技术落地的故事里，最难的往往不是技术本身，而是"
        "它与原有流程、原有账本之间的磨合。欢迎读者来信交流。",
        "note",
    )
    c.boil(rule, "rule")
    c.boil("本期导读", "label")
    ids = ["h08", "h09", "h10", "h22"]
    for n, aid in enumerate(ids, 1):
        c.boil(f"0{n}　{ARTS[aid]['title']}", "toc")
    bylines = [
        ("记者｜柏舟", "柏舟"),
        ("文｜庄晓岚", "庄晓岚"),
        ("本刊特约撰稿　倪晚晴", "倪晚晴"),
        ("（芃城融媒记者　郁楠）", "郁楠"),  # set after the item's last paragraph
    ]
    for n, aid in enumerate(ids, 1):
        c.blank()
        c.entry(f"【0{n}】", "label", inline=True)
        c.text(f"【0{n}】{ARTS[aid]['title']}", n - 1)
        if n < 4:
            c.boil(bylines[n - 1][0], "byline", [bylines[n - 1][1]])
        for p in paras(aid):
            c.blank()
            c.text(p, n - 1)
        if n == 4:
            c.boil(bylines[n - 1][0], "byline", [bylines[n - 1][1]])
        c.blank()
        c.boil(f"▍阅读原文：https://digest.example/58/0{n}", "link")
    c.blank()
    c.boil("—— 本期完 ——", "separator")
    c.boil("转发给朋友 ｜ 往期回顾 ｜ 退订", "chrome")
    c.boil("© 2026 数字经济周报编辑部　投稿：tougao@digest.example", "promo")
    return c


def g07_wiki_page():
    c = Case(
        "g07-wiki-page",
        "an encyclopedia wiki entry copied from the browser: site name and 跳到导航/跳到搜索, a 本条目需要补充"
        "更多来源 notice, the infobox first (its head repeating the title, field TAB value rows), [1] citation "
        "marks and a [来源请求] tag inside sentences, 目录 with numbered entries, headings with [编辑], 参见 "
        "list, 参考资料 with ^ back links, 外部链接, 分类 line, last-edited and licence lines, footer links; no "
        "author",
        "chrome",
        {"chrome", "note", "promo", "title"},
        ["h11"],
    )
    p = paras("h11")
    title = ARTS["h11"]["title"]
    c.text(title)
    c.boil("数典百科，开放的百科全书", "chrome")
    c.boil("跳到导航 跳到搜索", "chrome")
    c.boil("本条目需要补充更多来源。（2025年11月）请协助补充可靠来源以改善这篇条目。", "note")
    c.boil(title, "infobox")
    c.boil("位置\t苘原市荇塘镇", "infobox")
    c.boil("开园时间\t2023年4月", "infobox")
    c.boil("运营方\t苘原数智科技有限公司", "infobox")
    c.boil("入驻企业\t14家（2025年）", "infobox")
    for m in ("[1]", "[2]", "[3]", "[来源请求]", "[编辑]"):
        c.entry(m, "markup", inline=True)
    c.text(p[0].replace("正式投入运营。", "正式投入运营。[1]"))
    c.boil("目录", "toc")
    for x in ("1 历史", "2 运营", "3 争议", "4 参见", "5 参考资料", "6 外部链接"):
        c.boil(x, "toc")
    c.text(p[1] + "[编辑]")
    c.text(p[2])
    c.text(p[3].replace("实训基地。", "实训基地。[2]"))
    c.text(p[4] + "[编辑]")
    c.text(p[5].replace("医疗影像领域的企业。", "医疗影像领域的企业。[1]"))
    c.text(p[6] + "[编辑]")
    c.text(p[7].replace("社会保险。", "社会保险。[3]"))
    c.text(p[8].replace("转型压力。", "转型压力。[来源请求]"))
    c.boil("参见[编辑]", "heading")
    c.boil("数据标注", "related")
    c.boil("苘原市", "related")
    c.boil("参考资料[编辑]", "heading")
    c.boil("^ 1.0 1.1 苘原市数字经济发展报告（2025）. 苘原市统计局. 2026-01-15.", "references")
    c.boil("^ 荇塘镇与职院共建数据标注实训基地. 苘原日报. 2024-09-03.", "references")
    c.boil("^ 标注园区回应员工工时问题. 苘原新闻网. 2025-06-21.", "references")
    c.boil("外部链接[编辑]", "heading")
    c.boil("荇塘数据标注产业园官方网站（https://xingtang-park.example）", "link")
    c.boil("分类：苘原市经济 | 数据标注 | 2023年建立的产业园区", "tags")
    c.boil("本页面最后修订于2026年3月2日 (星期一) 08:14。", "date")
    c.boil("本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供，附加条款亦可能应用。", "promo")
    c.boil("隐私政策 关于数典百科 免责声明 移动版视图", "chrome")
    return c


VERTICAL = str.maketrans({"「": "﹁", "」": "﹂", "『": "﹃", "』": "﹄", "（": "︵", "）": "︶"})


def _tw(text: str) -> str:
    return damage.s2t(text, "s2tw").translate(VERTICAL)


def g08_vertical_newspaper():
    c = Case(
        "g08-vertical-newspaper-big5",
        "a Taiwan county paper's page set vertically, converted to text column by column (one 16-character "
        "column a line, no indent), Traditional (OpenCC s2tw forms) with the vertical presentation forms "
        "﹁﹂﹃﹄︵︶ for the brackets, saved as Big5: the page head with 民國 date, a report whose headline runs "
        "over two columns and whose 【記者名／地名報導】 byline opens its first column, and a 【巷仔口】 column "
        "(文／名) in the page's upper band beside it; the converter read the upper band, then the lower, so "
        "the two interleave mid-sentence; a photo caption and the paper's address line",
        "interleave",
        {"byline", "headers", "interleave", "title", "traditional", "wrap"},
        ["h12", "h13"],
        encoding="big5",
    )
    by = "【記者梁以安／藺溪報導】"
    a = [x for i, p in enumerate(paras("h12")) for x in wrap(_tw(p), 16, first=16 - len(by) if i == 0 else None)]
    b = [x for p in paras("h13") for x in wrap(_tw(p), 16)]
    c.boil("藺溪時報　中華民國一一五年六月十日　星期三　第三版　地方綜合", "header")
    c.text("智慧長照", 0)
    c.text("不能只靠傳感器", 0)
    c.entry(by, "byline", ["梁以安"], inline=True)
    c.text(by + a[0], 0)
    for x in a[1:12]:
        c.text(x, 0)
    c.boil("【巷仔口】", "kicker")
    c.text(_tw(ARTS["h13"]["title"]), 1)
    c.boil("文／羅青萍", "byline", ["罗青萍"])
    for x in b[:6]:
        c.text(x, 1)
    c.boil("圖：智慧藥盒會在服藥時間亮燈提醒。︵記者梁以安攝︶", "caption")
    for x in a[12:]:
        c.text(x, 0)
    for x in b[6:]:
        c.text(x, 1)
    c.boil("藺溪時報社　藺溪縣民權路八十八號　訂報專線︵03︶955-0123", "footer")
    return c


def g09_long_screenshots():
    c = Case(
        "g09-phone-screenshots-ocr",
        "three phone screenshots of a news-app article OCR'd one after another (a blank line between images): "
        "status-bar line in each (clock, signal, battery), the app bar (account name on the first, the "
        "article's title once scrolled), 19-character lines at the screen's width, a blank line between "
        "paragraphs, the last one or two lines of each screenshot repeated at the top of the next (scroll "
        "overlap), the comment bar at each bottom, 原创 byline and date lines, 阅读 count and 相关推荐 at the end",
        "twice",
        {"byline", "chrome", "promo", "title", "twice", "wrap"},
        ["h14"],
    )
    body: list[str] = []  # "" between paragraphs
    for i, p in enumerate(paras("h14")):
        if i:
            body.append("")
        body.extend(wrap(p, 19))
    bar = "说点什么…　　36　　126　　分享"
    # screenshot windows over body: 12 lines each, the next one starting 2 lines before the previous end
    cuts = [(lo, min(lo + 12, len(body))) for lo in range(0, len(body) - 2, 10)]
    clocks = ["21:07 .ıll 5G 78%", "21:07 .ıll 5G 78%", "21:08 .ıll 5G 77%", "21:08 .ıll 5G 77%"]
    for s, (lo, hi) in enumerate(cuts):
        if s:
            c.blank()
        c.boil(clocks[s], "status")
        if s == 0:
            c.boil("<　数智观察　　···", "chrome")
            c.text(ARTS["h14"]["title"])
            c.boil("原创　沈砚秋　数智观察", "byline", ["沈砚秋"])
            c.boil("2026年6月3日 08:30　芃城", "date")
        else:
            c.boil("<　大模型应用的“最后一公里”在哪里　　···", "chrome")
        for x in body[lo:hi]:
            if x:
                c.text(x)
            else:
                c.blank()
        if s == len(cuts) - 1:
            c.boil("阅读 3.1万", "chrome")
            c.boil("相关推荐", "related")
            c.boil("AI客服上岗一年，投诉少了吗", "related")
            c.boil("县城里的第一家智算中心", "related")
        c.boil(bar, "chrome")
    return c


def g10_mail_reply():
    c = Case(
        "g10-mail-reply-gb18030",
        "an editor's plain-text mail reply saved as GB18030: the reply's 发件人/发送时间/收件人/主题 headers and "
        "its message (an emoji only GB18030 holds) and signature, a ------ 原始邮件 ------ block with the author's headers, then the "
        "submission quoted with '> ' on every line (a lone '>' on empty lines), wrapped at 36 by the mail "
        "client: greeting, title, name（单位） byline, paragraphs, 作者简介 and phone, the author's name and date, "
        "'-- ' and 发自我的手机",
        "wrap",
        {"byline", "chrome", "note", "title", "wrap"},
        ["h15"],
        encoding="gb18030",
    )
    c.boil('发件人: "澄陂日报评论部-林蘅" <linheng@chengpi-daily.example>', "meta")
    c.boil("发送时间: 2026年6月9日(星期二) 上午10:12", "meta")
    c.boil('收件人: "乔穗" <qiaosui@cpdx.example>', "meta")
    c.boil("主题: 回复：投稿：给乡镇干部减负，先从表格开始", "meta")
    c.blank()
    c.boil("乔老师：您好！大作已拜读，拟安排在下周二的评论版刊发，标题或略作调整，发稿前请您确认。🙏", "comment")
    c.boil("林蘅", "signature")
    c.blank()
    c.boil("------------------ 原始邮件 ------------------", "separator")
    c.boil('发件人: "乔穗" <qiaosui@cpdx.example>', "meta")
    c.boil("发送时间: 2026年6月8日(星期一) 晚上9:47", "meta")
    c.boil('收件人: "澄陂日报评论部" <pinglun@chengpi-daily.example>', "meta")
    c.boil("主题: 投稿：给乡镇干部减负，先从表格开始", "meta")
    c.blank()
    c.boil("> 编辑老师好，附上一篇短评，请审阅。", "comment")
    c.boil(">", "markup")
    c.text("> " + ARTS["h15"]["title"])
    c.boil("> 乔穗（澄陂县委党校）", "byline", ["乔穗"])
    for p in paras("h15"):
        c.boil(">", "markup")
        for x in wrap(p, 36):
            c.text("> " + x)
    c.boil(">", "markup")
    c.boil("> 作者简介：乔穗，澄陂县委党校讲师。联系电话：139-0000-5176", "note")
    c.boil("> 乔穗", "signature", ["乔穗"])
    c.boil("> 2026年6月8日", "date")
    c.boil("> -- ", "separator")
    c.boil("> 发自我的手机", "chrome")
    return c


def g11_json_api():
    c = Case(
        "g11-json-api-dump",
        "a CMS list API's JSON response copied from the browser's developer tools, pretty-printed: code/msg/"
        'data/total, two article objects with id, "title", "author" (two names joined by a comma in one), '
        'source, publish_time, summary, tags, read_count and cover URL; the first\'s "content" is one line '
        "of <p> HTML, the second's one line of plain text with \\n\\n escapes between paragraphs",
        "html",
        {"byline", "chrome", "html", "title"},
        ["h16", "h17"],
    )
    c.boil("{", "markup")
    c.boil('  "code": 0,', "markup")
    c.boil('  "msg": "success",', "markup")
    c.boil('  "data": {', "markup")
    c.boil('    "total": 2,', "markup")
    c.boil('    "list": [', "markup")
    key = '        "title": "'
    content = '        "content": "'
    end = '",'
    for m in (key, content, end, "\\n\\n"):
        c.entry(m, "markup", inline=True)
    items = [
        ("h16", 30517, "顾迟", "芃城商业观察", "2026-06-05 09:12:33", ["直播电商", "退货"], 12873),
        ("h17", 30498, "孟朝晖,叶澜", "沄州科技评论", "2026-06-02 18:40:05", ["开源", "大模型"], 9310),
    ]
    for k, (aid, num, author, source, when, tags, reads) in enumerate(items):
        c.boil("      {", "markup")
        c.boil(f'        "id": {num},', "markup")
        c.text(key + ARTS[aid]["title"] + end, k)
        c.boil(f'        "author": "{author}",', "byline", ARTS[aid]["authors"])
        c.boil(f'        "source": "{source}",', "meta")
        c.boil(f'        "publish_time": "{when}",', "date")
        c.boil(f'        "summary": "{paras(aid)[0][:30]}……",', "summary")
        ps = paras(aid)
        body = "".join(f"<p>{p}</p>" for p in ps) if k == 0 else "\\n\\n".join(ps)
        c.text(content + body + end, k)
        c.boil('        "tags": [' + ", ".join(f'"{t}"' for t in tags) + "],", "tags")
        c.boil(f'        "read_count": {reads},', "chrome")
        c.boil(f'        "cover": "https://img.pengcheng-biz.example/2026/06/{num}.jpg"', "markup")
        c.boil("      }," if k == 0 else "      }", "markup")
    c.boil("    ]", "markup")
    c.boil("  }", "markup")
    c.boil("}", "markup")
    return c


def g12_ppt_notes_gbk():
    shifted = "这些公益属性强的场景反而没人做。"
    p = paras("h18")
    bad = p[2].replace(shifted, gbk_shift(shifted))
    bad2 = p[4][:12] + gbk_shift(p[4][12:])
    c = Case(
        "g12-slides-notes-gbk",
        "a talk's slide deck exported with its speaker notes and saved as a GBK text file: export line with "
        "the file name and slide count, 幻灯片 N labels, each slide's title and · bullet points (the deck's "
        "outline, not the talk), 备注： label over the notes (the talk itself, one paragraph a slide), the "
        "deck's footer after every slide; the first slide's title is the talk's, its subtitle the speaker's "
        "name, office and date; two spans of the notes read one byte late (GBK-shifted) from a fixed place (the stream realigns by itself, after 3 and after 11 characters)",
        "gbk",
        {"byline", "gbk", "headers", "title"},
        ["h18"],
        encoding="gbk",
        golds={"h18": {"paras": p}},
    )
    foot = "沄州市数据资源中心　内部交流　请勿外传"
    c.boil("演示文稿：公共数据授权运营的三个误区.pptx　　共6张幻灯片　　导出时间：2026-05-21 17:03", "meta")
    c.blank()
    slides = [
        (None, []),
        ("误区一：授权运营≠“卖数据”", ["· 核心：安全可控前提下释放价值", "· 提供的是数据产品和服务，而非原始数据"]),
        ("误区二：只盯收入指标", ["· 营收目标导致“挑肥拣瘦”", "· 交通、医疗等公益场景无人问津"]),
        ("误区三：重建设、轻运营", ["· 数据更新不及时", "· 接口申请周期长达2～3个月"]),
        ("几点建议", ["· 评价标准：从“挣了多少钱”到“解决了多少问题”", "· 数据供给质量纳入部门考核"]),
        ("谢谢！", ["· 欢迎批评指正"]),
    ]
    for n, (title, bullets) in enumerate(slides):
        c.boil(f"幻灯片 {n + 1}", "label")
        if n == 0:
            c.text(ARTS["h18"]["title"])
            c.boil("郦晚舟　沄州市数据资源中心　2026年5月", "byline", ["郦晚舟"])
        else:
            c.boil(title, "slide")
            for x in bullets:
                c.boil(x, "slide")
        c.boil("备注：", "label")
        c.text(bad if n == 2 else bad2 if n == 4 else p[n])
        c.boil(foot, "footer")
        if n < len(slides) - 1:
            c.blank()
    return c


def g13_weibo_repost():
    c = Case(
        "g13-weibo-repost-chain",
        "a microblog repost copied from the web page: the reposter's name and time/client line, 转发理由 with "
        "a //@name: chain of earlier reposts, then the reposted original: @author line, 【title】 opening the "
        "first paragraph's line, paragraphs one a line, the author's own 关注 plug and #topic# tags, 收起全文d "
        "(the icon read as d), the original's time line and 转发/评论/赞 counts, the repost's own counts, two "
        "comments with reply rows",
        "byline",
        {"byline", "chrome", "promo", "title"},
        ["h19"],
    )
    p = paras("h19")
    c.boil("老周说数据", "account")
    c.boil("6-10 21:33 来自 iPhone客户端", "date")
    c.boil(
        "转发理由：家里有孩子的都看看。//@芃城小林:说得太对了 //@数字生活研究所:这条值得读，转给各位家长。", "comment"
    )
    c.boil("@陆昀川", "byline", ["陆昀川"])
    c.entry("【", "markup", inline=True)
    c.entry("】", "markup", inline=True)
    c.text("【" + ARTS["h19"]["title"] + "】" + p[0])
    for x in p[1:]:
        c.text(x)
    c.boil("关注@陆昀川，每周和你聊聊科技与生活。#AI陪伴# #未成年人保护#", "promo")
    c.boil("收起全文d", "chrome")
    c.boil("6-9 22:05 来自 微博网页版", "date")
    c.boil("转发 2.1万 ｜ 评论 8632 ｜ 赞 5.4万", "chrome")
    c.boil("收藏　　转发 12　　评论 3　　赞 47", "chrome")
    c.boil("芃城小林：我家孩子也是，晚上抱着手机不撒手。", "comment")
    c.boil("6-10 21:40　回复　赞 5", "comment")
    c.boil("月下听风：平台也该管管了", "comment")
    c.boil("6-10 22:02　回复　赞 2", "comment")
    return c


def g14_control():
    c = Case(
        "g14-control",
        "undamaged control: title, the author's bare name, paragraphs between blank lines",
        "clean",
        {"clean"},
        ["h20"],
    )
    c.text(ARTS["h20"]["title"])
    c.blank()
    c.boil("方蘅", "byline", ["方蘅"])
    for p in paras("h20"):
        c.blank()
        c.text(p)
    return c


def g15_untitled_speech():
    c = Case(
        "g15-untitled-speech",
        "an opening speech with no title and no speaker named, no damage: 同志们： on its own line, paragraphs "
        "between blank lines, a one-line close of thanks",
        "clean",
        {"clean"},
        ["h21"],
    )
    for i, p in enumerate(paras("h21")):
        if i:
            c.blank()
        c.text(p)
    return c


CASES = [
    g01_word_export,
    g02_talk_subtitles,
    g03_rss_feed,
    g04_journal_two_columns,
    g05_bilingual_parallel,
    g06_newsletter_digest,
    g07_wiki_page,
    g08_vertical_newspaper,
    g09_long_screenshots,
    g10_mail_reply,
    g11_json_api,
    g12_ppt_notes_gbk,
    g13_weibo_repost,
    g14_control,
    g15_untitled_speech,
]


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else os.path.join(HERE, "cases")
    os.makedirs(folder, exist_ok=True)
    for make in CASES:
        make().write(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
