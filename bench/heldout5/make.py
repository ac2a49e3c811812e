"""Lay out the fifth blind held-out set (issue 15) by hand: one function per case, no randomness.

python bench/heldout5/make.py [DIR]   # writes DIR (default: bench/heldout5/cases) NAME.txt + NAME.gold.json

Synthetic test material: the articles (articles.json) are invented. See README.md for each case's shape and
every gold judgement call.
"""

from __future__ import annotations

import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import damage  # noqa: E402  (s2t for the Traditional pages, gbk_shift for the shifted span)

with open(os.path.join(HERE, "articles.json"), encoding="utf-8") as _fh:
    ARTS = {a["id"]: a for a in json.load(_fh)["articles"]}

CLOSE = "，。、；：？！”’）》」』"
OPEN = "“‘（《「『"


def wrap(text: str, width: int) -> list[str]:
    """Hard wrap at width, the typesetter's way: a closing mark never opens a line, an opening one never
    ends it. Cuts fall anywhere else (inside numbers and words)."""
    out, i = [], 0
    while i < len(text):
        j = min(i + width, len(text))
        while j < len(text) and text[j] in CLOSE:
            j += 1
        while j < len(text) and j - 1 > i and text[j - 1] in OPEN:
            j -= 1
        out.append(text[i:j])
        i = j
    return out


def paras(aid: str) -> list[str]:
    """The article's paragraphs as printed (a heading without its `# `)."""
    return [p[2:] if p.startswith("# ") else p for p in ARTS[aid]["paragraphs"]]


class Page:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.art: list[int | None] = []
        self.boiler: list[dict] = []
        self._seen: set[str] = set()

    def _note(self, text: str, what: str, **kw) -> None:
        if text not in self._seen:
            self._seen.add(text)
            self.boiler.append({"text": text, "what": what, **kw})

    def b(self, text: str, what: str, **kw) -> None:
        """A line that is not article text."""
        self.lines.append(text)
        self.art.append(None)
        self._note(text, what, **kw)

    def inline(self, text: str, what: str, **kw) -> None:
        """A span of boiler inside a line of article text."""
        self._note(text, what, inline=True, **kw)

    def t(self, text: str, k: int) -> None:
        self.lines.append(text)
        self.art.append(k)

    def blank(self) -> None:
        self.lines.append("")
        self.art.append(None)


def save(folder, name, page, aids, kinds, shape, primary, encoding="utf-8", crlf=False, punct=None) -> None:
    """Write NAME.txt and NAME.gold.json. punct: a mapping of marks the page prints for the article's own
    (the Taiwan column's 「」 for “”), applied to the gold too: the pipeline converts script, not punctuation."""
    text = "\n".join(page.lines) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding)
    gold = [
        {
            "id": a,
            "title": ARTS[a]["title"],
            "authors": ARTS[a]["authors"],
            "affiliations": ARTS[a]["affiliations"],
            "paras": [p.translate(str.maketrans(punct or {})) for p in paras(a)],
        }
        for a in aids
    ]
    case = {
        "name": name + ".txt",
        "primary": primary,
        "kinds": sorted(kinds),
        "shape": shape,
        "encoding": encoding,
        "gold": gold,
        "boiler": page.boiler,
        "line_art": page.art,
    }
    if crlf:
        case["line_ends"] = "CRLF"
    with open(os.path.join(folder, name + ".txt"), "wb") as fh:
        fh.write(data)
    with open(os.path.join(folder, name + ".gold.json"), "w", encoding="utf-8") as fh:
        fh.write(json.dumps(case, ensure_ascii=False, indent=1) + "\n")


# ---------------------------------------------------------------- the cases


def e01(folder):
    p = Page()
    a = ARTS["a01"]
    p.t(a["title"], 0)
    p.b("澜屿财经观察", "account")
    p.b("2026-04-07 09:12 · 澜屿 · 澜屿号作者", "date")
    p.b("+ 关注", "chrome")
    p.blank()
    p.b("文｜顾澄", "byline", names=["顾澄"])
    p.blank()
    ps = paras("a01")
    for i, x in enumerate(ps):
        p.t(x, 0)
        p.blank()
        if i == 1:
            p.b("展开全文", "chrome")
            p.blank()
    p.b("打开澜屿快讯APP阅读全文，查看更多精彩评论", "promo")
    p.b("举报/反馈", "chrome")
    p.b("阅读 2.3万 · 点赞 186 · 评论 42", "chrome")
    p.blank()
    p.b("相关推荐", "related")
    p.b("县域电商直播间：一个主播带火一座镇", "related")
    p.b("AI客服上岗后，那些坐席去哪了？ 评论 17", "related")
    p.b("打开APP阅读", "promo")
    save(
        folder,
        "e01-newsapp-share",
        p,
        ["a01"],
        {"title", "byline", "chrome", "promo"},
        "news-app share page: title, account name, time · IP place line, + 关注, 文｜名 byline, 展开全文 fold "
        "between paragraphs, 打开APP阅读 prompts, 举报, 阅读/点赞/评论 counts, 相关推荐 list; a one-sentence "
        "last paragraph",
        "chrome",
    )


