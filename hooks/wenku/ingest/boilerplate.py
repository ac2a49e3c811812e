"""Lines that are not article text: footers, ads, contact lines, page labels, closing slides.

Each rule is a small named predicate ``remove_<thing>`` with the reason the report shows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from wenku import DATA_DIR
from wenku.metadata import load_data_file
from wenku.personnames import is_person_name
from wenku.segment import cut
from wenku.textutil import CJK, ends_sentence


@dataclass(frozen=True)
class Rule:
    """A boilerplate rule: a predicate on (line text, is last non-empty line) and its reason."""

    name: str
    test: Callable[[str, bool], bool]
    reason: str


def _short(text: str, limit: int = 60) -> bool:
    return len(text) <= limit


RE_FOOTER = re.compile(
    r"(主办|协办|承办|技术支持|版权所有|ICP备|公网安备|网站标识码|投稿邮箱|联系电话|联系我们|Copyright|©"
    r"|^本(?:网站|站|网)[^。]{0,12}版权|分辨率[^。]{0,6}浏览)",
    re.I,
)
RE_AD = re.compile(
    r"(文库网站|务必收藏|终身可访问|下载全站|扫码关注|长按识别|点击关注|客服微信|微信公众号|公众号[：:]|关注我们)"
)
RE_WECHAT = re.compile(r"微信(号)?\s*[（(：:]?\s*[A-Za-z][\w-]{4,}[）)]?|^[" + CJK + r"]{1,12}微信$")
RE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
RE_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}[-\s]?)?\d{3,4}[-\s]?\d{4}(?!\d)")  # a contact line's telephone number
RE_THANKS = re.compile(
    r"^(?:THANKS?|THANK YOU|谢\s*谢|感谢观看|感谢聆听|谢谢观看|谢谢聆听)[！!。.]?"
    r"(?:[\s\u3000]*(?:欢迎交流|欢迎指正|敬请指正|请批评指正|Q\s*&\s*A)[！!。.]?)?$",
    re.I,
)
RE_IMAGE = re.compile(r"^(\[(图片|图像|image|img|photo)\]|!\[[^\]]*\]\([^)]*\)|<img[^>]*>|（?图片）?)$", re.I)
RE_PAGE_LABEL = re.compile(rf"^[{CJK}]{{2,4}}$")

# Web chrome: the page's own controls and counters, not the article (generic interface words).
UI_WORDS = "打印|关闭|字体|收藏|分享|纠错|返回|顶部|评论|点赞|转发|复制链接|大 ?中 ?小"
RE_UI_BRACKETS = re.compile(r"^(?:\s*[【\[［](?:[^】\]］]{0,14})[】\]］]\s*)+$")
RE_UI_WORD = re.compile(UI_WORDS)
RE_VIEW_COUNT = re.compile(
    r"^[【\[（(]?(?:阅读|浏览|点击|访问|播放)(?:量|数|次数|人数)?\s*[：:]?\s*\d[\d,.]*\s*(?:万|次|人)?\+?[】\]）)]?$"
)
RE_SHARE = re.compile(r"^(?:分享到|分享至|扫一扫在手机(?:上)?打开|用手机扫一扫|手机扫一扫|打印本页|关闭窗口)")
# Interface notices of a copied page: tags, loading and zoom notices, participation counts, reading time.
RE_NOTICE = re.compile(
    r"^(?:(?:标签|Tags?)\s*[：:]|(?:当前位置|您的位置|您现在的位置|所在位置)\s*[：:]|(?:视频|图片|内容)?(?:正在)?加载中|[【\[]?(?:点击查看|点击|查看)(?:原图|大图|图片)"
    r"|[↓↑⬇👇▼\s]{3,}$|^[↓⬇👇▼▽]$|(?:暂无|还没有|目前没有)(?:评论|留言)|[快来]*抢沙发|(?:登录|注册)后(?:才能)?(?:发表|参与)?(?:评论|留言)"
    r"|查看全部\s*\d[\d,.]*\s*万?\s*(?:个|条)\s*(?:回答|评论|回复|留言)$"
    r"|\d[\d,.]*\s*万?\s*(?:人|位用户)\s*(?:赞同|点赞|喜欢|收藏|关注)了?(?:该|这个|此|这篇)?(?:回答|文章|内容|视频|问题)?$"
    r"|\d[\d,.]*\s*万?\s*条(?:评论|回复|留言)$"
    r"|请输入(?:评论|留言)?内容|已有\s*\d+\s*人(?:参与|评论|阅读|收藏|点赞)|(?:本文|全文)(?:共|字数)[^。]{0,16}阅读(?:时间|时长|需要)"
    # a forum post's header and edit notice; a newsletter's display, subscription and unsubscribe lines
    r"|[^。，！？]{0,30}发表于\s*(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}|本帖最后由[^。]{0,30}编辑"
    r"|(?:本|此|这封)邮件(?:由|是)[^。]{0,20}(?:发送|发出)|如(?:不想|不希望|不愿)再(?:收到|接收)"
    # a note app's properties (Created: March 21, 2026 10:40 PM / 创建时间：2026-03-21 22:40)
    # (a page's 更新时间/发布时间 line is left: the structure reads its date)
    r"|(?:Created|Last edited(?: time)?|创建时间|创建于|最后编辑时间)\s*[：:]"
    r"\s*[^。！？]{1,40}$"
    r"|[^。]{0,16}(?:邮件|网页)?无法正常显示|[^。]{0,20}在浏览器中(?:查看|打开|阅读)|[^。]{0,24}(?:点击|点此|这里)?(?:退订|取消订阅)"
    r"|[您你]收到(?:这|此|本)封邮件|(?:因为|由于)?[您你](?:已)?订阅了|(?:Unsubscribe|View (?:it )?in (?:your )?browser|Update your preferences)"
    r"|\[[←→«»<>\s]*(?:返回|回到|上一篇|下一篇|上一页|下一页)[^\]]{0,16}\]\([^)]*\)$)",
    re.I,
)
RE_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|相关阅读|相关新闻|推荐阅读)\s*[：:]")
RE_LABELLED_LINK = re.compile(r"^[【\[]?(?P<label>[^：:\s]{2,8}?)[】\]]?\s*[：:]\s*\S")
MAX_LABELLED_LINK = 60


def labelled_link(text: str) -> bool:
    """Another article's title under a related-reading label on one line (延伸阅读：某某, 【相关链接】：某某)."""
    m = RE_LABELLED_LINK.match(text)
    return bool(m) and len(text) <= MAX_LABELLED_LINK and m.group("label").upper() in RELATED_HEADINGS


RE_PLACE_WORD = re.compile(r"首页|主页|当前位置|您的位置|所在位置|正文|Home", re.I)
RE_CRUMB = re.compile(r"\s[>»＞›]{1,2}\s")  # a breadcrumb's separator, set apart by spaces
RE_BREADCRUMB = re.compile(r"^[^。，；]{1,14}(?:\s*[>»＞›]{1,2}\s*[^。，；>»＞›]{1,16}){2,}$")

