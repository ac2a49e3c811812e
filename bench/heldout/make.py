"""Build the held-out damage cases (bench/heldout/cases/) from the synthetic articles in articles.json.

Each case is laid out by hand below, the way one kind of real copy is damaged (a newspaper page whose
column runs interleave, a WeChat copy, a PDF report, a government web page ...). The layouts are written
independently of bench/damage.py's generators on purpose: the pipeline is tuned against those, and this set
checks that it generalises. Deterministic: no randomness, so `python bench/heldout/make.py` rewrites the
same bytes.

Per case it writes NAME.txt (the raw bytes given to the pipeline, without a sidecar) and NAME.gold.json:
  primary, kinds   damage kinds in bench/damage.py's vocabulary (the table's rows), shape (this case's layout)
  gold             the clean articles: id, title (None: printed without one), authors, affiliations, paras
  boiler           every line that is not article text (what: header, jump, promo, chrome, byline, note ...;
                   bylines carry their names)
  line_art         per input line, the gold article whose text it holds (None: none), for the merge check
"""

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
OUT = [CASES]  # where Page.write puts the files (main's argument)

with open(os.path.join(HERE, "articles.json"), encoding="utf-8") as _fh:
    ARTS = {a["id"]: a for a in json.load(_fh)["articles"]}

_CC: dict = {}


def conv(text: str, config: str) -> str:
    if config not in _CC:
        import opencc

        _CC[config] = opencc.OpenCC(config)
    return _CC[config].convert(text)


def heading(p: str) -> bool:
    return p.startswith("# ")


def plain(p: str) -> str:
    return p[2:].strip() if heading(p) else p


class Page:
    def __init__(self, name: str, shape: str, primary: str, kinds: list[str], ids: list[str]):
        self.name, self.shape, self.primary, self.kinds = name, shape, primary, kinds
        self.ids = ids
        self.lines: list[tuple[str, int | None]] = []
        self.boiler: list[dict] = []
        self.gold = []
        for i in ids:
            a = ARTS[i]
            self.gold.append(
                {
                    "id": i,
                    "title": a["title"],
                    "authors": list(a["authors"]),
                    "affiliations": list(a["affiliations"]),
                    "paras": [plain(p) for p in a["paras"]],
                }
            )

    def art(self, k: int):
        return ARTS[self.ids[k]]

    def add(self, text: str, k: int | None):
        self.lines.append((text, k))

    def body(self, text: str, k: int):
        self.add(text, k)

    def boil(self, text: str, what: str, names: list[str] | None = None):
        entry = {"text": text, "what": what}
        if names:
            entry["names"] = names
        self.boiler.append(entry)
        self.add(text, None)

    def blank(self):
        self.add("", None)

    def write(self, encoding: str = "utf-8", crlf: bool = False):
        folder = OUT[0]
        while self.lines and not self.lines[-1][0]:
            self.lines.pop()
        text = "\n".join(t for t, _ in self.lines) + "\n"
        if crlf:
            text = text.replace("\n", "\r\n")
        data = text.encode(encoding)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, self.name + ".txt"), "wb") as fh:
            fh.write(data)
        meta = {
            "name": self.name + ".txt",
            "shape": self.shape,
            "primary": self.primary,
            "kinds": sorted(self.kinds),
            "encoding": encoding,
            "line_ends": "CRLF" if crlf else "LF",
            "gold": self.gold,
            "boiler": self.boiler,
            "line_art": [k for _, k in self.lines],
        }
        with open(os.path.join(folder, self.name + ".gold.json"), "w", encoding="utf-8") as fh:
            json.dump(meta, fh, ensure_ascii=False, indent=1)
            fh.write("\n")


