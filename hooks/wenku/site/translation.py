"""The translation desk: English translation files (docs/articles/<slug>.en.md) and their checks.

A translation file pairs English with the Chinese it renders: the English of one Chinese block (paragraph,
heading, list, box) is followed by a `??? quote "中文原文"` box holding that block's Chinese. `skeleton()`
writes such a file for an article (an unmistakable placeholder where English is still to be written);
`check_translation()` reports placeholders left, an outdated fingerprint, Chinese without English, numbers
of the Chinese missing from the English, and glossary terms rendered other than the glossary says.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import os
import re
import sys
import unicodedata

import yaml

from wenku import editorial
from wenku.corpus import load_corpus, sidecar_line
from wenku.metadata import RE_FRONT, Problem, load_yaml_with_lines, read_yaml_file
from wenku.model import Article, Block
from wenku.site.editions import label
from wenku.site.pages.common import chinese_hash
from wenku.site.render import dump_front_matter, escape, escape_heading, render_blocks

PLACEHOLDER = "%%TRANSLATE%%"
"""Marks English still to be written: `wenku check` and the build refuse a page that holds it."""
BOX_HEAD = '??? quote "中文原文"'
RE_BOX_HEAD = re.compile(r'^\?\?\?\+?\s+quote\s+"中文原文"\s*$')
NOTE = (
    "Translated from the Chinese by the site's editors. Under each paragraph, “中文原文” opens the Chinese "
    "original of that paragraph.\n{: .wenku-translation-note }"
)
# Blocks that carry text a reader needs in English; speaker lines are names and roles (header-like).
TRANSLATED_KINDS = {"p", "h2", "h3", "list", "box", "deck", "note", "table", "figure"}


# ---------------------------------------------------------------------------------------------------------
# Reading a translation file


@dataclasses.dataclass
class Pair:
    """One Chinese box of a translation file and the English written above it."""

    chinese: str  # the box's text, de-indented
    english: str  # the Markdown between the previous box (or the body's start) and this box
    line: int  # 1-based line of the `??? quote` head
    english_line: int  # 1-based line where the English starts (the box line when there is none)


@dataclasses.dataclass
class TranslationFile:
    """A parsed translation file."""

    meta: dict
    pairs: list[Pair]
    tail: str  # English after the last box (text without a Chinese box)
    lines: list[str]


def parse(text: str) -> TranslationFile:
    """Front matter, and the (English, Chinese box) pairs of a translation file's body."""
    meta: dict = {}
    body_start = 0
    m = RE_FRONT.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            loaded = None
        meta = loaded if isinstance(loaded, dict) else {}
        body_start = text[: m.end()].count("\n")
    lines = text.split("\n")
    pairs: list[Pair] = []
    english: list[tuple[int, str]] = []
    i = body_start
    while i < len(lines):
        if RE_BOX_HEAD.match(lines[i]):
            head = i
            box: list[str] = []
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i].startswith(("    ", "\t"))):
                box.append(lines[i][4:] if lines[i].startswith("    ") else lines[i].lstrip("\t"))
                i += 1
            eng = "\n".join(t for _, t in english).strip()
            first = _first_prose_line(english, head)
            pairs.append(Pair("\n".join(box).strip(), eng, head + 1, first + 1))
            english = []
            continue
        english.append((i, lines[i]))
        i += 1
    tail = "\n".join(t for _, t in english).strip()
    return TranslationFile(meta, pairs, tail, lines)


def _first_prose_line(english: list[tuple[int, str]], default: int) -> int:
    """0-based line where the English of a pair starts, past the page's translation note."""
    paragraph: list[tuple[int, str]] = []
    for n, t in english + [(default, "")]:
        if t.strip():
            paragraph.append((n, t))
        elif paragraph:
            if not any(".wenku-translation-note" in x for _, x in paragraph):
                return paragraph[0][0]
            paragraph = []
    return default


def strip_note(english: str) -> str:
    """English without the page's translation note and attribute lines (what a reader reads as prose)."""
    paras = [p for p in english.split("\n\n") if ".wenku-translation-note" not in p]
    return re.sub(r"^\{:[^}]*\}\s*$", "", "\n\n".join(paras), flags=re.M).strip()