# Promotion and rights lines: a call to follow, scan or download, a rights or disclaimer notice, a
# submission or hotline address. Anchored phrases, so a paragraph about WeChat accounts stays.
RE_PROMO = re.compile(
    r"(?:^(?:关注|欢迎关注|点击关注|长按|扫码|扫描|识别)[^。]{0,20}(?:公众号|二维码|客户端|APP|小程序)"
    r"|^(?:扫码|扫描二维码|长按识别|长按二维码)"
    r"|转载请注明|未经(?:授权|许可|同意)[^。]{0,8}(?:转载|使用|复制)|禁止转载|侵权[^。]{0,8}删除|侵删"
    r"|^(?:投稿|来稿)(?:邮箱|信箱|地址|方式)|^(?:客服|服务|咨询|投诉|举报)(?:热线|电话|微信|邮箱)[：:]"
    r"|阅读原文|^(?:免责|版权)声明[：:]|^本文(?:来源|转载|转自)(?:于)?网络|(?:来源|来自|转自|选自)于?(?:网络|互联网)"
    r"|(?:版权|著作权)归[^。，；]{0,10}所有|(?:商业|非商业)?转载请联系[^。，；]{0,10}(?:获得|取得)?(?:授权|许可)?"
    r"|^[（(【\[]?(?:本文|文章|以上|此文)?(?:内容)?仅代表作者(?:本人|个人)?(?:的)?(?:观点|看法|立场)"
    r"|(?:不|并不)(?:代表|表明)本(?:平台|站|网|报|刊|号|公众号|网站)(?:同意其|赞同其)?(?:的)?(?:观点|立场|看法)"
    r"|^(?:原文|本文|文章|来源)(?:链接|地址|网址)\s*[：:]"
    r"|^(?:点击|点|请|欢迎|记得|别忘了|觉得不错|喜欢就|如果喜欢|如果觉得)[^。]{0,16}(?:在看|点赞|点个赞|转发|分享|星标|置顶)"
    r"|^(?:出品|出品方|出品人|联合出品|制作单位)\s*[：:｜|]"
    r"|转发给(?:朋友|好友)|(?:星标|置顶)(?:我们|公众号|本号)|^更多精彩[^。]{0,12}(?:关注|下载|点击)"
    # an appeal to open or download the app to read on (打开某某APP阅读全文，查看更多评论), to go back to the site
    # for more (返回首页，查看更多), and a platform's disclaimer that it only stores what users post
    r"|^(?:打开|下载|前往|去)[^。，！？]{0,12}(?:APP|App|app|客户端)[^。！？]{0,4}(?:阅读|查看|观看|看|评论|全文|领取)"
    r"|^(?:打开|返回|回到)[^。，！？]{1,12}[，,]\s*(?:查看|阅读|看|了解)(?:更多|全文)[^。，！？]{0,6}$"
    r"|仅提供信息(?:存储|发布)(?:空间)?服务)"
)
RE_SEPARATOR = re.compile(r"^[\s\-—–―_=＝~～*＊·•◆◇■□●○★☆※#＃+＋.。…]{3,}$")


def _furniture_words() -> tuple[frozenset[str], ...]:
    """The vocabularies of data/furniture.yml, as frozen sets (interface words, never outlet names)."""
    data = load_data_file(os.path.join(DATA_DIR, "furniture.yml"))
    keys = (
        "widgets",
        "widget_prefixes",
        "widget_suffixes",
        "glyphs",
        "related_headings",
        "comment_headings",
        "ad_labels",
        "end_marks",
        "attachment_labels",
        "file_types",
        "floor_labels",
        "contents_headings",
    )
    return tuple(frozenset(str(w).upper() for w in data[k]) for k in keys)


(
    WIDGETS,
    WIDGET_PREFIXES,
    WIDGET_SUFFIXES,
    GLYPHS,
    RELATED_HEADINGS,
    COMMENT_HEADINGS,
    AD_LABELS,
    END_MARKS,
    ATTACHMENT_LABELS,
    FILE_TYPES,
    FLOOR_LABELS,
    CONTENTS_HEADINGS,
) = _furniture_words()


def _vocabulary(key: str) -> tuple[str, ...]:
    """One list of data/furniture.yml, longest first (for a regular expression's alternation)."""
    data = load_data_file(os.path.join(DATA_DIR, "furniture.yml"))
    return tuple(sorted((str(w) for w in data[key]), key=len, reverse=True))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


COMMENT_LABELS = _vocabulary("comment_labels")
GIVEAWAY_WORDS = _vocabulary("giveaway_words")
FOLLOW_OBJECTS = _vocabulary("follow_objects")
# A viewer's comment under its bracketed label: 【弹幕】昵称：…
RE_LABELLED_COMMENT = re.compile(
    rf"^[【\[［〔]\s*(?:{_alternation(COMMENT_LABELS)})\s*[】\]］〕]\s*[^\s：:，。！？、“”]{{1,16}}\s*[：:]\s*\S"
)
RE_GIVEAWAY = re.compile(_alternation(GIVEAWAY_WORDS), re.I)
# The object closes the appeal's clause (关注直播间，… / 欢迎关注本频道！), where a headline or a sentence about
# following goes on (关注主播的劳动权益).
RE_FOLLOW = re.compile(
    rf"^(?:[^。，！？!?]{{1,8}}[！!]\s*)?(?:欢迎|记得|请|点击)?(?:关注|订阅|加入)[^。]{{0,20}}"
    rf"(?:{_alternation(FOLLOW_OBJECTS)})\s*(?:[，,！!～~。]|$)",
    re.I,
)
DISCLOSURE_LABELS = _vocabulary("disclosure_labels")
_PADDED = "|".join("[\\s\u3000]*".join(re.escape(c) for c in w) for w in DISCLOSURE_LABELS)
RE_DISCLOSURE_LABEL = re.compile(rf"(?:^|[\s\u3000])(?P<label>{_PADDED})[\s\u3000]*[：:]")
RE_NAV_SPLIT = re.compile(r"\s*[|｜]\s*")
MIN_NAV_ITEMS = 4
MAX_NAV_ITEM = 8  # characters of a section name in a site's navigation row


def disclosure_row(text: str) -> bool:
    """A row of a government page's disclosure table: it opens with one of its labels and holds two of them,
    or one padded with spaces to the table's column width (标　　题：…)."""
    found = list(RE_DISCLOSURE_LABEL.finditer(" " + text.strip()))
    if not found or found[0].start() != 0:
        return False
    return len(found) >= 2 or found[0].group("label") != re.sub(r"[\s\u3000]", "", found[0].group("label"))


MAX_SITE_NAME = 30  # characters of a site's name (with its channel: 某某新闻网 - 观点频道)
RE_NAV_SPACES = re.compile(r"[\s\u3000]+")
MIN_SPACED_NAV_ITEMS = 5
MAX_SPACED_NAV_ITEM = 6  # characters of a section name in a row set apart by spaces only


def nav_bar(text: str) -> bool:
    """A site's navigation row: short section names between bars, opening on a widget word (首页 | 政务公开 |
    …), with no sentence punctuation in any item. Set apart by spaces alone (某某网　首页　要闻　区县　评论), the
    row needs more and shorter items, with the home word first or after the site's name."""
    t = text.strip()
    items = RE_NAV_SPLIT.split(t)
    if len(items) < MIN_NAV_ITEMS and not re.search(r"[|｜]", t):
        items = RE_NAV_SPACES.split(t)
        return (
            len(items) >= MIN_SPACED_NAV_ITEMS
            and any(x.upper() in WIDGETS for x in items[:2])
            and all(0 < len(x) <= MAX_SPACED_NAV_ITEM for x in items[1:])
            and len(items[0]) <= MAX_SITE_NAME
            and not re.search(r"[，。；！？、：:“”]", t)
        )
    return (
        len(items) >= MIN_NAV_ITEMS
        and items[0].upper() in WIDGETS
        and all(0 < len(x) <= MAX_NAV_ITEM and not re.search(r"[，。；！？、：]", x) for x in items)
    )


