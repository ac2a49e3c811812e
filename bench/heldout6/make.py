"""Lay out the sixth held-out damage set (bench/heldout6/cases) from articles.json, by hand.

python bench/heldout6/make.py [DIR]     # writes DIR (default: cases/ beside this file)

One function per case, no randomness: the same articles give the same bytes. Each case returns its lines
(text, article index or None), its boiler entries and its metadata; `write` encodes the page and its gold.
The GBK-shifted spans of f12 are drawn by `gbk_shift` below at fixed places (one byte lost, the stream read
in straddled pairs until the line realigns).
"""

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN = "“‘《（〈「『【〔"
CLOSE = "”’》）〉」』】〕，。、；：？！…"

with open(os.path.join(HERE, "articles.json"), encoding="utf-8") as _fh:
    ARTS = {a["id"]: a for a in json.load(_fh)["articles"]}


def paras(aid: str) -> list[str]:
    """The article's paragraphs as printed (a heading without its `# `)."""
    return [p[2:] if p.startswith("# ") else p for p in ARTS[aid]["paras"]]


def is_heading(aid: str, i: int) -> bool:
    return ARTS[aid]["paras"][i].startswith("# ")


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Hard wrap as a typesetter does: a closing mark never opens a line (it hangs on the line before), an
    opening mark never ends one (it goes down with the next character). The indent counts in the width."""
    lines, cur = [], indent
    for ch in text:
        if len(cur) >= width and ch not in CLOSE:
            carry = ""
            while cur and cur[-1] in OPEN:
                carry = cur[-1] + carry
                cur = cur[:-1]
            lines.append(cur)
            cur = carry
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def s2t(text: str, config: str = "s2t") -> str:
    import opencc

    return opencc.OpenCC(config).convert(text)


def gbk_shift(text: str, start: int, end: int) -> str:
    """text with text[start:end] read one GBK byte late: the first byte lost ('?'), then each pair of bytes
    straddling two characters (pairs that are no character dropped; ？ and ！ folded to ASCII)."""
    data = text[start:end].encode("gbk")[1:]
    out = ["?"]
    for i in range(0, len(data) - 1, 2):
        try:
            ch = data[i : i + 2].decode("gbk")
        except UnicodeDecodeError:
            continue
        out.append({"？": "?", "！": "!"}.get(ch, ch))
    return text[:start] + "".join(out) + text[end:]


class Page:
    """A page being laid out: lines with the gold article they hold text of, and the boiler entries."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, int | None]] = []
        self.boiler: list[dict] = []

    def _entry(self, text: str, what: str, names=None, inline: bool = False) -> None:
        if any(b["text"] == text for b in self.boiler):
            return
        entry = {"text": text, "what": what}
        if names:
            entry["names"] = list(names)
        if inline:
            entry["inline"] = True
        self.boiler.append(entry)

    def b(self, text: str, what: str, names=None) -> None:
        """A line that is not article text."""
        self.lines.append((text, None))
        self._entry(text, what, names)

    def inline(self, text: str, what: str, names=None) -> None:
        """A span inside a line of article text that is not the author's."""
        self._entry(text, what, names, inline=True)

    def t(self, text: str, k: int) -> None:
        self.lines.append((text, k))

    def ts(self, lines: list[str], k: int) -> None:
        for line in lines:
            self.t(line, k)

    def blank(self) -> None:
        self.lines.append(("", None))


def gold(aid: str, title: str | None = "same", paras_: list[str] | None = None) -> dict:
    a = ARTS[aid]
    return {
        "id": aid,
        "title": a["title"] if title == "same" else title,
        "authors": list(a["authors"]),
        "affiliations": list(a["affiliations"]),
        "paras": paras_ if paras_ is not None else paras(aid),
    }


def finish(name, page, golds, primary, kinds, shape, encoding="utf-8", crlf=False) -> dict:
    return {
        "name": name + ".txt",
        "primary": primary,
        "kinds": kinds,
        "shape": shape,
        "encoding": encoding,
        "gold": golds,
        "boiler": page.boiler,
        "line_art": [k for _, k in page.lines],
        "_text": "\n".join(t for t, _ in page.lines) + "\n",
        "_crlf": crlf,
    }


# ---------------------------------------------------------------- cases