def e02(folder):
    p = Page()
    head = "漪川数字经济简报　　　　　　　　　　　　2026年第3期"
    p.b("漪川数字经济简报", "header")
    p.b("2026年第3期（总第27期）", "header")
    p.b("漪川市数字经济研究中心编　　　　　　　　　2026年4月15日", "imprint")
    p.b("━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", "rule")
    p.b("本期目录", "toc")
    p.b("算力券兑现率偏低的三个原因……………………………………1", "toc")
    p.b("数据标注基地的用工变化…………………………………………2", "toc")
    p.blank()
    # a02 at wrap 37 with the 　　 indent; the page breaks inside its fourth paragraph.
    p.t(ARTS["a02"]["title"], 0)
    p.b("骆闻笛", "byline", names=["骆闻笛"])
    lines = []
    for x in paras("a02"):
        lines.append(wrap("　　" + x, 37))
    flat = [ln for w in lines for ln in w]
    cut = sum(len(w) for w in lines[:3]) + 2  # two lines into the fourth paragraph
    for ln in flat[:cut]:
        p.t(ln, 0)
    p.b("——————————", "rule")
    p.b("[1] 漪川市数字经济研究中心对2025年全市算力券申领和核销情况的统计。", "footnote")
    p.b("第 1 页", "footer")
    p.b(head, "header")
    for ln in flat[cut:]:
        p.t(ln, 0)
    p.b("（作者单位：漪川市数字经济研究中心）", "note")
    p.b("[2] 根据调研组访谈的32家企业提供的核销记录计算。", "footnote")
    p.b("第 2 页", "footer")
    p.b(head, "header")
    p.t(ARTS["a03"]["title"], 1)
    p.b("祁晚舟", "byline", names=["祁晚舟"])
    for x in paras("a03"):
        for ln in wrap("　　" + x, 37):
            p.t(ln, 1)
    p.b("（作者单位：漪川市数字经济研究中心）", "note")
    p.b("━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", "rule")
    p.b("报：市委办公室，市政府办公室", "cc")
    p.b("送：市发展改革委，市工业和信息化局，市数据局", "cc")
    p.b("第 3 页", "footer")
    save(
        folder,
        "e02-word-briefing",
        p,
        ["a02", "a03"],
        {"title", "byline", "headers", "note", "wrap"},
        "internal briefing (简报) from a Word file printed to PDF: masthead, 期号, 编印 line, 本期目录 with dotted "
        "leaders, wrap 37 with the 　　 indent, [1] [2] markers in the text and the footnotes at the page foot "
        "inside a paragraph, 第 N 页 footers and the running head, bare-name bylines, 作者单位 notes, 报/送 lines",
        "headers",
    )


def e03(folder):
    p = Page()
    a = ARTS["a04"]
    p.b("---", "meta")
    p.b(f"title: {a['title']}", "meta")
    p.b("author: 宋知遥", "byline", names=["宋知遥"])
    p.b("created: 2026-03-21 22:40", "date")
    p.b("tags: [读书, 数据要素, 定价]", "tags")
    p.b("---", "meta")
    p.blank()
    p.t("# " + a["title"], 0)
    p.blank()
    links = {"收益分成": 0}  # one wiki link, inside the longest paragraph
    p.inline("[[", "markup")
    p.inline("]]", "markup")
    for x in a["paragraphs"]:
        if x.startswith("# "):
            p.t("#" + x, 0)
            p.blank()
            continue
        for w in links:
            if w in x and not links[w]:
                x = x.replace(w, f"[[{w}]]", 1)
                links[w] = 1
        if "按调用计价会先成为主流" in x:
            x = x.replace("按调用计价会先成为主流", "**按调用计价会先成为主流**")
        p.t(x, 0)
        p.blank()
    p.b("相关笔记：[[数据资产入表]] · [[数据交易所调研]]", "related")
    p.b("#读书笔记 #数据要素", "tags")
    save(
        folder,
        "e03-markdown-note",
        p,
        ["a04"],
        {"title", "byline", "chrome"},
        "note-app Markdown export: YAML front matter (title, author, created, tags) between --- lines, # title, "
        "## subheadings, [[wiki links]] inside sentences, **bold**, a 相关笔记 line of links and a #tag line",
        "chrome",
    )


