"""Build the second held-out damage set (bench/heldout2/cases/) from the synthetic articles in articles.json.

Written without looking at the pipeline (hooks/wenku) or at the first held-out set's cases: each layout
imitates how one kind of real copy of a Chinese text comes damaged (an e-paper edition whose lead article
jumps to page 4, a Taiwan news page in Big5, a magazine interview with a pull quote, a journal PDF with
footnote markers and a 注释 list, a slide deck exported to text, an e-mail newsletter, a forum thread that
quotes the post, a WeChat copy with 参考文献, a page printed twice in two scripts, a web page with
breadcrumbs and leftover tags, a 17-character newspaper column, mojibake read as cp1252 and as UTF-8, a
column of three pieces with bylines at the bottom, 本报讯 items with the byline inside the first paragraph,
a Markdown export with front matter, and one undamaged control). Deterministic: no randomness, so
`python bench/heldout2/make.py [DIR]` rewrites the same bytes.

Per case it writes NAME.txt (the raw bytes given to the pipeline, without a sidecar) and NAME.gold.json in
the format of bench/damage.py's make_case:
  primary, kinds   damage kinds in bench/damage.py's vocabulary (the table's rows), shape (this layout)
  gold             the clean articles: id, title (None: printed without one), authors, affiliations, paras
  boiler           every line (or inline span) that is not article text, with what it is; bylines carry names
  line_art         per input line, the gold article whose text it holds (None: none), for the merge check
"""

from __future__ import annotations

import json
import os
import sys

import opencc

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

with open(os.path.join(HERE, "articles.json"), encoding="utf-8") as _fh:
    ARTS = {a["id"]: a for a in json.load(_fh)["articles"]}


def conv(text: str, config: str) -> str:
    """OpenCC character conversion (s2t, s2tw, s2hk: character forms only, so the gold is recoverable)."""
    return opencc.OpenCC(config).convert(text)


def heading(p: str) -> bool:
    return p.startswith("# ")


def plain(p: str) -> str:
    return p[2:].strip() if heading(p) else p


def cut(text: str, marker: str) -> tuple[str, str]:
    """Split a paragraph just after `marker` (mid-sentence)."""
    at = text.index(marker) + len(marker)
    return text[:at], text[at:]