def f01() -> dict:
    """Q&A-site column article copied from the browser: 首发于 column, author and bio, 关注, 赞同 count,
    a photo caption between paragraphs, 编辑于 · IP line, the action row, the column card, 推荐阅读, comments."""
    p = Page()
    ps = paras("a01")
    p.b("首发于", "chrome")
    p.b("数字化札记", "column")
    p.b("写文章", "chrome")
    p.t(ARTS["a01"]["title"], 0)
    p.b("乔慕青", "byline", ["乔慕青"])
    p.b("霁川理工大学 管理学院 副教授", "about")
    p.b("\u200b关注他", "chrome")
    p.b("326 人赞同了该文章", "chrome")
    for i, para in enumerate(ps):
        p.t(para, 0)
        p.blank()
        if i == 1:
            p.b("芮湾一家五金配件企业的客服后台（作者摄）", "caption")
            p.blank()
    p.b("编辑于 2026-03-14 21:07・IP 属地霁川", "date")
    p.b("\u200b赞同 326\u200b\u200b添加评论", "chrome")
    p.b("\u200b分享", "chrome")
    p.b("\u200b喜欢\u200b收藏\u200b申请转载", "promo")
    p.blank()
    p.b("文章被以下专栏收录", "chrome")
    p.b("小企业的技术账本，不讲概念，只讲账。", "about")
    p.b("推荐阅读", "related")
    p.b("中小企业用AI，最怕的不是贵", "related")
    p.b("一家五金厂的客服改造记", "related")
    p.b("12 条评论", "comment")
    p.b("默认\u200b最新", "chrome")
    p.b("柯一鸣", "comment")
    p.b("风险账说到点子上了，报价答错一次就够喝一壶的。", "comment")
    p.b("03-15 · 箬港\u200b回复\u200b喜欢 8", "comment")
    return finish(
        "f01-qa-site-column",
        p,
        [gold("a01")],
        "chrome",
        ["byline", "chrome", "promo", "title"],
        "Q&A-site column article copied from the browser: 首发于 + column name above the title, bare author name "
        "and one-line bio, 关注他, N 人赞同, a photo caption between paragraphs, 编辑于…・IP 属地 line, action row "
        "with zero-width spaces (赞同/添加评论/分享/喜欢/收藏/申请转载), the column card, 推荐阅读 titles, comments",
    )


def f02() -> dict:
    """Listed company's annual report, PDF text layer: running head and n / 186 folio per page, wrap 38 with
    a two-space indent, □适用 form marks, a 单位 line and a table, ①② markers with their notes at the foot."""
    p = Page()
    ps = paras("a02")
    head = "栎原云数科技股份有限公司 2025 年年度报告全文"
    notes = [
        "① 出租率为期末已签约机柜数与可用机柜数之比，下同。",
        "② 报告期内公司所在园区执行的大工业电价平均上调约 6%。",
    ]
    p.b(head, "header")
    p.blank()
    p.t(ARTS["a02"]["title"], 0)
    p.blank()
    body: list[tuple[str, int | None]] = []
    for i, para in enumerate(ps):
        if is_heading("a02", i):
            body.append((para, 0))
            if i == 3:
                body.append(("□适用 √不适用", None))
            continue
        if para.startswith("单位："):
            body.append(("                                        单位：亿元  币种：人民币", 0))
            continue
        if "　" in para and para[0] != "单":  # a row of the table: cells set apart by spaces
            cells = para.split("　")
            body.append((f"{cells[0]:<12}" + "".join(f"{c:>14}" for c in cells[1:]), 0))
            continue
        for line in wrap(para, 38, "  "):
            body.append((line, 0))
    # page 1 ends inside the second paragraph of 二 (after its 3rd line): the notes, folio, next head
    cut = next(n for n, (t, _) in enumerate(body) if t.startswith("  公司主要业务包括")) + 2
    for t, k in body[:cut]:
        if k is None:
            p.b(t, "form")
        else:
            p.t(t, k)
    p.b("______________________", "rule")
    p.b(notes[0], "footnote")
    p.b(notes[1], "footnote")
    p.b("12 / 186", "footer")
    p.b(head, "header")
    for t, k in body[cut:]:
        if k is None:
            p.b(t, "form")
        else:
            p.t(t, k)
    p.b("13 / 186", "footer")
    return finish(
        "f02-annual-report-pdf",
        p,
        [gold("a02")],
        "headers",
        ["headers", "note", "title", "wrap"],
        "listed company's annual report read from the PDF text layer: running head and n / 186 folio, wrap 38 "
        "with a two-space indent, 一、二、三 headings, a □适用 √不适用 form line, a 单位：亿元 line and a table "
        "aligned with spaces, ①② markers in the text and their notes at the page foot cutting a paragraph; "
        "no byline (a company's report)",
    )