def e04(folder):
    p = Page()
    p.b("枫渡日报　　2026年5月19日　星期二　　第2版　要闻", "header")
    cols = []
    for aid, inline in (("a05", "本报讯　"), ("a06", "本报讯　")):
        ps = paras(aid)
        runs = []
        for i, x in enumerate(ps):
            runs += wrap("　　" + (inline if i == 0 else "") + x, 20)
        cols.append(runs)
    p.inline("本报讯　", "dateline")
    p.t(ARTS["a05"]["title"], 0)
    p.b("本报记者　裴远", "byline", names=["裴远"])
    a, b = cols
    n = 7
    for ln in a[:n]:
        p.t(ln, 0)
    p.t(ARTS["a06"]["title"], 1)
    p.b("本报记者　温如珏　通讯员　阎策", "byline", names=["温如珏", "阎策"])
    for ln in b[:n]:
        p.t(ln, 1)
    i = j = n
    turn = 0
    while i < len(a) or j < len(b):
        if turn == 0 and i < len(a):
            for ln in a[i : i + n]:
                p.t(ln, 0)
            i += n
        elif j < len(b):
            for ln in b[j : j + n]:
                p.t(ln, 1)
            j += n
        if turn == 0 and i >= 2 * n and not any(x.startswith("【图片新闻】") for x in p.lines):
            p.b("【图片新闻】", "caption")
            p.b("5月17日，枫渡市科技馆“人工智能体验周”开幕，小朋友在与服务机器人互动。", "caption")
            p.b("本报记者　裴远　摄", "caption")
        turn = 1 - turn
    p.b("本版责编：邵衡　　版式：易青　　校对：陈可", "editor")
    save(
        folder,
        "e04-newspaper-yaowen",
        p,
        ["a05", "a06"],
        {"title", "byline", "headers", "interleave", "promo", "wrap"},
        "newspaper 要闻 page: two reports in 20-character columns with the 　　 indent whose runs of 7 lines "
        "interleave, cut mid-sentence; 本报讯 leads; 本报记者/通讯员 bylines; a 【图片新闻】 block (caption and "
        "photo credit) between runs; 本版责编/版式/校对 line",
        "interleave",
    )


def e05(folder):
    p = Page()
    a = ARTS["a07"]
    p.b("砾城论坛 › 创业交流 › 正文", "chrome")
    p.inline("【讨论】", "tags")
    p.t("【讨论】" + a["title"], 0)
    p.b("查看: 4127 | 回复: 36", "chrome")
    p.blank()
    p.b("楼主　老周在砾城　发表于 2026-3-14 21:06 | 只看该作者", "byline", names=["老周在砾城"])
    p.blank()
    p.b("引用:", "quote")
    p.b("小鹿会计 发表于 2026-3-13 10:22", "quote")
    p.b("我们十几个人的公司，老板非要买个大模型，到底有没有必要？", "quote")
    p.blank()
    p.b("引用:", "quote")
    p.b("阿杰不加班 发表于 2026-3-13 12:47", "quote")
    p.b("别急着买，先用免费的试一个月，大部分场景够用了。", "quote")
    p.blank()
    for x in paras("a07"):
        p.t(x, 0)
        p.blank()
    p.b("本帖最后由 老周在砾城 于 2026-3-15 08:30 编辑", "chrome")
    p.blank()
    p.b("------------------------------", "separator")
    p.b("做外贸十二年，只说实话。砾城家具出口交流群欢迎同行。", "signature")
    p.blank()
    p.b("回复 举报 ↑顶部", "chrome")
    p.blank()
    p.b("2#　小鹿会计　发表于 2026-3-14 21:40", "comment")
    p.b("太实在了，第三个坑我们正在踩。", "comment")
    save(
        folder,
        "e05-forum-thread",
        p,
        ["a07"],
        {"title", "byline", "chrome", "promo"},
        "forum thread saved as text: breadcrumb, 【讨论】 tag before the title, 查看/回复 counts, 楼主 line with "
        "the poster's handle, two 引用: blocks of earlier posts, 本帖最后由…编辑, the poster's signature after a "
        "dashed rule, 回复/举报 row, the next floor's reply",
        "chrome",
    )