def hard_wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Cut at a fixed width counting the indent, as a PDF text layer does (mid-word, mid-number)."""
    text = indent + text
    return [text[i : i + width] for i in range(0, len(text), width)]


def cut(text: str, marker: str) -> tuple[str, str]:
    """Split a paragraph just after `marker` (mid-sentence)."""
    at = text.index(marker) + len(marker)
    return text[:at], text[at:]


# ---------------------------------------------------------------- the cases


def c01_newspaper_three_runs():
    """A national paper's theory page: three articles, column runs interleaved, one jump line, the third
    article's tail on another page (lost here), 本版责编 at the bottom."""
    p = Page(
        "h01-paper-three-runs",
        "newspaper page, three interleaved articles, 转第N版",
        "interleave",
        ["interleave", "headers", "byline", "note"],
        ["a01", "a02", "a03"],
    )
    a1, a2, a3 = (p.art(k)["paras"] for k in range(3))
    p.boil("华夏经济报　　2025年4月8日　星期二　　第９版　　理论", "header")
    p.body(p.art(0)["title"], 0)
    p.boil("林知远", "byline", ["林知远"])
    p.body(a1[0], 0)
    p.body(a1[1], 0)
    head, tail = cut(a1[2], "需要大量清洗和加工")
    p.body(head, 0)
    p.body(p.art(1)["title"], 1)
    p.boil("贺清扬", "byline", ["贺清扬"])
    p.body(a2[0], 1)
    p.body(a2[1], 1)
    p.body(tail, 0)
    p.body(a1[3], 0)
    p.body(a1[4], 0)
    p.boil("（作者为江汉数字经济研究院研究员）", "note")
    p.body(p.art(2)["title"], 2)
    p.boil("宋怀瑾　范若溪", "byline", ["宋怀瑾", "范若溪"])
    p.body(a3[0], 2)
    p.body(a3[1], 2)
    head3, _ = cut(a3[2], "对医疗诊断、自动驾驶、金融风控等高风险场景，")
    p.body(head3, 2)
    p.boil("（转第十版）", "jump")
    # The tail of the third article (and its author note) is printed on page 10: not in this copy.
    p.gold[2]["paras"][-1] = head3
    p.gold[2]["affiliations"] = []
    p.body(a2[2], 1)
    p.body(a2[3], 1)
    p.boil("（作者为东海财经大学国际经济学院副教授）", "note")
    p.boil("本版责编：唐一苇　周亦川　　版式设计：沈墨", "promo")
    p.write()


def c02_wechat():
    """A WeChat article copied from the phone: account promo, meta line with the author, 图片 stubs,
    read and like counts, author box and 往期推荐 at the bottom."""
    p = Page("h02-wechat-copy", "WeChat article copy", "promo", ["promo", "chrome", "byline", "note"], ["a04"])
    a = p.art(0)
    p.body(a["title"], 0)
    p.boil("原创 顾晨曦 数字观澜 2025年02月17日 08:05 北京", "byline", ["顾晨曦"])
    p.blank()
    p.boil("▲点击上方蓝字“数字观澜”，关注我们", "promo")
    p.blank()
    p.boil("图片", "chrome")
    p.blank()
    for i, para in enumerate(a["paras"]):
        p.body(para, 0)
        p.blank()
        if i == 1:
            p.boil("图片", "chrome")
            p.blank()
    p.boil("— END —", "chrome")
    p.blank()
    p.boil("作者简介", "note")
    p.boil("顾晨曦，东岳数字治理研究中心研究员，主要研究方向为平台治理与算法规制。", "note")
    p.blank()
    p.boil("编辑｜周可　　审核｜易安", "promo")
    p.blank()
    p.boil("往期推荐", "chrome")
    p.boil("数据要素市场化改革的五个关键词", "chrome")
    p.boil("大模型时代，我们如何与机器共处", "chrome")
    p.boil("一文读懂平台经济常态化监管", "chrome")
    p.blank()
    p.boil("喜欢此内容的人还喜欢", "chrome")
    p.boil("阅读 3.2万", "chrome")
    p.boil("赞 286　　在看 41", "chrome")
    p.boil("分享　收藏　点赞　在看", "chrome")
    p.boil("写留言", "chrome")
    p.write()