def f03() -> dict:
    """Scanned magazine page of two columns, the OCR reading each page's left column, then its right: the
    feature and a boxed sidebar alternate page by page."""
    p = Page()
    feat = []
    for para in paras("a03"):
        feat += wrap(para, 15, "　　")
    side = []
    for para in paras("a04"):
        side += wrap(para, 15, "　　")
    p.b("产业观察", "header")
    p.t(ARTS["a03"]["title"], 0)
    p.b("撰文　贺临舟", "byline", ["贺临舟"])
    p.ts(feat[:17], 0)
    p.b("相关链接", "kicker")
    p.t(ARTS["a04"]["title"], 1)
    p.b("□温砚", "byline", ["温砚"])
    p.ts(side[:13], 1)
    p.b("34　箬港经济　2026年第5期", "footer")
    p.b("2026年第5期　箬港经济　35", "header")
    p.ts(feat[17:], 0)
    p.b("（本文图片由受访企业提供）", "caption")
    p.ts(side[13:], 1)
    p.b("责任编辑：陶可　kt@ruogang-econ.example", "editor")
    return finish(
        "f03-magazine-two-columns",
        p,
        [gold("a03"), gold("a04")],
        "interleave",
        ["byline", "headers", "interleave", "title", "wrap"],
        "scanned magazine spread of two 15-character columns with the 　　 indent, OCR'd column by column: a "
        "feature (撰文 byline) in the left columns and a boxed sidebar (相关链接 kicker, □name byline) in the "
        "right ones, so the two alternate page by page, each cut mid-sentence; folio lines between the pages",
    )