RE_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|《[^《》]*》")


def _giveaway(t: str) -> bool:
    """A giveaway call: a giveaway word outside quotation marks, and the numbers of its terms (点赞满1万，抽10位)."""
    return bool(RE_GIVEAWAY.search(RE_QUOTED.sub("", t)) and re.search(r"\d", t))


RE_FLOOR = re.compile(r"^(?:\d{1,4}\s*(?:楼|#|＃)|[#＃]\s*\d{1,4})$")
ARROWS = "↑↓←→▲▼△▽⬆⬇^∨﹀⌄"  # a widget's arrow glyph (↑顶部, 回到顶部↑, 展开全文 ∨)

# A widget row's tokens: a word with an optional count (赞 286, 赞(12), 阅读 3.2万, 10w+) or a bare count.
RE_WIDGET_TOKEN = re.compile(r"^(?P<word>[^\d（(）)]*?)\s*[（(]?(?P<count>\d[\d,.]*\s*[万千wWkK]?\+?)?[）)]?$")
RE_URL = re.compile(r"(?:https?://|www\.)[!-~]+")  # [阅读全文] https://…: the link a widget word points to
RE_WIDGET_SPLIT = re.compile(r"[\s\u3000|｜/·•:：【】\[\]]+")
# Decoration around a section word (▼ 往期推荐 ▼, —— END ——, 【相关阅读】) and a count after it (全部评论（3）).
DECOR = r"\s\u3000▼▲►▶◀■□●○◆◇★☆※|｜\-—–―_=~～·•:：【】\[\]「」<>《》（）()↓↑"
RE_SECTION_WORD = re.compile(rf"^[{DECOR}]*(?P<word>.+?)[{DECOR}]*(?:[（(]\d+[）)])?[{DECOR}]*$")
RE_ATTACHMENT_FILE = re.compile(
    r"^(?:(?:相关)?附件\s*\d{0,2}\s*[：:.．、]?\s*)?(?:\d{1,2}\s*[.．、]\s*|[（(]\d{1,2}[）)]\s*)?"
    r"(?P<name>[^\s。；]{1,80}?)\.(?P<ext>[A-Za-z0-9]{1,4})$"
)
RE_SENTENCE_END = re.compile(r"[。！？；]")
RE_LIST_LEAD = re.compile(r"^(?:[·•▪▫◦►▶>\-—*＊]\s*|\d{1,2}\s*[.．、]\s*|[①-⑳]\s*)")
RE_COMMENT = re.compile(r"^(?P<handle>[^\s：:，。！？、“”]{1,16})\s*[：:]\s*(?P<text>\S.{0,200})$")
RE_TIMESTAMP = re.compile(
    r"^(?:(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}[-/]\d{1,2}|\d{1,2}\s*(?:分钟|小时|天)前|昨天|前天|刚刚)"
    r"(?:\s*\d{1,2}:\d\d(?::\d\d)?)?(?:\s+\S{1,10})?$"
)


def section_word(text: str) -> str:
    """The word of a section line without its decoration and count, upper-cased (—— END —— -> END)."""
    m = RE_SECTION_WORD.match(text.strip())
    return m.group("word").strip().upper() if m else ""


def _bare_widget(word: str) -> str:
    """A widget word without the verb or object a page adds around it (我要打印 -> 打印, 关闭窗口 -> 关闭)."""
    for pre in WIDGET_PREFIXES:
        if word.startswith(pre) and word[len(pre) :] in WIDGETS:
            return word[len(pre) :]
    for suf in WIDGET_SUFFIXES:
        if word.endswith(suf) and word[: -len(suf)] in WIDGETS:
            return word[: -len(suf)]
    return word


def is_widget_row(text: str) -> bool:
    """A short line made only of interface words and counts (赞 286　在看 41, 分享　收藏　点赞, 字号：T | T)."""
    t = RE_URL.sub(" ", text).strip()
    if not t or len(t) > 40:
        return False
    tokens = [x.strip(ARROWS) for x in RE_WIDGET_SPLIT.split(t) if x.strip(ARROWS)]
    if not tokens:
        return False
    words = 0
    for tok in tokens:
        m = RE_WIDGET_TOKEN.match(tok)
        if not m:
            return False
        word = _bare_widget(m.group("word").strip().upper())
        if word in WIDGETS:
            words += 1 if (len(word) >= 2 or len(tokens) >= 2) else 0
        elif word and word not in GLYPHS:
            return False
    return words > 0


def is_attachment_file(text: str, listed: bool = False) -> bool:
    """A line naming an attached file: 附件：1.管理办法.pdf, 2.政策问答.docx. Without a number or the 附件
    label in front it counts only inside a list (listed), so a sentence ending on a file name stays."""
    t = text.strip()
    m = RE_ATTACHMENT_FILE.match(t)
    if not m or m.group("ext").upper() not in FILE_TYPES or not re.search(rf"[{CJK}A-Za-z]", m.group("name")):
        return False
    return listed or m.start("name") > 0


def is_end_mark(text: str) -> bool:
    """An end mark after the article (— END —, -THE END-, 全文完), nothing else on the line."""
    return len(text.strip()) <= 20 and section_word(text) in END_MARKS


def _title_like(text: str) -> bool:
    """A line that reads as another article's headline in a list: short, no full stop, not a clause."""
    t = RE_LIST_LEAD.sub("", text.strip())
    return (
        2 <= len(t) <= 40
        and "。" not in t
        and not t.endswith(("，", "、", "；", "：", ":"))
        and bool(re.search(f"[{CJK}]", t))
    )


COMMENT_PLACE_LABELS = _vocabulary("comment_place_labels")
MORE_COMMENTS_PREFIXES = _vocabulary("more_comments_prefixes")
# A comment's time row: its time, where it was sent from, and its reply and like buttons.
RE_COMMENT_TIME_ROW = re.compile(
    r"^(?P<time>(?:(?:19|20)\d\d[-./年])?\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d\d(?::\d\d)?)?)"
    rf"(?:\s*(?:{_alternation(COMMENT_PLACE_LABELS)})\s*[^\s　]{{1,12}})?(?P<rest>.*)$"
)
RE_MORE_COMMENTS = re.compile(
    rf"^(?:{_alternation(MORE_COMMENTS_PREFIXES)})\s*\d*\s*条?\s*(?:{_alternation(COMMENT_LABELS)}|回复)\s*[>›»＞]*$"
)


# Under a comment heading: a handle of two words (网友 昵称：…, the site's label and the reader's name).
RE_TWO_WORD_HANDLE = re.compile(r"^[^\s：:，。！？、“”]{1,10}[ \u3000][^\s：:，。！？、“”]{1,12}\s*[：:]\s*\S")


def _comment_time_row(text: str) -> bool:
    m = RE_COMMENT_TIME_ROW.match(text.strip())
    return bool(m) and (not m.group("rest").strip() or is_widget_row(m.group("rest")))


RELEASE_LABELS = frozenset(w.upper() for w in _vocabulary("release_labels"))
RE_LABEL_MARKS = re.compile(r"^[【\[［〔（(]\s*|\s*[】\]］〕）)]$")


def release_label(text: str) -> bool:
    """A press release's label on a line of its own (新闻稿, 即时发布, 【新闻通稿】)."""
    return RE_LABEL_MARKS.sub("", text.strip()).strip().upper() in RELEASE_LABELS