def normal(chinese: str) -> str:
    """Chinese Markdown reduced to its characters, to compare a box with an article block."""
    text = unicodedata.normalize("NFKC", chinese)
    text = re.sub(r"^\{:[^}]*\}\s*$", "", text, flags=re.M)
    text = re.sub(r'^!!!\s+\w+\s+"([^"]*)"', r"\1", text, flags=re.M)
    text = re.sub(r"^\s*(?:#+|-|\|)\s*", "", text, flags=re.M)
    missing = label("figure_not_included", "zh")  # the note render.py adds after a figure's caption
    text = text.replace(missing, "").replace(missing.replace("（", "(").replace("）", ")"), "")
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"[\s\\*|:\-]", "", text)


def block_markdown(block: Block) -> str:
    """One block as the Chinese page renders it, without attribute lines (the text an original box holds)."""
    return re.sub(r"\n\{:[^}\n]*\}\s*$", "", render_blocks([block]).strip())


def box_text(block: Block) -> str:
    """The Chinese an original-text box holds for a block (headings and figure captions as plain text)."""
    if block.kind in ("h2", "h3"):
        return escape_heading(block.text)
    if block.kind == "figure":
        return escape(block.text)
    return block_markdown(block)


def _attrs(block: Block) -> str:
    """The attribute line of a block's rendering ('{: .wenku-note }'), to keep on its English."""
    m = re.search(r"\n(\{:[^}\n]*\})\s*$", render_blocks([block]).strip())
    return "\n" + m.group(1) if m else ""


def units(art: Article) -> list[Block]:
    """The blocks of an article that a translation must render in English, in order."""
    return [b for b in art.blocks if b.kind in TRANSLATED_KINDS and (b.text or b.items)]


def speakers_before(art: Article) -> dict[int, list[Block]]:
    """Speaker lines to write above unit i (a speaker line followed by a heading goes under the heading)."""
    out: dict[int, list[Block]] = {}
    pending: list[Block] = []
    n = 0
    kinds = [b.kind for b in art.blocks]
    for i, b in enumerate(art.blocks):
        if b.kind == "speaker":
            pending.append(b)
        elif b.kind in TRANSLATED_KINDS and (b.text or b.items):
            heading_next = b.kind == "h2" and i > 0 and kinds[i - 1] == "speaker"
            if pending and not heading_next:
                out[n] = pending
                pending = []
            n += 1
    return out


def _speaker_placeholder(block: Block) -> str:

    info = block.items[0] if block.items else {}
    who = f"{escape(info.get('role', ''))} **{escape(info.get('name', block.text))}**".strip()
    return f"{PLACEHOLDER} {who}\n{{: .wenku-speaker }}"


def fingerprint(art: Article) -> str:
    """The article's Chinese text fingerprint (the one the translation status page shows)."""
    return chinese_hash(art)


# ---------------------------------------------------------------------------------------------------------
# Writing a skeleton


def _box(chinese_md: str) -> str:
    return BOX_HEAD + "\n\n" + "\n".join(("    " + ln) if ln.strip() else "" for ln in chinese_md.split("\n"))


def _placeholder(block: Block, hint: str = "", previous: str = "") -> str:
    """English to be written for a block: the placeholder (with the previous English after it, if any)."""
    text = PLACEHOLDER + (f" ({hint})" if hint else "")
    if previous:
        text += " " + previous.replace("\n\n", " ")
    if block.kind in ("h2", "h3"):
        return ("## " if block.kind == "h2" else "### ") + re.sub(r"^#+\s*", "", text)
    return text + _attrs(block)