def f04() -> dict:
    """Government portal's 政策解读 page saved from the browser's source view: HTML tags and entities left in."""
    p = Page()
    ps = paras("a05")
    p.b('<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策解读</div>', "chrome")
    p.b('<h2 class="title">', "markup")
    p.t(ARTS["a05"]["title"].replace("《", "&#12298;").replace("》", "&#12299;"), 0)
    p.b("</h2>", "markup")
    p.b(
        '<div class="info">发布时间：2026-04-21 10:00&nbsp;&nbsp;来源：霁川市数据局&nbsp;&nbsp;'
        "浏览次数：1583&nbsp;&nbsp;【字号：大 中 小】</div>",
        "date",
    )
    p.b('<div class="content">', "markup")
    for i, para in enumerate(ps):
        para = para.replace("“", "&ldquo;").replace("”", "&rdquo;")
        if is_heading("a05", i):
            p.t(f"<p><strong>{para}</strong></p>", 0)
        elif i == 4:  # a long paragraph the editor's HTML breaks after a tag
            cut = para.index("开发形成")
            p.t("<p>&nbsp;&nbsp;&nbsp;&nbsp;" + para[:cut], 0)
            p.t(para[cut:] + "</p>", 0)
        else:
            p.t(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{para}</p>", 0)
        if i == 2:
            p.b('<p style="text-align:center"><img src="/u/cms/jcsj/202604/21100012.png" alt="图解"/></p>', "markup")
    p.b("</div>", "markup")
    p.b(
        '<div class="related">相关文件：<a href="/zwgk/zcwj/202604/t2026041.html">霁川市公共数据授权运营管理办法（试行）</a></div>',
        "related",
    )
    p.b("【打印本页】　【关闭窗口】", "chrome")
    p.b("扫一扫在手机打开当前页", "chrome")
    p.b("主办：霁川市人民政府办公室　承办：霁川市大数据中心　网站标识码：JC0000000001", "footer")
    return finish(
        "f04-gov-policy-qa-html",
        p,
        [gold("a05")],
        "html",
        ["chrome", "html", "title"],
        "government portal's 政策解读 page copied from the source view: breadcrumb div with &gt;, the title "
        "inside <h2> with &#12298;/&#12299; entities, info div (发布时间/来源/浏览次数/字号), five questions as "
        "<p><strong> headings, <p> paragraphs with &nbsp; indents (one broken over two source lines), an <img> "
        "line, 相关文件 link, 打印/关闭, site footer; no author",
    )


def f05() -> dict:
    """Podcast episode page: show name, EP number before the title, meta line, play row, guests and hosts,
    the show notes (the article), a time line of chapters, BGM, subscribe and business lines, comments."""
    p = Page()
    p.b("数潮电台", "header")
    p.inline("EP87｜", "meta")
    p.t("EP87｜" + ARTS["a06"]["title"], 0)
    p.b("2026.05.08 · 时长 01:12:36 · 3.4万次播放", "meta")
    p.b("▶ 播放　｜　＋ 订阅　｜　分享", "chrome")
    p.blank()
    p.b("【主播】卓一帆　郁小满", "meta")
    p.b("【嘉宾】柯望，某陪伴类应用产品负责人", "meta")
    p.b("【本期文稿】苏弥", "byline", ["苏弥"])
    p.blank()
    p.b("【节目简介】", "label")
    for para in paras("a06"):
        p.t(para, 0)
    p.blank()
    p.b("【时间轴】", "toc")
    for line in (
        "00:00 开场：为什么要聊AI陪伴",
        "04:12 夜里十一点之后的用户",
        "18:40 情绪依赖能不能当留存指标？",
        "37:05 隐私：对话能不能拿去训练",
        "58:30 给行业的几条建议",
    ):
        p.b(line, "toc")
    p.blank()
    p.b("BGM：Night Drive（片头）/ Slow Tide（片尾）", "meta")
    p.b("欢迎在评论区留下你的想法，也可以在各大播客平台搜索“数潮电台”订阅我们。", "promo")
    p.b("商务合作：bd@shuchao-radio.example", "promo")
    p.blank()
    p.b("评论（46）", "comment")
    p.b("听友_8821：夜里聊天那段太真实了，我就是那个凌晨一点还在聊的人。", "comment")
    p.b("郁小满 回复 听友_8821：抱抱，记得早点睡。", "comment")
    return finish(
        "f05-podcast-shownotes",
        p,
        [gold("a06")],
        "promo",
        ["byline", "chrome", "headers", "promo", "title"],
        "podcast episode page: show name, EP87｜ before the title, date · 时长 · 播放 line, play/subscribe row, "
        "【主播】/【嘉宾】 lines (not authors), 【本期文稿】name byline, 【节目简介】 label over the show notes "
        "(one paragraph a line, no blank lines), a 【时间轴】 of chapter times, BGM, subscribe and business "
        "lines, comments with a host's reply",
    )


def f06() -> dict:
    """Press-conference transcript (实录) on a news-office site: speaker turns without times, wrap 33 with a
    blank line after each turn, photo captions and a 文字整理 note between turns."""
    p = Page()
    ps = paras("a07")
    p.b("首页 > 新闻发布 > 发布会实录", "chrome")
    p.t(ARTS["a07"]["title"], 0)
    p.b("2026-03-27 10:00　蘅州市人民政府新闻办公室", "date")
    p.b("【文字实录】　【图片直播】　【视频回放】", "chrome")
    p.blank()
    for i, para in enumerate(ps):
        p.ts(wrap(para, 33), 0)
        p.blank()
        if i == 0:
            p.b("图为发布会现场。　蘅州市政府新闻办供图", "caption")
            p.blank()
        if i == 3:
            p.b("（以下为答记者问）", "note")
            p.blank()
    p.b("（根据现场速记整理，未经发言人审阅）", "note")
    p.b("文字整理：市政府新闻办　校对：纪川", "editor")
    p.b("【打印】　【关闭】", "chrome")
    return finish(
        "f06-press-conference-transcript",
        p,
        [gold("a07")],
        "wrap",
        ["chrome", "note", "title", "wrap"],
        "press-conference 实录 page: breadcrumb, date and office line, 文字实录/图片直播/视频回放 tabs, speaker "
        "turns (主持人：, name：, outlet 记者：) without times, wrap 33 without indent and a blank line after "
        "each turn, a photo caption and （以下为答记者问） between turns, 速记 note, 文字整理/校对 line; the "
        "transcript names no author",
    )


def f07() -> dict:
    """E-book export to text: book metadata, the ripper's lines, a 目录 whose entries repeat the chapter
    heads, file markers between chapters, 　　 indents, [1] and the chapter's note at its end, 返回目录."""
    p = Page()
    p.b("书名：平台与算法：十二篇随笔", "meta")
    p.b("作者：钟离朔", "byline", ["钟离朔"])
    p.b("出版：蘅州人民出版社　2025年10月", "meta")
    p.b("ISBN：978-7-5599-0417-3", "meta")
    p.b("本书由「枕书阁」整理制作，仅供交流学习，请于下载后24小时内删除。", "promo")
    p.b("更多精校电子书，请关注公众号：枕书阁", "promo")
    p.b("==========", "rule")
    p.b("目录", "toc")
    for line in (
        "第一章　集市与城市",
        "第二章　二选一的代价",
        "第三章　数据是谁的",
        "第四章　平台的边界",
        "第五章　算法与人",
    ):
        p.b(line, "toc")
    p.b("==========", "rule")
    for k, aid, file in ((0, "a08", "Text/chapter04.xhtml"), (1, "a09", "Text/chapter05.xhtml")):
        p.blank()
        p.b(f"[{file}]", "markup")
        p.blank()
        p.t(ARTS[aid]["title"], k)
        p.blank()
        for para in paras(aid):
            p.t("　　" + para, k)
        if aid == "a08":
            p.blank()
            p.b("[1] 关于“二选一”的争议，本书第二章已有讨论，此处不再展开。", "footnote")
        p.blank()
        p.b("返回目录", "chrome")
    return finish(
        "f07-ebook-export",
        p,
        [gold("a08"), gold("a09")],
        "note",
        ["byline", "chrome", "note", "promo", "title"],
        "e-book (EPUB) exported to text: 书名/作者/出版/ISBN lines (the book's 作者 line is the only byline of "
        "both chapters), the ripper's 整理制作 and 公众号 lines, a 目录 whose entries repeat the chapter heads "
        "word for word, [Text/chapterNN.xhtml] markers, paragraphs with the 　　 indent and no blank lines, a [1] "
        "marker and its note at the chapter's end, 返回目录",
    )


def f08() -> dict:
    """A paper's LaTeX source: preamble, \\title, \\author with \\thanks, abstract, keywords, \\section heads,
    one sentence a line with a blank line between paragraphs, ~\\cite, % comments, bibliography."""
    p = Page()
    ps = paras("a10")
    p.inline("~\\cite{zhao2023alt}", "markup")
    p.inline("~\\cite{wu2024gap}", "markup")
    p.inline("\\title{", "markup")
    p.inline("\\section{", "markup")
    p.inline("}\\label{sec:intro}", "markup")
    p.inline("}\\label{sec:limits}", "markup")
    p.inline("}\\label{sec:policy}", "markup")
    p.inline("}", "markup")
    p.b("\\documentclass[UTF8,a4paper]{ctexart}", "markup")
    p.b("\\usepackage{amsmath,graphicx}", "markup")
    p.b("% 投稿版本 v3，2026-04-02 修改", "comment")
    p.t("\\title{" + ARTS["a10"]["title"] + "}", 0)
    p.b(
        "\\author{郁青禾\\thanks{霁川财经大学金融学院} \\and 程砚舟\\thanks{芮湾农村商业银行研究部}}",
        "byline",
        ["郁青禾", "程砚舟"],
    )
    p.b("\\date{2026年4月}", "date")
    p.blank()
    p.b("\\begin{document}", "markup")
    p.b("\\maketitle", "markup")
    p.blank()
    p.b("\\begin{abstract}", "markup")
    p.b(
        "本文基于六县调研，分析县域数字普惠金融面临的信用信息、机构能力和数字鸿沟三方面约束，并提出相应政策建议。",
        "abstract",
    )
    p.b("\\end{abstract}", "markup")
    p.b("\\textbf{关键词：}数字普惠金融；县域金融；信用信息", "keywords")
    labels = {"引言": "intro", "主要约束": "limits", "政策取向": "policy"}
    for i, para in enumerate(ps):
        p.blank()
        if is_heading("a10", i):
            p.t("\\section{" + para + "}\\label{sec:" + labels[para] + "}", 0)
            if para == "主要约束":
                p.b("% TODO: 补充六县样本的基本情况表", "comment")
            continue
        if i == 3:
            para = para.replace("弥补这一缺口，", "弥补这一缺口~\\cite{zhao2023alt}，")
        if i == 5:
            para = para.replace("金融服务之外。", "金融服务之外~\\cite{wu2024gap}。")
        sentences, cur = [], ""
        for ch in para:
            cur += ch
            if ch in "。；":
                sentences.append(cur)
                cur = ""
        if cur:
            sentences.append(cur)
        for s in sentences:
            p.t(s, 0)
    p.blank()
    p.b("\\bibliographystyle{gbt7714-numerical}", "markup")
    p.b("\\bibliography{refs}", "markup")
    p.b("\\end{document}", "markup")
    return finish(
        "f08-latex-paper",
        p,
        [gold("a10")],
        "chrome",
        ["byline", "chrome", "note", "title"],
        "a paper's LaTeX source (ctexart): preamble, % comments, \\title{…}, \\author{A\\thanks{…} \\and B\\thanks{…}}, "
        "\\date, abstract environment and \\textbf{关键词：} line (not the body), \\section{…}\\label{…} heads, one "
        "sentence a line with a blank line between paragraphs (semantic line breaks), ~\\cite{…} inside sentences, "
        "\\bibliography",
    )


def f09() -> dict:
    """Front page of a city daily, three articles wrapped at 22 with the 　　 indent: the lead jumps to page 3
    (下转第3版) after a few lines; the other two follow whole; page 3's 上接 head and the lead's rest last."""
    p = Page()
    lead = []
    for para in paras("a11"):
        lead += wrap(para, 22, "　　")
    port = []
    for i, para in enumerate(paras("a12")):
        port += wrap(("本报渚阳5月15日电　" if i == 0 else "") + para, 22, "　　")
    p.inline("本报渚阳5月15日电　", "dateline")
    note = []
    for para in paras("a13"):
        note += wrap(para, 22, "　　")
    cut = 6
    assert not lead[cut].startswith("　　"), "the jump cuts a paragraph"
    p.b("槿城日报", "header")
    p.b("2026年5月16日　星期六　第1版　要闻　　国内统一连续出版物号 CN 00-0000", "header")
    p.t(ARTS["a11"]["title"], 0)
    p.b("本报记者　聂远帆", "byline", ["聂远帆"])
    p.ts(lead[:cut], 0)
    p.b("（下转第3版）", "jump")
    p.t(ARTS["a12"]["title"], 1)
    p.b("本报记者　骆星阑　通讯员　商羽", "byline", ["骆星阑", "商羽"])
    p.ts(port, 1)
    p.b("■评论", "column")
    p.t(ARTS["a13"]["title"], 2)
    p.b("本报评论员　韦拾", "byline", ["韦拾"])
    p.ts(note, 2)
    p.b("本版责编：阮一苇　美编：陶可　校对：纪川", "editor")
    p.b("槿城日报　2026年5月16日　星期六　第3版　经济", "header")
    p.b("（上接第1版）", "jump")
    p.ts(lead[cut:], 0)
    return finish(
        "f09-newspaper-jump",
        p,
        [gold("a11"), gold("a12"), gold("a13")],
        "interleave",
        ["byline", "headers", "interleave", "title", "wrap"],
        "city daily's front page of three articles in 22-character columns with the 　　 indent, no blank "
        "lines: the lead runs 6 lines and jumps （下转第3版） mid-sentence, a report (本报记者/通讯员, 本报渚阳…电 "
        "dateline) and a ■评论 piece follow whole, 责编 line, then page 3's head, （上接第1版） and the lead's rest",
    )


def f10() -> dict:
    """Group-chat export: an article pasted in three messages (title, 作者 line, （续）, （续完）) with the
    members' replies, an image placeholder and a rights line between and after."""
    p = Page()
    ps = paras("a14")
    p.b("聊天记录导出　群：镇街数字化交流群（238人）", "header")
    p.b("导出时间：2026-06-02 22:14", "meta")
    p.b("————————————————", "rule")
    p.b("[2026-06-02 20:31] 卓言：", "meta")
    p.b("转一篇文章，写得挺实在，太长了分三条发", "comment")
    p.b("[2026-06-02 20:31] 卓言：", "meta")
    p.t(ARTS["a14"]["title"], 0)
    p.b("作者：庞知夏", "byline", ["庞知夏"])
    p.t(ps[0], 0)
    p.t(ps[1], 0)
    p.b("[2026-06-02 20:32] 阿木：", "meta")
    p.b("👍👍", "comment")
    head2 = "[2026-06-02 20:32] 卓言：（续）"
    p.inline(head2, "meta")
    p.t(head2 + ps[2], 0)
    p.t(ps[3], 0)
    p.b("[2026-06-02 20:33] 阿木：", "meta")
    p.b("说得太对了，我们这边也是十几个应用，天天打卡", "comment")
    head3 = "[2026-06-02 20:33] 卓言：（续完）"
    p.inline(head3, "meta")
    p.t(head3 + ps[4], 0)
    p.b("来源：公众号“基层治理笔记”，版权归原作者所有，如有侵权请联系删除", "promo")
    p.b("[2026-06-02 20:40] 小林（城关镇）：", "meta")
    p.b("[图片]", "chrome")
    p.b("[2026-06-02 20:41] 小林（城关镇）：", "meta")
    p.b("@卓言 求原文链接", "comment")
    return finish(
        "f10-group-chat-export",
        p,
        [gold("a14")],
        "chrome",
        ["byline", "chrome", "promo", "title"],
        "group-chat export: export header, [date time] name： lines, an article pasted over three messages (title "
        "and 作者 line in the first; the second and third open on the sender's line with （续） / （续完）), "
        "members' replies and 👍 between, [图片], @mention, a 来源…侵权请联系删除 line after the article; "
        "exported on Windows (CRLF)",
        crlf=True,
    )


def f11() -> dict:
    """A community newsletter in Traditional script, saved as Big5: ※ masthead, two pieces wrapped at 24
    with the 　　 indent, 【觀點】/【街坊】 labels before the titles, 作者： and ◎ bylines, ─ rules, ※ footer."""
    p = Page()
    p.b("※ 箬港社區通訊　第42期　2026年6月 ※", "header")
    p.b("──────────────────────", "rule")
    for k, aid, label, by in (
        (0, "a15", "【觀點】", "作者：阮秋池"),
        (1, "a16", "【街坊】", "　　　　　　　　　　　　　　　　——葛晚晴"),
    ):
        p.inline(label, "column")
        p.t(label + s2t(ARTS[aid]["title"], "s2tw"), k)
        if aid == "a15":
            p.b(by, "byline", ARTS[aid]["authors"])
        for para in paras(aid):
            p.ts(wrap(s2t(para, "s2tw"), 24, "　　"), k)
        if aid == "a15":
            p.b("（作者為箬港大學法律系講師）", "note")
        else:  # the second piece is signed at its end, set right
            p.b(by, "byline", ARTS[aid]["authors"])
        p.b("──────────────────────", "rule")
    p.b("※ 本通訊歡迎轉載，請註明出處。", "promo")
    p.b("※ 投稿信箱：tongxun@ruogang-sq.example", "promo")
    return finish(
        "f11-big5-newsletter",
        p,
        [gold("a15"), gold("a16")],
        "traditional",
        ["byline", "headers", "promo", "title", "traditional", "wrap"],
        "community newsletter in Traditional (OpenCC s2tw forms) saved as Big5: ※ masthead with issue number, ─ "
        "rules, two pieces wrapped at 24 with the 　　 indent, 【觀點】/【街坊】 labels on the title lines, a 作者： "
        "byline on the first and a right-set ——name signature at the end of the second, a （作者為…） note after "
        "the first, ※ reprint and mailbox lines",
        encoding="big5",
    )


def f12() -> dict:
    """An old CMS's article exported as a GBK text file: 标题：/栏目：/作者：/发布人 fields, 正文：, 　　 indents,
    two spans read one byte late, attachment and 关闭/打印 lines."""
    p = Page()
    ps = paras("a17")
    b2 = ps[1].index("已有")
    ps_shift = list(ps)
    ps_shift[1] = gbk_shift(ps[1], b2 - 5, b2 + 2)  # "调查显示，已有" before "81"
    ps_shift[2] = gbk_shift(ps[2], len(ps[2]) - 13, len(ps[2]))  # the paragraph's tail, to the line end
    p.inline("标题：", "field")
    p.t("标题：" + ARTS["a17"]["title"], 0)
    p.b("栏目：调查研究", "field")
    p.b("作者：雷鸣岐　任初晓", "byline", ["雷鸣岐", "任初晓"])
    p.b("发布人：admin03　　发布时间：2026-06-18 09:32:11　　点击：217", "field")
    p.b("正文：", "field")
    for para in ps_shift:
        p.t("　　" + para, 0)
    p.b("附件：栎原县工业企业上云用云调查问卷.doc（46KB）", "chrome")
    p.b("【关闭】【打印】", "chrome")
    return finish(
        "f12-gbk-cms-export",
        p,
        [gold("a17")],
        "gbk",
        ["byline", "chrome", "gbk", "title"],
        "an old CMS's article exported as a GBK text file: 标题：/栏目：/作者：/发布人…发布时间…点击 field lines, 正文：, "
        "paragraphs one a line with the 　　 indent, two spans read one byte late (one ending before digits, one "
        "at a paragraph's end), 附件 and 【关闭】【打印】 lines",
        encoding="gbk",
    )


def f13() -> dict:
    """Web clipper note: clip header, the reading-mode copy (plain paragraphs), then the page snapshot's HTML
    of the same article: the text is there twice."""
    p = Page()
    ps = paras("a18")
    p.b("# 直播电商的退货率难题 - 渚阳晚报", "meta")
    p.b("剪藏自：https://news.zhuyang-wb.example/2026/0611/8812.html", "meta")
    p.b("剪藏时间：2026-06-11 23:05　　标签：#电商 #消费", "tags")
    p.blank()
    p.b("【阅读模式】", "chrome")
    p.t(ARTS["a18"]["title"], 0)
    p.b("纪南枝", "byline", ["纪南枝"])
    p.blank()
    for para in ps:
        p.t(para, 0)
        p.blank()
    p.b("—— 以下为原网页快照 ——", "separator")
    p.b('<div class="article">', "markup")
    p.t("<h1>" + ARTS["a18"]["title"] + "</h1>", 0)
    p.b('<div class="info">2026-06-11 08:30　来源：渚阳晚报　作者：纪南枝</div>', "byline", ["纪南枝"])
    for para in ps:
        p.t("<p>" + para + "</p>", 0)
    p.b('<div class="share">分享到：<a>微信</a> <a>微博</a></div>', "chrome")
    p.b('<p class="editor">（责任编辑：陶可）</p>', "editor")
    p.b("</div>", "markup")
    return finish(
        "f13-web-clipper-twice",
        p,
        [gold("a18")],
        "twice",
        ["byline", "chrome", "html", "title", "twice"],
        "web-clipper note: clip title with the site suffix, 剪藏自 URL, 剪藏时间/标签 line, a 【阅读模式】 copy "
        "(title, bare name, paragraphs between blank lines), then —— 以下为原网页快照 —— and the same article "
        "again as HTML (<h1>, info div with 作者, <p> paragraphs, share row, 责任编辑)",
    )


def f14() -> dict:
    p = Page()
    p.t(ARTS["a19"]["title"], 0)
    p.blank()
    p.b("作者：闻人澈", "byline", ["闻人澈"])
    for para in paras("a19"):
        p.blank()
        p.t(para, 0)
    return finish(
        "f14-control",
        p,
        [gold("a19")],
        "clean",
        ["clean"],
        "undamaged control: title, 作者：名, paragraphs between blank lines",
    )


def f15() -> dict:
    p = Page()
    for i, para in enumerate(paras("a20")):
        if i:
            p.blank()
        p.t(para, 0)
    return finish(
        "f15-untitled-no-damage",
        p,
        [gold("a20", title=None)],
        "clean",
        ["clean"],
        "a text with no damage at all and no title or byline: a short essay whose paragraphs sit between blank "
        "lines, one of them a single line of quoted speech, one a question",
    )


CASES = [f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13, f14, f15]


def write(case: dict, folder: str) -> None:
    text = case.pop("_text")
    crlf = case.pop("_crlf")
    if crlf:
        text = text.replace("\n", "\r\n")
        case["line_ends"] = "CRLF"
    with open(os.path.join(folder, case["name"]), "wb") as fh:
        fh.write(text.encode(case["encoding"]))
    with open(os.path.join(folder, case["name"][:-4] + ".gold.json"), "w", encoding="utf-8") as fh:
        json.dump(case, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def main(folder: str | None = None) -> None:
    folder = folder or os.path.join(HERE, "cases")
    os.makedirs(folder, exist_ok=True)
    for make in CASES:
        write(make(), folder)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
