"""Lay out the fourth held-out damage set (bench/heldout4/cases) from articles.json, by hand.

One function per case, no randomness: `python bench/heldout4/make.py [DIR]` writes the same bytes every time
(DIR defaults to bench/heldout4/cases). Each case is NAME.txt (the raw source, no sidecar) beside
NAME.gold.json (gold articles, every boilerplate line with what it is, the gold article of every input line).

The articles are synthetic (see README.md): every person, outlet, city and institution is invented.
"""

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import damage  # noqa: E402  (only its OpenCC wrapper, for the Hong Kong case)

with open(os.path.join(HERE, "articles.json"), encoding="utf-8") as _fh:
    ARTICLES = {a["id"]: a for a in json.load(_fh)["articles"]}

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def paras(aid: str) -> list[str]:
    """An article's paragraphs as printed (a heading without its `# ` mark)."""
    return [p[2:] if p.startswith("# ") else p for p in ARTICLES[aid]["paras"]]


CLOSE = "，。、；：？！”’」』）》%"
OPEN = "“‘「『（《"


def chunks(text: str, width: int, indent: str = "") -> list[str]:
    """A paragraph hard-wrapped at `width` characters as a typesetter does it: the indent (if any) opens the
    first line and counts; a closing mark never opens a line (it stays on the line before, one over the width)
    and an opening mark never ends one (it goes to the next line)."""
    out, rest, room = [], text, width - len(indent)
    while rest:
        line, rest = rest[:room], rest[room:]
        while rest and rest[0] in CLOSE:
            line, rest = line + rest[0], rest[1:]
        while rest and len(line) > 1 and line[-1] in OPEN:
            line, rest = line[:-1], line[-1] + rest
        out.append(line)
        room = width
    out[0] = indent + out[0]
    return out


class Page:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.art: list[int | None] = []
        self.boiler: list[dict] = []

    def _boil(self, text: str, what: str, names=None, inline=False) -> None:
        entry = {"text": text, "what": what}
        if names:
            entry["names"] = list(names)
        if inline:
            entry["inline"] = True
        if entry not in self.boiler:
            self.boiler.append(entry)

    def t(self, text: str, k: int) -> None:
        """A line of article k's text."""
        self.lines.append(text)
        self.art.append(k)

    def b(self, text: str, what: str, names=None) -> None:
        """A line that is not article text."""
        self.lines.append(text)
        self.art.append(None)
        self._boil(text, what, names)

    def inline(self, text: str, what: str, names=None) -> None:
        """A span inside a line of article text that is not article text."""
        self._boil(text, what, names, inline=True)

    def blank(self) -> None:
        self.lines.append("")
        self.art.append(None)

    def ts(self, lines: list[str], k: int) -> None:
        for line in lines:
            self.t(line, k)


def gold(aid: str) -> dict:
    a = ARTICLES[aid]
    return {
        "id": aid,
        "title": a["title"],
        "authors": list(a["authors"]),
        "affiliations": list(a["affiliations"]),
        "paras": paras(aid),
    }