def e06(folder):
    p = Page()
    p.b("id,标题,作者,来源,发布时间,正文", "field")
    p.inline('"', "field")
    rows = [("101", "a08", "沅汀评论", "2026-04-02"), ("102", "a09", "沅汀评论", "2026-04-09")]
    for k, (rid, aid, src, date) in enumerate(rows):
        a = ARTS[aid]
        name = a["authors"][0]
        p.inline(f"{rid},", "field")
        p.inline(f",{name},{src},{date},", "byline", names=[name])
        ps = paras(aid)
        p.t(f'{rid},{a["title"]},{name},{src},{date},"{ps[0]}', k)
        for x in ps[1:-1]:
            p.t(x, k)
        p.t(ps[-1] + '"', k)
    # the third row's body is the CMS's HTML, on one line
    a = ARTS["a10"]
    p.inline("103,", "field")
    p.inline(",方啸,沅汀评论,2026-04-16,", "byline", names=["方啸"])
    body = "".join(f"<p>{x}</p>" for x in paras("a10"))
    p.t(f'103,{a["title"]},方啸,沅汀评论,2026-04-16,"{body}"', 2)
    save(
        folder,
        "e06-csv-export",
        p,
        ["a08", "a09", "a10"],
        {"title", "byline", "chrome", "html"},
        "CSV export of a CMS article table from a spreadsheet (UTF-8 with BOM, CRLF): header row, one article "
        "per row, id/title/author/source/date fields before a quoted 正文 field whose paragraphs run over "
        "several lines; the third row's 正文 is <p> HTML on one line",
        "chrome",
        encoding="utf-8-sig",
        crlf=True,
    )


# One reading per paragraph (paragraph index, character, its 注音), in paragraphs long enough that the page
# still holds most of the paragraph's 4-grams.
ZHUYIN = [
    (0, "顧", "（ㄍㄨˋ）"),
    (1, "亂", "（ㄌㄨㄢˋ）"),
    (2, "吵", "（ㄔㄠˇ）"),
    (3, "責", "（ㄗㄜˊ）"),
    (5, "寫", "（ㄒㄧㄝˇ）"),
]


TW_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


def e07(folder):
    p = Page()
    p.b("漪川週報　2026.04.30　第1192期　觀點", "header")
    p.b("專欄｜職場與數據", "column")
    p.t(damage.s2t(ARTS["a11"]["title"], "s2tw"), 0)
    p.b("文／林靜岑", "byline", names=["林靜岑"])
    p.blank()
    done = set()
    for i, x in enumerate(paras("a11")):
        t = damage.s2t(x, "s2tw").translate(TW_QUOTES)
        for at, ch, note in ZHUYIN:
            if at == i and ch in t:
                t = t.replace(ch, ch + note, 1)
                done.add(ch)
                p.inline(note, "zhuyin")
        p.t(t, 0)
        p.blank()
    p.b("作者簡介：林靜岑，企業資料治理顧問，曾任製造業資訊長，現居漪川。", "note")
    p.b("（本文僅代表作者觀點，不代表本刊立場）", "note")
    assert len(done) == len(ZHUYIN), done
    save(
        folder,
        "e07-taiwan-column-zhuyin",
        p,
        ["a11"],
        {"title", "byline", "headers", "note", "traditional"},
        "Taiwan weekly's column in Traditional (OpenCC s2tw forms) with 「」 quotes and 注音 readings in brackets after five "
        "characters (one per paragraph), running head, 專欄｜ label, 文／名 byline, 作者簡介 and the disclaimer at the end",
        "traditional",
        punct={"“": "「", "”": "」", "‘": "『", "’": "』"},
    )