def skeleton(art: Article, existing: str | None = None, today: str = "") -> tuple[str, dict]:
    """The translation file of an article; with `existing`, its English is kept where the Chinese is unchanged.

    Returns (text, stats) with stats = {"kept": n, "changed": n, "new": n, "dropped": [English, ...]}.
    """
    old = parse(existing) if existing else None
    blocks = units(art)
    stats: dict = {"kept": 0, "changed": 0, "new": 0, "dropped": []}
    english: list[str] = []
    boxes = [box_text(b) for b in blocks]
    old_pairs = old.pairs if old else []
    matcher = difflib.SequenceMatcher(
        a=[normal(p.chinese) for p in old_pairs], b=[normal(block_markdown(b)) for b in blocks], autojunk=False
    )
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            for k in range(b1 - b0):
                boxes[b0 + k] = old_pairs[a0 + k].chinese  # unchanged: the box stays as the editor left it
                english.append(
                    old_pairs[a0 + k].english
                    if old_pairs[a0 + k].english.strip() and PLACEHOLDER not in old_pairs[a0 + k].english
                    else _placeholder(blocks[b0 + k])
                )
                stats["kept"] += PLACEHOLDER not in english[-1]
                stats["new"] += PLACEHOLDER in english[-1]
            continue
        for k in range(b1 - b0):
            prev = old_pairs[a0 + k] if a0 + k < a1 else None
            if prev is not None and prev.english.strip():
                previous = strip_note(prev.english).replace(PLACEHOLDER, "").strip()
                english.append(_placeholder(blocks[b0 + k], "the Chinese changed; previous English follows", previous))
                stats["changed"] += 1
            else:
                english.append(_placeholder(blocks[b0 + k]))
                stats["new"] += 1
        for k in range(a0 + (b1 - b0), a1):
            if old_pairs[k].english.strip():
                stats["dropped"].append(old_pairs[k].english)
    if old is not None and RE_FRONT.match(existing or ""):
        head = _set_keys(RE_FRONT.match(existing).group(0), today, fingerprint(art))
    else:
        meta = {
            "title": art.title_en or PLACEHOLDER,
            "article": True,
            "lang": "en",
            "authors": art.authors,
            "date": art.date,
            "slug": art.slug,
        }
        if art.authors_en:
            meta["authors_en"] = art.authors_en
        if art.title:
            meta["original_title"] = art.title
        if art.collection_en:  # the sidecar's English name of the collection the article comes from
            meta["collection"] = art.collection_en
        meta["translated"] = today or PLACEHOLDER
        meta["translator"] = PLACEHOLDER
        meta["translation_of"] = fingerprint(art)
        meta["translation_status"] = "translated"
        head = dump_front_matter(meta)
    parts = []
    first_english = english[0] if english else ""
    if not first_english or ".wenku-translation-note" not in first_english:
        parts.append(NOTE)
    speakers = speakers_before(art)
    for i, (eng, box) in enumerate(zip(english, boxes, strict=False)):
        if PLACEHOLDER in eng and i in speakers and ".wenku-speaker" not in eng:
            parts.extend(_speaker_placeholder(b) for b in speakers[i])
        parts.append(eng.strip())
        parts.append(_box(box))
    if old and old.tail.strip():
        parts.append(old.tail.strip())
    return head.rstrip("\n") + "\n\n" + "\n\n".join(parts) + "\n", stats


def _set_keys(front: str, today: str, made_from: str) -> str:
    """An existing front matter with translation_of (and translated, if a date is given) set; the rest kept."""
    lines = front.rstrip("\n").split("\n")  # '---', keys..., '---'
    for key, value in (("translation_of", f'"{made_from}"'), ("translated", today)):
        if not value:
            continue
        at = next((i for i, ln in enumerate(lines) if ln.startswith(f"{key}:")), None)
        if at is None:
            lines.insert(len(lines) - 1, f"{key}: {value}")
        else:
            lines[at] = f"{key}: {value}"
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------------------
# Checking a translation


def glossary() -> tuple[dict, ...]:
    """The glossary entries (sources/glossary.yml as it is now) with their accepted and refused renderings."""
    return _glossary(*editorial.read(editorial.GLOSSARY))


@functools.lru_cache(maxsize=2)
def _glossary(where: str, text: str) -> tuple[dict, ...]:
    data = editorial.parse(where, text) or []
    out = []
    for g in data:
        if not isinstance(g, dict) or not g.get("zh") or not g.get("en"):
            continue
        accepted = [str(g["en"])] + [str(v) for v in g.get("variants") or []]
        out.append(dict(g, accepted=accepted, refused=[str(v) for v in g.get("not") or []]))
    return tuple(out)