COLOPHON_LABELS = _vocabulary("colophon_labels")
COLOPHON_ENDS = _vocabulary("colophon_ends")
RE_COLOPHON = re.compile(
    rf"^(?:(?:{_alternation(COLOPHON_LABELS)})\s*[：:]\s*\S"
    rf"|.{{0,40}}(?:19|20)\d\d\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*(?:{_alternation(COLOPHON_ENDS)})$)"
)


def colophon_line(text: str) -> bool:
    """A line of an official document's colophon: 抄送：… (offices), or …办公室　2026年3月2日印发."""
    return bool(RE_COLOPHON.match(text.strip()))


DISTRIBUTION_LABELS = _vocabulary("distribution_labels")
OFFICE_SUFFIXES = _vocabulary("office_suffixes")
RE_DISTRIBUTION = re.compile(rf"^(?:{_alternation(DISTRIBUTION_LABELS)})\s*[：:]\s*(?P<list>\S.*)$")
RE_LIST_ITEMS = re.compile(r"[，、,；;\s\u3000]+")
MAX_OFFICE = 24  # characters of one office's name in a distribution list
# A print run's count under an internal document (（共印40份）, 印数：500册).
RE_PRINT_COUNT = re.compile(
    r"^[（(]?\s*(?:共印|印数\s*[：:]?|共)\s*[\d一二三四五六七八九十百千]+\s*(?:份|册|本)\s*[）)]?$"
)


def distribution_line(text: str) -> bool:
    """The distribution list of an internal document or briefing: a label (报：, 送：, 抄送：) and a list of
    names without a sentence, one of them ending in an office's word (市委办公室，市数据局); or the print
    run's count (（共印40份）)."""
    t = text.strip()
    if RE_PRINT_COUNT.match(t):
        return True
    m = RE_DISTRIBUTION.match(t)
    if not m:
        return False
    body = m.group("list").rstrip("。.")
    if re.search(r"[。！？!?“”：:]", body):
        return False
    items = [x for x in RE_LIST_ITEMS.split(body) if x]
    return bool(items) and all(len(x) <= MAX_OFFICE for x in items) and any(x.endswith(OFFICE_SUFFIXES) for x in items)


# A line of links and nothing else (a note app's 相关笔记：[[甲]] · [[乙]], a Markdown list of links): navigation.
RE_LINK = re.compile(r"\[\[[^\[\]\n]{1,80}\]\]|\[[^\[\]\n]{1,80}\]\([^()\s]{1,300}\)")
RE_LINK_LABEL = re.compile(r"^[^：:\[\]]{1,10}[：:]")
RE_LINK_SEPARATORS = re.compile(r"^[\s\u3000·•|｜,，、/;；>»\-—]*$")


def link_list(text: str) -> bool:
    """A line made only of links (wiki links or Markdown links), with a short label before them at most."""
    t = text.strip()
    if not RE_LINK.search(t):
        return False
    return bool(RE_LINK_SEPARATORS.match(RE_LINK.sub(" ", RE_LINK_LABEL.sub("", t))))


# A row of a note's tags (#读书笔记 #数据要素). A Markdown heading has a space after its #, so it never matches;
# one tag alone is left (it may be a heading written without the space), and so is a post's row of topics
# closed by a second # (#城市骑行# #通勤日记#: the structure reads it as the post's kicker).
RE_HASHTAG = re.compile(r"^[#＃][^\s#＃]{1,20}$")


def tag_line(text: str) -> bool:
    tokens = RE_NAV_SPACES.split(text.strip())
    return len(tokens) >= 2 and all(RE_HASHTAG.match(x) for x in tokens)


def site_name(text: str, nxt: str) -> bool:
    """The first line of a page, short and without sentence punctuation, standing right above the site's
    navigation row or breadcrumb (首页 | 政务公开 | … / 首页 > 观点 > 正文): the site's name, not a headline."""
    t, n = text.strip(), nxt.strip()
    if not t or len(t) > MAX_SITE_NAME or re.search(r"[，。；！？、“”]", t):
        return False
    return nav_bar(n) or bool(RE_BREADCRUMB.match(n) and RE_PLACE_WORD.search(n))


ABOUT_HEADS = _vocabulary("about_heads")
RE_ABOUT = re.compile(rf"^(?:{_alternation(ABOUT_HEADS)})\s*(?P<name>[^，。；：！？:,.;!?\s]{{2,30}})$")
MIN_ABOUT_NAME = 6  # characters of the issuer's full name (关于加装电梯 heads a section of the text)
MIN_ABOUT_MENTIONS = 2  # times the text above names the issuer


def about_section(texts: list[str]) -> list[int]:
    """The lines of a press release's "about the company" box after the text: a heading 关于 + a full name that
    the text above has given at least twice, followed by a paragraph that opens with that name (and the lines of that
    paragraph up to the next blank line)."""
    out: list[int] = []
    for i, raw in enumerate(texts):
        m = RE_ABOUT.match(raw.strip())
        if not m or len(m.group("name")) < MIN_ABOUT_NAME:
            continue
        name = m.group("name")
        if sum(t.count(name) for t in texts[:i]) < MIN_ABOUT_MENTIONS:
            continue
        nxt = next((k for k in range(i + 1, len(texts)) if texts[k].strip()), None)
        if nxt is None or not texts[nxt].strip().startswith(name) or len(texts[nxt].strip()) <= len(name) + 10:
            continue
        out.append(i)
        k = nxt
        while k < len(texts) and texts[k].strip():
            out.append(k)
            k += 1
    return out


def _comment_line(text: str) -> bool:
    t = text.strip()
    return bool(
        RE_COMMENT.match(t)
        or RE_TWO_WORD_HANDLE.match(t)
        or RE_TIMESTAMP.match(t)
        or is_widget_row(text)
        or _comment_time_row(t)
        or RE_MORE_COMMENTS.match(t)
    )


FURNITURE_REASONS = {
    "remove_related_list": "list of other articles' titles after the article (推荐/相关 section), not its text",
    "remove_reader_comments": "readers' comments under the article, not its text",
    "remove_ad": "advertisement block (the line labelled as an ad and the lines under it)",
    "remove_attachment_list": "list of attached files (附件), not article text",
    "remove_end_mark": "end mark after the article",
    "remove_page_tail": "short line after the article's end mark (account name, slogan, card), not its text",
    "remove_web_chrome": "web page chrome (widget buttons and counters)",
    "remove_table_of_contents": "table of contents (its items are titles printed below, or carry page numbers)",
    "remove_site_name": "the site's name at the top of the page, above its navigation row or breadcrumb",
    "remove_about_section": "the issuer's description after the text (关于 + a name the text gives, then a paragraph "
    "opening with that name), not the article",
    "remove_breadcrumb": "the page's breadcrumb on its first line (site > section > page), not text",
    "remove_page_head": "a periodical's masthead above the first article (name, issue number, issuer and date, the rule "
    "under it), not text",
    "remove_mail_header": "an e-mail's header lines (sender, recipient, subject, date), not text",
    "remove_forum_quote": "a forum post's quote of an earlier post (its label, the quoted user and words), not the post",
    "remove_signature": "a forum poster's signature (under a rule, above the post's reply buttons), not the post",
    "remove_account_line": "the posting account's name and posting time above its follow button, not text",
}
MAX_AD_LINES = 3


