"""Splitting a cleaned source into articles, one function per way sources bundle articles.

- ``split_compilation``: a compilation with a table of contents (one article per entry).
- ``split_slides``: a slide deck (one article; parts and slides become headings).
- ``split_page``: newspaper pages, web pages and reports: titles, bylines, interleaved column
  fragments that are put back in reading order, author notes, boxes, speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wenku.ingest.paragraphs import join_evidence
from wenku.model import Article, Block, Change, Line
from wenku.structure.units import Unit, classify, heading_like, join_adjacent, remove_boilerplate, strip_markup
from wenku.textutil import CJK, ends_sentence, similarity

GAP_TEXT = "〔原文此处不完整：接续的文字未见于来源〕"


def detect_pattern(lines: list[Line]) -> str:
    """'compilation', 'slides' or 'page': how this source bundles its articles."""
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    if _toc_entries(texts):
        return "compilation"
    slide_titles = sum(1 for t in texts if re.match(r"^\d{1,2}\.\d{1,2}\s+\S", t))
    if slide_titles >= 3 or any(t.upper() == "CONTENTS" for t in texts):
        return "slides"
    return "page"


# ---------------------------------------------------------------- compilations


def _toc_entries(texts: list[str]) -> tuple[int, list[str]] | None:
    """(index of the '目录' line, entry titles) when the source opens with a table of contents."""
    for i, t in enumerate(texts[:20]):
        if t in ("目录", "目 录", "目　录"):
            entries = []
            for u in texts[i + 1 :]:
                m = re.match(r"^(?:[-·•*]|\d+[.、])\s*(.+)$", u)
                if not m:
                    break
                entries.append(m.group(1).strip())
            later = set(texts[i + 1 + len(entries) :])
            if len(entries) >= 3 and sum(e in later for e in entries) >= len(entries) // 2:
                return i, entries
    return None


def split_compilation(lines: list[Line]) -> tuple[list[Article], list[Change], dict]:
    """One article per table-of-contents entry, titled from the contents list."""
    lines, report = remove_boilerplate(lines)
    texts = [ln.text.strip() for ln in lines]
    toc_at, entries = _toc_entries(texts)
    head = [ln for ln in lines[:toc_at]]
    name = "".join(strip_markup(h.text)[1] for h in head[:1]).strip()
    collection = {"collection": name or None,
                  "collection_note": " ".join(h.text.strip() for h in head[1:]) or None}
    period = re.search(r"((?:19|20)\d\d)年(\d{1,2})(?:月)?[-—至~到](\d{1,2})月", name)
    if period:
        y, m1, m2 = period.groups()
        collection["collection_period"] = f"{y}-{int(m1):02d}/{y}-{int(m2):02d}"
        collection["date"] = y
    for h in head:
        report.append(Change("remove_compilation_header", h.number, h.text, "",
                             "the compilation's own title: kept as article metadata"))
    toc_lines = lines[toc_at : toc_at + 1 + len(entries)]
    for ln in toc_lines:
        report.append(Change("remove_table_of_contents", ln.number, ln.text, "",
                             "table of contents of the compilation: used for titles"))
    body = lines[toc_at + 1 + len(entries) :]
    # Find each entry's title line in order; the first article may start without one.
    starts: list[tuple[int, int]] = []  # (entry index, body index of first text line)
    pos = 0
    for k, title in enumerate(entries):
        found = next((j for j in range(pos, len(body)) if body[j].text.strip() == title), None)
        if found is None:
            if k == 0:
                starts.append((0, 0))
                continue
            report.append(Change("missing_article", None, title, "",
                                 "listed in the table of contents but not found in the text"))
            continue
        starts.append((k, found))
        pos = found + 1
    articles: list[Article] = []
    for idx, (k, at) in enumerate(starts):
        end = starts[idx + 1][1] if idx + 1 < len(starts) else len(body)
        chunk = body[at:end]
        title = entries[k]
        if chunk and chunk[0].text.strip() == title:
            title_line = chunk[0]
            chunk = chunk[1:]
        else:
            title_line = None
        art = Article(source="", title=title)
        art.meta["title_from"] = "table of contents"
        # A title printed again after a lede: the lede is the article's deck.
        if len(chunk) >= 2 and chunk[1].text.strip() == title and not ends_sentence(chunk[0].text):
            art.summary = chunk[0].text.strip().rstrip("—")
            art.meta["summary_lines"] = [chunk[0].number]
            report.append(Change("remove_repeated_title", chunk[1].number, chunk[1].text, "",
                                 "title printed again after the lede"))
            chunk = chunk[2:]
        units = [Unit("heading" if heading_like(ln.text) and len(ln.text.strip()) <= 60 else "para",
                      ln.text.strip(), [ln.number]) for ln in chunk]
        units = _merge_heading_pairs(units)
        units = join_adjacent(units, report)
        art.blocks.extend(_blocks(units))
        numbers = [n for b in art.blocks for n in b.lines] + ([title_line.number] if title_line else [])
        art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
        articles.append(art)
    return articles, report, collection


def _merge_heading_pairs(units: list[Unit]) -> list[Unit]:
    """Two heading lines in a row (a headline set on two lines) become one heading."""
    out: list[Unit] = []
    for u in units:
        if out and u.kind == "heading" and out[-1].kind == "heading" and len(out[-1].lines) == 1 \
                and len(out[-1].text) <= 16 and len(u.text) <= 16:
            prev = out[-1]
            prev.text = prev.text + ("" if prev.text.endswith(("，", "：")) else "，") + u.text
            prev.lines.extend(u.lines)
            continue
        out.append(u)
    return out


def _blocks(units: list[Unit]) -> list[Block]:
    """Article blocks for body units."""
    out = []
    for u in units:
        kind = {"heading": "h2", "para": "p", "figure": "figure", "box": "box", "gap": "gap",
                "speaker": "speaker"}.get(u.kind, "p")
        out.append(Block(kind, u.text, list(u.lines), [u.extra] if u.extra else []))
    return out


# ---------------------------------------------------------------- slide decks

RE_SLIDE = re.compile(r"^(?P<num>\d{1,2})\.(?P<sub>\d{1,2})\s+(?P<title>.+)$")
RE_PART = re.compile(r"^Part\s*0?(?P<num>\d{1,2})\s+(?P<title>.+)$", re.I)
RE_PERCENT = re.compile(r"^\d{1,3}(?:\.\d+)?\s*%$")
RE_BULLET = re.compile(r"^(?:[-•·▪●]\s*(?:>\s*)?|>\s+|□\s*)(?P<text>.+)$")


def split_slides(lines: list[Line]) -> tuple[list[Article], list[Change], dict]:
    """A slide deck as one article: parts and numbered slides as headings, bullets as lists."""
    report: list[Change] = []
    body = [ln for ln in lines if ln.text.strip()]
    texts = [ln.text.strip() for ln in body]
    toc_idx = [i for i, t in enumerate(texts) if t in ("目录", "目 录")]
    parts: dict[str, str] = {}
    first_toc = toc_idx[0] if toc_idx else None
    front = body[: first_toc] if first_toc is not None else []
    art = Article(source="")
    # Front matter: year, title, subtitle, author with role, date.
    fm = [ln for ln in front]
    title_lines = [ln for ln in fm if re.search(f"[{CJK}]", ln.text) and not re.match(r"^\d", ln.text.strip())]
    if title_lines:
        art.title = title_lines[0].text.strip()
        art.meta["title_from"] = "title slide"
        art.meta["title_lines"] = [title_lines[0].number]
    for ln in fm:
        t = ln.text.strip()
        if ln is (title_lines[0] if title_lines else None):
            continue
        m = re.match(rf"^(?P<name>[{CJK}]{{2,3}})\s+(?P<role>.+)$", t)
        if m and "智库" in t or m and re.search(r"(院长|主任|总监|研究员|教授|CEO|总裁|分析师)", t):
            art.authors.append(m.group("name"))
            art.affiliations.append(m.group("role"))
            report.append(Change("extract_byline", ln.number, t, "", "author and role moved to metadata"))
        elif re.fullmatch(r"(19|20)\d\d\s*[.．/-]\s*\d{1,2}", t):
            y, mth = re.split(r"\s*[.．/-]\s*", t)
            art.date = f"{y}-{int(mth):02d}"
            report.append(Change("extract_date", ln.number, t, "", "date of the deck moved to metadata"))
        elif re.fullmatch(r"(19|20)\d\d", t):
            report.append(Change("remove_cover_year", ln.number, t, "", "year printed on the cover slide"))
        elif art.title and re.search(f"[{CJK}]", t) and "subtitle" not in art.meta:
            art.meta["subtitle"] = t
            art.meta.setdefault("title_lines", []).append(ln.number)
        else:
            art.blocks.append(Block("p", t, [ln.number]))
    i = first_toc if first_toc is not None else 0
    current_part = None
    seen_slides: set[str] = set()
    items: list[Line] = []
    while i < len(body):
        t = texts[i]
        ln = body[i]
        if t in ("目录", "目 录"):
            j = i + 1
            while j < len(body) and (texts[j].upper() == "CONTENTS" or RE_PART.match(texts[j])):
                m = RE_PART.match(texts[j])
                if m:
                    parts.setdefault(m.group("num"), m.group("title"))
                j += 1
            reason = ("table of contents of the deck: used for the part headings" if i == first_toc
                      else "table of contents repeated before the next part")
            for k in range(i, j):
                report.append(Change("remove_repeated_toc" if i != first_toc else "remove_table_of_contents",
                                     body[k].number, body[k].text, "", reason))
            i = j
            continue
        m = RE_SLIDE.match(t)
        if m:
            _flush_items(items, art, report)
            if m.group("num") != current_part:
                current_part = m.group("num")
                if current_part in parts:
                    art.blocks.append(Block("h2", f"第{int(current_part)}部分　{parts[current_part]}", []))
            if t in seen_slides:
                report.append(Change("remove_repeated_slide_title", ln.number, t, "",
                                     "slide title repeated on a continuation slide"))
            else:
                seen_slides.add(t)
                art.blocks.append(Block("h3", t, [ln.number]))
            i += 1
            continue
        items.append(ln)
        i += 1
    _flush_items(items, art, report)
    numbers = [n for b in art.blocks for n in b.lines]
    art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return [art], report, {}


def _flush_items(items: list[Line], art: Article, report: list[Change]) -> None:
    """Turn the lines of one slide into blocks: tables of label/percentage runs, lists, paragraphs."""
    from wenku.ingest.boilerplate import boilerplate_rule

    lines = []
    for k, ln in enumerate(items):
        rule = boilerplate_rule(ln.text.strip(), False)
        if rule:
            report.append(Change(rule.name, ln.number, ln.text, "", rule.reason))
        else:
            lines.append(ln)
    items.clear()
    i = 0
    while i < len(lines):
        t = lines[i].text.strip()
        # A table: label / percentage pairs, possibly with group labels ("关键要素") between them.
        j, rows, group = i, [], ""
        while j < len(lines):
            a = lines[j].text.strip()
            b = lines[j + 1].text.strip() if j + 1 < len(lines) else ""
            if RE_PERCENT.match(b) and not RE_PERCENT.match(a) and len(a) <= 20:
                rows.append((group, a, b.replace(" ", ""), [lines[j].number, lines[j + 1].number]))
                j += 2
            elif rows and len(a) <= 8 and j + 2 < len(lines) and RE_PERCENT.match(lines[j + 2].text.strip()):
                group = a  # a group label inside the run
                rows.append((None, a, None, [lines[j].number]))
                j += 1
            else:
                break
        real_rows = [r for r in rows if r[2]]
        if len(real_rows) >= 3:
            caption = ""
            if art.blocks and art.blocks[-1].kind == "p" and len(art.blocks[-1].text) <= 30:
                caption = art.blocks.pop().text
            art.blocks.append(Block("table", caption, [n for r in rows for n in r[3]],
                                    [(g, a, b) for g, a, b, _ in rows if b]))
            i = j
            continue
        m = RE_BULLET.match(t)
        if m:
            bullets = []
            while i < len(lines) and RE_BULLET.match(lines[i].text.strip()):
                mm = RE_BULLET.match(lines[i].text.strip())
                text = mm.group("text").strip()
                nums = [lines[i].number]
                # '> 山东省' followed by its text: a labelled item.
                if lines[i].text.strip().startswith(">") and len(text) <= 8 and i + 1 < len(lines) \
                        and not RE_BULLET.match(lines[i + 1].text.strip()):
                    text = f"**{text}**：{lines[i + 1].text.strip()}"
                    nums.append(lines[i + 1].number)
                    i += 1
                bullets.append((text, nums))
                i += 1
            art.blocks.append(Block("list", "", [n for _, ns in bullets for n in ns], [b for b, _ in bullets]))
            continue
        fm = RE_FIGURE_LINE.match(t)
        if fm:
            art.blocks.append(Block("figure", fm.group("caption"), [lines[i].number]))
            i += 1
            continue
        # A run of short label lines (diagram labels): a list.
        k = i
        while k < len(lines) and len(lines[k].text.strip()) <= 18 and not ends_sentence(lines[k].text.strip()) \
                and not (k + 1 < len(lines) and RE_PERCENT.match(lines[k + 1].text.strip()) and k > i) \
                and not RE_SLIDE.match(lines[k].text.strip()) and not RE_BULLET.match(lines[k].text.strip()) \
                and not RE_FIGURE_LINE.match(lines[k].text.strip()):
            k += 1
        if k - i >= 3:
            art.blocks.append(Block("list", "", [ln.number for ln in lines[i:k]], [ln.text.strip() for ln in lines[i:k]]))
            i = k
            continue
        art.blocks.append(Block("p", t, [lines[i].number]))
        i += 1


RE_FIGURE_LINE = re.compile(r"^(?P<caption>图\s*\d*\s*[：:]\s*.+)$")


# ---------------------------------------------------------------- pages


@dataclass
class Fragment:
    """A run of units that reads continuously on the page."""

    units: list[Unit]
    head: bool = False  # starts an article (title or byline)
    closed: bool = False  # ends with an author note
    attached: bool = False

    @property
    def text(self) -> str:
        return "".join(u.text for u in self.units if u.kind in ("para", "heading", "box"))

    def tail(self) -> Unit | None:
        paras = [u for u in self.units if u.kind in ("para", "note")]
        return paras[-1] if paras else None

    def dangling(self) -> bool:
        t = self.tail()
        return t is not None and t.kind == "para" and not ends_sentence(t.text) and not t.text.endswith("：")

    def opening(self) -> Unit | None:
        for u in self.units:
            if u.kind in ("para", "box", "heading", "speaker"):
                return u
        return None


@dataclass
class Chain:
    """An article being put together from fragments."""

    fragments: list[Fragment] = field(default_factory=list)
    gaps: list[tuple[int, str]] = field(default_factory=list)  # (fragment index, reason)

    @property
    def closed(self) -> bool:
        return self.fragments[-1].closed

    @property
    def text(self) -> str:
        return "".join(f.text for f in self.fragments)

    def dangling(self) -> bool:
        return self.fragments[-1].dangling()


def _fragments(units: list[Unit]) -> list[Fragment]:
    """Cut the page into fragments at article starts, after author notes and at broken joins."""
    frags: list[Fragment] = []
    cur: list[Unit] = []

    def flush(head_next: bool = False) -> None:
        if cur:
            head = cur[0].kind in ("title", "author")
            frags.append(Fragment(list(cur), head=head, closed=cur[-1].kind == "note"))
            cur.clear()

    for k, u in enumerate(units):
        prev = cur[-1] if cur else None
        starts_article = u.kind == "title" or (
            u.kind == "author" and (prev is None or prev.kind not in ("title", "deck", "author", "caption_names")))
        if starts_article and prev is not None and prev.kind == "photo_credit":
            starts_article = u.kind == "title"
        if starts_article:
            flush()
        elif prev is not None and prev.kind in ("note", "box"):
            flush()  # an author note closes an article; a box stands apart from the columns
        elif u.kind == "box":
            flush()
        elif prev is not None and prev.kind == "para" and not ends_sentence(prev.text) \
                and not prev.text.endswith("：") and u.kind in ("para", "heading", "speaker"):
            flush()  # the paragraph broke off and this is not its continuation
        cur.append(u)
    flush()
    return frags


def _link_fragments(frags: list[Fragment], report: list[Change]) -> list[Fragment]:
    """Merge each broken-off fragment with the fragment whose opening completes it (best evidence first)."""
    frags = list(frags)
    while True:
        best = None
        for a in frags:
            if not a.dangling():
                continue
            end = a.tail().text
            at = frags.index(a)
            for b in frags[max(0, at - 40): at + 40]:
                if b is a or b.head:
                    continue
                op = b.opening()
                if op is None or op.kind != "para":
                    continue
                ev = join_evidence(end, op.text)
                if ev <= 0:
                    continue
                score = ev + 0.5 * similarity(a.text, b.text)
                if best is None or score > best[0]:
                    best = (score, a, b)
        if best is None:
            return frags
        _, a, b = best
        tail = a.tail()
        op = b.opening()
        report.append(Change("fix_interleaved_columns", op.first(), tail.text[-12:] + " … " + op.text[:12],
                             tail.text[-12:] + op.text[:12],
                             f"column continues at line {op.first()} (after line {tail.lines[-1]})"))
        tail.text += op.text
        tail.lines.extend(op.lines)
        b.units.remove(op)
        a.units.extend(b.units)
        a.closed = b.closed
        frags.remove(b)


def _assemble(frags: list[Fragment], report: list[Change]) -> list[Chain]:
    """Put fragments back in reading order: grammar links first, then topic for the rest."""
    frags = _link_fragments(frags, report)
    chains = [Chain([f]) for f in frags if f.head]
    loose = [f for f in frags if not f.head]
    if not chains and loose:
        chains = [Chain([loose.pop(0)])]
    # 2. Fragments that start a new paragraph go to the open article they fit best by topic.
    for f in loose:
        if f.attached:
            continue
        only_boxes = all(u.kind == "box" for u in f.units)
        # A box belongs to whichever article it fits; prose continues an article that is still open.
        # Only articles printed near the fragment are candidates (a page, not a whole archive).
        nearby = _nearby(chains, f)
        open_chains = nearby if only_boxes else ([c for c in nearby if not c.closed] or nearby)
        op0 = f.opening()
        clean_start = op0 is None or op0.kind != "para" or not _starts_mid_sentence(op0.text)

        weights = [_topic_fit(c, f) for c in open_chains]

        def fit(i: int, c: Chain) -> float:
            # A fragment that starts cleanly is more likely the next section of an article that ended
            # cleanly than the continuation of one that broke off mid-sentence.
            return weights[i] + (0.1 if clean_start and not c.dangling() and not only_boxes else 0)

        scored = sorted(((fit(i, c), i) for i, c in enumerate(open_chains)), reverse=True)
        target = open_chains[scored[0][1]]
        f.attached = True
        if target.dangling() and not only_boxes:
            target.gaps.append((len(target.fragments), "the text that continues this paragraph is missing from the source"))
            report.append(Change("mark_gap", target.fragments[-1].tail().lines[-1], target.fragments[-1].tail().text[-20:],
                                 GAP_TEXT, "continuation missing from the source: gap marked, nothing glued on"))
        op = f.opening()
        if op is not None and op.kind == "para" and _starts_mid_sentence(op.text):
            if not target.gaps or target.gaps[-1][0] != len(target.fragments):
                target.gaps.append((len(target.fragments), "this fragment starts mid-sentence"))
            report.append(Change("mark_gap", op.first(), "", GAP_TEXT,
                                 "fragment starts mid-sentence; its beginning is missing from the source"))
        confidence = scored[0][0] - (scored[1][0] if len(scored) > 1 else 0)
        report.append(Change("place_fragment", f.units[0].first(), f.text[:30], "",
                             f"fragment placed by topic (similarity margin {confidence:.2f})"))
        target.fragments.append(f)
    for c in chains:
        if c.dangling():
            c.gaps.append((len(c.fragments), "the article breaks off here in the source"))
            report.append(Change("mark_gap", c.fragments[-1].tail().lines[-1], c.fragments[-1].tail().text[-20:],
                                 GAP_TEXT, "article breaks off mid-sentence: the rest is not in the source"))
    return chains


NEARBY = 8


def _nearby(chains: list[Chain], frag: Fragment) -> list[Chain]:
    """The chains whose first line is closest to the fragment's (at most NEARBY of them, in order)."""
    if len(chains) <= NEARBY:
        return chains
    at = frag.units[0].first()
    ranked = sorted(range(len(chains)), key=lambda i: abs(chains[i].fragments[0].units[0].first() - at))[:NEARBY]
    return [chains[i] for i in sorted(ranked)]


