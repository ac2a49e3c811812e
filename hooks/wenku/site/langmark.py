"""Mark Chinese text on English pages with lang="zh-Hans", so that screen readers and font selection
treat it as Chinese (WCAG 3.1.2, language of parts).

English pages hold Chinese in many places: titles of untranslated articles in the generated indexes and
related-article lists, authors' names in brackets, glossary headings, the Chinese original boxes under
translated paragraphs, untranslated article bodies, affiliations without an English version. Rather than
remember every place that prints one, the finished page's body is scanned once: every run of Han text
(with the CJK punctuation, digits and spaces inside it) in a text node that is not already inside an
element with a Chinese lang gets a <span lang="zh-Hans">. Tags, attributes, scripts, styles and SVG are
left as they are.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"
# A run: Han or CJK punctuation at both ends, with digits, spaces and ASCII punctuation allowed inside.
RE_RUN = re.compile(f"[{HAN}{CJK_PUNCT}](?:[{HAN}{CJK_PUNCT}0-9%.,:;()\\-/ \u00d7+]*[{HAN}{CJK_PUNCT}])?")
RE_HAN = re.compile(f"[{HAN}]")
RE_TOKEN = re.compile(r"<!--.*?-->|<(script|style|textarea|svg)\b[^>]*>.*?</\1\s*>|<[^>]*>", re.S | re.I)
RE_START = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)\b([^>]*)>", re.S)
RE_END = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
RE_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _wrap(text: str, tag: str) -> str:
    def one(m: re.Match) -> str:
        run = m.group(0)
        return f'<span lang="{tag}">{run}</span>' if RE_HAN.search(run) else run

    return RE_RUN.sub(one, text)


def mark_chinese(html: str, tag: str = "zh-Hans") -> str:
    """The page with every run of Chinese text in its body, outside Chinese-language elements, wrapped."""
    start = html.find("<body")
    if start < 0 or not RE_HAN.search(html, start):
        return html
    out = [html[:start]]
    stack: list[tuple[str, str | None]] = []
    pos = start
    for m in RE_TOKEN.finditer(html, start):
        text = html[pos : m.start()]
        if text:
            if RE_HAN.search(text):  # the language of the open elements matters only for Han text
                lang = next((lg for _, lg in reversed(stack) if lg is not None), "en")
                out.append(text if lang.lower().startswith("zh") else _wrap(text, tag))
            else:
                out.append(text)
        token = m.group(0)
        out.append(token)
        pos = m.end()
        if m.group(1) or token.startswith("<!"):
            continue
        end = RE_END.match(token)
        if end:
            name = end.group(1).lower()
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
            continue
        st = RE_START.match(token)
        if st and st.group(1).lower() not in VOID and not token.endswith("/>"):
            lm = RE_LANG.search(st.group(2))
            stack.append((st.group(1).lower(), next((g for g in lm.groups() if g is not None), "") if lm else None))
    rest = html[pos:]
    lang = next((lg for _, lg in reversed(stack) if lg is not None), "en")
    out.append(rest if lang.lower().startswith("zh") or not RE_HAN.search(rest) else _wrap(rest, tag))
    return "".join(out)