def c03_pdf_report():
    """A chapter of a PDF report: every line cut at 33 characters (indent counted), a running header with
    the report's name and `第 N 页 共 20 页` at each page break, breaks inside paragraphs."""
    p = Page(
        "h03-pdf-report",
        "PDF report, hard wrap 33, page header/footer",
        "wrap",
        ["wrap", "headers", "byline", "title"],
        ["a05"],
    )
    a = p.art(0)
    report = "2025年区域数字经济发展观察报告"
    page_no = 7
    rows: list[tuple[str, int | None, str | None]] = [
        (report, None, "header"),
        ("", None, None),
        (a["title"], 0, None),
        ("执笔：韩若水　邵以宁", None, "byline"),
        ("", None, None),
    ]
    for para in a["paras"]:
        if heading(para):
            rows.append((plain(para), 0, None))
        else:
            rows += [(piece, 0, None) for piece in hard_wrap(para, 33, "　　")]
    out: list[tuple[str, int | None, str | None]] = []
    on_page = 0
    for row in rows:
        out.append(row)
        on_page += 1
        if on_page == 17:  # page break: footer, form feed line gone, header of the next page
            out += [
                ("", None, None),
                (f"第 {page_no} 页 共 20 页", None, "footer"),
                ("", None, None),
                (report, None, "header"),
                ("", None, None),
            ]
            page_no += 1
            on_page = 0
    out += [("", None, None), (f"第 {page_no} 页 共 20 页", None, "footer")]
    for text, k, what in out:
        if what == "byline":
            p.boil(text, what, ["韩若水", "邵以宁"])
        elif what:
            p.boil(text, what)
        elif k is None:
            p.blank()
        else:
            p.body(text, k)
    p.write()


def c04_gov_web():
    """A municipal government site's policy explainer: breadcrumbs, 来源/发布时间/浏览次数, font-size and
    print widgets, an attachment list, the site footer."""
    p = Page("h04-gov-web", "government web page with 附件 list", "chrome", ["chrome", "title"], ["a06"])
    a = p.art(0)
    p.boil("当前位置：首页 > 政务公开 > 政策解读", "chrome")
    p.blank()
    p.body(a["title"], 0)
    p.boil("来源：青屿市数据资源局　　发布时间：2025-03-21 10:30　　浏览次数：1287", "chrome")
    p.boil("【字体：大 中 小】　【打印】　【关闭】", "chrome")
    p.blank()
    for para in a["paras"]:
        p.body(("　　" if not heading(para) else "") + plain(para), 0)
    p.blank()
    p.boil("附件：", "attachment")
    p.boil("1.青屿市公共数据授权运营管理办法（试行）.pdf", "attachment")
    p.boil("2.公共数据授权运营政策问答.docx", "attachment")
    p.blank()
    p.boil("分享到：", "chrome")
    p.boil("【打印本页】　【关闭窗口】", "chrome")
    p.boil("扫一扫在手机打开当前页", "chrome")
    p.blank()
    p.boil("主办单位：青屿市人民政府办公室　　承办单位：青屿市大数据中心", "chrome")
    p.boil("网站标识码：3702990012　　青ICP备05001234号　　青公网安备37029902000123号", "chrome")
    p.write()


def c05_hk_mixed():
    """A Hong Kong paper's copy: Traditional (HK forms), one paragraph left in Simplified from a mainland
    repost, one paragraph converted only half-way, a page header, `文：` byline, author note in Traditional."""
    p = Page(
        "h05-hk-mixed-script",
        "Hong Kong copy, mixed simplified/traditional",
        "traditional",
        ["traditional", "byline", "note", "headers"],
        ["a07"],
    )
    a = p.art(0)
    paras = a["paras"]
    p.boil("濠江經濟評論　2025年5月3日（星期六）　A12　論壇", "header")
    p.body(conv(a["title"], "s2hk"), 0)
    p.boil("文：司徒慧", "byline", ["司徒慧"])
    p.body(conv(paras[0], "s2hk"), 0)
    p.body(paras[1], 0)  # left in Simplified
    first, rest = cut(paras[2], "安家补贴。")  # converted only up to the first sentence end
    p.body(conv(first, "s2hk") + rest, 0)
    p.body(conv(paras[3], "s2t"), 0)
    p.body(conv(paras[4], "s2hk"), 0)
    p.boil(conv("（作者为濠江大学商学院客座教授）", "s2hk"), "note")
    p.boil(conv("（本文仅代表作者个人观点）", "s2hk"), "promo")
    p.write()