def hard_wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Cut every `width` characters, the indent counted, as a PDF text layer or a fixed-width column does."""
    text = indent + text
    return [text[i : i + width] for i in range(0, len(text), width)]


class Page:
    """One raw source being laid out line by line, with its gold."""

    def __init__(self, name: str, shape: str, primary: str, kinds: list[str], ids: list[str]):
        self.name, self.shape, self.primary, self.kinds, self.ids = name, shape, primary, kinds, ids
        self.lines: list[tuple[str, int | None]] = []
        self.boiler: list[dict] = []
        self.gold = [
            {
                "id": i,
                "title": ARTS[i]["title"],
                "authors": list(ARTS[i]["authors"]),
                "affiliations": list(ARTS[i]["affiliations"]),
                "paras": [plain(p) for p in ARTS[i]["paras"]],
            }
            for i in ids
        ]

    def art(self, k: int) -> dict:
        return ARTS[self.ids[k]]

    def paras(self, k: int) -> list[str]:
        return self.art(k)["paras"]

    def body(self, text: str, k: int) -> None:
        self.lines.append((text, k))

    def boil(self, text: str, what: str, names: list[str] | None = None) -> None:
        self.boiler.append(self._entry(text, what, names))
        self.lines.append((text, None))

    def note_boiler(self, text: str, what: str, names: list[str] | None = None) -> None:
        """Boilerplate inside a line of article text (an inline byline): in `boiler` (marked inline), not a
        line of its own."""
        self.boiler.append(dict(self._entry(text, what, names), inline=True))

    @staticmethod
    def _entry(text: str, what: str, names: list[str] | None) -> dict:
        entry = {"text": text, "what": what}
        if names:
            entry["names"] = names
        return entry

    def blank(self) -> None:
        self.lines.append(("", None))

    def write(self, folder: str, encoding: str = "utf-8", crlf: bool = False) -> None:
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


# ---------------------------------------------------------------- the cases


def k01_epaper_jump(out: str) -> None:
    """An e-paper edition copied as text: the front page holds a lead commentary that jumps (下转第4版)
    mid-sentence, a staff report, a 简讯 brief without byline and a signed piece; page 4 follows in the same
    file with its own header, the lead's short title repeated and 上接第1版, then the lead's tail."""
    p = Page(
        "k01-epaper-jump",
        "e-paper front page, four items (one brief without byline), 下转第4版 continued on page 4 of the same file",
        "interleave",
        ["interleave", "headers", "byline", "note", "title"],
        ["b01", "b02", "b04", "b03"],
    )
    a, b, d, c = (p.paras(k) for k in range(4))
    p.boil("江岸日报　JIANGAN DAILY　2025年3月12日　星期三　乙巳年二月十三　第1版　要闻", "header")
    p.boil("今日8版　国内统一连续出版物号 CN 00-0000　邮发代号 00-000", "header")
    p.body(p.art(0)["title"], 0)
    p.boil("□ 岑立言", "byline", ["岑立言"])
    p.body(a[0], 0)
    p.body(a[1], 0)
    head, tail = cut(a[2], "要求本地部门和国有企业把系统迁移过去，")
    p.body(head, 0)
    p.boil("（下转第4版）", "jump")
    p.body(p.art(1)["title"], 1)
    p.boil("本报记者　聂思远", "byline", ["聂思远"])
    for para in b:
        p.body("　　" + para, 1)
    p.boil("简讯", "column")
    p.body(p.art(2)["title"], 2)
    for para in d:
        p.body("　　" + para, 2)
    p.body(p.art(3)["title"], 3)
    p.boil("符晓岚　隋南星", "byline", ["符晓岚", "隋南星"])
    for para in c:
        p.body(para, 3)
    p.boil("（作者单位：宁州科技政策研究所）", "note")
    p.boil("本版责任编辑：阚一苇　　美术编辑：梅小岸　　校对：史方", "promo")
    p.blank()
    p.boil("江岸日报　2025年3月12日　星期三　第4版　要闻·连载", "header")
    p.boil("县域数据中心不宜一哄而上", "jump")  # the lead's title repeated over its continuation
    p.boil("（上接第1版）", "jump")
    p.body(tail, 0)
    p.body(a[3], 0)
    p.body(a[4], 0)
    p.boil("（作者为澄川大学公共管理学院教授）", "note")
    p.boil("第4版责任编辑：阚一苇", "promo")
    p.write(out)


def k02_taiwan_big5(out: str) -> None:
    """A Taiwan news site's page saved as Big5 (cp950): Traditional with Taiwan character forms, 「」 quotes,
    the byline inside the first paragraph as 〔記者名／城市報導〕, menu bar, time stamp, an ad line, related
    news and the share bar."""
    p = Page(
        "k02-taiwan-big5",
        "Taiwan news page in Big5, 〔記者 名／城市報導〕 inside the first paragraph",
        "traditional",
        ["traditional", "byline", "chrome", "promo", "title"],
        ["b05"],
    )
    tw = lambda s: conv(s, "s2tw")  # noqa: E731
    a = p.paras(0)
    p.boil("南嶼新聞網　　即時　政治　社會　生活　國際　財經　娛樂　體育", "chrome")
    p.boil("首頁 ＞ 生活 ＞ 教育", "chrome")
    p.blank()
    p.body(tw(p.art(0)["title"]), 0)
    p.boil("2025/09/03 05:30", "chrome")
    p.boil("字級設定：小 中 大 特", "chrome")
    p.blank()
    byline = "〔記者游芷瑄／南嶼報導〕"
    p.note_boiler(byline, "byline", ["游芷瑄"])
    p.body(byline + tw(a[0]), 0)
    p.blank()
    p.boil("▲南嶼市多所高中試行在課堂使用生成式AI工具。（記者游芷瑄攝）", "caption")
    p.blank()
    for para in a[1:3]:
        p.body(tw(para), 0)
        p.blank()
    p.boil("不用抽獎！加入南嶼新聞網LINE好友，每天免費看新聞", "ad")
    p.blank()
    for para in a[3:]:
        p.body(tw(para), 0)
        p.blank()
    p.boil("☆南嶼新聞網關心您，資料保護從自己做起☆", "promo")
    p.blank()
    p.boil("相關新聞", "chrome")
    p.boil("‧大學入學考試將增加「資訊素養」題組", "chrome")
    p.boil("‧教師研習營登場　教你用AI備課", "chrome")
    p.boil("分享　　Facebook　　LINE　　複製連結", "chrome")
    p.boil("不用抽獎 不用分享 每天都有新鮮事", "ad")
    p.write(out, encoding="cp950")


def k03_interview(out: str) -> None:
    """A weekly magazine's interview column: running head with the issue, 主持人 and 嘉宾 lines, 问/答
    paragraphs, a pull quote repeating a sentence of the text, a page number between two pages, the
    transcript note and the column's editors."""
    p = Page(
        "k03-interview",
        "magazine interview in 问/答 form, 主持人/嘉宾 lines, pull quote, page number",
        "byline",
        ["byline", "note", "headers", "title"],
        ["b06"],
    )
    a = p.paras(0)
    p.boil("思享周刊　2025年第14期　·对话·", "header")
    p.blank()
    p.body(p.art(0)["title"], 0)
    p.blank()
    p.boil("主持人：骆知秋", "byline", ["骆知秋"])
    p.boil("嘉　宾：阎川　栖霞数据治理研究中心主任", "note")
    p.blank()
    for i, para in enumerate(a):
        p.body(para, 0)
        if i == 3:
            p.blank()
            p.boil("“规则清楚了，企业才敢投入。”", "pullquote")
            p.blank()
        if i == 5:
            p.blank()
            p.boil("23", "footer")
            p.boil("思享周刊　2025年第14期", "header")
            p.blank()
    p.blank()
    p.boil("（本文根据访谈录音整理，经受访者审定）", "note")
    p.boil("本栏目策划：骆知秋　　责任编辑：余白", "promo")
    p.write(out)