def _topic_fit(chain: Chain, frag: Fragment) -> float:
    """How well a fragment fits an article: its headline's words most, then its text so far."""
    from wenku.textutil import bigrams

    title = "".join(u.text for fr in chain.fragments for u in fr.units if u.kind == "title")
    body = "".join(u.text for fr in chain.fragments for u in fr.units if u.kind in ("para", "heading", "box"))
    t, f = bigrams(title), bigrams(frag.text)
    by_title = len(t & f) / len(t) if t else 0.0
    return 0.6 * by_title + 0.4 * similarity(body, frag.text)


def _starts_mid_sentence(text: str) -> bool:
    """True when a paragraph opens with the tail of a word: '金，建立…'."""
    return bool(re.match(rf"^[{CJK}]{{1,2}}[，、；。]", text))


def split_page(lines: list[Line]) -> tuple[list[Article], list[Change], dict]:
    """Articles of a newspaper page, web page or report, reassembled in reading order."""
    lines, report = remove_boilerplate(lines)
    units, rep = classify(lines)
    report.extend(rep)
    units = join_adjacent(units, report)
    source_meta: dict = {}
    frags = _fragments(units)
    chains = _assemble(frags, report)
    articles = [_chain_article(c, report, source_meta) for c in chains]
    return articles, report, source_meta