# Lines after an end mark that are still the author's or the article's: a note label, a byline, a credit
# or source line, any labelled line (文字：名, 摄影｜名), a bracketed note (the split and the credit rule
# read those).
RE_TAIL_KEEP = re.compile(
    r"^(?:[（(【\[]|作者|文\s*[/｜|:：]|撰文|执笔|记者|通讯员|本报|来源|编辑|责编|审核|校对|排版|参考|注释|注[：:]|\d"
    r"|[^：:｜|/]{1,6}\s*[：:｜|/])"
)


def _tail_card(text: str, nxt: str) -> bool:
    """After an end mark: a short line without a sentence (an account's name, its slogan) that is not
    followed by a paragraph (a label above prose is the article's)."""
    return (
        len(text) <= 24
        and not RE_SENTENCE_END.search(text)
        and not RE_TAIL_KEEP.match(text)
        and not (len(nxt) > 40 and RE_SENTENCE_END.search(nxt))
    )


# A note's label on a line of its own, the note on the next line (作者简介 ⏎ 名，某某研究员).
RE_NOTE_LABEL = re.compile(r"^[【\[（(]?(?:作者简介|作者介绍|关于作者|作者单位)[】\]）)]?\s*[：:]?$")


def _prose(text: str, before: str) -> bool:
    """A paragraph of an article: a long line with a sentence in it, not a comment, not a note under its
    label (before: the line above). The article after an end mark (a page printed twice) has such lines;
    a WeChat tail has none."""
    t = text.strip()
    if len(t) <= 40 or not RE_SENTENCE_END.search(t) or RE_COMMENT.match(t) or RE_TAIL_KEEP.match(t):
        return False
    return not RE_NOTE_LABEL.match(before.strip())


QUOTE_LABELS = frozenset(w.upper() for w in _vocabulary("quote_labels"))
# A quote's head in its other forms: 以下是引用某某在2026-3-13的发言：, 引用某某的帖子：, 原帖由某某于…发表.
RE_QUOTE_HEAD = re.compile(
    r"^(?:以下是引用.{1,40}的发言|引用.{1,24}的(?:帖子|回复|发言|话)|原帖由.{1,40}发表)\s*[：:]?$"
)
# A post's time line in a news app or on a blog: a date with a time, then a few short items set apart by dots
# (2026-04-07 09:12 · 某地 · 某某号作者).
RE_POST_TIME = re.compile(
    r"^(?:(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}[-/月]\d{1,2}日?)\s*\d{1,2}:\d\d(?::\d\d)?"
    r"(?:\s*[·•|｜]\s*[^\s·•|｜。，！？]{1,12}){0,4}$"
)
MAX_ACCOUNT_NAME = 16
MAIL_LABELS = _vocabulary("mail_header_labels")
MAIL_PARTIES = _vocabulary("mail_party_labels")
RE_MAIL_HEADER = re.compile(rf"^(?:{_alternation(MAIL_LABELS)})\s*[：:]", re.I)
RE_MAIL_PARTY = re.compile(rf"^(?:{_alternation(MAIL_PARTIES)})\s*[：:]", re.I)
# A rule under a masthead: a row of one drawing or dash character.
RE_RULE_LINE = re.compile(r"^(?:━|─|—|=|＝|═|_|-|–|~|～|\*|＊){8,}$")
RE_ISSUE_NUMBER = re.compile(r"第\s*[\d一二三四五六七八九十百]{1,4}\s*期|总\s*第\s*\d+\s*期|\bNo\.\s*\d{1,4}", re.I)
# A masthead's imprint: the issuing office, 编 (编印, 主办 …), a wide gap, the date (某某研究中心编　　　2026年4月15日).
RE_IMPRINT = re.compile(
    r"^\S.{1,30}?[\s\u3000]*(?:编|编印|主编|主办|编辑|编发|印发|出品)[\s\u3000]{2,}"
    r"(?:19|20)\d\d\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?$"
)
MAX_MASTHEAD = 6  # lines above the rule
MAX_MASTHEAD_LINE = 40  # characters (spaces aside)


def masthead(texts: list[str]) -> list[int]:
    """The masthead of a periodical or internal briefing at the top of the source: a few short lines without a
    sentence above the first rule (━━━━), one of them its issue number (第3期, 总第27期): name, issue, issuer and
    date, and the rule itself. The article starts below the rule. Without a rule, the first block (to a blank
    line) is the masthead when it also holds the issuer's imprint (某某中心编　　　2026年3月20日)."""
    nonblank = [i for i, t in enumerate(texts) if t.strip()]
    above: list[int] = []
    rule = None
    for i in nonblank[: MAX_MASTHEAD + 1]:
        if RE_RULE_LINE.match(RE_SPACES.sub("", texts[i])):
            rule = i
            break
        above.append(i)
    if rule is None:  # no rule: the first block (to a blank line), which must then hold the issuer's imprint too
        above = [i for i in above if not any(not t.strip() for t in texts[above[0] : i])] if above else []
        if not above or above[-1] + 1 >= len(texts) or texts[above[-1] + 1].strip():
            return []
        if not any(RE_IMPRINT.match(texts[i].strip()) for i in above):
            return []
    lines = [texts[i].strip() for i in above]
    if not lines or any(
        re.search(r"[。！？；，“”]", t) or len(RE_SPACES.sub("", t)) > MAX_MASTHEAD_LINE for t in lines
    ):
        return []
    if not any(RE_ISSUE_NUMBER.search(t) for t in lines):
        return []
    return above if rule is None else [*above, rule]


def mail_header(texts: list[str]) -> list[int]:
    """The header lines of an e-mail saved as text, at the top of the source: two or more lines in a row, each
    opening with a mail label (发件人：, 主题：, From:), one naming the sender or the recipient."""
    run: list[int] = []
    for i, raw in enumerate(texts):
        t = raw.strip()
        if not t:
            if run:
                break
            continue
        if not RE_MAIL_HEADER.match(t):
            break
        run.append(i)
    return run if len(run) >= 2 and any(RE_MAIL_PARTY.match(texts[i].strip()) for i in run) else []


def _account_lines(texts: list[str], i: int, preceding: dict[int, int], first: int) -> list[int]:
    """Above a follow button (+ 关注): the posting account's time line and name (澜屿财经观察 ⏎ 2026-04-07 09:12 ·
    某地), never the page's first line (the headline)."""
    out: list[int] = []
    k = i
    for _ in range(2):
        k = preceding.get(k, -1)
        if k <= first:
            break
        t = texts[k].strip()
        if RE_POST_TIME.match(t):
            out.append(k)
        elif (
            out
            and len(t) <= MAX_ACCOUNT_NAME
            and not re.search(r"[，。、；：:！？“”《》（）()]", t)
            and not is_person_name(t)
        ):
            out.append(k)  # the account's name above its time line (a person's name there is a byline)
        else:
            break
    return out


RE_NAMED_FOLLOW = re.compile(
    r"^(?P<name>[^\s，。、；：:！？“”《》（）()]{2,16})[\s\u3000]+\+?\s*(?:关注|\+关注|已关注|订阅)$"
)


def _named_follow(text: str) -> bool:
    """An account's name and its follow button on one line (某某观察 + 关注), not a person's name (a byline)."""
    m = RE_NAMED_FOLLOW.match(text.strip())
    return bool(m) and not is_person_name(m.group("name"))


