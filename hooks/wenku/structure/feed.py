"""An RSS or Atom feed saved as text: one article per ``<item>`` / ``<entry>``.

Recognised from the XML's own shape, before the cleaning strips tags: the text opens with an XML
declaration or a feed root element (``<rss>``, ``<feed>``, ``<rdf:RDF>``) and holds at least one item or
entry element with a title child. The feed is read with the standard library's expat parser (the parser
under ``xml.etree``) with every DTD refused, so nothing in the input can define or expand an entity; a
feed the parser refuses (malformed XML, a DOCTYPE) is read again by its element shape, line by line.

What the reading gives the rest of the pipeline (``read_feed``):

- a *masked* copy of the text with the same line numbers, where only the items' content (``<description>``,
  ``<content:encoded>``, Atom ``<content>``/``<summary>``) is left, CDATA markers taken off and escaped
  HTML undone once: the ordinary cleaning then repairs it (``<p>`` tags, entities, mojibake, wraps);
- one report entry for every other line: the feed's markup (removed) and each item's title, author, date
  and link (removed from the text, kept as the article's fields);
- the items with their fields and line spans, for ``split_feed``.
"""

from __future__ import annotations

import html
import re
import xml.parsers.expat
from dataclasses import dataclass, field

from wenku.ingest.clean import clean_lines
from wenku.model import Article, Block, Change, Line
from wenku.script import traditional_share

# The first element of a feed, at the top of the text (after an optional XML declaration and comments).
RE_FEED_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
ITEM_TAGS = ("item", "entry")
TITLE_TAGS = ("title",)
AUTHOR_TAGS = ("author", "creator", "name")  # RSS <author>, Dublin Core <dc:creator>, Atom <author><name>
DATE_TAGS = ("pubDate", "date", "published", "updated", "issued")
LINK_TAGS = ("link", "guid", "id")
CONTENT_TAGS = ("encoded", "content", "description", "summary")  # content:encoded before description
RE_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")  # RSS <author>: mail (Name)
RE_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
# HTML escaped twice (a feed writer escaping already escaped text): after the parser's one decoding the
# item's text still shows escaped tags or entities (&lt;p&gt;, &quot;).
RE_STILL_ESCAPED = re.compile(r"&lt;/?[a-zA-Z][^&]{0,40}?&gt;|&(?:quot|amp|lt|gt|nbsp|#\d{2,5});")


@dataclass
class FeedItem:
    """One ``<item>``/``<entry>``: its fields and where its lines are in the source."""

    start: int  # line of the opening tag
    end: int = 0  # line of the closing tag
    fields: dict[str, str] = field(default_factory=dict)  # title, author, date, link
    content: dict[str, dict[int, str]] = field(default_factory=dict)  # content tag -> {line: text}

    def body(self) -> dict[int, str]:
        """The richest content element's text per line (content:encoded over description)."""
        for tag in CONTENT_TAGS:
            text = self.content.get(tag)
            if text and "".join(text.values()).strip():
                return text
        return {}


@dataclass
class Feed:
    """A feed read from a text: the masked text for the cleaning, the report of what was taken out, the
    items and the channel's own title."""

    text: str
    report: list[Change]
    items: list[FeedItem]
    channel: str = ""
    how: str = "xml"  # 'xml' (parsed), 'shape' (read by element shape after the parser refused it), 'table'
    compact: bool = False  # items share lines: split_feed cleans each item's text itself
    what: str = ""  # the evidence, when the items were read from something other than a feed (a table export)


def looks_like_feed(text: str) -> bool:
    """The text opens like a feed and holds an item or entry element."""
    return bool(RE_FEED_ROOT.match(text[:2000])) and bool(re.search(r"<(?:item|entry)\b[^>]*>", text))


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


class _Refused(Exception):
    """The input declares a DTD or an entity: not read as XML."""