def english_normal(text: str) -> str:
    """English reduced for comparing renderings: case, quotes, hyphens, -ize/-ise and markup ignored."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"\]\([^)]*\)", "", text)  # link targets
    text = re.sub(r"(?<=[a-z])['’]s\b", "", text)  # possessives
    text = re.sub(r"[\"'“”‘’*_\[\]\\()]", "", text)
    text = re.sub(r"[-‐‑–—/]", " ", text)
    text = re.sub(r"iz(e|es|ed|ing|ation|ations)\b", r"is\1", text)
    return " " + re.sub(r"\s+", " ", text).strip() + " "


def _uses(rendering: str, english: str, elided: bool = True) -> bool:
    """Whether the (normalised) English uses a rendering as whole words (plural or possessive endings allowed)."""
    pattern = _rendering_pattern(rendering, elided)
    return pattern is not None and pattern.search(english) is not None


@functools.lru_cache(maxsize=4096)
def _rendering_pattern(rendering: str, elided: bool) -> re.Pattern | None:
    r = english_normal(rendering).strip()
    if not r:
        return None

    def plural(words: str) -> str:
        return re.escape(words[:-1]) + r"(?:y|ies)" if words.endswith("y") else re.escape(words) + r"(?:s|es)?"

    patterns = [plural(r)]
    # A shared word left out in a series: "innovation, industrial and talent chains" uses "innovation chain";
    # "new industries, models and drivers of growth" uses "new drivers of growth".
    words = r.split(" ")
    for i in range(1, len(words) if elided else 1):
        patterns.append(
            re.escape(" ".join(words[:i]))
            + r"(?:,? [a-z]+){0,6},? (?:and|or)(?: [a-z]+)? "
            + plural(" ".join(words[i:]))
        )
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(patterns) + r")(?![a-z0-9])")


def _term_patterns() -> tuple[tuple[dict, str, tuple[str, ...], re.Pattern], ...]:
    """Per glossary entry: its normalised Chinese, the longer terms that contain it, and its pattern."""
    return _term_patterns_of(*editorial.read(editorial.GLOSSARY))


@functools.lru_cache(maxsize=2)
def _term_patterns_of(where: str, text: str) -> tuple[tuple[dict, str, tuple[str, ...], re.Pattern], ...]:
    entries = _glossary(where, text)
    out = []
    for g in entries:
        zh = normal(g["zh"])
        longer = tuple(
            sorted(
                {
                    normal(o["zh"])
                    for o in entries
                    if o is not g and zh in normal(o["zh"]) and len(normal(o["zh"])) > len(zh)
                },
                key=len,
                reverse=True,
            )
        )
        # A term ending in a sign (人工智能+) is that term only when no word follows (人工智能+医疗 is "AI + healthcare").
        tail = r"(?![\w\u4e00-\u9fff])" if not re.match(r"[\w\u4e00-\u9fff]", zh[-1]) else ""
        out.append((g, zh, longer, re.compile(re.escape(zh) + tail)))
    return tuple(out)


def terms_in(chinese: str) -> list[dict]:
    """Glossary entries whose Chinese occurs in a text, not only inside a longer glossary term."""
    text = normal(chinese)
    found = []
    for g, zh, longer, pattern in _term_patterns():
        if zh not in text:
            continue
        masked = text
        for lz in longer:
            masked = masked.replace(lz, "□" * len(lz))
        if pattern.search(masked):
            found.append(g)
    return found


def _term_counts(text: str) -> dict[str, int]:
    """How often each glossary term is used in an article's text (lines counted one by one)."""
    counts: dict[str, int] = {}
    for block_text in text.split("\n"):
        for g in terms_in(block_text):
            counts[g["zh"]] = counts.get(g["zh"], 0) + 1
    return counts