def k04_journal_pdf(out: str) -> None:
    """A law journal's PDF, text layer cut at 41 characters (indent counted; a cut falls inside 12.5%), a
    byline with names padded to three characters, the affiliation with its postcode, ①②③ markers in the
    text, running head and page number at each page break, and at the end the 注释 list, 收稿日期 and
    作者简介."""
    p = Page(
        "k04-journal-pdf-wrap41",
        "journal PDF, wrap 41 (mid-number), footnote markers and 注释 list at the end",
        "wrap",
        ["wrap", "headers", "byline", "note", "title"],
        ["b07"],
    )
    a = p.paras(0)
    p.boil("泓川法学评论　2025年第2期　　　　　　　　　　　　　　·专题研究·", "header")
    p.blank()
    p.body(p.art(0)["title"], 0)
    p.blank()
    p.boil("戴　屿　郗明哲", "byline", ["戴屿", "郗明哲"])
    p.boil("（泓川大学法学院，泓川　310008）", "note")
    p.blank()
    rows: list[tuple[str, int | None]] = []
    for para in a:
        if heading(para):
            rows.append((plain(para), 0))
        else:
            rows += [(piece, 0) for piece in hard_wrap(para, 41, "　　")]
    page = 37
    for n, (text, k) in enumerate(rows, 1):
        p.body(text, k)
        if n == 7:  # the page ends inside a paragraph, mid-sentence
            p.blank()
            p.boil(f"· {page} ·", "footer")
            p.boil("泓川法学评论　2025年第2期", "header")
            p.blank()
            page += 1
    p.blank()
    p.boil("注释：", "footnote")
    p.boil("① 参见《平台经济发展观察（2025）》，泓川数字经济研究中心编印，第18页。", "footnote")
    p.boil("② 调查样本为2024年营业收入超过1亿元的平台企业，有效问卷120份。", "footnote")
    p.boil("③ 例如，部分地区已按季度发布网络消费投诉“红黑榜”。", "footnote")
    p.blank()
    p.boil("收稿日期：2025-01-06", "note")
    p.boil("作者简介：戴屿，泓川大学法学院副教授；郗明哲，泓川大学法学院博士研究生。", "note")
    p.blank()
    p.boil(f"· {page} ·", "footer")
    p.write(out)