def _chain_article(chain: Chain, report: list[Change], source_meta: dict) -> Article:
    """An Article from an assembled chain of fragments."""
    from wenku.structure.notes import parse_author_note, parse_meta_line

    art = Article(source="")
    gaps = dict(chain.gaps)
    caption_names: list[str] = []
    for fi, frag in enumerate(chain.fragments):
        if fi in gaps and fi > 0:
            art.blocks.append(Block("gap", GAP_TEXT, [], [gaps[fi]]))
        for u in frag.units:
            if u.kind == "title" and art.title is None:
                art.title = u.text
                art.meta["title_from"] = "headline"
                art.meta.setdefault("title_lines", u.lines)
            elif u.kind == "deck":
                art.meta["subtitle"] = u.text
                art.meta.setdefault("title_lines", []).extend(u.lines)
            elif u.kind == "author":
                if u.extra.get("role"):
                    art.meta.setdefault("reporters", []).append({"role": u.extra["role"], "names": u.extra["names"]})
                art.authors.extend(n for n in u.extra["names"] if n not in art.authors)
                report.append(Change("extract_byline", u.first(), u.text, "", "byline moved to metadata"))
            elif u.kind == "caption_names":
                caption_names.extend(u.extra["names"])
            elif u.kind == "note":
                note = parse_author_note(u.text)
                art.affiliations.extend(a for a in note["affiliations"] if a not in art.affiliations)
                art.funding.extend(note["funding"])
                art.blocks.append(Block("note", u.text, u.lines))
            elif u.kind == "meta":
                meta = parse_meta_line(u.text)
                art.date = art.date or meta.get("date")
                art.publication = art.publication or meta.get("publication")
                report.append(Change("extract_metadata_line", u.first(), u.text, "", "date and outlet moved to metadata"))
            elif u.kind == "photo_credit":
                art.meta["photo_credit"] = u.text
                report.append(Change("extract_photo_credit", u.first(), u.text, "", "photo credit moved to metadata"))
            elif u.kind == "box":
                if art.summary is None:  # the boxed lede is the article's summary, shown in its header
                    art.summary = u.text
                    art.meta["summary_label"] = u.extra.get("label")
                    art.meta["summary_lines"] = u.lines
                else:
                    art.blocks.append(Block("box", u.text, u.lines, [{"label": u.extra.get("label", "")}]))
            elif u.kind == "speaker":
                art.blocks.append(Block("speaker", u.text, u.lines, [u.extra]))
            elif u.kind == "heading":
                art.blocks.append(Block("h2", u.text, u.lines))
            elif u.kind == "figure":
                art.blocks.append(Block("figure", u.text, u.lines))
            else:
                art.blocks.append(Block("p", u.text, u.lines))
    if chain.gaps and chain.gaps[-1][0] == len(chain.fragments):
        art.blocks.append(Block("gap", GAP_TEXT, [], [chain.gaps[-1][1]]))
    if caption_names:
        art.meta["pictured"] = caption_names
        speakers = {b.items[0]["name"] for b in art.blocks if b.kind == "speaker"}
        for name in caption_names:
            if speakers and name not in speakers:
                report.append(Change("missing_section", None, name, "",
                                     f"{name} is pictured and counted among the speakers, but the source has no section for them"))
    numbers = [n for b in art.blocks for n in b.lines] + art.meta.get("title_lines", []) + art.meta.get("summary_lines", [])
    art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return art