def term_uses(articles: list[Article], cache: dict | None = None) -> dict[str, list[tuple[Article, int]]]:
    """For each glossary term, the articles whose Chinese uses it and how often (most uses first).

    cache: the counts of an article's text by (text hash, glossary version) (Build.term_counts), so that a
    rebuild counts only the articles whose text or the glossary changed; its values are never changed."""
    glossary_version = editorial.version((editorial.GLOSSARY,)) if cache is not None else ""
    used = set()
    out: dict[str, list[tuple[Article, int]]] = {}
    for art in articles:
        text = "\n".join(b.text + "".join(str(i) for i in b.items if isinstance(i, str)) for b in art.blocks)
        if cache is None:
            counts = _term_counts(text)
        else:
            key = (hashlib.sha1(text.encode("utf-8")).hexdigest(), glossary_version)
            if key not in cache:
                cache[key] = _term_counts(text)
            used.add(key)
            counts = cache[key]
        for zh, n in counts.items():
            out.setdefault(zh, []).append((art, n))
    for key in [k for k in cache or () if k not in used]:
        del cache[key]  # counts of texts edited since
    for zh in out:
        out[zh].sort(key=lambda an: (-an[1], an[0].slug))
    return out


def glossary_problems(chinese: str, english: str) -> list[str]:
    """Messages for glossary terms of the Chinese that the English does not render as the glossary says."""
    eng = english_normal(english)
    present = terms_in(chinese)
    out = []
    for g in present:
        refused = [
            r
            for r in g["refused"]
            if _uses(r, eng, elided=False)
            and not any(_uses(r, english_normal(" | ".join(o["accepted"]))) for o in present if o is not g)
        ]
        if refused:
            out.append(f"glossary: {g['zh']} rendered as '{refused[0]}', which the glossary refuses; use '{g['en']}'")
        elif not any(_uses(a, eng) for a in g["accepted"]):
            alts = "', '".join(g["accepted"][:4])
            out.append(f"glossary: {g['zh']} is not rendered as the glossary says ('{alts}')")
    return out


_CN_SCALE = {"亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
_EN_SCALE = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "tflops": 1e12,
    "pflops": 1e15,
    "eflops": 1e18,
    "zflops": 1e21,
}
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_WORDS.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
        "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
RE_CN_NUMBER = re.compile(r"(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(?:多|余)?([万亿千百]+)?(月)?")
RE_EN_NUMBER = re.compile(
    r"(?<![a-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*|-)"
    r"(hundred|thousand|million|billion|trillion|[ptez]flops)?"
)
RE_EN_RANGE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:to|-|–|and|or)\s*\d+(?:\.\d+)?\s*(hundred|thousand|million|billion|trillion)"
)


def chinese_numbers(text: str) -> list[tuple[str, float, bool]]:
    """(as written, value, is a month) of each Arabic number in a Chinese text, 万/亿 scales applied."""
    text = unicodedata.normalize("NFKC", text).replace("\\", "")
    out = []
    for m in RE_CN_NUMBER.finditer(text):
        base = float(m.group(1).replace(",", ""))
        value = base
        for ch in m.group(2) or "":  # 百亿亿 = 10^18: the scale characters multiply
            value *= _CN_SCALE[ch]
        out.append((m.group(0).strip(), value, bool(m.group(3)) and not m.group(2) and 1 <= base <= 12))
    return out


def english_numbers(text: str) -> set[float]:
    """Every value an English text states: digits (with million/billion scales), number words, months."""
    text = unicodedata.normalize("NFKC", text).lower()
    values: set[float] = set()
    for m in RE_EN_NUMBER.finditer(text):
        base = float(m.group(1).replace(",", ""))
        values.add(base)
        if m.group(2):
            values.add(base * _EN_SCALE[m.group(2)])
    for m in RE_EN_RANGE.finditer(text):  # 25 to 30 million: the first number has the scale too
        values.add(float(m.group(1)) * _EN_SCALE[m.group(2)])
    words = re.findall(r"[a-z]+", text)
    for i, w in enumerate(words):
        v = _WORDS.get(w, _ORDINALS.get(w))
        if w in ("a", "one") and i + 1 < len(words) and words[i + 1] in _EN_SCALE:
            v = 1
        if v is None:
            continue
        if i + 1 < len(words) and words[i + 1] in _WORDS and 1 <= _WORDS[words[i + 1]] <= 9 and v >= 20:
            v += _WORDS[words[i + 1]]  # twenty-five (hyphens became spaces)
        values.add(float(v))
        if i + 1 < len(words) and words[i + 1] in _EN_SCALE:
            values.add(v * _EN_SCALE[words[i + 1]])
    for i, name in enumerate(_MONTHS, 1):
        if re.search(rf"\b{name[:3]}", text):
            values.add(float(-i))  # months stand apart from other numbers
    return values


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1)