def k05_deck_export(out: str) -> None:
    """A slide deck exported to text: `幻灯片 N` markers, the cover (title, name with institute, date), slide
    titles as headings, ● bullets (one wrapped by its text box), speaker notes `备注：`, a repeated footer
    with the slide number on its own line, a closing slide."""
    p = Page(
        "k05-deck-export",
        "slide deck exported to text: 幻灯片 N, repeated footer, speaker notes",
        "headers",
        ["headers", "title", "byline", "wrap"],
        ["b08"],
    )
    a = p.paras(0)
    foot = "岚山产业发展研究院 | 内部交流材料 请勿外传"
    p.boil("幻灯片 1", "chrome")
    p.body(p.art(0)["title"], 0)
    p.boil("蔺舒窈　岚山产业发展研究院", "byline", ["蔺舒窈"])
    p.boil("2025年4月", "chrome")
    p.blank()
    slides = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10], [11, 12, 13]]
    notes = {0: "备注：此页可补充两个园区的案例，控制在两分钟内。", 2: "备注：风险部分点到为止，不点名具体园区。"}
    for s, idx in enumerate(slides):
        p.boil(f"幻灯片 {s + 2}", "chrome")
        for i in idx:
            if heading(a[i]):
                p.body(plain(a[i]), 0)
            elif i == 6:  # a bullet wrapped by its text box
                first, second = cut(a[i], "依托本地制造业、")
                p.body("● " + first, 0)
                p.body(second, 0)
            else:
                p.body("● " + a[i], 0)
        if s in notes:
            p.boil(notes[s], "note")
        p.boil(foot, "footer")
        p.boil(str(s + 2), "footer")
        p.blank()
    p.boil("幻灯片 6", "chrome")
    p.boil("谢谢聆听　欢迎交流", "chrome")
    p.boil("联系邮箱：lansh-research@example.org", "promo")
    p.boil(foot, "footer")
    p.boil("6", "footer")
    p.gold[0]["affiliations"] = ["岚山产业发展研究院"]
    p.write(out)


def k06_newsletter(out: str) -> None:
    """An e-mail newsletter's plain-text part (CRLF): view-in-browser line, masthead, 本期导读 list, two
    pieces with `文/名` bylines and 阅读全文 links, separator rules, the unsubscribe footer in two
    languages."""
    p = Page(
        "k06-newsletter",
        "e-mail newsletter, plain-text part, 导读 list, 退订/unsubscribe footer, CRLF",
        "chrome",
        ["chrome", "promo", "byline", "title"],
        ["b09", "b10"],
    )
    p.boil("如果邮件无法正常显示，请点击此处在浏览器中查看：https://mail.example.net/v/8f3a2c", "chrome")
    p.blank()
    p.boil("数智周报 | 第37期 | 2025年5月9日", "header")
    p.boil("==============================", "chrome")
    p.boil("本期导读", "toc")
    for k in range(2):
        p.boil(f"{k + 1}. {p.art(k)['title']}", "toc")
    p.boil("==============================", "chrome")
    p.blank()
    names = ["卜清河", "冼若澜"]
    links = ["https://news.example.net/r/2025/0509/01", "https://news.example.net/r/2025/0509/02"]
    for k in range(2):
        p.body(p.art(k)["title"], k)
        p.boil(f"文/{names[k]}", "byline", [names[k]])
        p.blank()
        for para in p.paras(k):
            p.body(para, k)
            p.blank()
        p.boil(f"[阅读全文] {links[k]}", "chrome")
        p.blank()
        p.boil("------------------------------", "chrome")
        p.blank()
    p.boil("您收到这封邮件，是因为您订阅了《数智周报》。转发给朋友：https://mail.example.net/f/8f3a2c", "promo")
    p.boil("不想再收到此类邮件？点击退订：https://mail.example.net/unsubscribe?u=8f3a2c", "chrome")
    p.boil("© 2025 数智周报编辑部　保留所有权利　地址：滨湖市文澜路88号", "chrome")
    p.boil("Unsubscribe | Update your preferences | View in browser", "chrome")
    p.write(out, crlf=True)


