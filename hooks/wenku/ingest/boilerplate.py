"""Lines that are not article text: footers, ads, contact lines, page labels, closing slides.

Each rule is a small named predicate ``remove_<thing>`` with the reason the report shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wenku.structure.names import is_person_name
from wenku.textutil import CJK


@dataclass(frozen=True)
class Rule:
    """A boilerplate rule: a predicate on (line text, is last non-empty line) and its reason."""

    name: str
    test: Callable[[str, bool], bool]
    reason: str


def _short(text: str, limit: int = 60) -> bool:
    return len(text) <= limit


RE_FOOTER = re.compile(r"(主办|协办|承办|技术支持|版权所有|ICP备|投稿邮箱|联系电话|联系我们|Copyright|©)", re.I)
RE_AD = re.compile(
    r"(文库网站|务必收藏|终身可访问|下载全站|扫码关注|长按识别|点击关注|客服微信|微信公众号|公众号[：:]|关注我们)"
)
RE_WECHAT = re.compile(r"微信(号)?\s*[（(：:]?\s*[A-Za-z][\w-]{4,}[）)]?|^[" + CJK + r"]{1,12}微信$")
RE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
RE_THANKS = re.compile(r"^(THANKS?|THANK YOU|谢\s*谢|感谢观看|感谢聆听)[！!。.]?$", re.I)
RE_IMAGE = re.compile(r"^(\[(图片|图像|image|img|photo)\]|!\[[^\]]*\]\([^)]*\)|<img[^>]*>|（?图片）?)$", re.I)
RE_PAGE_LABEL = re.compile(rf"^[{CJK}]{{2,4}}$")

# Web chrome: the page's own controls and counters, not the article (generic interface words).
UI_WORDS = "打印|关闭|字体|收藏|分享|纠错|返回|顶部|评论|点赞|转发|复制链接|大 ?中 ?小"
RE_UI_BRACKETS = re.compile(r"^(?:\s*[【\[［](?:[^】\]］]{0,14})[】\]］]\s*)+$")
RE_UI_WORD = re.compile(UI_WORDS)
RE_VIEW_COUNT = re.compile(
    r"^[【\[（(]?(?:阅读|浏览|点击|访问|播放)(?:量|数|次数|人数)?\s*[：:]?\s*\d[\d,.]*\s*(?:万|次|人)?[】\]）)]?$"
)
RE_SHARE = re.compile(r"^(?:分享到|分享至|扫一扫在手机(?:上)?打开|用手机扫一扫|手机扫一扫|打印本页|关闭窗口)")
RE_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|相关阅读|相关新闻|推荐阅读)\s*[：:]")
RE_PLACE_WORD = re.compile(r"首页|主页|当前位置|您的位置|所在位置|正文|Home", re.I)
RE_BREADCRUMB = re.compile(r"^[^。，；]{1,14}(?:\s*[>»＞›]\s*[^。，；>»＞›]{1,16}){2,}$")

# Promotion and rights lines: a call to follow, scan or download, a rights or disclaimer notice, a
# submission or hotline address. Anchored phrases, so a paragraph about WeChat accounts stays.
RE_PROMO = re.compile(
    r"(?:^(?:关注|欢迎关注|点击关注|长按|扫码|扫描|识别)[^。]{0,20}(?:公众号|二维码|客户端|APP|小程序)"
    r"|^(?:扫码|扫描二维码|长按识别|长按二维码)"
    r"|转载请注明|未经(?:授权|许可|同意)[^。]{0,8}(?:转载|使用|复制)|禁止转载|侵权[^。]{0,8}删除|侵删"
    r"|^(?:投稿|来稿)(?:邮箱|信箱|地址|方式)|^(?:客服|服务|咨询|投诉|举报)(?:热线|电话|微信|邮箱)[：:]"
    r"|阅读原文|^(?:免责|版权)声明[：:]|^本文(?:来源|转载|转自)(?:于)?网络)"
)
RE_SEPARATOR = re.compile(r"^[\s\-—–―_=＝~～*＊·•◆◇■□●○★☆※#＃+＋.。…]{3,}$")


def _ui_line(t: str) -> bool:
    return (
        bool(RE_UI_BRACKETS.match(t) and RE_UI_WORD.search(t))
        or bool(RE_SHARE.match(t))
        or bool(RE_VIEW_COUNT.match(t))
        or bool(RE_PREV_NEXT.match(t))
        or bool(RE_BREADCRUMB.match(t) and RE_PLACE_WORD.search(t))
    )


def is_separator(t: str) -> bool:
    """A rule line between articles (——————, ＊　＊　＊, ◆◆◆). Not removed by the cleaning: it is evidence of
    an article boundary, and the split decides (it reports the line when it drops it)."""
    t = t.strip()
    if len(t) > 40:
        return False
    visible = t.replace(" ", "").replace("\u3000", "")
    return bool(RE_SEPARATOR.match(t)) and len(visible) >= 3 and len(set(visible)) <= 3


RULES: list[Rule] = [
    Rule(
        "remove_site_footer",
        lambda t, last: _short(t) and bool(RE_FOOTER.search(t)),
        "site footer (publisher, technical support, submission address)",
    ),
    Rule("remove_ad", lambda t, last: _short(t, 80) and bool(RE_AD.search(t)), "advertisement or subscription appeal"),
    Rule("remove_wechat_id", lambda t, last: _short(t, 40) and bool(RE_WECHAT.search(t)), "WeChat account line"),
    Rule("remove_contact_email", lambda t, last: _short(t, 50) and bool(RE_EMAIL.search(t)), "contact e-mail line"),
    Rule("remove_thanks_slide", lambda t, last: bool(RE_THANKS.match(t.strip())), "closing 'thanks' slide"),
    Rule(
        "remove_image_placeholder",
        lambda t, last: bool(RE_IMAGE.match(t.strip())),
        "image placeholder without the image",
    ),
    Rule(
        "remove_web_chrome",
        lambda t, last: _short(t, 60) and _ui_line(t.strip()),
        "web page chrome (share, print, font size, view count, breadcrumb, previous/next link)",
    ),
    Rule(
        "remove_promotion",
        lambda t, last: _short(t, 70) and bool(RE_PROMO.search(t.strip())),
        "promotion or rights line (follow/scan appeal, reprint or takedown notice, hotline)",
    ),
    Rule(
        "remove_page_label",
        lambda t, last: last and bool(RE_PAGE_LABEL.match(t.strip())) and not is_person_name(t),  # 名: a byline
        "newspaper page label at the foot of the page",
    ),
]


def boilerplate_rule(text: str, is_last: bool) -> Rule | None:
    """The first rule that matches a line, or None for article text."""
    for rule in RULES:
        if rule.test(text, is_last):
            return rule
    return None