def _lost_byte(span: str) -> str:
    """A span read one byte off: its first byte lost (shown as U+FFFD), every following pair straddling two
    characters, decoded as GB18030 does (nothing dropped: pairs in the user-defined areas become private-use
    characters), until the stream realigns at the next single-byte character. An odd byte left over at the
    end is U+FFFD."""
    data = span.encode("gbk")[1:]
    out = ["\ufffd"]
    for i in range(0, len(data) - 1, 2):
        out.append(data[i : i + 2].decode("gb18030", errors="replace"))
    if len(data) % 2:
        out.append("\ufffd")
    return "".join(out)


def _utf8_as_gbk(span: str) -> str:
    return span.encode("utf-8").decode("gb18030", errors="replace")  # as a browser's "gbk" decoder reads it


def c06_gbk_spans():
    """Mojibake inside lines: a lost-byte span from mid-sentence to an ASCII digit, another to the line end,
    and one UTF-8 span read as GBK (鏁板瓧…) in the middle of a line."""
    p = Page("h06-gbk-spans", "mojibake spans mid-line", "gbk", ["gbk", "byline", "note"], ["a08"])
    a = p.art(0)
    paras = a["paras"]
    p.body(a["title"], 0)
    p.boil("作者：卓一帆", "byline", ["卓一帆"])
    p.blank()
    head, rest = cut(paras[0], "村务公开、矛盾调解、")
    span, rest = cut(rest, "月活跃用户不足")  # up to "30%": the stream realigns at the ASCII digit
    p.body(head + _lost_byte(span) + rest, 0)
    p.blank()
    head, rest = cut(paras[1], "却很少问")
    span, rest = rest[:6], rest[6:]  # 农民真正需要 (6 characters: 18 bytes, 9 GBK pairs)
    p.body(head + _utf8_as_gbk(span) + rest, 0)
    p.blank()
    p.body(paras[2], 0)
    p.blank()
    head, tail = cut(paras[3], "用农民的满意度")
    p.body(head + _lost_byte(tail), 0)  # to the end of the line
    p.blank()
    p.boil("（作者系西川农业大学公共管理学院副教授）", "note")
    p.write()


def _ncr(text: str, every: int) -> str:
    """Every n-th CJK character as a decimal character reference, as some editors save it."""
    out = []
    n = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            n += 1
            if n % every == 0:
                out.append(f"&#{ord(ch)};")
                continue
        out.append(ch)
    return "".join(out)


def c07_html_soup():
    """Page source saved as text: Word-pasted <p class=MsoNormal><span style=…>, <o:p>, &nbsp; indents,
    decimal and hex character references, one double-escaped paragraph, <br><br> between two paragraphs,
    a paragraph broken over two source lines."""
    p = Page("h07-html-soup", "HTML entity soup", "html", ["html", "byline", "title"], ["a09"])
    a = p.art(0)
    ps = a["paras"]
    q = lambda s: s.replace("“", "&ldquo;").replace("”", "&rdquo;")  # noqa: E731
    p.boil('<div class="article">', "markup")
    p.body(f'<h1 class="title">{a["title"]}</h1>', 0)
    p.boil(
        '<div class="info"><span>作者：孟可舟</span>&nbsp;&nbsp;<span>2025-04-02 09:12</span></div>',
        "byline",
        ["孟可舟"],
    )
    p.boil('<div class="content">', "markup")
    p.body(
        '<p class="MsoNormal" style="text-indent:2em"><span style="font-family:宋体;font-size:14pt">'
        f"&nbsp;&nbsp;&nbsp;&nbsp;{q(ps[0])}</span><o:p></o:p></p>",
        0,
    )
    first, second = cut(ps[1], "学习过程就被掏空了。")
    p.body(f'<p class="MsoNormal"><span>{_ncr(first, 5)}', 0)
    p.body(f"{second.replace('，', '&#xff0c;')}</span></p>", 0)
    p.body(f"<p>{ps[2].replace('“', '&amp;ldquo;').replace('”', '&amp;rdquo;')}</p>", 0)
    p.body(f"<p>&ensp;&ensp;{ps[3]}<br><br>{ps[4].replace('，', '&#65292;')}</p>", 0)
    p.boil("</div>", "markup")
    p.boil('<div class="editor">[责任编辑：马一川]</div>', "promo")
    p.boil('<p class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a></p>', "chrome")
    p.boil("</div>", "markup")
    p.write()