def write(folder, name, shape, primary, kinds, page, ids, encoding="utf-8", crlf=False) -> None:
    text = "\n".join(page.lines) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding)
    meta = {
        "name": name + ".txt",
        "primary": primary,
        "kinds": sorted(kinds),
        "shape": shape,
        "encoding": encoding,
        "gold": [gold(i) for i in ids],
        "boiler": page.boiler,
        "line_art": page.art,
    }
    if crlf:
        meta["line_ends"] = "CRLF"
    with open(os.path.join(folder, name + ".txt"), "wb") as fh:
        fh.write(data)
    with open(os.path.join(folder, name + ".gold.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


# ---------------------------------------------------------------- the cases


@case
def d01_wechat_export(folder):
    p = Page()
    p.t("大模型进车间，先过数据这一关", 0)
    p.b("原创 聂望川 数字经纬观察", "byline", ["聂望川"])
    p.b("2026年03月18日 08:30 沣源", "date")
    p.blank()
    p.b("作者｜聂望川", "byline", ["聂望川"])
    p.b("来源｜数字经纬观察（ID：szjw_guancha）", "chrome")
    p.b("编辑｜白芷汀", "promo", ["白芷汀"])
    p.blank()
    for para in paras("b01"):
        p.t(para, 0)
        p.blank()
    p.b("- END -", "chrome")
    p.blank()
    p.b("往期推荐", "promo")
    p.blank()
    p.b("▶ 算力券是怎么发出去的？", "promo")
    p.b("▶ 一家县城工厂的数字化账本", "promo")
    p.b("▶ 数据标注员：AI背后的人", "promo")
    p.blank()
    p.b("作者简介", "note")
    p.b("聂望川，数字经纬观察特约撰稿人，长期关注制造业数字化转型。", "note")
    p.blank()
    p.b("数字经纬观察", "promo")
    p.b("关注数字经济的每一个细节", "promo")
    p.b("长按识别二维码关注我们", "promo")
    p.blank()
    p.b("阅读原文", "chrome")
    p.b("分享　收藏　点赞 126　在看 38", "chrome")
    write(
        folder,
        "d01-wechat-export",
        "WeChat article export: 原创 mark with author and account, 作者｜/来源｜/编辑｜ lines, - END -, 往期推荐 list, "
        "作者简介 card, account card, 阅读原文 and the 分享/点赞/在看 row; a paragraph mentions 公众号 as prose",
        "chrome",
        {"chrome", "promo", "byline", "note", "title"},
        p,
        ["b01"],
    )


@case
def d02_gov_notice(folder):
    p = Page()
    notice = paras("b02")
    p.b("临湄市数据局文件", "header")
    p.blank()
    p.b("临数发〔2026〕7号", "docnumber")
    p.blank()
    p.t(ARTICLES["b02"]["title"], 0)
    p.blank()
    p.t(notice[0], 0)
    for para in notice[1:6]:
        p.t("　　" + para, 0)
    p.blank()
    p.t("　　" + notice[6], 0)
    p.t("　　　　　" + notice[7], 0)
    p.blank()
    p.t("　　　　　　　　　　　　　　　　" + notice[8], 0)
    p.t("　　　　　　　　　　　　　　　　" + notice[9], 0)
    p.t("　　" + notice[10], 0)
    p.blank()
    p.b("抄送：市委办公室，市人大常委会办公室，市政府办公室，市政协办公室。", "cc")
    p.b("临湄市数据局办公室　　　　　　　　　　2026年3月2日印发", "imprint")
    p.blank()
    p.b("【政策解读】", "column")
    p.t(ARTICLES["b03"]["title"], 1)
    p.b("骆以宁", "byline", ["骆以宁"])
    p.blank()
    for para in paras("b03"):
        p.t("　　" + para, 1)
    p.b("　　（作者系临湄市数据局数据资源处处长）", "note")
    p.blank()
    p.b("扫一扫在手机打开当前页", "chrome")
    write(
        folder,
        "d02-gov-notice-interpretation",
        "government notice in 公文 layout (发文机关标志, 文号, 主送机关, 一、二、三, 附件说明, 署名 and date, 抄送, 印发 line) "
        "followed by its policy interpretation under a 【政策解读】 label, bare name and 作者系 note",
        "title",
        {"title", "byline", "headers", "note", "chrome"},
        p,
        ["b02", "b03"],
    )


@case
def d03_proceedings_pdf(folder):
    p = Page()
    ps = paras("b04")
    p.b("第五届沣源数字经济论坛论文集", "header")
    p.blank()
    p.t(ARTICLES["b04"]["title"], 0)
    p.b("闵知远　苗青崖", "byline", ["闵知远", "苗青崖"])
    p.b("（砚海理工大学管理学院，砚海 310018）", "note")
    p.blank()
    lines = [line for para in ps for line in (chunks(para, 34) if len(para) > 20 else [para])]
    # page 1 ends inside the fourth paragraph (the one with ②): footnotes, folio, next page's running head
    cut = 0
    for i, line in enumerate(lines):
        if "以设备运行数据为例" in line:
            cut = i + 2
            break
    p.ts(lines[:cut], 0)
    p.b("————————", "rule")
    p.b("①　数据的非竞争性指一方使用不减少另一方可用的数量，参见本论文集第12页。", "footnote")
    p.b("②　数据来源：课题组2025年10月至12月问卷调查，有效问卷62份。", "footnote")
    p.b("· 37 ·", "footer")
    p.b("第五届沣源数字经济论坛论文集", "header")
    p.ts(lines[cut:], 0)
    p.blank()
    p.b("参考文献", "references")
    p.b("[1] 韩知秋. 数据要素市场化配置研究[J]. 数字经纬, 2024(3): 15-27.", "references")
    p.b("[2] 宁远山, 祝鸣. 工业互联网平台的数据治理[M]. 砚海: 砚海大学出版社, 2025.", "references")
    p.b("[3] 卢怀瑾. 使用控制技术在数据空间中的应用[J]. 信息与管理, 2025(8): 44-52.", "references")
    p.b("· 38 ·", "footer")
    write(
        folder,
        "d03-proceedings-pdf",
        "conference-proceedings PDF: wrap 34, ①② markers in the text and their footnotes at the page foot "
        "inside a paragraph, folio and running head between pages, names joined by a space, 参考文献 list",
        "wrap",
        {"wrap", "headers", "note", "byline", "title"},
        p,
        ["b04"],
    )


@case
def d04_interview(folder):
    p = Page()
    ps = paras("b05")
    p.b("砚海日报　2026年3月12日　星期四　07　人物", "header")
    p.b("■对话创新者", "kicker")
    p.t(ARTICLES["b05"]["title"], 0)
    p.b("——专访砚海声谷科技有限公司创始人柏松年", "subtitle")
    p.b("本报记者　仲夏禾", "byline", ["仲夏禾"])
    p.blank()
    for para in ps[:5]:
        p.t("　　" + para, 0)
    p.blank()
    p.b("【人物简介】", "box")
    p.b("柏松年，1986年生，砚海人，毕业于砚海理工大学计算机系，2021年创办砚海声谷科技有限公司，", "box")
    p.b("主要从事语音识别和方言语音技术研究。", "box")
    p.blank()
    for para in ps[5:]:
        p.t("　　" + para, 0)
    p.blank()
    p.b("图为柏松年（右）在调试方言语音识别系统。　本报记者　仲夏禾　摄", "caption", ["仲夏禾"])
    write(
        folder,
        "d04-interview-newspaper",
        "newspaper interview: ■ column kicker, ——专访 subtitle, 本报记者 byline, 记者：/名： turns, a 【人物简介】 "
        "box between turns (its text cut over two lines), photo caption with the reporter's credit",
        "byline",
        {"byline", "headers", "note", "title"},
        p,
        ["b05"],
    )


@case
def d05_newspaper_three(folder):
    p = Page()
    w = 17
    a = [line for para in paras("b06") for line in chunks(para, w)]
    b = [line for para in paras("b07") for line in chunks(para, w)]
    c = [line for para in paras("b08") for line in chunks(para, w)]
    p.b("溪坞日报　2026年3月4日　星期三　第3版　经济·民生", "header")
    p.blank()
    p.t(ARTICLES["b06"]["title"], 0)
    p.b("本报记者　商疏影", "byline", ["商疏影"])
    p.ts(a[:9], 0)  # column 1 of the lead ends mid-sentence
    p.t(ARTICLES["b07"]["title"], 1)
    p.b("本报通讯员　祁映雪", "byline", ["祁映雪"])
    p.ts(b[:8], 1)
    p.ts(a[9:18], 0)
    p.ts(b[8:16], 1)
    p.ts(a[18:], 0)
    p.ts(b[16:], 1)
    p.blank()
    p.t(ARTICLES["b08"]["title"], 2)
    p.b("记者　黎照川", "byline", ["黎照川"])
    p.ts(c, 2)
    p.b("（转第6版）", "jump")
    p.blank()
    p.b("本版责任编辑：言午　版式设计：秦朗", "promo", ["言午", "秦朗"])
    write(
        folder,
        "d05-newspaper-three-columns",
        "newspaper page of three articles in 17-character columns: the first two interleave column by column, "
        "cut mid-sentence; the third runs to （转第6版） and its tail is not in the file",
        "interleave",
        {"interleave", "wrap", "byline", "headers", "promo", "title"},
        p,
        ["b06", "b07", "b08"],
    )


@case
def d06_weibo_longpost(folder):
    p = Page()
    p.b("严知秋 V", "byline", ["严知秋"])
    p.b("3月9日 21:47 来自 iPhone客户端 已编辑", "date")
    p.b("#数据标注# #AI职业观察#", "tags")
    p.blank()
    p.t(ARTICLES["b09"]["title"], 0)
    p.blank()
    for para in paras("b09"):
        p.t(para, 0)
    p.b("收起全文", "chrome")
    p.b("转发 1286　　评论 437　　赞 5902", "chrome")
    p.blank()
    p.b("热门评论", "comment")
    p.b("小树苗Echo：做了两年标注，深有同感，现在做医疗方向的评测，单价确实高很多。", "comment")
    p.b("3-9 22:05 来自沣源　回复　赞 312", "comment")
    p.b("数据老王：计件单价一年降三成是真的，我们组今年走了一半人。", "comment")
    p.b("3-10 07:41 来自砚海　回复　赞 98", "comment")
    p.b("查看全部437条评论 >", "comment")
    write(
        folder,
        "d06-weibo-longpost",
        "Weibo long post: poster's name with V mark, time and client line, #话题# tags, title, 收起全文, "
        "转发/评论/赞 counts, hot comments with their own time and 赞 rows",
        "chrome",
        {"chrome", "byline", "title", "promo"},
        p,
        ["b09"],
    )


@case
def d07_hk_column(folder):
    p = Page()

    def hk(s: str) -> str:  # OpenCC's Hong Kong forms; 説 as 說, the form Big5 has
        return damage.s2t(s, "s2hk").replace("説", "說")

    p.b("維港經濟評論　2026年3月15日　星期日　A12　評論", "header")
    p.blank()
    p.b("專欄　數碼觀潮", "column")
    p.t(hk(ARTICLES["b10"]["title"]), 0)
    p.b("司徒朗", "byline", ["司徒朗"])
    p.blank()
    for para in paras("b10"):
        p.t(hk(para), 0)
        p.blank()
    p.b("作者為本港資深科技評論員，曾任職投資銀行。", "note")
    p.b("（本欄逢星期日刊出，文章觀點不代表本報立場）", "note")
    write(
        folder,
        "d07-hk-column-traditional",
        "Hong Kong paper's column in Traditional (OpenCC s2hk forms, 「」 quotes) with English quotations, "
        "專欄 name above the title, bare pen name, 作者為 note and the column's disclaimer; saved as Big5-HKSCS",
        "traditional",
        {"traditional", "byline", "headers", "note", "title"},
        p,
        ["b10"],
        encoding="big5hkscs",
    )


@case
def d08_book_excerpt(folder):
    p = Page()
    ps = paras("b11")
    w = 30
    p.b("第三章　数据资产的会计确认", "chapter")
    p.blank()
    p.t(ARTICLES["b11"]["title"], 0)
    p.blank()
    lines = []
    for para in ps:
        lines.append(chunks(para, w, "　　") if len(para) > 12 else [para])
    # The PDF's text layer puts the folio and running head of each new page inside the line they cut.
    left = "44　第三章　数据资产的会计确认"
    right = "数据何以成为资产　45"
    p.inline(left, "header")
    p.inline(right, "header")
    lines[2][1] = lines[2][1][:14] + " " + left + " " + lines[2][1][14:]
    lines[6][2] = lines[6][2][:9] + " " + right + " " + lines[6][2][9:]
    for group in lines:
        p.ts(group, 0)
    p.blank()
    p.b(
        "（节选自韦知白著《数据何以成为资产》，砚海大学出版社2026年版，第41—46页。标题为编者所加的除外。）",
        "byline",
        ["韦知白"],
    )
    write(
        folder,
        "d08-book-excerpt",
        "book excerpt from a PDF: chapter head above the 第二节 title, 一、二、三 subheadings, wrap 30 with the "
        "　　 indent, the next page's folio and running head inside the line they cut, the 节选自 source note "
        "as the only byline",
        "headers",
        {"headers", "wrap", "byline", "note", "title"},
        p,
        ["b11"],
    )


@case
def d09_bilingual_release(folder):
    p = Page()
    p.b("新闻稿", "chrome")
    p.b("即时发布", "chrome")
    p.blank()
    p.t(ARTICLES["b12"]["title"], 0)
    p.blank()
    for para in paras("b12"):
        p.t(para, 0)
        p.blank()
    p.b("关于砚海云启科技有限公司", "about")
    p.b(
        "砚海云启科技有限公司成立于2019年，总部位于砚海市，专注于智能算力基础设施的建设和运营，"
        "在沣源省内运营三座数据中心。",
        "about",
    )
    p.blank()
    p.b("媒体联系人：钟晓岚　电话：0579-8861 2300　邮箱：press@yhcloud.example", "promo")
    p.blank()
    p.b("###", "separator")
    p.blank()
    p.b("PRESS RELEASE", "translation")
    p.b("FOR IMMEDIATE RELEASE", "translation")
    p.blank()
    p.b("Phase II of Yanhai AI Computing Center Enters Operation", "translation")
    p.blank()
    p.b(
        "YANHAI, March 16, 2026 - Phase II of the Yanhai AI Computing Center, built by Yanhai Yunqi Technology "
        "Co., Ltd., entered operation today, adding 2,000 PFLOPS of AI computing power.",
        "translation",
    )
    p.blank()
    p.b(
        '"We want small businesses to use computing power the way they use water and electricity," said '
        "Qian Weiyang, General Manager of Yanhai Yunqi Technology.",
        "translation",
    )
    p.blank()
    p.b("Media contact: Zhong Xiaolan, press@yhcloud.example", "translation")
    write(
        folder,
        "d09-bilingual-press-release",
        "company press release, Chinese then its English version (only the Chinese is the article): 新闻稿/即时发布, "
        "关于公司 boilerplate, media contact, ###, PRESS RELEASE block; saved on Windows (CRLF)",
        "chrome",
        {"chrome", "promo", "note", "title"},
        p,
        ["b12"],
        crlf=True,
    )


# Punctuation an OCR engine read as half width (ASCII) in d10.
OCR_SWAPS = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?"}


def ocr(text: str, every: int) -> str:
    """Every `every`-th comma-like mark read as its ASCII twin (deterministic)."""
    out, n = [], 0
    for ch in text:
        if ch in OCR_SWAPS:
            n += 1
            if n % every == 0:
                out.append(OCR_SWAPS[ch])
                continue
        out.append(ch)
    return "".join(out)


@case
def d10_ocr_scan(folder):
    p = Page()
    widths = [19, 18, 20, 19, 18, 20, 20, 19]
    p.b("数字乡村 · 2026年第3期", "header")
    p.t(ARTICLES["b13"]["title"], 0)
    p.b("■ 房晚晴", "byline", ["房晚晴"])
    p.blank()
    n = 0
    for i, para in enumerate(paras("b13")):
        text = ocr(para, 2 if i % 2 == 0 else 3)
        lines, first = [], True
        while text:
            w = widths[n % len(widths)]
            n += 1
            if first:
                lines.append("　" + text[: w - 1])
                text = text[w - 1 :]
                first = False
            else:
                lines.append(text[:w])
                text = text[w:]
        p.ts(lines, 0)
        if i == 1:
            p.b("— 52 —", "footer")
            p.b("数字乡村 · 2026年第3期", "header")
    p.b("(责任编辑 / 蒋禾)", "promo", ["蒋禾"])
    write(
        folder,
        "d10-ocr-scan",
        "OCR'd magazine scan: lines broken at 18-20 characters with a one-space indent, some ，：；（）？ read as "
        "ASCII , : ; ( ) ?, folio and running head between pages, ■ byline, editor credit in ASCII brackets",
        "wrap",
        {"wrap", "headers", "byline", "promo", "title"},
        p,
        ["b13"],
    )


def gbk_shifted(span: str) -> str:
    """The span's GBK bytes read one byte late (as a page cut mid-character is): the text damage.gbk_shift makes."""
    data = span.encode("gbk")[1:]
    out = ["?"]
    for i in range(0, len(data) - 1, 2):
        try:
            ch = data[i : i + 2].decode("gbk")
        except UnicodeDecodeError:
            continue
        out.append({"？": "?", "！": "!"}.get(ch, ch))
    return "".join(out)


@case
def d11_gbk_govinfo(folder):
    p = Page()
    ps = paras("b14")
    p.b("澈水县人民政府门户网站", "chrome")
    p.b("首页 | 政务公开 | 政务服务 | 互动交流 | 走进澈水", "chrome")
    p.b("您当前的位置：首页 > 政务公开 > 部门动态", "chrome")
    p.blank()
    p.b("索引号：113307XX0025/2026-01532　　主题分类：农业、林业、水利", "chrome")
    p.b("发布机构：澈水县农业农村局　　　　　成文日期：2026-03-06", "chrome")
    p.b("标　　题：澈水县完成首批乡村数字档案建档工作", "chrome")
    p.b("文　　号：　　　　　　　　　　　　　主 题 词：", "chrome")
    p.blank()
    p.t(ARTICLES["b14"]["title"], 0)
    p.b("发布时间：2026-03-06 16:20　　来源：澈水县农业农村局　　浏览次数：386", "chrome")
    p.b("【字体：大 中 小】", "chrome")
    p.blank()
    span = "把过去分散在村委会柜子里的纸质材料"
    for i, para in enumerate(ps):
        if i == 1:
            para = para.replace(span, gbk_shifted(span))
        p.t("　　" + para, 0)
    p.blank()
    p.b("【打印本页】【关闭窗口】", "chrome")
    p.blank()
    p.b("主办：澈水县人民政府办公室　承办：澈水县大数据发展中心", "chrome")
    p.b("网站标识码：3311270009　ICP备案号：沣ICP备05012345号", "chrome")
    write(
        folder,
        "d11-gbk-govinfo-page",
        "county government portal page saved as GBK: navigation, 当前位置, 政府信息公开 metadata table (索引号, "
        "发布机构, 标题 …), 发布时间/来源/浏览次数 line, 【字体】, 【打印本页】【关闭窗口】, site footer; one span read "
        "one byte late (GBK-shifted)",
        "gbk",
        {"gbk", "chrome", "title"},
        p,
        ["b14"],
        encoding="gbk",
    )


@case
def d12_web_comments(folder):
    p = Page()
    ps = paras("b15")

    def ent(s: str) -> str:
        return s.replace("“", "&ldquo;").replace("”", "&rdquo;")

    p.b("砚海新闻网 - 观点频道", "chrome")
    p.b("首页 &gt; 观点 &gt; 正文", "chrome")
    p.blank()
    p.t(ent(ARTICLES["b15"]["title"]), 0)
    p.b("2026-03-11 07:05　来源：砚海新闻网　作者：卓远舟", "chrome", ["卓远舟"])
    p.b("分享到：微信　微博　QQ空间", "chrome")
    p.blank()
    for para in ps:
        p.t("&nbsp;&nbsp;&nbsp;&nbsp;" + ent(para) + "<br/>", 0)
    p.b("(编辑：闻笛)", "promo", ["闻笛"])
    p.blank()
    p.b("相关阅读：", "related")
    p.b("· 基层减负，从清理工作群开始", "related")
    p.b("· 政务App“瘦身”进行时", "related")
    p.b("· 数字化考核该考什么？", "related")
    p.blank()
    p.b("网友评论（3）", "comment")
    p.b("砚海网友 梧桐下的猫：说到心坎里了，我们单位光打卡就有三个App。", "comment")
    p.b("2026-03-11 09:12　回复　点赞(56)", "comment")
    p.b("砚海网友 老街口：来源于基层的声音，要多听听。", "comment")
    p.b("2026-03-11 10:30　回复　点赞(21)", "comment")
    p.b("砚海网友 青禾：考核不改，什么都白搭。", "comment")
    p.b("2026-03-11 12:47　回复　点赞(9)", "comment")
    p.b("我要评论", "comment")
    write(
        folder,
        "d12-web-comments",
        "opinion page saved from a browser: breadcrumb with &gt;, &ldquo; entities, &nbsp; indents and <br/>, "
        "date/来源/作者 line, 分享到, (编辑：名), 相关阅读 list, reader comments (one starting with 来源于, like a "
        "paragraph of the article)",
        "html",
        {"html", "chrome", "byline", "promo", "title"},
        p,
        ["b15"],
    )


@case
def d13_table_wrap28(folder):
    p = Page()
    p.t(ARTICLES["b16"]["title"], 0)
    p.b("○谭映秋", "byline", ["谭映秋"])
    p.blank()
    for para in paras("b16"):
        if "  " in para or len(para) <= 28:  # the table, its caption and its source line are set as they are
            p.t(para, 0)
        else:
            p.ts(chunks(para, 28, "　　"), 0)
    p.blank()
    p.b("（作者单位：溪坞市统计局综合处）", "note")
    write(
        folder,
        "d13-table-wrap28",
        "statistics article wrapped at 28 with the 　　 indent on each paragraph's first line, holding an aligned "
        "text table with its caption and a 数据来源： line (article text), ○ byline, 作者单位 note",
        "wrap",
        {"wrap", "byline", "note", "title"},
        p,
        ["b16"],
    )


@case
def d14_twice_two_wraps(folder):
    p = Page()
    ps = paras("b17")
    p.t(ARTICLES["b17"]["title"], 0)
    p.b("作者：费清和　　发布时间：2026-03-08", "byline", ["费清和"])
    p.blank()
    for para in ps:
        p.ts(chunks(para, 40), 0)
        p.blank()
    p.b("第 1 页 / 共 2 页", "footer")
    p.b("【打印版】", "chrome")
    p.t(ARTICLES["b17"]["title"], 0)
    p.b("作者：费清和", "byline", ["费清和"])
    for para in ps:
        p.ts(chunks(para, 28, "　　"), 0)
    p.b("第 2 页 / 共 2 页", "footer")
    write(
        folder,
        "d14-twice-two-wraps",
        "article printed twice in one PDF: the page at wrap 40 with blank lines, then its 【打印版】 at wrap 28 with "
        "the 　　 indent and no blank lines; 第 N 页 / 共 2 页 footers",
        "twice",
        {"twice", "wrap", "byline", "headers", "title"},
        p,
        ["b17"],
    )


@case
def d15_theory_page(folder):
    p = Page()
    p.b("砚海日报　理论周刊　2026年3月17日　星期二　11", "header")
    p.blank()
    p.b(
        "　　编者按：平台经济和人工智能治理是当前社会关注的热点。本期邀请两位学者撰文，"
        "分别谈谈平台常态化监管和生成内容标识，供读者参考。",
        "note",
    )
    p.blank()
    p.t(ARTICLES["b18"]["title"], 0)
    p.blank()
    for para in paras("b18"):
        p.t("　　" + para, 0)
    p.b("　　（作者：宋拾遗　砚海大学经济学院）", "byline", ["宋拾遗"])
    p.blank()
    p.b("＊　＊　＊", "separator")
    p.blank()
    p.t(ARTICLES["b19"]["title"], 1)
    p.blank()
    for para in paras("b19"):
        p.t("　　" + para, 1)
    p.b("　　（作者：蓝星河、俞晚秋　单位均为砚海社会科学院）", "byline", ["蓝星河", "俞晚秋"])
    write(
        folder,
        "d15-theory-page",
        "theory page of two essays: 编者按 above both, bylines only at the bottom in （作者：名　单位）, two names "
        "joined by 、, separator ＊　＊　＊, one running head",
        "byline",
        {"byline", "headers", "note", "title"},
        p,
        ["b18", "b19"],
    )


@case
def d16_news_page_wrap40(folder):
    p = Page()
    p.b("临湄日报　2026年3月6日　星期五　第2版　城市", "header")
    p.t(ARTICLES["b20"]["title"], 0)
    p.b("本报记者　包景行　通讯员　冉小满", "byline", ["包景行", "冉小满"])
    ps = paras("b20")
    lead = "本报讯　" + ps[0]
    p.inline("本报讯　", "dateline")
    first = chunks(lead, 40)
    p.ts(first, 0)
    for para in ps[1:]:
        p.ts(chunks(para, 40), 0)
    p.t(ARTICLES["b21"]["title"], 1)
    p.b("本报记者　甘云舒　陶知行　许一帆", "byline", ["甘云舒", "陶知行", "许一帆"])
    for para in paras("b21"):
        p.ts(chunks(para, 40), 1)
    p.b("责任编辑：温如　美术编辑：简宁", "promo", ["温如", "简宁"])
    write(
        folder,
        "d16-news-page-wrap40",
        "city paper page of two reports wrapped at 40 without indent or blank lines: 本报记者 名 通讯员 名, three "
        "reporters joined by spaces, 本报讯 opening the lead, 责任编辑/美术编辑 line",
        "wrap",
        {"wrap", "byline", "headers", "promo", "title"},
        p,
        ["b20", "b21"],
    )


@case
def d17_control(folder):
    p = Page()
    p.t(ARTICLES["b22"]["title"], 0)
    p.b("作者：武清源", "byline", ["武清源"])
    p.blank()
    for para in paras("b22"):
        p.t(para, 0)
        p.blank()
    p.lines.pop()
    p.art.pop()
    write(
        folder,
        "d17-control",
        "undamaged control: title, 作者：名, paragraphs separated by blank lines, a one-sentence last paragraph",
        "clean",
        {"clean"},
        p,
        ["b22"],
    )


@case
def d18_open_letter(folder):
    p = Page()
    ps = paras("b23")
    p.t(ARTICLES["b23"]["title"], 0)
    p.blank()
    p.t(ps[0], 0)
    for para in ps[1:7]:
        p.t("　　" + para, 0)
    p.t("　　" + ps[7], 0)
    p.t(ps[8], 0)
    p.t("　　　　　　　　　　　　　　　　　　" + ps[9], 0)
    p.t("　　　　　　　　　　　　　　　　　　" + ps[10], 0)
    write(
        folder,
        "d18-open-letter",
        "open letter with no damage the pipeline is told about: salutation, 你们好！, three short points that "
        "open with a label, a 服务热线 number in a sentence, 此致/敬礼！, the office's signature and date set right",
        "clean",
        {"clean"},
        p,
        ["b23"],
    )


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else os.path.join(HERE, "cases")
    os.makedirs(folder, exist_ok=True)
    for fn in CASES:
        fn(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