def number_problems(chinese: str, english: str) -> list[str]:
    """Messages for numbers of the Chinese that the English does not state."""
    have = english_numbers(english)
    missing = []
    for written, value, month in chinese_numbers(chinese):
        if month and -value in have:
            continue
        if any(_same(value, v) for v in have):
            continue
        if written not in missing:
            missing.append(written)
    return [f"number {w} of the Chinese is not in the English" for w in missing]


def check_translation(path: str, text: str, art: Article | None) -> list[Problem]:
    """Problems of one translation file: placeholders, fingerprint, missing English, numbers, glossary."""
    problems = [
        Problem(path, n, "translation placeholder left: write the English (or remove the block)")
        for n, line in enumerate(text.split("\n"), 1)
        if PLACEHOLDER in line
    ]
    tf = parse(text)
    if title_note(tf.meta.get("title")):
        line = next((n for n, ln in enumerate(tf.lines, 1) if ln.startswith("title:")), 1)
        problems.append(Problem(path, line, TITLE_NOTE_MESSAGE, "warning"))
    if art is None:
        return problems
    if art.title_en and tf.meta.get("title") and str(tf.meta["title"]) != str(art.title_en):
        line = next((n for n, ln in enumerate(tf.lines, 1) if ln.startswith("title:")), 1)
        problems.append(
            Problem(
                path,
                line,
                f"English title differs from the sidecar's title_en ('{art.title_en}'): the site would show two titles",
                "warning",
            )
        )
    if "translation_of" in tf.meta and str(tf.meta.get("translation_of") or "") != fingerprint(art):
        line = next((n for n, ln in enumerate(tf.lines, 1) if ln.startswith("translation_of:")), 1)
        problems.append(
            Problem(
                path,
                line,
                f"outdated translation: made from '{tf.meta.get('translation_of')}', "
                f"the Chinese text is now '{fingerprint(art)}' (run `wenku translate "
                f"{art.slug}` to mark the changed blocks)",
                "warning",
            )
        )
    blocks = units(art)
    matcher = difflib.SequenceMatcher(
        a=[normal(p.chinese) for p in tf.pairs], b=[normal(block_markdown(b)) for b in blocks], autojunk=False
    )
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        where = tf.pairs[a0].line if a0 < len(tf.pairs) else len(tf.lines)
        for b in blocks[b0:b1]:
            problems.append(Problem(path, where, f"Chinese block without English: '{box_text(b)[:30]}…'", "warning"))
        for p in tf.pairs[a0:a1]:
            problems.append(
                Problem(
                    path,
                    p.line,
                    f"original-text box not in the article's Chinese: '{normal(p.chinese)[:30]}…'",
                    "warning",
                )
            )
    for p in tf.pairs:
        english = strip_note(p.english)
        if PLACEHOLDER in english:
            continue  # reported above as an error
        if not re.search(r"[A-Za-z]", english):
            problems.append(Problem(path, p.line, "Chinese block without English above its box", "warning"))
            continue
        for message in number_problems(p.chinese, english) + glossary_problems(p.chinese, english):
            problems.append(Problem(path, p.english_line, message, "warning"))
    return problems


TITLE_NOTE_MESSAGE = (
    "a note inside a title: say that a title is supplied or inferred with title_supplied: true "
    "(or title_inferred), which the page shows in both languages"
)


def title_note(title) -> bool:
    """Whether a title string carries an editors' note in brackets ("… (title inferred)")."""
    return (
        isinstance(title, str)
        and re.search(r"[(（\[][^)）\]]*(?:\btitle\b|标题)[^)）\]]*[)）\]]\s*$", title, re.I) is not None
    )


