"""Lines that are not article text: footers, ads, contact lines, page labels, closing slides.

Each rule is a small named predicate ``remove_<thing>`` with the reason the report shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

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
RE_AD = re.compile(r"(文库网站|务必收藏|终身可访问|下载全站|扫码关注|长按识别|点击关注|客服微信|微信公众号|公众号[：:]|关注我们)")
RE_WECHAT = re.compile(r"微信(号)?\s*[（(：:]?\s*[A-Za-z][\w-]{4,}[）)]?|^[" + CJK + r"]{1,12}微信$")
RE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
RE_THANKS = re.compile(r"^(THANKS?|THANK YOU|谢\s*谢|感谢观看|感谢聆听)[！!。.]?$", re.I)
RE_IMAGE = re.compile(r"^(\[(图片|图像|image|img|photo)\]|!\[[^\]]*\]\([^)]*\)|<img[^>]*>|（?图片）?)$", re.I)
RE_PAGE_LABEL = re.compile(rf"^[{CJK}]{{2,4}}$")


RULES: list[Rule] = [
    Rule("remove_site_footer", lambda t, last: _short(t) and bool(RE_FOOTER.search(t)),
         "site footer (publisher, technical support, submission address)"),
    Rule("remove_ad", lambda t, last: _short(t, 80) and bool(RE_AD.search(t)), "advertisement or subscription appeal"),
    Rule("remove_wechat_id", lambda t, last: _short(t, 40) and bool(RE_WECHAT.search(t)), "WeChat account line"),
    Rule("remove_contact_email", lambda t, last: _short(t, 50) and bool(RE_EMAIL.search(t)), "contact e-mail line"),
    Rule("remove_thanks_slide", lambda t, last: bool(RE_THANKS.match(t.strip())), "closing 'thanks' slide"),
    Rule("remove_image_placeholder", lambda t, last: bool(RE_IMAGE.match(t.strip())), "image placeholder without the image"),
    Rule("remove_page_label", lambda t, last: last and bool(RE_PAGE_LABEL.match(t.strip())),
         "newspaper page label at the foot of the page"),
]


def boilerplate_rule(text: str, is_last: bool) -> Rule | None:
    """The first rule that matches a line, or None for article text."""
    for rule in RULES:
        if rule.test(text, is_last):
            return rule
    return None