def e08(folder):
    p = Page()
    a = ARTS["a12"]
    head = f'<html><head><meta charset="utf-8"><title>{a["title"]}_芷阳观察网</title></head>'
    nav = "当前位置：首页 &gt; 评论 &gt; 正文"
    info = "2026-06-03 08:45　来源：芷阳观察网　作者：韩砚秋"
    share = "分享到：微信 微博 QQ空间"
    editor = "（责任编辑：卢安）"
    foot = "芷阳观察网版权所有　未经授权禁止转载"
    p.inline(head, "chrome")
    p.inline(nav, "chrome")
    p.inline(info, "byline", names=["韩砚秋"])
    p.inline(share, "chrome")
    p.inline(editor, "editor")
    p.inline(foot, "promo")
    body = "".join(f"<p>&nbsp;&nbsp;{x}</p>" for x in paras("a12"))
    line = (
        f'{head}<body><div class="nav">{nav}</div><div class="main"><h1>{a["title"]}</h1>'
        f'<div class="info">{info}</div><div class="content">{body}</div><div class="share">{share}</div>'
        f'<div class="editor">{editor}</div></div><div class="footer">{foot}</div></body></html>'
    )
    p.t(line, 0)
    save(
        folder,
        "e08-html-one-line",
        p,
        ["a12"],
        {"title", "byline", "chrome", "html", "promo"},
        "web page saved as minified HTML: the whole page on ONE line (head with <title>…_site, nav with &gt;, "
        "<h1>, info div with date/来源/作者, <p> paragraphs with &nbsp; indents, share row, 责任编辑, footer)",
        "html",
    )


def e09(folder):
    p = Page()
    a = ARTS["a13"]
    copy = [
        (a["title"], 0, None),
        ("作者：孟楚言", None, "byline"),
        ("2026-05-20 10:05　来源：澜屿外贸周刊", None, "date"),
        ("", None, None),
    ]
    for x in paras("a13"):
        copy += [(x, 0, None), ("", None, None)]
    copy += [("（本文转载自澜屿外贸周刊，转载请注明出处）", None, "promo")]
    for trad in (False, True):
        for text, k, what in copy:
            t = damage.s2t(text, "s2t") if trad else text
            if k is not None:
                p.t(t, k)
            elif what:
                p.b(t, what, **({"names": ["孟楚言"]} if what == "byline" else {}))
            else:
                p.blank()
        if not trad:
            p.blank()
            p.b("==========", "separator")
            p.blank()
    save(
        folder,
        "e09-twice-simplified-traditional",
        p,
        ["a13"],
        {"title", "byline", "chrome", "promo", "traditional", "twice"},
        "article pasted twice: the Simplified web copy (title, 作者：名, date/来源 line, 转载 note), a ===== rule, "
        "then the same page converted to Traditional (OpenCC s2t), its lines and footer converted too",
        "twice",
    )


def e10(folder):
    p = Page()
    p.b("发件人: 数智前沿周报 <weekly@shuzhi.example>", "mail")
    p.b("收件人: reader@example.com", "mail")
    p.b("主题: 【数智前沿】第48期｜AI手机的“杀手级应用”还没出现", "mail")
    p.b("日期: 2026年5月22日 周五 07:30", "mail")
    p.blank()
    p.b("邮件无法正常显示？请在浏览器中查看。", "chrome")
    p.blank()
    p.b("━━━━━━━━━━━━━━━━━━", "rule")
    p.b("数智前沿周报　第48期　2026.05.22", "header")
    p.b("━━━━━━━━━━━━━━━━━━", "rule")
    p.blank()
    for k, (aid, by) in enumerate((("a14", "文 / 陶屿"), ("a15", "文 / 钟霁"))):
        a = ARTS[aid]
        if k:
            p.b("──────────", "separator")
            p.blank()
        p.t(a["title"], k)
        p.b(by, "byline", names=a["authors"])
        p.blank()
        for x in paras(aid):
            for ln in wrap(x, 36):
                p.t(ln, k)
            p.blank()
    p.b("━━━━━━━━━━━━━━━━━━", "rule")
    p.b("你收到这封邮件，是因为你订阅了数智前沿周报。", "promo")
    p.b("退订 | 修改订阅偏好 | 转发给朋友", "chrome")
    p.b("© 2026 数智前沿 保留所有权利", "promo")
    save(
        folder,
        "e10-email-newsletter",
        p,
        ["a14", "a15"],
        {"title", "byline", "chrome", "headers", "promo", "wrap"},
        "plain-text e-mail newsletter saved from a mail client: 发件人/收件人/主题/日期 headers, 在浏览器中查看, "
        "masthead between ━ rules, two pieces wrapped at 36 with blank lines, 文 / 名 bylines, a ── separator, "
        "订阅/退订 footer",
        "chrome",
    )