def _signature(texts: list[str], i: int, following: dict[int, int]) -> list[int]:
    """A forum poster's signature: up to three short lines under a rule (----), right above the post's reply
    and report buttons (回复　举报)."""
    lines: list[int] = []
    k = i
    for _ in range(MAX_AD_LINES + 1):
        k = following.get(k)
        if k is None:
            return []
        t = texts[k].strip()
        if is_widget_row(t) and re.search("回复|举报", t):
            return lines if lines else []
        if len(t) > 60:
            return []
        lines.append(k)
    return []


# The quoted user's line under a quote's label (小鹿会计 发表于 2026-3-13 10:22).
RE_QUOTED_BY = re.compile(
    r"发表于\s*(?:19|20)?\d{2}[-./年]\d{1,2}[-./月]\d{1,2}|^\S{1,20}\s*(?:在|于)\s*\S{0,20}(?:写道|说)[：:]?$"
)
MAX_QUOTE_LINES = 3  # lines of quoted words (a sentence wrapped over them), when no blank line closes the quote


def furniture_marks(texts: list[str]) -> dict[int, str]:
    """{index: report kind} for the lines of a source (blank lines included) that are page furniture by
    their place: an end mark, the lines under a section word (往期推荐 + titles, 网友评论 + comments, 广告 +
    its lines, 附件 + file names), a comment standing above its 回复/赞 row. A blank line ends a list or an
    ad; a line that does not fit the section ends it too (and stays). A 延伸阅读 box whose headline runs
    straight into prose is the page's text, not a list: its heading and headline stay."""
    marks: dict[int, str] = {}
    mode: str | None = None
    ad_lines = 0
    quoted = 0  # lines of quoted words read under a quote's label
    ended = False  # an end mark (— END —) was seen: the article is over
    section: list[int] = []  # the heading and unbulleted headlines of the related list being read
    nonblank = [i for i, t in enumerate(texts) if t.strip()]
    following = {a: b for a, b in zip(nonblank, nonblank[1:], strict=False)}
    preceding = {b: a for a, b in following.items()}
    last_prose = max(
        (i for k, i in enumerate(nonblank) if _prose(texts[i], texts[nonblank[k - 1]] if k else "")), default=-1
    )
    for i in masthead(texts):
        marks[i] = "remove_page_head"
    for i in mail_header(texts):
        marks[i] = "remove_mail_header"
    first = nonblank[0] if nonblank else -1
    for i in nonblank:
        t = texts[i].strip()
        if i in marks:
            continue
        if len(t) <= 8 and "关注" in t and is_widget_row(t):
            for k in _account_lines(texts, i, preceding, first):
                marks.setdefault(k, "remove_account_line")
        elif i != first and _named_follow(t):  # 某某观察　+ 关注: the account's name beside its follow button
            marks[i] = "remove_account_line"
            below = following.get(i)
            if below is not None and RE_POST_TIME.match(texts[below].strip()):
                marks[below] = "remove_account_line"
        elif RE_SEPARATOR.match(t):
            found = _signature(texts, i, following)
            for k in [i, *found] if found else []:
                marks.setdefault(k, "remove_signature")
    for i, raw in enumerate(texts):
        t = raw.strip()
        if t and i in marks:
            continue
        if not t:
            if mode == "related" and section and all(k in marks for k in section) and len(section) == 1:
                continue  # a blank line under the list's heading (往期推荐 ⏎⏎ ▶ title): the list is still to come
            if mode != "comments":
                mode = None  # a reply (under its floor label), a list or an ad ends at a blank line
            section = []
            continue
        word = section_word(t) if len(t) <= 24 else ""
        nxt = texts[following[i]].strip() if i in following else ""
        if mode == "reply":
            marks[i] = "remove_reader_comments"
        elif mode == "quote":
            marks[i] = "remove_forum_quote"
            quoted += 0 if RE_QUOTED_BY.search(t) else 1
            if quoted >= MAX_QUOTE_LINES or (quoted and (ends_sentence(t) or t.endswith(("...", "…")))):
                mode = None  # the quoted words end here (a quote shows a sentence or two, cut with …)
        elif word in FLOOR_LABELS or RE_FLOOR.match(t):
            marks[i], mode = "remove_reader_comments", "reply"
        elif word in QUOTE_LABELS or RE_QUOTE_HEAD.match(t):
            marks[i], mode, quoted = "remove_forum_quote", "quote", 0
        elif word in RELATED_HEADINGS:
            marks[i], mode, section = "remove_related_list", "related", [i]
        elif word in COMMENT_HEADINGS:
            marks[i], mode = "remove_reader_comments", "comments"
        elif word in AD_LABELS:
            marks[i], mode, ad_lines = "remove_ad", "ad", 0
        elif is_end_mark(t):
            marks[i], ended = "remove_end_mark", True
        elif is_widget_row(t) and not reads_as_prose(t, texts[preceding[i]] if i in preceding else ""):
            marks[i] = "remove_web_chrome"
        elif is_attachment_file(t, listed=mode == "attachments") or (
            word in ATTACHMENT_LABELS and is_attachment_file(nxt, listed=True)
        ):
            marks[i], mode = "remove_attachment_list", "attachments"
        elif mode == "related" and _title_like(t):
            marks[i] = "remove_related_list"
            if section and not RE_LIST_LEAD.match(t):
                section.append(i)
            else:
                section = []  # a bulleted item: a list for sure
        elif mode == "comments" and _comment_line(t):
            marks[i] = "remove_reader_comments"
        elif mode == "ad" and ad_lines < MAX_AD_LINES and len(t) <= 80 and not ends_sentence(t):
            marks[i] = "remove_ad"
            ad_lines += 1
        elif (
            (RE_COMMENT.match(t) or len(t) <= 60)
            and is_widget_row(nxt)
            and "回复" in nxt
            and not re.search("查看|阅读|浏览|点击", nxt)  # a thread's counts (查看: 4127 | 回复: 36) under its title
        ):
            marks[i] = "remove_reader_comments"
        elif ended and i > last_prose and _tail_card(t, nxt):
            marks[i] = "remove_page_tail"
        else:
            if mode == "related" and len(section) > 1:
                for k in section:
                    marks.pop(k, None)
            mode, section = None, []
    marks = _contents(texts, _keep_referred_sections(texts, marks))
    if len(nonblank) >= 2 and site_name(texts[nonblank[0]], texts[nonblank[1]]):
        marks.setdefault(nonblank[0], "remove_site_name")
    top = texts[nonblank[0]].strip() if nonblank else ""
    if RE_BREADCRUMB.match(top) and len(RE_CRUMB.findall(top)) >= 2 and not RE_PLACE_WORD.search(top):
        # the page's first line: where it sits in the site (with a place word, 首页 > …, the chrome rule's)
        marks.setdefault(nonblank[0], "remove_breadcrumb")
    for i in about_section(texts):
        marks.setdefault(i, "remove_about_section")
    return marks


# A contents line with a dotted leader and a page number: 第一章 总则 ………… 3.
RE_SPACES = re.compile(r"[\s\u3000]+")
RE_LEADER = re.compile(r"(?:[.…·．。•]\s*){4,}\s*\d{1,4}$")
# A short leader (第一章……3, 一、总则…3): contents only where three or more such lines stand together, and
# the entry before it holds no sentence punctuation (a countdown, 倒计时：5、4……3, or speech trailing off is prose).
RE_SHORT_LEADER = re.compile(r"^(?P<entry>[^，。；！？…：:]{2,40}?)\s*(?:…{1,3}|\.{3,})\s*\d{1,4}$")
MIN_SHORT_LEADERS = 3