def k07_forum_thread(out: str) -> None:
    """A forum thread copied from the browser, saved as GBK: breadcrumbs, view/reply counts, the post with
    [转帖] before its title, 楼主 line, 本帖最后由 … 编辑, a 转自 line naming the author, the signature; then
    replies (沙发, 板凳) of which one quotes the post's first paragraph in full."""
    p = Page(
        "k07-forum-thread",
        "forum repost (GBK): 楼主/回复, a reply quoting the post's first paragraph",
        "chrome",
        ["chrome", "byline", "promo"],
        ["b11"],
    )
    a = p.paras(0)
    p.boil("数码茶馆论坛 > 社会观察 > 别让“智能客服”变成“智障客服”", "chrome")
    p.boil("查看: 3856 | 回复: 27", "chrome")
    p.blank()
    p.body("[转帖] " + p.art(0)["title"], 0)
    p.note_boiler("[转帖]", "chrome")
    p.blank()
    p.boil("楼主　数码老猫　发表于 2025-3-14 09:21 | 只看该作者 | 倒序浏览", "chrome")
    p.blank()
    p.boil("本帖最后由 数码老猫 于 2025-3-14 09:30 编辑", "chrome")
    p.blank()
    p.boil("转自江岸日报评论版　作者：芮一鸣", "byline", ["芮一鸣"])
    p.blank()
    for para in a:
        p.body(para, 0)
        p.blank()
    p.boil("—— 数码老猫：关注本版微信公众号“数码茶馆”，每周精选好文", "promo")
    p.blank()
    p.boil("回复　举报　收藏　分享", "chrome")
    p.blank()
    p.boil("沙发", "chrome")
    p.boil("老周爱喝茶　发表于 2025-3-14 10:02", "chrome")
    p.boil("引用：数码老猫 发表于 2025-3-14 09:21", "quote")
    p.boil(a[0], "quote")  # the reply quotes the post's first paragraph in full: the text twice
    p.boil("深有同感，上周为了退票被机器人折腾了半个小时。", "comment")
    p.blank()
    p.boil("板凳", "chrome")
    p.boil("山那边的云　发表于 2025-3-14 11:47", "chrome")
    p.boil("说白了就是省钱，客服外包出去都嫌贵。", "comment")
    p.boil("—— 来自 数码茶馆 Android 客户端", "chrome")
    p.blank()
    p.boil("回复　举报", "chrome")
    p.write(out, encoding="gbk")


def k08_wechat_refs(out: str) -> None:
    """A WeChat article copy: 点击上方…星标 banner, meta line with the author and account, ▼ and image
    source lines, 参考文献 list, 作者单位, reprint source, rights line, 阅读原文 and the like/在看 bar."""
    p = Page(
        "k08-wechat-refs",
        "WeChat copy with 点击上方/星标, 参考文献 list, 阅读原文",
        "promo",
        ["promo", "chrome", "byline", "note"],
        ["b12"],
    )
    a = p.paras(0)
    p.body(p.art(0)["title"], 0)
    p.blank()
    p.boil("郁栖桐　三农数字观察　2025-04-18 07:30　发表于稷山", "byline", ["郁栖桐"])
    p.blank()
    p.boil("点击上方“三农数字观察”，选择“设为星标”", "promo")
    p.boil("深度好文，第一时间送达！", "promo")
    p.blank()
    for i, para in enumerate(a):
        p.body(para, 0)
        p.blank()
        if i == 0:
            p.boil("▼", "chrome")
            p.boil("（图片来源：稷山农经编辑部）", "caption")
            p.blank()
    p.boil("参考文献：", "references")
    p.boil("[1] 郁栖桐. 数字乡村项目运营机制研究[J]. 稷山农业大学学报, 2024(3): 45-52.", "references")
    p.boil("[2] 稷山农村发展研究组. 县域数字化转型调查报告[R]. 稷山: 稷山农业大学, 2023.", "references")
    p.blank()
    p.boil("作者单位：稷山农业大学经济管理学院", "note")
    p.boil("本文来源：《稷山农经》2025年第2期，原标题有改动", "promo")
    p.boil("版权归原作者所有，如有侵权请联系删除", "promo")
    p.blank()
    p.boil("阅读原文", "chrome")
    p.boil("分享　收藏　12　赞 31　推荐", "chrome")
    p.write(out)


