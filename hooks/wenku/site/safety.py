"""The one HTML sanitiser: an allow-list (nh3, the Ammonia binding) applied to the rendered HTML of every page.

`findings(html)` cleans the HTML with nh3 and compares what a real HTML parser (html.parser) sees in the
input and in the cleaned output: every element, attribute or style declaration that nh3 dropped is a
finding. The build refuses a page with findings (hooks/site_pages.py) and `wenku check` reports them as
`file:line` (wenku/checks.py), so both use the same rules. The allowed tags and attributes are what our
Markdown extensions produce (attr_list, md_in_html, admonition, tables, toc, pymdownx.details and
superfences); URL attributes may only be http, https, mailto, relative or a fragment, decided after entity
decoding by the parser, as a browser would.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmlmod
import os
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from wenku.site.provenance import page_files

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "nav",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    }
)
GENERIC_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "aria-label"})
ALLOWED_ATTRIBUTES = {
    "*": GENERIC_ATTRIBUTES,
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
STYLE_PROPERTIES = frozenset({"text-align"})  # Markdown tables align columns with style="text-align: …"
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "cite",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "background",
        "srcset",
        "data",
        "codebase",
        "values",
        "to",
        "from",
        "by",
    }
)


@dataclass(frozen=True)
class Finding:
    """One thing the sanitiser does not allow: the message, and a piece of raw text to find its line by."""

    message: str
    needle: str


def clean(html: str) -> str:
    """The HTML with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
        filter_style_properties=set(STYLE_PROPERTIES),
    )


class _Collect(HTMLParser):
    """Every element and attribute as a browser's tokenizer sees them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter = Counter()
        self.attrs: Counter = Counter()
        self.raw: dict[tuple, str] = {}
        self.ids: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        _record(self, tag, attrs, self.get_starttag_text() or "")

    handle_startendtag = handle_starttag

    def updatepos(self, i, j):
        return j  # line numbers are never read here: the base class counts newlines for nothing


def _record(seen, tag: str, attrs: list, text: str) -> None:
    """One start tag (with its attributes and its raw text) into a collector's counts."""
    seen.tags[tag] += 1
    for name, value in attrs:
        if name in ("id", "name") and (value or "").startswith("__"):
            seen.ids.append((value, text))
        key = (tag, name, _norm(name, value))
        seen.attrs[key] += 1
        seen.raw.setdefault(key, text)
        seen.raw.setdefault((tag,), text)
    seen.raw.setdefault((tag,), text)


# One token per '<' of a page: a start tag of a strict shape (a name, then attributes that are a name and an
# optional ="value", separated by ASCII whitespace, then '>' or '/>'), an end tag '</name>', or a bare '<'
# (anything else). For a start tag of this shape html.parser's own tolerant expressions take exactly this
# text and nothing after it (a quoted value is the only thing of theirs that could pass a '>', and here each
# quote opens a value closed within the tag), so the tag reads the same alone as in its page.
_WS = "[ \t\n\r\f]"
_TOKEN = re.compile(
    rf"<(?:/[a-zA-Z][-.a-zA-Z0-9:_]*{_WS}*>"
    rf"|[a-zA-Z][a-zA-Z0-9-]*(?:{_WS}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"]*\")?)*{_WS}*/?>)?"
)


class _Fast:
    """What `_Collect` sees, by a shorter road for the plain HTML that Markdown and nh3 write: each
    different tag text parsed once by `_Collect` itself, then counted as often as it occurs."""

    __slots__ = ("tags", "attrs", "raw", "ids")

    def __init__(self) -> None:
        self.tags: Counter = Counter()
        self.attrs: Counter = Counter()
        self.raw: dict[tuple, str] = {}
        self.ids: list[tuple[str, str]] = []


def _collect_fast(html: str) -> _Fast | None:
    """_Collect's counts of html, or None where the shorter road does not apply (a comment, a declaration,
    a script or style element, a stray '<', a tag of another shape, a reserved id): then the caller parses
    the whole text with `_Collect`, and the result is the same either way, only the time differs."""
    seen = _Fast()
    for text, n in Counter(_TOKEN.findall(html)).items():  # in order of first occurrence
        if text == "<":
            return None
        if text[1] == "/":
            continue  # an end tag: nothing is counted, and nothing is open that it could close
        one = _Collect()
        one.feed(text)
        one.close()
        if sum(one.tags.values()) != 1 or one.ids:
            return None
        (tag,) = one.tags
        if tag in HTMLParser.CDATA_CONTENT_ELEMENTS:
            return None  # its content is not HTML: the parser's own road
        seen.tags[tag] += n
        for key, m in one.attrs.items():
            seen.attrs[key] += m * n
        for key, raw in one.raw.items():
            seen.raw.setdefault(key, raw)
    return seen


def _collect(html: str):
    """Every start tag and attribute of html as html.parser sees them."""
    seen = _collect_fast(html)
    if seen is None:
        seen = _Collect()
        seen.feed(html)
        seen.close()
    return seen