def _parse(text: str) -> tuple[list[FeedItem], str]:
    """Items and the channel title, read with expat (no DTD, no entity declarations, no external entities)."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_args) -> None:
        raise _Refused("a DTD or entity declaration")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    items: list[FeedItem] = []
    stack: list[str] = []
    channel: list[str] = []
    item: FeedItem | None = None
    cursor = {"tag": "", "buf": {}}  # the item's leaf element being read, and its text per line
    attrs_link: dict[str, str] = {}

    def start(name: str, attrs: dict) -> None:
        nonlocal item
        local = _local(name)
        stack.append(local)
        if local in ITEM_TAGS and item is None:
            item = FeedItem(parser.CurrentLineNumber)
            return
        if item is not None:
            if local == "link" and attrs.get("href") and "link" not in item.fields:
                if attrs.get("rel", "alternate") == "alternate":
                    attrs_link["href"] = attrs["href"]
            cursor["tag"], cursor["buf"] = local, {}

    def chars(data: str) -> None:
        line = parser.CurrentLineNumber
        if item is None:
            if stack and stack[-1] == "title" and len(stack) <= 3:
                channel.append(data)
            return
        buf = cursor["buf"]
        pieces = data.split("\n")
        for k, piece in enumerate(pieces):
            buf[line + k] = buf.get(line + k, "") + piece

    def end(name: str) -> None:
        nonlocal item
        local = _local(name)
        if stack:
            stack.pop()
        if item is None:
            return
        if local in ITEM_TAGS and local not in stack:
            item.end = parser.CurrentLineNumber
            if attrs_link.get("href"):
                item.fields.setdefault("link", attrs_link.pop("href"))
            items.append(item)
            item = None
            return
        buf, cursor["buf"] = cursor["buf"], {}
        text = "".join(buf.values()).strip()
        if local in CONTENT_TAGS and local not in item.content:
            item.content[local] = buf
        elif not text:
            return
        elif local in TITLE_TAGS and len(stack) >= 1 and stack[-1] in ITEM_TAGS:
            item.fields.setdefault("title", text)
        elif local in AUTHOR_TAGS:
            m = RE_EMAIL_NAME.match(text)
            item.fields.setdefault("author", m.group("name").strip() if m else text)
        elif local in DATE_TAGS:
            item.fields.setdefault("date", text)
        elif local in LINK_TAGS and re.match(r"^https?://\S+$", text):
            item.fields.setdefault("link", text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.Parse(text, True)
    return items, "".join(channel).strip()


RE_OPEN = re.compile(r"<(?P<name>[A-Za-z][\w:.-]*)(?P<attrs>[^<>]*?)(?P<empty>/?)>")
RE_CLOSE = re.compile(r"</(?P<name>[A-Za-z][\w:.-]*)\s*>")


def _by_shape(text: str) -> tuple[list[FeedItem], str]:
    """Items read by element shape when the parser refused the text: an item runs from its opening line to
    its closing line; a field is a ``<tag>text</tag>`` on one line; content runs from its opening tag to its
    closing tag (CDATA markers taken off)."""
    items: list[FeedItem] = []
    item: FeedItem | None = None
    channel = ""
    content_tag = ""
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if item is None:
            m = re.search(r"<(item|entry)\b[^>]*>", line)
            if m:
                item = FeedItem(number)
                line = line[m.end() :]
            else:
                t = re.search(r"<title\b[^>]*>(.*?)</title>", line)
                if t and not channel:
                    channel = RE_CDATA.sub("", t.group(1)).strip()
                continue
        if content_tag:
            close = re.search(rf"</(?:\w+:)?{content_tag}\s*>", line)
            part = line[: close.start()] if close else line
            item.content[content_tag][number] = RE_CDATA.sub("", part)
            if close:
                content_tag = ""
            continue
        again = re.search(r"<(item|entry)\b[^>]*>", line)
        if again:  # a new item before this one was closed (a broken closing tag): this one ends above
            item.end = number - 1
            items.append(item)
            item = FeedItem(number)
            continue
        opened = RE_OPEN.search(line)
        if opened and _local(opened.group("name")) in CONTENT_TAGS and not opened.group("empty"):
            tag = _local(opened.group("name"))
            rest = line[opened.end() :]
            close = re.search(rf"</(?:\w+:)?{tag}\s*>", rest)
            item.content.setdefault(tag, {})[number] = RE_CDATA.sub("", rest[: close.start()] if close else rest)
            content_tag = "" if close else tag
            continue
        if re.search(r"</(?:item|entry)\s*>", line):
            item.end = number
            items.append(item)
            item = None
            continue
        f = re.match(r"^<(?P<name>[\w:.-]+)[^<>]*>(?P<text>.*)</(?P=name)>$", line)
        if f:
            local, value = _local(f.group("name")), RE_CDATA.sub("", f.group("text")).strip()
            value = re.sub(r"<[^<>]+>", " ", value).strip()
            key = (
                "title"
                if local in TITLE_TAGS
                else "author"
                if local in AUTHOR_TAGS
                else "date"
                if local in DATE_TAGS
                else "link"
                if local in LINK_TAGS
                else ""
            )
            if key and value:
                item.fields.setdefault(key, value)
    if item is not None and item.content:  # the last item was never closed: it runs to the end
        item.end = len(text.split("\n"))
        items.append(item)
    for it in items:  # escaped HTML in a description (&lt;p&gt;) as the parser would have undone it
        for body in it.content.values():
            for n, t in body.items():
                body[n] = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    return items, channel


def read_feed(text: str) -> Feed | None:
    """The feed in a text, or None when the text is not one (see the module's docstring)."""
    if not looks_like_feed(text):
        return None
    how = "xml"
    try:
        items, channel = _parse(text)
    except (xml.parsers.expat.ExpatError, _Refused, ValueError):
        items, channel, how = *_by_shape(text), "shape"
    items = [it for it in items if it.fields.get("title") or it.body()]
    if not items:
        return None
    for it in items:  # escaped twice: undone once more here, the cleaning undoes the rest
        for tag, per_line in it.content.items():
            if RE_STILL_ESCAPED.search("".join(per_line.values())):
                it.content[tag] = {n: html.unescape(t) for n, t in per_line.items()}
    raw = text.split("\n")
    masked = [""] * len(raw)
    kept: dict[int, str] = {}
    owner: dict[int, int] = {}
    compact = False  # two items' text on one line (a feed saved without line breaks)
    for k, it in enumerate(items):
        for n, t in it.body().items():
            if 1 <= n <= len(raw) and t.strip():
                compact = compact or owner.setdefault(n, k) != k
                kept[n] = (kept.get(n, "") + RE_CDATA.sub("", t)).rstrip()
    if compact:  # each item is cleaned on its own by split_feed, at its own line numbers
        kept = {}
    for n, t in kept.items():
        masked[n - 1] = t
    fields_at = {}
    for it in items:
        for n in range(it.start, (it.end or it.start) + 1):
            src = raw[n - 1] if n <= len(raw) else ""
            for key, value in it.fields.items():
                if value and value in src.replace("<![CDATA[", "").replace("]]>", ""):
                    fields_at.setdefault(n, key)
    report: list[Change] = []
    for n, src in enumerate(raw, 1):
        if not src.strip() or masked[n - 1].strip() == src.strip():
            continue
        key = fields_at.get(n)
        if compact and n in owner:
            report.append(
                Change(
                    "remove_feed_markup",
                    n,
                    src,
                    "",
                    "feed markup on a line shared by several items; their fields and text are taken item by item",
                )
            )
        elif key:
            report.append(Change("feed_field", n, src, "", f"the feed item's {key}: kept as the article's {key}"))
        elif masked[n - 1].strip():
            report.append(
                Change("remove_feed_markup", n, src, masked[n - 1], "feed markup around the item's text (XML tags)")
            )
        elif channel and channel in src:
            report.append(Change("feed_field", n, src, "", "the feed's own title: kept as the publication"))
        else:
            report.append(Change("remove_feed_markup", n, src, "", "feed markup (XML declaration, elements, CDATA)"))
    for it in items:  # a field escaped twice (the lines above matched it as written in the source)
        it.fields = {k: html.unescape(v) if RE_STILL_ESCAPED.search(v) else v for k, v in it.fields.items()}
    return Feed("\n".join(masked), report, items, channel, how, compact)


def split_feed(lines: list[Line], feed: Feed) -> tuple[list[Article], list[Change], dict]:
    """One article per feed item: the cleaned lines inside the item's span are its paragraphs."""
    articles: list[Article] = []
    report: list[Change] = []
    for it in feed.items:
        end = it.end or it.start
        if feed.compact:
            body, cleaning = _clean_item(it)
            report.extend(cleaning)
        else:
            body = [ln for ln in lines if it.start <= ln.number <= end and ln.text.strip()]
        art = Article(
            source="",
            title=it.fields.get("title"),
            authors=[a for a in re.split(r"\s*[,，、;；]\s*", it.fields.get("author", "")) if a],
            publication=feed.channel or None,
            date=_feed_date(it.fields.get("date", "")),
            blocks=[Block("p", ln.text.strip(), [ln.number]) for ln in body],
            line_span=(it.start, end),
        )
        art.title_from = "feed item"  # the item's link stays in the report (feed_field): Article has no URL
        articles.append(art)
        if feed.how == "table":
            art.title_from = "table row"
            entry = ("split_table_row", f"table row (lines {it.start}-{end}): one article, with the row's fields")
        else:
            entry = (
                "split_feed_item",
                f"feed item (lines {it.start}-{end}): one article, with the item's title, author and date",
            )
        report.append(Change(entry[0], it.start, "", art.title or "", entry[1]))
    return articles, report, {}


def _clean_item(item: FeedItem) -> tuple[list[Line], list[Change]]:
    """A compact feed's item: its text cleaned on its own (tags, entities, mojibake), each line and report
    entry numbered with the source line it came from."""
    numbers = sorted(n for n, t in item.body().items() if t.strip())
    text = "\n".join(RE_CDATA.sub("", item.body()[n]) for n in numbers)
    skip = frozenset() if traditional_share(text) > 0.05 else frozenset({"fix_traditional_to_simplified"})
    cleaned, report, _meta = clean_lines(text, skip)
    where = dict(enumerate(numbers, 1))
    out = [Line(where.get(ln.number, item.start), ln.text) for ln in cleaned if ln.text.strip()]
    for c in report:
        c.line = where.get(c.line, item.start) if c.line is not None else None
    return out, report


MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


def _feed_date(value: str) -> str | None:
    """An RSS date (Tue, 24 Mar 2026 09:30:00 +0800) or an ISO date, as YYYY-MM-DD."""
    m = re.search(r"\b(\d{1,2})\s+([A-Z][a-z]{2})\s+(\d{4})\b", value)
    if m and m.group(2) in MONTHS:
        return f"{m.group(3)}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    m = re.search(r"\b(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})", value)  # 2026-04-02, 2026/4/2, 2026年4月2日
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else (value.strip() or None)