def k09_twice_two_scripts(out: str) -> None:
    """A web article printed twice (the site's 简体 view, then its 繁體 view), each print with the site's
    meta line, editor line and the browser's print footer (URL and page count)."""
    p = Page(
        "k09-twice-two-scripts",
        "page printed twice, second copy Traditional, print footer after each",
        "twice",
        ["twice", "traditional", "byline", "chrome", "headers"],
        ["b13"],
    )
    a = p.paras(0)
    for copy, fn in enumerate([lambda s: s, lambda s: conv(s, "s2t")]):
        p.body(fn(p.art(0)["title"]), 0)
        p.boil(fn("2025-06-03 09:40　来源：海湾经济网　作者：庹牧川"), "byline", ["庹牧川"])
        p.boil(fn("简体版 | 繁体版") if copy == 0 else "簡體版 | 繁體版", "chrome")
        p.blank()
        for para in a:
            p.body(fn(para), 0)
            p.blank()
        p.boil(fn("【责任编辑：冷星】"), "promo")
        p.boil(f"https://www.example.org.cn/pl/2025/0603/c1024.html{'?lang=hant' if copy else ''}　1/1", "footer")
        p.blank()
    p.write(out)


def k10_breadcrumb_html(out: str) -> None:
    """A commentary page copied half-rendered: breadcrumbs, meta line, font-size/print widgets, the body
    still as <p> with &nbsp; indents and &ldquo;&rdquo; entities, subheadings in <strong>, an <img> line,
    上一篇/下一篇 links and 【打印】【关闭】 at the bottom."""
    p = Page(
        "k10-breadcrumb-html",
        "web page half rendered: breadcrumbs, <p>/<strong>/&ldquo;, 上一篇/下一篇",
        "html",
        ["html", "chrome", "byline", "title"],
        ["b14"],
    )
    a = p.paras(0)
    q = lambda s: s.replace("“", "&ldquo;").replace("”", "&rdquo;")  # noqa: E731
    p.boil("首页 > 评论 > 正文", "chrome")
    p.blank()
    p.body(p.art(0)["title"], 0)
    p.boil("2025年07月02日 08:15　来源：晴川网　作者：揭晓棠", "byline", ["揭晓棠"])
    p.boil("【字体：大 中 小】　【打印】　【关闭】", "chrome")
    p.blank()
    for i, para in enumerate(a):
        if heading(para):
            p.body(f"<p><strong>{plain(para)}</strong></p>", 0)
        else:
            p.body(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{q(para)}</p>", 0)
        if i == 0:
            p.boil('<p style="text-align:center"><img src="/img/2025/07/02/a1.jpg" alt="" /></p>', "markup")
    p.blank()
    p.boil("上一篇：数据要素市场建设要“软硬兼施”", "chrome")
    p.boil("下一篇：人工智能伦理审查不能走过场", "chrome")
    p.boil("【打印】　【关闭】　【返回顶部】", "chrome")
    p.write(out)


def k11_column_wrap17(out: str) -> None:
    """A narrow newspaper column copied from the e-paper: every line 17 characters (the `　　` indent
    counted; a cut inside 36.8%), no blank lines, ◎ byline, the page's running head where the column
    continues, 作者单位 at the bottom."""
    p = Page(
        "k11-column-wrap17",
        "newspaper column, wrap 17 with indent, mid-number cut, running head between columns",
        "wrap",
        ["wrap", "headers", "byline", "note"],
        ["b15"],
    )
    p.body(p.art(0)["title"], 0)
    p.boil("◎鞠安澜", "byline", ["鞠安澜"])
    rows = [piece for para in p.paras(0) for piece in hard_wrap(para, 17, "　　")]
    for n, piece in enumerate(rows, 1):
        p.body(piece, 0)
        if n == 21:
            p.boil("2025年10月9日　星期四　　蓟原日报　　理论·评论　7", "header")
    p.boil("（作者单位：蓟原社会科学院）", "note")
    p.write(out)


def _cp1252(text: str) -> str:
    """UTF-8 bytes shown as Windows-1252 (bytes it leaves undefined shown as Latin-1), as a mis-set
    editor or a PHP page shows them."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def _gbk_as_utf8(text: str) -> str:
    """GBK bytes read as UTF-8: nearly every byte lost as U+FFFD (ASCII survives)."""
    return text.encode("gbk").decode("utf-8", errors="replace")


def k12_mojibake(out: str) -> None:
    """A UTF-8 file with a BOM whose text passed through two wrong decodings: one whole sentence shown as
    cp1252 (ä¸­…, recoverable byte for byte) and one clause of GBK bytes read as UTF-8 (U+FFFD runs: its
    text is lost); `作者｜` byline, author note at the bottom."""
    p = Page(
        "k12-mojibake",
        "mojibake: a sentence as cp1252 (ä¸­…), a GBK clause read as UTF-8 (U+FFFD), BOM",
        "gbk",
        ["gbk", "byline", "note"],
        ["b16"],
    )
    a = p.paras(0)
    p.body(p.art(0)["title"], 0)
    p.boil("作者｜宓知行", "byline", ["宓知行"])
    p.blank()
    p.body(a[0], 0)
    p.blank()
    head, rest = cut(a[1], "优势并不明显。")
    sentence, rest = cut(rest, "差别不大；")
    p.body(head + _cp1252(sentence) + rest, 0)
    p.blank()
    head, rest = cut(a[2], "比如离线支付，")
    clause, rest = cut(rest, "地下商场，")
    p.body(head + _gbk_as_utf8(clause) + rest, 0)
    p.blank()
    for para in a[3:]:
        p.body(para, 0)
        p.blank()
    p.boil("（作者系沧浪金融研究院研究员）", "note")
    p.write(out, encoding="utf-8-sig")


def k13_bottom_bylines(out: str) -> None:
    """A lifestyle column of three short pieces, each signed at its end in a different form: （作者：名）,
    文｜名 on a line of its own, 撰文：名　摄影：名 (the photographer is no author); ※ separators."""
    p = Page(
        "k13-bottom-bylines",
        "column of three pieces, bylines at the bottom in three forms, ※ separators",
        "byline",
        ["byline", "title"],
        ["b17", "b18", "b19"],
    )
    p.boil("【数字生活】", "column")
    p.blank()
    ends = [
        [("（作者：覃一禾）", ["覃一禾"])],
        [("文｜苗若初", ["苗若初"])],
        [("撰文：邝野　摄影：韦听澜", ["邝野", "韦听澜"])],
    ]
    for k in range(3):
        p.body(p.art(k)["title"], k)
        p.blank()
        for para in p.paras(k):
            p.body("　　" + para, k)
        for text, names in ends[k]:
            p.boil(text, "byline", names)
        p.blank()
        if k < 2:
            p.boil("※　※　※", "chrome")
            p.blank()
    p.write(out)


def k14_inline_byline_runs(out: str) -> None:
    """Two 本报讯 reports of a city paper's page, the byline inside the first paragraph (本报讯（记者 名
    通讯员 名）…), the second report's first run printed between the first one's paragraphs (cut at a
    paragraph end), a photo caption, the page head repeated at the page break."""
    p = Page(
        "k14-inline-byline-runs",
        "two 本报讯 reports, byline inside the first paragraph, runs interleaved at paragraph ends",
        "interleave",
        ["interleave", "byline", "headers", "title"],
        ["b20", "b21"],
    )
    a, b = p.paras(0), p.paras(1)
    p.boil("江陵晚报　2025年8月6日　星期三　A3　经济新闻", "header")
    p.body(p.art(0)["title"], 0)
    lead_a = "本报讯（记者　沐清　通讯员　查一凡）"
    p.note_boiler(lead_a, "byline", ["沐清", "查一凡"])
    p.body("　　" + lead_a + a[0], 0)
    p.body("　　" + a[1], 0)
    p.body(p.art(1)["title"], 1)
    lead_b = "本报讯（记者闵知夏）"
    p.note_boiler(lead_b, "byline", ["闵知夏"])
    p.body("　　" + lead_b + b[0], 1)
    p.boil("　　图为江陵港集装箱码头的自动化岸桥。本报记者　沐清　摄", "caption")
    p.body("　　" + a[2], 0)
    p.boil("江陵晚报　2025年8月6日　星期三　A3", "header")
    p.body("　　" + b[1], 1)
    p.body("　　" + b[2], 1)
    p.boil("本版编辑：龚小满　　美编：叶舟", "promo")
    p.write(out)


def k15_control(out: str) -> None:
    """The control, no damage: title, `作者：名`, one paragraph per line without blank lines between them;
    legitimate features that look like damage: a poem of four short lines, a numbered list, a paragraph
    ending in a URL without punctuation. It must come out as it is."""
    p = Page(
        "k15-control-poem-list",
        "undamaged control: poem lines, numbered list, a line ending without punctuation",
        "clean",
        ["clean"],
        ["b22"],
    )
    p.body(p.art(0)["title"], 0)
    p.boil("作者：庄未央", "byline", ["庄未央"])
    p.blank()
    for para in p.paras(0):
        p.body(para, 0)
    p.write(out)


def k16_markdown_export(out: str) -> None:
    """A CMS export in Markdown: YAML front matter, `# ` title, a `> 作者：名｜单位` byline, an image line,
    `## ` subheadings, **bold** with leftover <br> and &nbsp;, an <span style> span, the disclaimer in
    italics and a back link."""
    p = Page(
        "k16-markdown-export",
        "Markdown export: front matter, > byline, image links, ## headings, leftover <br>/&nbsp;",
        "html",
        ["html", "title", "byline", "note", "chrome"],
        ["b23"],
    )
    a = p.paras(0)
    for line in ("---", f"title: {p.art(0)['title']}", "author: 晏照川", "date: 2025-05-28"):
        p.boil(line, "markup", ["晏照川"] if line.startswith("author") else None)
    p.boil("tags: [数据合规, 企业出海, 隐私保护]", "markup")
    p.boil("---", "markup")
    p.blank()
    p.body("# " + p.art(0)["title"], 0)
    p.blank()
    p.boil("> 作者：晏照川｜澜沧律师事务所合伙人", "byline", ["晏照川"])
    p.blank()
    p.boil("![](https://img.example.com/2025/05/28/cover.jpg)", "markup")
    p.blank()
    for i, para in enumerate(a):
        if heading(para):
            p.body("## " + plain(para), 0)
        elif i == 0:
            first, second = cut(para, "日益多样。")
            p.body("&nbsp;&nbsp;" + first + "<br>", 0)
            p.body(second.replace("“必修课”", "**“必修课”**"), 0)
        elif i == 4:
            p.body(para.replace("Privacy by Design", '<span style="color:#c00">Privacy by Design</span>'), 0)
        else:
            p.body(para, 0)
        p.blank()
    p.boil("*本文仅代表作者个人观点，不构成法律意见。*", "note")
    p.blank()
    p.boil("[← 返回专栏目录](../index.md)", "chrome")
    p.write(out)


ALL = [
    k01_epaper_jump,
    k02_taiwan_big5,
    k03_interview,
    k04_journal_pdf,
    k05_deck_export,
    k06_newsletter,
    k07_forum_thread,
    k08_wechat_refs,
    k09_twice_two_scripts,
    k10_breadcrumb_html,
    k11_column_wrap17,
    k12_mojibake,
    k13_bottom_bylines,
    k14_inline_byline_runs,
    k15_control,
    k16_markdown_export,
]


def main(argv: list[str] | None = None) -> int:
    """Write every case into the folder given (default bench/heldout2/cases)."""
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else CASES
    for f in ALL:
        f(out)
    print(f"{len(ALL)} cases written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