def _norm(name: str, value: str | None) -> str:
    value = value or ""
    if name == "style":
        decls = [d.split(":", 1) for d in value.split(";") if ":" in d]
        return ";".join(f"{k.strip().lower()}:{' '.join(v.split()).lower()}" for k, v in decls)
    return value


def _scheme(value: str) -> str:
    """The scheme a browser would see: entities are decoded already; whitespace and controls removed."""
    compact = re.sub(r"[\x00-\x20\x7f]+", "", value)
    m = re.match(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):", compact)
    return m.group(1).lower() if m else ""


def findings(html: str) -> list[Finding]:
    """What the allow-list removes from this HTML (empty: the HTML is safe as it is)."""
    before, after = _collect(html), _collect(clean(html))
    out: list[Finding] = []
    for tag, n in sorted(before.tags.items()):
        if n > after.tags.get(tag, 0):
            out.append(Finding(f"<{tag}> is not allowed in pages", before.raw.get((tag,), f"<{tag}")))
    for key, n in sorted(before.attrs.items()):
        tag, name, value = key
        if tag not in ALLOWED_TAGS or n <= after.attrs.get(key, 0):
            continue
        raw = before.raw.get(key, name)
        if name.startswith("on"):
            msg = f"event-handler attribute '{name}' is not allowed"
        elif name == "style":
            msg = f"style '{value}' is not allowed (only {', '.join(sorted(STYLE_PROPERTIES))} on table cells)"
        elif name in URL_ATTRIBUTES and name in ALLOWED_ATTRIBUTES.get(tag, ()):
            scheme = _scheme(value) or value[:20]
            msg = (
                f"link to '{scheme}:' is not allowed in {name}= (only http, https, mailto, relative links "
                "and #fragments)"
            )
        else:
            msg = f"attribute '{name}' on <{tag}> is not allowed"
        out.append(Finding(msg, raw))
    for value, raw in before.ids:  # Material finds its parts by these ids (__config: its configuration)
        out.append(Finding(f"id '{value}' is reserved for the theme (ids may not start with '__')", raw))
    if html.count("<!--") > html.count("-->"):
        out.append(Finding("unclosed HTML comment '<!--': it would hide the rest of the page", "<!--"))
    return out


def locate(text: str, finding: Finding) -> int:
    """The line of text (a Markdown source) where a finding most likely comes from; 1 if not found."""
    lines = text.split("\n")
    raw = finding.needle
    candidates = [raw]
    m = re.match(r"<([a-zA-Z][\w:-]*)", raw)
    attr = re.search(r"'([\w:-]+)'", finding.message)
    if attr:
        candidates.append(attr.group(1) + "=")
    if m:
        candidates.append("<" + m.group(1))
    for value in re.findall(r"=\s*\"([^\"]{4,})\"", raw):
        candidates.extend([value, value[-12:]])
    candidates.append(raw[-12:])
    for cand in candidates:
        if not cand:
            continue
        for n, line in enumerate(lines, 1):
            if cand.lower() in line.lower():
                return n
    return 1


def unsafe_value(value) -> bool:
    """True for a front-matter value that is a URL with a scheme other than http, https or mailto."""
    if not isinstance(value, str):
        return False
    scheme = _scheme(htmlmod.unescape(value))
    return bool(scheme) and scheme not in URL_SCHEMES


def origin(root: str, src_uri: str, meta: dict, finding: Finding) -> str:
    """'file:line: message' for a finding on a rendered page, naming the file an editor changes."""
    files = page_files(src_uri, meta, os.path.join(root, "docs"))
    rel = files[-1] if files else src_uri  # a docs page, or the source text (after its sidecar)
    try:
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as fh:
            line = locate(fh.read(), finding)
    except OSError:
        line = 1
    return f"{rel}:{line}: {finding.message}"


# ---------------------------------------------------------------- Content-Security-Policy

CSP_PLACEHOLDER = "'wenku-script-hashes'"  # in overrides/main.html; replaced on every page by its hashes
RE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
RE_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
DATA_TYPES = ("application/json", "application/ld+json")  # data blocks: never executed


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would execute (no src, not a JSON data block)."""
    out = []
    for m in RE_SCRIPT.finditer(html):
        attrs = m.group(1)
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = RE_TYPE.search(attrs)
        if kind and kind.group(1).lower() in DATA_TYPES:
            continue
        out.append(m.group(2))
    return out


def script_hash(text: str) -> str:
    """A CSP source expression for one inline script ('sha256-…')."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def with_csp_hashes(html: str, content: str = "") -> str:
    """The page with the CSP placeholder replaced by the hashes of the inline scripts its templates emit.
    Scripts inside the page's own content (which the sanitiser refuses anyway) are never hashed."""
    if CSP_PLACEHOLDER not in html:
        return html
    template = html
    if content:
        at = html.find(content)
        if at < 0:
            raise ValueError("page content not found in the rendered page: cannot tell template scripts apart")
        template = html[:at] + html[at + len(content) :]
    hashes = sorted({script_hash(s) for s in inline_scripts(template)})
    return html.replace(CSP_PLACEHOLDER, " ".join(hashes), 1)