def check_translations(docs_dir: str, articles: list[Article]) -> list[Problem]:
    """Every translation file docs/articles/<slug>.en.md against its article's Chinese; notes in English titles."""
    by_slug = {a.slug: a for a in articles}
    folder = os.path.join(docs_dir, "articles")
    problems: list[Problem] = []
    sources = os.path.join(os.path.dirname(os.path.abspath(docs_dir)), "sources")
    for a in articles:
        if title_note(a.title_en):
            sidecar = os.path.join(sources, os.path.splitext(a.source)[0] + ".yml")
            key = a.slug if sidecar_line(sidecar, "articles", a.slug) > 1 else (a.natural_slug or a.slug)
            problems.append(
                Problem(sidecar, sidecar_line(sidecar, "articles", key, "title_en"), TITLE_NOTE_MESSAGE, "warning")
            )
    if not os.path.isdir(folder):
        return problems
    for f in sorted(os.listdir(folder)):
        m = re.fullmatch(r"([a-z0-9-]+)\.en\.md", f)
        path = os.path.join(folder, f)
        if not m or os.path.islink(path) or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        problems.extend(check_translation(path, text, by_slug.get(m.group(1))))
    return problems


def placeholder_problems(manual: dict[str, str]) -> list[Problem]:
    """Build refusal: translation pages (docs path -> file) that still hold a translation placeholder."""
    out = []
    for rel, full in sorted(manual.items()):
        if re.fullmatch(r"articles/[a-z0-9-]+\.en\.md", rel):
            with open(full, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            out.extend(
                Problem(full, n, "translation placeholder left: this page cannot be published")
                for n, line in enumerate(text.split("\n"), 1)
                if PLACEHOLDER in line
            )
    return out


def check_glossary(path: str | None = None) -> list[Problem]:
    """The glossary's own schema: zh and en on every entry, variants and not as lists of strings."""
    path = path or editorial.path(editorial.GLOSSARY)
    if not os.path.lexists(path):
        return []  # reported as missing by editorial.problems
    text, problems = read_yaml_file(path)
    if text is None:
        return problems
    data, lines, problems = load_yaml_with_lines(text, path)
    if problems:
        return problems
    if not isinstance(data, list):
        return [Problem(path, 1, "the glossary must be a list of entries")]
    seen: dict[str, int] = {}
    for i, g in enumerate(data):
        line = lines.get((i,), 1)
        if not isinstance(g, dict) or not isinstance(g.get("zh"), str) or not isinstance(g.get("en"), str):
            problems.append(Problem(path, line, "glossary entry without 'zh' and 'en' text"))
            continue
        if g["zh"] in seen:
            problems.append(Problem(path, line, f"glossary term {g['zh']} already at line {seen[g['zh']]}"))
        seen[g["zh"]] = line
        for key in ("variants", "not"):
            value = g.get(key)
            if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
                problems.append(Problem(path, lines.get((i, key), line), f"glossary '{key}' must be a list of text"))
        for key in g:
            if key not in ("zh", "en", "variants", "not", "note_en", "note_zh", "source", "source_url"):
                problems.append(Problem(path, lines.get((i, key), line), f"unknown glossary key '{key}'"))
    return problems


def run_translate(root: str, slug: str, date: str | None = None) -> int:
    """`wenku translate SLUG`: write the skeleton, or update an outdated translation; say what was done."""
    corpus = load_corpus(os.path.join(root, "sources"))
    art = next((a for a in corpus.articles if a.slug == slug), None)
    if art is None:
        print(f"wenku translate: no article with slug '{slug}'", file=sys.stderr)
        return 2
    target = os.path.join(root, "docs", "articles", f"{slug}.en.md")
    if os.path.islink(target):
        print(f"wenku translate: {target} is a symbolic link; refusing to write through it", file=sys.stderr)
        return 1
    existing = None
    if os.path.exists(target):
        with open(target, encoding="utf-8") as fh:
            existing = fh.read()
    text, stats = skeleton(art, existing, date or "")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(text)
    rel = os.path.relpath(target, root)
    print(
        f"wrote {rel}: {stats['kept']} block(s) kept, {stats['changed']} changed, {stats['new']} to translate "
        f"(marked {PLACEHOLDER}); fingerprint {fingerprint(art)}"
    )
    for eng in stats["dropped"]:
        print(f"{rel}: removed, its Chinese is no longer in the article: {strip_note(eng)[:80]!r}")
    return 0