def _short_leaders(texts: list[str]) -> set[int]:
    """The lines with a short dotted leader and a page number that stand in a run of three or more."""
    hits = [i for i, raw in enumerate(texts) if len(raw.strip()) <= 50 and RE_SHORT_LEADER.match(raw.strip())]
    found: set[int] = set()
    run: list[int] = []
    for i in hits:
        if run and any(texts[k].strip() for k in range(run[-1] + 1, i)):
            run = []  # a non-blank line between: another run
        run.append(i)
        if len(run) >= MIN_SHORT_LEADERS:
            found.update(run)
    return found


def _contents(texts: list[str], marks: dict[int, str]) -> dict[int, str]:
    """A table of contents: its heading (目录, 本期导读) and the run of items under it (to a blank line or a
    non-item), when every item is a title printed again further down or ends in a dotted leader and a page
    number. Lines with a dotted leader and page number count as contents anywhere."""
    short = _short_leaders(texts)
    for i, raw in enumerate(texts):
        t = raw.strip()
        if i in marks or not t:
            continue
        if (RE_LEADER.search(t) and len(t) <= 80) or i in short:
            marks[i] = "remove_table_of_contents"
            continue
        if len(t) > 24 or RE_SPACES.sub("", section_word(t)) not in CONTENTS_HEADINGS:  # 目　　录
            continue
        nxt = next((k for k in range(i + 1, len(texts)) if texts[k].strip()), None)
        if nxt is not None and (
            (RE_LEADER.search(texts[nxt].strip()) and len(texts[nxt].strip()) <= 80) or nxt in short
        ):
            marks[i] = "remove_table_of_contents"  # 目　　录 above lines with dotted leaders
            continue
        items: list[int] = []
        for k in range(i + 1, len(texts)):
            item = texts[k].strip()
            if not item or RE_SEPARATOR.match(item) or not _title_like(item):
                break
            items.append(k)
        later = {x.strip().lstrip("#").strip() for x in texts[(items[-1] + 1 if items else i + 1) :]}
        if items and all(RE_LIST_LEAD.sub("", texts[k].strip()) in later or RE_LEADER.search(texts[k]) for k in items):
            for k in [i, *items]:
                marks[k] = "remove_table_of_contents"
    return marks


# The text pointing to its attachments: 见附件1, 附件2《登记表》, 详见附件.
RE_ATTACHMENT_REF = re.compile(r"附件\s*(?:[0-9０-９一二三四五六七八九十]|[《“])|[见按照据]附件")