def e11(folder):
    p = Page()
    p.b("内部资料　注意保存", "header")
    p.b("调研与参考", "header")
    p.b("第６期", "header")
    p.b("岚州市工商业联合会办公室　　　　　　２０２６年１月８日", "imprint")
    p.b("━━━━━━━━━━━━━━━━━━━━", "rule")
    p.blank()
    p.t(ARTS["a16"]["title"], 0)
    p.b("市工商联调研组　许默　方晴", "byline", names=["许默", "方晴"])
    p.blank()
    rng = random.Random("heldout5:e11")
    for i, x in enumerate(paras("a16")):
        line = x if x[1] == "、" else "　　" + x
        if i == 4:
            line = damage.gbk_shift(rng, line)
            line.encode("gbk")
        p.t(line, 0)
    p.blank()
    p.b("━━━━━━━━━━━━━━━━━━━━", "rule")
    p.b("报：市委办公室，市政府办公室", "cc")
    p.b("送：市委统战部，市工业和信息化局", "cc")
    p.b("（共印４０份）", "imprint")
    save(
        folder,
        "e11-fullwidth-gbk-report",
        p,
        ["a16"],
        {"title", "byline", "gbk", "headers"},
        "internal research report saved as GBK: 内部资料 mark, publication name, 期号 and issuing office in full-"
        "width digits, digits and Latin letters full width throughout the text (２０２５, ＡＩ, ５Ｇ), 一、二、三 "
        "headings, group + names byline, one span read one byte late (GBK-shifted), 报/送 and 共印 lines",
        "gbk",
        encoding="gbk",
    )


def e12(folder):
    p = Page()
    p.t(ARTS["a17"]["title"], 0)
    p.b("作者：苏念", "byline", names=["苏念"])
    p.blank()
    for x in paras("a17"):
        p.t(x, 0)
        p.blank()
    p.lines.pop()
    p.art.pop()
    save(
        folder,
        "e12-control",
        p,
        ["a17"],
        {"clean"},
        "undamaged control: title, 作者：名, paragraphs between blank lines, a one-sentence last paragraph",
        "clean",
    )


def e13(folder):
    p = Page()
    p.t(ARTS["a18"]["title"], 0)
    p.blank()
    ps = paras("a18")
    p.t(ps[0], 0)
    p.blank()
    for q in range(5):
        p.t(ps[1 + 2 * q], 0)
        p.t(ps[2 + 2 * q], 0)
        p.blank()
    p.t(ps[-1], 0)
    save(
        folder,
        "e13-faq-no-damage",
        p,
        ["a18"],
        {"clean"},
        "a 五问五答 FAQ with no damage the pipeline is told about: numbered 问： lines with their 答： on the next "
        "line (short lines, no blank between), an office's hotline in the last sentence, no byline",
        "clean",
    )


def e14(folder):
    p = Page()
    a = ARTS["a19"]
    url = "https://www.yuanting-news.example/pl/202606/t20260608_88213.html"
    head = f"2026/6/9 下午3:18　　{a['title']}_沅汀新闻网"
    p.b(head, "header")
    p.b("沅汀新闻网　首页　要闻　区县　评论　专题　视频", "chrome")
    p.blank()
    p.t(a["title"], 0)
    p.b("2026-06-08 10:20　来源：沅汀新闻网　作者：贺临川　编辑：钱芮", "byline", names=["贺临川"])
    p.blank()
    lines = []
    for x in paras("a19"):
        lines.append(wrap(x, 42))
    for i, w in enumerate(lines):
        for j, ln in enumerate(w):
            if i == 2 and j == 1:
                p.b(f"{url}　　1/2", "footer")
                p.b(head, "header")
            p.t(ln, 0)
        p.blank()
    p.b("相关新闻", "related")
    p.b("· 沅汀高新区发布20个数据应用场景清单", "related")
    p.b("· 按效果付费，服务商和企业如何算账？", "related")
    p.blank()
    p.b("关于我们 | 联系我们 | 网站地图　　沅汀新闻网 版权所有", "chrome")
    p.b(f"{url}　　2/2", "footer")
    save(
        folder,
        "e14-browser-print",
        p,
        ["a19"],
        {"title", "byline", "chrome", "headers", "promo", "wrap"},
        "web article printed from a browser to PDF and read back: print date/time + page title header and "
        "URL + n/2 footer on each page (the break inside a paragraph), site navigation, date/来源/作者/编辑 "
        "line, wrap 42 with blank lines, 相关新闻 list, site footer",
        "headers",
    )


CASES = [e01, e02, e03, e04, e05, e06, e07, e08, e09, e10, e11, e12, e13, e14]


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else os.path.join(HERE, "cases")
    os.makedirs(folder, exist_ok=True)
    for f in CASES:
        f(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
