"""Newspaper pages, web pages and reports: titles, bylines, interleaved column fragments put back in
reading order, author notes, boxes, speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wenku.ingest.paragraphs import join_evidence
from wenku.model import Article, Block, Change, Line
from wenku.structure.notes import parse_author_note, parse_meta_line
from wenku.structure.units import Unit, classify, join_adjacent, remove_boilerplate
from wenku.textutil import CJK, bigrams, ends_sentence, similarity

GAP_TEXT = "〔原文此处不完整：接续的文字未见于来源〕"


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