def c08_twice_ads():
    """A web article printed twice, each copy followed by a different ad block (□ byline at the top)."""
    p = Page(
        "h08-twice-with-ads",
        "page printed twice, ads after each copy",
        "twice",
        ["twice", "promo", "chrome", "byline"],
        ["a10"],
    )
    a = p.art(0)
    ads = [
        [
            "广告",
            "【限时优惠】零基础学数据分析，7天带你入门，扫码免费试听",
            "热门推荐",
            "·一图读懂今年数字经济政策要点",
            "·平台企业合规指引问答",
        ],
        ["广告", "企业数字化转型一站式服务，咨询热线：400-860-2718", "猜你喜欢", "·数据资产入表，企业要注意什么？"],
    ]
    for copy in range(2):
        p.body(a["title"], 0)
        p.boil("□ 戚晚舟", "byline", ["戚晚舟"])
        for para in a["paras"]:
            p.body(para, 0)
        p.boil("来源：数字前沿网　　编辑：陶可人", "chrome")
        p.blank()
        for line in ads[copy]:
            p.boil(line, "ad")
        p.blank()
    p.write()


def c09_compilation():
    """A 笔谈 compilation: a column head, four short pieces each with a title, a `○名` byline (no space),
    and an author note at its end."""
    p = Page(
        "h09-compilation-four",
        "compilation of four short pieces, ○ bylines",
        "byline",
        ["byline", "note", "title"],
        ["a11", "a12", "a13", "a14"],
    )
    notes = [
        "（作者系西陵大学经济学院教授）",
        "（作者单位：南岭工业大学管理学院）",
        "（作者单位：北岸信息技术研究院）",
        "（作者单位：中部科技政策研究所）",
    ]
    p.boil("专家笔谈：人工智能赋能新质生产力", "column")
    p.blank()
    for k in range(4):
        a = p.art(k)
        p.body(a["title"], k)
        p.boil("○" + "　".join(a["authors"]), "byline", a["authors"])
        for para in a["paras"]:
            p.body(para, k)
        p.boil(notes[k], "note")
        p.blank()
    p.gold[1]["affiliations"] = ["南岭工业大学管理学院"]
    p.gold[3]["affiliations"] = ["中部科技政策研究所"]
    p.write()


def c10_slides():
    """A slide deck's text: cover, table of contents, slide titles, bullets with mixed markers, bullets
    broken over two lines, a `（续）` slide, a footer with the page number on every slide, a thank-you slide."""
    p = Page("h10-slides", "slides with bullet fragments", "title", ["title", "headers", "wrap", "byline"], ["a15"])
    a = p.art(0)
    ps = a["paras"]
    foot = "临泉数字经济研究院　|　{}"
    p.body(a["title"], 0)
    p.boil("卫书言", "byline", ["卫书言"])
    p.boil("临泉数字经济研究院数据经济研究所", "note")
    p.boil("2025年6月", "chrome")
    p.boil(foot.format(1), "footer")
    p.blank()
    for t in ("目录", "CONTENTS", "01　改革进展", "02　面临的问题", "03　下一步建议"):
        p.boil(t, "toc")
    p.boil(foot.format(2), "footer")
    p.blank()
    # slide 3
    p.body(plain(ps[0]), 0)
    p.body("▪ " + ps[1], 0)
    first, second = cut(ps[2], "收益分配、")
    p.body("• " + first, 0)
    p.body("  " + second, 0)
    p.boil(foot.format(3), "footer")
    p.blank()
    # slide 4: continued
    p.boil(plain(ps[0]) + "（续）", "header")
    p.body("▪ " + ps[3], 0)
    p.body("▪ " + ps[4], 0)
    p.body("• " + ps[5], 0)
    p.boil(foot.format(4), "footer")
    p.blank()
    # slide 5
    p.body(plain(ps[6]), 0)
    for k in (7, 8):
        p.body("➢ " + ps[k], 0)
    first, second = cut(ps[9], "价格形成")
    p.body("➢ " + first, 0)
    p.body(second, 0)
    p.boil(foot.format(5), "footer")
    p.blank()
    # slide 6
    p.body(plain(ps[10]), 0)
    for n, k in enumerate(range(11, 15), 1):
        text = ps[k]
        if k == 13:
            first, second = cut(text, "“可用不可见、")
            p.body(f"{n}. {first}", 0)
            p.body(second, 0)
        else:
            p.body(f"{n}. {text}", 0)
    p.boil(foot.format(6), "footer")
    p.blank()
    p.boil("谢谢！", "chrome")
    p.boil("THANKS", "chrome")
    p.boil(foot.format(7), "footer")
    p.gold[0]["affiliations"] = ["临泉数字经济研究院数据经济研究所"]
    p.write()


