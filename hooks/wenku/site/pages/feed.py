"""The RSS feed of each edition."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import format_datetime
from xml.sax.saxutils import escape as xml

from wenku.enrich.convert import to_traditional
from wenku.model import Article
from wenku.site.editions import TRADITIONAL, edition_base, label
from wenku.site.pages.common import article_title
from wenku.textutil import shorten

FEED_LANGUAGES = {"zh": "zh-Hans", "en": "en", TRADITIONAL: "zh-Hant"}


def first_paragraph(art: Article, limit: int = 200) -> str:
    """The article's first paragraph of running text (its lede if it has one), shortened."""
    for b in art.blocks:
        if b.kind in ("deck", "p") and b.text.strip():
            return shorten(b.text.strip(), limit)
    return ""


def feed_date(art: Article, added: dict[str, str] | None = None) -> str | None:
    """RFC 822 pubDate: the article's date, a partial date taken as its first day (2023-08 -> 1 Aug 2023);
    an undated article's the day its source came to the site (first commit); None if neither is known."""
    value = art.date or (added or {}).get(art.slug)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value or ""))
    if not m:
        return None
    try:
        day = dt.datetime(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1), tzinfo=dt.UTC)
    except ValueError:
        return None
    return format_datetime(day)


def rss_feed(arts: list[Article], lang: str, site_url: str, added: dict[str, str] | None = None) -> str:
    """RSS 2.0 feed of the 20 newest articles of an edition (zh, en, zh-Hant): absolute links into that
    edition, a pubDate and a description on every item, atom:link to itself, no build date.

    added: slug -> 'YYYY-MM-DD' the article came to the site, the pubDate of an undated article."""
    text_lang = "en" if lang == "en" else "zh"
    script = to_traditional if lang == TRADITIONAL else (lambda t: t)
    base = edition_base(site_url, lang)
    title = script(label("site_title", text_lang))
    items = []
    for a in arts[:20]:
        link = f"{base}/articles/{a.slug}/"
        desc = (a.summary_en if lang == "en" else a.summary) or first_paragraph(a)
        date = feed_date(a, added)
        items.append(
            f"    <item>\n      <title>{xml(script(article_title(a, text_lang)))}</title>\n"
            f'      <link>{xml(link)}</link>\n      <guid isPermaLink="true">{xml(link)}</guid>\n'
            + (f"      <pubDate>{date}</pubDate>\n" if date else "")
            + (f"      <description>{xml(script(desc))}</description>\n" if desc else "")
            + "".join(f"      <category>{xml(t)}</category>\n" for t in a.topics)
            + "    </item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n  <channel>\n'
        f"    <title>{xml(title)}</title>\n    <link>{xml(base + '/')}</link>\n"
        f"    <description>{xml(script(label('feed_description', text_lang)))}</description>\n"
        f"    <language>{FEED_LANGUAGES[lang]}</language>\n"
        f'    <atom:link href="{xml(base + "/feed.xml")}" rel="self" type="application/rss+xml"/>\n'
        + "\n".join(items)
        + "\n  </channel>\n</rss>\n"
    )