def _keep_referred_sections(texts: list[str], marks: dict[int, str]) -> dict[int, str]:
    """A list the author's text refers to or goes on after is part of the text: attachments the body points to
    (见附件1), a reading list followed by a paragraph of the article (not by a copy of text printed above)."""
    marked = [i for i in sorted(marks) if marks[i] == "remove_attachment_list"]
    if marked and any(RE_ATTACHMENT_REF.search(t) for i, t in enumerate(texts) if i not in marks):
        for i in marked:
            del marks[i]
    runs: list[list[int]] = []
    for i in sorted(marks):
        if marks[i] != "remove_related_list":
            continue
        if runs and all(not texts[k].strip() for k in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        after = next((k for k in range(run[-1] + 1, len(texts)) if texts[k].strip()), None)
        if after is None or after in marks:
            continue
        t = texts[after].strip()
        earlier = {x.strip() for x in texts[: run[0]]}
        if ends_sentence(t) and len(own_text(t)) >= MIN_OWN_TEXT and not RE_COMMENT.match(t) and t not in earlier:
            for k in run:
                del marks[k]
    return marks


# The prose guard. A furniture rule reads words (分享到, 投稿邮箱, 版权所有, 下转第5版 ...); an author may write
# the same words in a sentence about them. A line with the evidence of a sentence of its own is not furniture:
# it ends a sentence (or holds several) and says something besides its furniture words, or every furniture
# phrase in it stands in quotation marks at its start (a title or a sentence about the phrase), or it
# continues a sentence that the line before opened with a colon (以下是……的数据： ⏎ 阅读 3.2万 赞 286).
RE_JUMP_WORDS = re.compile(r"[上下]?[转接续]\s*第?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[版页]")
FURNITURE_PATTERNS = (
    RE_FOOTER,
    RE_AD,
    RE_PROMO,
    RE_SHARE,
    RE_NOTICE,
    RE_PREV_NEXT,
    RE_VIEW_COUNT,
    RE_EMAIL,
    RE_WECHAT,
    RE_UI_WORD,
    RE_JUMP_WORDS,
    RE_URL,
    RE_FOLLOW,
    RE_GIVEAWAY,
    re.compile(
        r"(?:因为|由于)?[您你](?:已)?订阅了|[您你]收到(?:这|此|本)封邮件|《[^《》]{1,20}》"
        r"|(?:本|此|这封)邮件(?:由|是)[^。]{0,20}(?:发送|发出)|如(?:不想|不希望|不愿)再(?:收到|接收)[^。，]{0,10}"
        r"|(?:请)?(?:点击|点此|点这里)?(?:退订|取消订阅)"
    ),  # a name in 《》 is not a sentence
)
RE_QUOTED_LEAD = re.compile(r"^(?:“[^“”]{2,30}”|「[^「」]{2,30}」|『[^『』]{2,30}』|《[^《》]{2,30}》)")
RE_NOT_WORD = re.compile(rf"[^{CJK}A-Za-z]")
RE_INNER_END = re.compile(rf"(?:[。！？]|(?<=[{CJK}])[!?])[”’」』）)]*(?=[{CJK}“‘「（])")
MIN_OWN_TEXT = 10  # characters a sentence says besides its furniture words (图片来源于网络 is 7)


def own_text(text: str) -> str:
    """What a line says besides its furniture words: the words left when every furniture phrase is taken out."""
    rest = text
    for rx in FURNITURE_PATTERNS:
        rest = rx.sub(" ", rest)
    return RE_NOT_WORD.sub("", rest)


def _furniture_words_in(text: str) -> bool:
    return any(rx.search(text) for rx in FURNITURE_PATTERNS)


def reads_as_prose(text: str, before: str = "") -> bool:
    """True when a line has the evidence of the author's sentence (see above), so that furniture words in it
    do not make it furniture. before: the non-blank line above, when known."""
    t = text.strip()
    if not t:
        return False
    lead = RE_QUOTED_LEAD.match(t)
    if lead and _furniture_words_in(lead.group(0)) and not _furniture_words_in(t[lead.end() :]):
        return len(RE_NOT_WORD.sub("", t[lead.end() :])) >= 2  # “转载请注明出处”管用吗: about the phrase
    if (ends_sentence(t) or RE_INNER_END.search(t)) and len(own_text(t)) >= MIN_OWN_TEXT:
        return True
    b = before.strip()
    return (
        b.endswith(("：", ":"))
        and len(RE_NOT_WORD.sub("", b)) >= 8
        and not _furniture_words_in(b)
        and not any(rule.test(b, False) for rule in RULES)
    )


def reads_as_clause(text: str) -> bool:
    """A short line that is a clause rather than a name or label: jieba cuts it into three or more words, or
    into a one-character word beside another (天快亮了, 春天来了), where a page label is one or two words (要闻,
    理论周刊, 国际版)."""
    words = cut(text.strip())
    return len(words) > 2 or (len(words) == 2 and min(len(w) for w in words) == 1)


RE_STAT_ITEM = re.compile(r"^(?P<label>[^\s:：|｜]{1,6})\s*[:：]\s*(?P<value>[^\s|｜]{1,20})$")
RE_STAT_SPLIT = re.compile(r"\s*[|｜]\s*|[\s\u3000]{2,}")


def stats_row(text: str) -> bool:
    """A thread's or page's row of labelled counters (楼主: 名 | 查看: 912 | 回复: 8): every item a widget word, a
    colon and a value, two or more of them counts."""
    items = [x for x in RE_STAT_SPLIT.split(text.strip()) if x]
    found = [RE_STAT_ITEM.match(x) for x in items]
    if len(items) < 2 or not all(found):
        return False
    return all(m.group("label").upper() in WIDGETS for m in found) and (
        sum(1 for m in found if re.fullmatch(r"\d[\d,.]*\s*[万千wWkK]?\+?", m.group("value"))) >= 2
    )


def _ui_line(t: str) -> bool:
    return (
        stats_row(t)
        or labelled_link(t)
        or bool(RE_UI_BRACKETS.match(t) and RE_UI_WORD.search(t))
        or bool(RE_SHARE.match(t))
        or bool(RE_VIEW_COUNT.match(t))
        or bool(RE_PREV_NEXT.match(t))
        or bool(RE_BREADCRUMB.match(t) and RE_PLACE_WORD.search(t))
        or is_widget_row(t)
        or bool(RE_NOTICE.match(t))
        or nav_bar(t)
    )


# A slogan framed by one decorative glyph on both sides, two clauses long (☆某某网关心您，资料保护从自己做起☆):
# a site's banner, where a heading between stars is one phrase (★ 核心观点 ★).
RE_FRAMED_SLOGAN = re.compile(r"^([☆★◆◇♦※✦✧❖])\s*[^☆★◆◇♦※✦✧❖。]{2,40}，[^☆★◆◇♦※✦✧❖。]{2,40}\s*\1$")


def _promotion(t: str) -> bool:
    return bool(RE_PROMO.search(t) or RE_FOLLOW.search(t) or _giveaway(t) or RE_FRAMED_SLOGAN.match(t))


# A disclaimer under its label (免责声明：…, 特别声明：以上内容…本平台仅提供信息存储服务。): the label opening the
# line, and what a disclaimer is about (the platform, rights, reprinting, the author's views). Its own sentences
# are no evidence of prose: a disclaimer is written in sentences.
DISCLAIMER_LABELS = _vocabulary("disclaimer_labels")
RE_DISCLAIMER = re.compile(rf"^[【\[（(]?(?:{_alternation(DISCLAIMER_LABELS)})[】\]）)]?\s*[：:]")
RE_DISCLAIMER_TOPIC = re.compile(r"本(?:平台|站|网|号|公众号|刊|报)|版权|著作权|转载|侵权|观点|立场|仅供参考|信息存储")
MAX_DISCLAIMER = 300


SECURITY_MARKS = frozenset(_vocabulary("security_marks"))
RE_MARK_SPLIT = re.compile(r"[\s\u3000·•★☆]+")


def security_mark(text: str) -> bool:
    """A line made only of a document's handling marks (内部资料　注意保存)."""
    tokens = [x for x in RE_MARK_SPLIT.split(text.strip()) if x]
    return bool(tokens) and all(x in SECURITY_MARKS for x in tokens) and len(tokens) <= 4


def disclaimer(text: str) -> bool:
    t = text.strip()
    return len(t) <= MAX_DISCLAIMER and bool(RE_DISCLAIMER.match(t) and RE_DISCLAIMER_TOPIC.search(t))


RULES: list[Rule] = [
    Rule(
        "remove_colophon",
        lambda t, last: _short(t, 160) and colophon_line(t),
        "official document's colophon (copied-to offices, printing office and date)",
    ),
    Rule("remove_disclaimer", lambda t, last: disclaimer(t), "disclaimer under its label (platform, rights, views)"),
    Rule("remove_security_mark", lambda t, last: security_mark(t), "document's handling mark (内部资料, 注意保存)"),
    Rule(
        "remove_distribution_list",
        lambda t, last: _short(t, 160) and distribution_line(t),
        "distribution list of an internal document (报：/送： offices) or its print count",
    ),
    Rule(
        "remove_site_footer",
        lambda t, last: _short(t) and bool(RE_FOOTER.search(t)),
        "site footer (publisher, technical support, submission address)",
    ),
    Rule("remove_ad", lambda t, last: _short(t, 80) and bool(RE_AD.search(t)), "advertisement or subscription appeal"),
    Rule("remove_release_label", lambda t, last: release_label(t), "press release label above the headline"),
    Rule(
        "remove_disclosure_table",
        lambda t, last: _short(t, 120) and disclosure_row(t),
        "row of a government page's disclosure table (索引号, 发布机构, 成文日期, 标题, 文号 ...)",
    ),
    Rule("remove_wechat_id", lambda t, last: _short(t, 40) and bool(RE_WECHAT.search(t)), "WeChat account line"),
    Rule(
        "remove_contact_email",
        lambda t, last: (_short(t, 50) or (_short(t, 90) and bool(RE_PHONE.search(t)))) and bool(RE_EMAIL.search(t)),
        "contact e-mail line",
    ),
    Rule("remove_thanks_slide", lambda t, last: bool(RE_THANKS.match(t.strip())), "closing 'thanks' slide"),
    Rule(
        "remove_image_placeholder",
        lambda t, last: bool(RE_IMAGE.match(t.strip())),
        "image placeholder without the image",
    ),
    Rule(
        "remove_web_chrome",
        lambda t, last: _short(RE_URL.sub("", t), 60) and _ui_line(t.strip()),
        "web page chrome (share, print, font size, view count, breadcrumb, previous/next link)",
    ),
    Rule(
        "remove_promotion",
        lambda t, last: _short(RE_URL.sub("", t), 70) and _promotion(t.strip().strip("*_ ")),
        "promotion or rights line (follow/scan appeal, giveaway, reprint or takedown notice, hotline)",
    ),
    Rule("remove_link_list", lambda t, last: _short(t, 400) and link_list(t), "line of links (navigation), not text"),
    Rule(
        "remove_tag_line", lambda t, last: _short(t, 120) and tag_line(t), "row of hashtags (the note's or post's tags)"
    ),
    Rule(
        "remove_reader_comments",
        lambda t, last: _short(t, 120) and bool(RE_LABELLED_COMMENT.match(t.strip())),
        "a viewer's or reader's comment under its label (【弹幕】名：…), not the text",
    ),
    Rule(
        "remove_page_label",
        lambda t, last: (
            last
            and bool(RE_PAGE_LABEL.match(t.strip()))
            and not is_person_name(t)  # 名: a byline
            and not reads_as_clause(t)
        ),
        "newspaper page label at the foot of the page",
    ),
]


# The rules that read words (and so may meet them in the author's sentence); the others read a line's shape.
PROSE_GUARDED = frozenset(
    {
        "remove_site_footer",
        "remove_ad",
        "remove_wechat_id",
        "remove_contact_email",
        "remove_web_chrome",
        "remove_promotion",
    }
)


def boilerplate_rule(text: str, is_last: bool, before: str = "") -> Rule | None:
    """The first rule that matches a line, or None for article text (or for a line that reads as the
    author's sentence: reads_as_prose; before is the non-blank line above, when known)."""
    for rule in RULES:
        if rule.test(text, is_last):
            return None if rule.name in PROSE_GUARDED and reads_as_prose(text, before) else rule
    return None