def c11_no_titles_marked():
    """A local paper's news page: two reports, titles only recognisable as the line above `本报记者`,
    indented paragraphs, a photo caption, a page header, 责任编辑 at the bottom."""
    p = Page(
        "h11-reporter-titles",
        "news page, titles are the line above 本报记者",
        "title",
        ["title", "byline", "headers", "promo"],
        ["a16", "a17"],
    )
    p.boil("滨江日报　2025年7月15日　星期二　第3版　经济·产业", "header")
    for k, reporters in ((0, "本报记者　荀安然　阮北辰"), (1, "本报记者　甘露白")):
        a = p.art(k)
        p.body(a["title"], k)
        p.boil(reporters, "byline", a["authors"])
        for i, para in enumerate(a["paras"]):
            p.body("　　" + para, k)
            if k == 0 and i == 1:
                p.boil("　　图为工人在智能产线上巡检设备。　本报记者　阮北辰摄", "caption")
    p.boil("责任编辑：文小禾", "promo")
    p.write()


def c12_english_urls():
    """A web article copied into a text file wrapped at 28 characters: the cuts fall inside English words,
    a URL and a checksum name; byline with the affiliation in brackets; link and reprint lines at the end."""
    p = Page(
        "h12-english-urls",
        "English words and URLs inside Chinese, wrap 28",
        "wrap",
        ["wrap", "byline", "note", "promo"],
        ["a18"],
    )
    a = p.art(0)
    p.body(a["title"], 0)
    p.boil("作者：秦望舒（海川大学计算机学院副教授）", "byline", ["秦望舒"])
    p.blank()
    for para in a["paras"]:
        if heading(para):
            p.body(plain(para), 0)
        else:
            for piece in hard_wrap(para, 28):
                p.body(piece, 0)
        p.blank()
    p.boil("原文链接：https://www.example.cn/tech/2025/0611/a18.html", "promo")
    p.boil("本文为作者授权发布，转载请联系 editor@example.cn", "promo")
    p.write()


def c13_windows_gbk():
    """A forum repost saved on Windows: GBK bytes, CRLF, lines cut at 38 characters with the `　　` indent,
    promo lines dropped into the middle of wrapped paragraphs, ■ byline, 作者简介 and 责编 at the end."""
    p = Page(
        "h13-gbk-crlf-promo",
        "GBK/CRLF repost, wrap 38, promo inside paragraphs",
        "promo",
        ["promo", "wrap", "byline", "note"],
        ["a19"],
    )
    a = p.art(0)
    promos = {
        0: "（微信搜索“金融观察家”，关注我们）",
        2: "本文首发于金融观察家，未经许可不得转载",
        3: "投稿邮箱：tougao@example.cn",
    }
    p.body(a["title"], 0)
    p.boil("■ 查文澜", "byline", ["查文澜"])
    for i, para in enumerate(a["paras"]):
        pieces = hard_wrap(para, 38, "　　")
        for j, piece in enumerate(pieces):
            p.body(piece, 0)
            if i in promos and j == 1 and len(pieces) > 2:
                p.boil(promos[i], "promo")
    p.boil("作者简介：查文澜，南湖金融研究院高级经济师。", "note")
    p.boil("责编：祁宁", "promo")
    p.write(encoding="gbk", crlf=True)


def c14_two_runs_no_jump():
    """Two articles on one page, both cut mid-sentence by the column layout, no jump lines; the second
    headline is printed over two lines; a page footer `- 5 -` between the runs."""
    p = Page(
        "h14-two-runs-no-jump",
        "two articles interleaved mid-sentence, no jump lines",
        "interleave",
        ["interleave", "headers", "byline", "note", "title"],
        ["a20", "a21"],
    )
    a, b = p.art(0)["paras"], p.art(1)["paras"]
    p.body(p.art(0)["title"], 0)
    p.boil("邬若谷", "byline", ["邬若谷"])
    p.body(a[0], 0)
    a1, a1b = cut(a[1], "市民关心的是上学、看病、")
    p.body(a1, 0)
    p.body("新能源汽车数据安全", 1)
    p.body("需要全链条保护", 1)
    p.boil("蓝一舟　车明澈", "byline", ["蓝一舟", "车明澈"])
    p.body(b[0], 1)
    b1, b1b = cut(b[1], "地图服务商等多方主体，")
    p.body(b1, 1)
    p.boil("- 5 -", "footer")
    p.body(a1b, 0)
    p.body(a[2], 0)
    p.boil("（作者为东川城市规划设计研究院高级规划师）", "note")
    p.body(b1b, 1)
    p.body(b[2], 1)
    p.write()


def c15_web_comments():
    """A news site page: breadcrumbs, a meta line holding date, source and author, a font-size widget,
    author note, 纠错/责任编辑, and readers' comments with reply/like counts under the article."""
    p = Page(
        "h15-web-comments",
        "news site page with readers' comments",
        "chrome",
        ["chrome", "promo", "byline", "note"],
        ["a22"],
    )
    a = p.art(0)
    p.boil("河朔在线 > 评论 > 正文", "chrome")
    p.body(a["title"], 0)
    p.boil("2025-05-20 14:32　来源：河朔在线　作者：言子墨", "byline", ["言子墨"])
    p.boil("字号：T | T", "chrome")
    p.blank()
    for para in a["paras"]:
        p.body(para, 0)
        p.blank()
    p.boil("（作者系河朔大学网络空间安全学院讲师）", "note")
    p.boil("【纠错】　【责任编辑：井思源】", "promo")
    p.blank()
    p.boil("网友评论", "chrome")
    p.boil("全部评论（3）", "chrome")
    p.boil("用户9527：说得好，人脸识别不能什么地方都用。", "comment")
    p.boil("回复　赞(12)", "chrome")
    p.boil("河朔网友：支持，希望早点出台细则。", "comment")
    p.boil("回复　赞(3)", "chrome")
    p.boil("相关新闻", "chrome")
    p.boil("·多地推出电子身份证应用试点", "chrome")
    p.write()


def c16_control():
    """The control: a plainly laid-out article (title, `文/名`, blank lines between paragraphs), no damage. What
    fails here is the basic layout, not a kind of damage."""
    p = Page("h16-control", "plain article, no damage (control)", "clean", ["clean"], ["a23"])
    a = p.art(0)
    p.body(a["title"], 0)
    p.boil("文/柏清源", "byline", ["柏清源"])
    p.blank()
    for para in a["paras"]:
        p.body(para, 0)
        p.blank()
    p.write()


ALL = [
    c01_newspaper_three_runs,
    c02_wechat,
    c03_pdf_report,
    c04_gov_web,
    c05_hk_mixed,
    c06_gbk_spans,
    c07_html_soup,
    c08_twice_ads,
    c09_compilation,
    c10_slides,
    c11_no_titles_marked,
    c12_english_urls,
    c13_windows_gbk,
    c14_two_runs_no_jump,
    c15_web_comments,
    c16_control,
]


def main(argv: list[str] | None = None) -> int:
    """Write every case into the folder given (default bench/heldout/cases)."""
    argv = sys.argv[1:] if argv is None else argv
    OUT[0] = argv[0] if argv else CASES
    for f in ALL:
        f()
    print(f"{len(ALL)} cases written to {OUT[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
