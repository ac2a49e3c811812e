"""Newspaper pages, web pages and reports: titles, bylines, interleaved column fragments put back in
reading order, author notes, boxes, speakers."""

from __future__ import annotations

import re
from collections import Counter

from wenku.ingest.paragraphs import contradicts_join, join_evidence
from wenku.model import Article, Block, Change, Line
from wenku.structure.heads import MIN_UNSIGNED_TITLE, _column_label, mark_heads, title_shaped
from wenku.structure.notes import parse_author_note, parse_meta_line
from wenku.structure.reassembly import (
    SHORT_LINE,
    TITLE_WEIGHT,
    UNCERTAIN_MARGIN,
    Item,
    Slot,
    Topics,
    assign,
    continues,
    cut_off,
    prose_line,
    score_labels,
    starts_mid_sentence,
)
from wenku.structure.reassembly import _words as topics_words
from wenku.structure.units import RE_NUMBERED, Unit, classify, remove_boilerplate
from wenku.textutil import ends_sentence

RE_SECTION_NUMBER = re.compile(
    r"^(?:\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])"
)
GAP_TEXT = "〔原文此处不完整：接续的文字未见于来源〕"
LOST_TEXT = "〔原文此处不完整：有文字因编码错误无法恢复，以〓标出〕"


UNCERTAIN_TEXT = "〔以下文字在版面上的归属不确定：按版面顺序排在此处，请核对〕"
START_TEXT = "〔以下标题可能是另一篇文章的开始：按版面顺序排在此处，请核对〕"


def _blank_runs(lines: list[Line]) -> dict[int, int]:
    """For each non-empty line (by number): how many blank lines stand right before it."""
    out: dict[int, int] = {}
    run = 0
    for ln in lines:
        if ln.text.strip():
            out[ln.number] = run
            run = 0
        else:
            run += 1
    return out


def split_page(lines: list[Line]) -> tuple[list[Article], list[Change], dict]:
    """Articles of a newspaper page, web page or report, reassembled in reading order."""
    blank_before = _blank_runs(lines)
    lines, report = remove_boilerplate(lines)
    units, rep = classify(lines)
    report.extend(rep)
    units = mark_heads(units, blank_before, report)
    _find_inserts(units, report)
    _section_heads(units, report)
    source_meta: dict = {}
    items, slots = _items(units, report)
    slots = _byline_under_title(items, slots)
    _flag_possible_starts(units, report, visible=len(slots) > 1)
    if len(slots) <= 1:
        labels = [0 if it.role != "jump" else None for it in items]
    else:
        texts, piece_index = [], {}
        for it in items:
            if it.role == "body" and it.unit.kind in ("para", "heading", "box", "speaker"):
                piece_index[it.pos] = len(texts)
                texts.append(it.unit.text)
        topics = Topics(texts)
        _profiles(items, slots, topics, piece_index, None)
        labels = assign(items, slots, topics, piece_index)
        # One refinement: each article's topic from the text given to it (a piece compared with its article
        # without itself), then decide again. A piece given against its own topic (page order and grammar
        # outweighed it) does not join its article's profile: it would confirm its own misplacement.
        labels = _agreeing(items, labels, slots, topics, piece_index)
        _profiles(items, slots, topics, piece_index, labels)
        own = {
            piece_index[it.pos]: k
            for it, k in zip(items, labels, strict=True)
            if it.pos in piece_index and k is not None
        }
        labels = assign(items, slots, topics, piece_index, own)
        labels = _check_moves(items, labels, slots, topics, piece_index, own, report)
        _flag_doubtful_runs(items, labels, slots, topics, piece_index, report)
    articles = [_slot_article(k, items, labels, report) for k in range(len(slots))]
    articles = [a for a in articles if a is not None]
    _place_footnotes(articles, report)
    articles = _fold_textless(articles, report)
    return articles, report, source_meta


# A footnote at a page's foot: its bracketed mark ([1], ［2］) opens the line, and the same mark stands in the
# text. A circled number (①) opens a list item as often as a note: it is not taken as a footnote's mark here.
RE_FOOTNOTE = re.compile(r"^\s*(?P<mark>[\[［]\s*\d{1,2}\s*[\]］])\s*(?=\S)")


def _mark_key(mark: str) -> str:
    return re.sub(r"[\s\[\]［］]", "", mark)


def _marks_in(block: Block) -> set[str]:
    """The footnote marks a paragraph of text refers to ([1]), not counting one that opens it."""
    text = block.text[RE_FOOTNOTE.match(block.text).end() :] if RE_FOOTNOTE.match(block.text) else block.text
    return {_mark_key(m) for m in re.findall(r"[\[［]\s*\d{1,2}\s*[\]］]", text)}


def _place_footnotes(articles: list[Article], report: list[Change]) -> None:
    """A paragraph that opens with a footnote mark is a note of the article whose text carries that mark (the
    nearest such article above it on the page, else below): made a note block there, not text, and reported.
    A footnote whose mark no article's text carries stays where it is."""
    for home in articles:
        for block in list(home.blocks):
            m = RE_FOOTNOTE.match(block.text) if block.kind == "p" and block.lines else None
            if not m:
                continue
            key, line = _mark_key(m.group("mark")), block.lines[0]
            holders = [
                a for a in articles if any(key in _marks_in(b) for b in a.blocks if b.kind in ("p", "box", "list"))
            ]
            if not holders:
                continue
            above = [a for a in holders if a.line_span[0] <= line]
            target = max(above, key=lambda a: a.line_span[0]) if above else holders[0]
            home.blocks.remove(block)
            target.blocks.append(Block("note", block.text, list(block.lines)))
            where = "" if target is home else f" (moved from the article at line {home.line_span[0]})"
            report.append(
                Change(
                    "place_footnote",
                    line,
                    block.text,
                    "",
                    f"footnote {m.group('mark').strip()}: a note of the article whose text carries its mark{where}",
                )
            )
    for art in articles:
        numbers = [n for b in art.blocks for n in b.lines] + art.title_lines + art.summary_lines
        if numbers:
            art.line_span = (min(numbers), max(numbers))


PROSE_MIN = 20  # characters of a paragraph that is text (a sentence), not a page's furniture
FURNITURE_LINES = 4  # at most this many lines, FURNITURE_CHARS characters, in a piece taken for furniture
FURNITURE_CHARS = 160


def _has_text(art: Article) -> bool:
    """An article has text: a paragraph or box of a sentence or more."""
    return any(
        b.kind in ("p", "box", "list") and len(b.text) >= PROSE_MIN and re.search(r"[。！？!?…」”]", b.text)
        for b in art.blocks
    )


def _fold_textless(articles: list[Article], report: list[Change]) -> list[Article]:
    """A piece of the page that holds no text is no article. An untitled run of furniture lines (a
    distribution list, a form's fields) goes to the article above it on the page (below, at the page's top),
    after a visible note that its placement is uncertain. A head at the top of the page with no text under
    it (a masthead: title and deck lines) is reported and dropped, the paragraph lines the page gave it
    placed as above. Either way the report names every line."""
    if len(articles) < 2 or not any(_has_text(a) for a in articles):
        return articles
    out = list(articles)
    for art in articles:
        if _has_text(art) or not (art.title is None or art is out[0]):
            continue
        lines_of_text = [b for b in art.blocks if b.kind in ("p", "box", "list")]
        if len(lines_of_text) > FURNITURE_LINES or sum(len(b.text) for b in lines_of_text) > FURNITURE_CHARS:
            continue  # many lines without a sentence (verse, a list, a table): text of another shape
        rest = [a for a in out if a is not art]
        if art.title is None:
            head, paras = [], [b for b in art.blocks if b.kind != "gap"]
        else:
            head = [b for b in art.blocks if b.kind not in ("gap", "p", "box", "list", "note")]
            paras = [b for b in art.blocks if b.kind in ("p", "box", "list", "note")]
            lines = sorted(set(art.title_lines + [n for b in head for n in b.lines]))
            report.append(
                Change(
                    "remove_page_head",
                    lines[0] if lines else None,
                    "　".join(t for t in [art.title or ""] + [b.text for b in head] if t),
                    "",
                    "a head with no text under it above the page's first article (a masthead or page head): no article",
                )
            )
            if lines:
                rest[0].line_span = (min(rest[0].line_span[0], lines[0]), rest[0].line_span[1])
        out.remove(art)
        for b in paras:
            line = b.lines[0] if b.lines else art.line_span[0]
            above = [a for a in rest if a.line_span[0] <= line]
            target = max(above, key=lambda a: a.line_span[0]) if above else min(rest, key=lambda a: a.line_span[0])
            # In page order: before the first block printed below the line, else at the end.
            at = next((i for i, x in enumerate(target.blocks) if x.lines and x.lines[0] > line), len(target.blocks))
            gap = Block("gap", UNCERTAIN_TEXT, [], ["placement of the following text is uncertain"])
            target.blocks[at:at] = [gap, b]
            target.line_span = (min(target.line_span[0], line), max(target.line_span[1], line))
            report.append(
                Change(
                    "uncertain_placement",
                    b.lines[0] if b.lines else None,
                    b.text,
                    "",
                    "lines without a title or a sentence of text: no article of their own, kept in page order "
                    "with the article around them (please check)",
                )
            )
    return out


AGREE_RATIO = 2.0  # a piece this many times closer to another article's first profile was given against its topic


def _agreeing(items: list[Item], labels: list, slots: list[Slot], topics: Topics, piece_index: dict[int, int]) -> list:
    """The labels, with None for each piece clearly closer in topic to another article's first profile (its
    title and the text under it) than to the article it was given to. The text printed under a title, which
    made that article's first profile, always stays with it."""
    first = [topics.vector(s.profile) for s in slots]
    under_title = _first_pieces(items, piece_index)
    out = list(labels)
    for n, (it, k) in enumerate(zip(items, labels, strict=True)):
        if k is None or it.pos not in piece_index or it.pos in under_title:
            continue
        vec = topics.vector(topics.tf[piece_index[it.pos]])
        sims = [Topics.cosine(vec, f) for f in first]
        best = max(sims)
        if best >= DOUBT_MIN and best >= AGREE_RATIO * sims[k]:
            out[n] = None
    return out


def _first_pieces(items: list[Item], piece_index: dict[int, int]) -> set[int]:
    """Positions of the pieces that _profiles takes for an article's first profile (the text under its title)."""
    out: set[int] = set()
    taken = 9
    for it in items:
        if it.role == "head":
            taken = 0
            continue
        if it.role == "jump":
            taken = 9
            continue
        if it.pos in piece_index and taken < 2:
            out.add(it.pos)
            taken += 1
            if it.unit.kind == "para" and not ends_sentence(it.unit.text):
                taken = 9
    return out


def _items(units: list[Unit], report: list[Change]) -> tuple[list[Item], list[Slot]]:
    """The page as items for the assignment (heads open an article), and one slot per article start."""
    items: list[Item] = []
    slots: list[Slot] = []
    item_at: dict[int, int] = {}  # unit position -> index of its (last) item
    for pos, u in enumerate(units):
        if u.extra.get("section_of") is not None and u.extra["section_of"] in item_at:
            # a title taken for a section heading of an article earlier on the page: it goes with it
            items.append(Item(pos, u, "follow", follow=item_at[u.extra["section_of"]]))
            item_at[pos] = len(items) - 1
            continue
        if u.extra.get("follows") is not None and u.extra["follows"] in item_at:
            items.append(Item(pos, u, "follow", follow=item_at[u.extra["follows"]]))
            item_at[pos] = len(items) - 1
            continue
        item_at[pos] = len(items)
        starts = bool(u.extra.get("head")) or u.kind == "title"
        if (
            not slots
            and not u.extra.get("lead_in")  # heads._mark_lead_in: text before the first title, no article
            and (u.kind in ("para", "heading", "box", "speaker", "figure") or u.kind == "author")
        ):
            starts = True  # text before any article start: an untitled article
        if starts:
            slot = Slot(len(slots), pos, u.text if u.kind == "title" else "")
            slots.append(slot)
            items.append(Item(pos, u, "head", slot.index))
            if u.kind in ("para", "heading", "box", "speaker", "figure"):
                items.append(Item(pos, u, "attach"))
            continue
        if u.kind == "separator":
            report.append(Change("remove_separator", u.first(), u.text, "", "rule between two articles"))
            items.append(Item(pos, u, "jump"))
            continue
        if u.kind == "jump":
            report.append(
                Change(
                    "remove_jump_line",
                    u.first(),
                    u.text,
                    "",
                    "jump line of a newspaper page (the article goes on elsewhere): used to "
                    "put the article back together",
                )
            )
            items.append(Item(pos, u, "jump"))
            if u.extra.get("dir") == "up":
                nxt = next((v for v in units[pos + 1 :] if v.kind in ("para", "heading", "box")), None)
                if nxt is not None:
                    nxt.extra["resumes"] = True  # 上接第N版: this text goes on from the article's first part
                    nxt.extra["jump_resumes"] = True
            continue
        if u.kind in ("deck", "meta", "photo_credit", "caption_names", "title"):
            items.append(Item(pos, u, "attach"))
        elif u.kind == "author":
            items.append(Item(pos, u, "attach", closes=u.extra.get("at") == "bottom"))
        elif u.kind == "note":
            items.append(Item(pos, u, "attach", closes=u.extra.get("at") == "bottom"))
        else:
            items.append(Item(pos, u, "body"))
    return items, slots


def _byline_under_title(items: list[Item], slots: list[Slot]) -> list[Slot]:
    """A byline that opened an untitled article right under a title with no text of its own (only lines
    that are no sentence stand between them: an outlet and date line, an account's name) signs that title's
    article: the two starts are one. Returns the slots left, renumbered, and renumbers the head items."""
    heads = [k for k, it in enumerate(items) if it.role == "head"]
    merged: set[int] = set()
    for a, b in zip(heads, heads[1:], strict=False):
        first, second = items[a], items[b]
        if first.unit.kind != "title" or second.unit.kind != "author" or slots[second.slot].title:
            continue
        between = items[a + 1 : b]
        if any(
            it.role in ("body", "follow") and (it.unit.kind != "heading" or ends_sentence(it.unit.text))
            for it in between
        ):
            continue
        second.role, second.slot = "attach", None
        merged.add(b)
    if not merged:
        return slots
    kept = []
    for k in heads:
        if k in merged:
            continue
        it = items[k]
        old = slots[it.slot]
        kept.append(Slot(len(kept), old.start, old.title))
        it.slot = kept[-1].index
    return kept


# Topic similarity (TF-IDF over the page's paragraphs) to an earlier article above which an unsigned head
# may be its section, and how many times it must exceed the similarity to the article whose run broke off.
SECTION_SIMILARITY = 0.05
SECTION_RATIO = 2.0


def _section_heads(units: list[Unit], report: list[Change]) -> None:
    """A head that is a section heading of an article earlier on the page, printed where the columns of
    two articles interleave (c01: the lead's 小切口改造降低门槛 after a news item's run that broke off). Evidence,
    all of it: the head has no byline, dateline or kicker of its own while every article before it on the
    page is signed; the run right before it broke off mid-sentence (the columns interleave here); and its
    text's topic is clearly closer to an earlier article than to the one whose run broke off. It becomes a
    section heading of that article (reported); the page's assignment places the text under it."""
    heads = [i for i, u in enumerate(units) if u.extra.get("head")]
    for t in heads[2:]:
        h = units[t]
        if h.kind != "title" or h.extra.get("kicker") or h.extra.get("marked") or t + 1 >= len(units):
            continue
        if units[t + 1].kind != "para" or RE_DATELINE_PARA.match(units[t + 1].text):
            continue  # a byline, a dateline or an outlet line under it: an article's own head
        prev = next((v for v in reversed(units[:t]) if v.kind in ("para", "heading", "box", "title")), None)
        if prev is None or prev.kind != "para" or not cut_off(prev):
            continue
        earlier = [k for k in heads if k < t]
        if not all(_signed(units, k) for k in earlier):
            continue
        texts = {k: _head_text(units, k) for k in earlier}
        texts[t] = _head_text(units, t)
        topics = Topics([v.text for v in units if v.kind in ("para", "heading", "title")])
        vec = {k: topics.vector(Counter(topics_words(text))) for k, text in texts.items()}
        broken = earlier[-1]  # the article whose run broke off right before this head
        sims = {k: Topics.cosine(vec[t], vec[k]) for k in earlier[:-1]}
        best = max(sims, key=sims.get)
        own = Topics.cosine(vec[t], vec[broken])
        if sims[best] < SECTION_SIMILARITY or sims[best] < SECTION_RATIO * own:
            continue
        h.kind = "heading"
        h.extra.pop("head", None)
        h.extra["section_of"] = best
        h.extra["maybe_start"] = True  # a visible note: this may still be another article's title
        report.append(
            Change(
                "uncertain_placement",
                h.first(),
                h.text,
                "",
                f"this line reads as a section heading of the article at line {units[best].first()} (no byline "
                f"of its own, printed where the columns interleave, topic similarity {sims[best]:.2f} against "
                f"{own:.2f} with the article before it): placed there as a heading, please check",
            )
        )


# A news item's own head in its first paragraph: 本报讯（记者 名）, 新华社北京3月11日电.
RE_DATELINE_PARA = re.compile(r"^(?:(?:本报|本刊)?讯[\s\u3000]*[（(]|[^，。]{2,14}电[\s\u3000]*[（(]?|[（(]?记者)")


def _signed(units: list[Unit], k: int) -> bool:
    """True when the article whose head is units[k] has a byline or a dateline right under its head."""
    for v in units[k + 1 : k + 4]:
        if v.kind in ("author", "meta"):
            return True
        if v.kind == "para":
            return bool(RE_DATELINE_PARA.match(v.text))
    return False


def _head_text(units: list[Unit], k: int, paras: int = 3) -> str:
    """A head's text and the first paragraphs printed under it (up to a paragraph that breaks off)."""
    out = [units[k].text]
    n = 0
    for v in units[k + 1 :]:
        if v.extra.get("head") or v.kind in ("title", "jump", "separator"):
            break
        if v.kind == "para":
            out.append(v.text)
            n += 1
            if n >= paras or cut_off(v):
                break
    return " ".join(out)


INSERT_WINDOW = 16  # units after a paragraph that broke off within which its sentence may resume


def _find_inserts(units: list[Unit], report: list[Change]) -> None:
    """A box or a news item set into another article's paragraph, even mid-sentence (a magazine's 相关链接
    box, a 本报讯 item set into the lead). Evidence: a paragraph breaks off (cut_off), the units after it do
    not continue it, and a later paragraph resumes its sentence (it opens mid-sentence, or a word runs across
    the join) with nothing in the grammar against the join. The run between them is complete (its text ends
    a sentence). The host's sentence is rejoined across it (reported, with the topic similarity of each side).
    A run that opens with a heading is taken out as an article of its own (the heading its title, a label
    above it a kicker); an untitled run is left to the page's assignment (it may be runs of other articles)."""
    i = 0
    while i < len(units):
        found = _insert_at(units, i)
        if found is None:
            i += 1
            continue
        j = found
        p, r, run = units[i], units[j], units[i + 1 : j]
        body = [v for v in run if v.kind in ("para", "heading", "box", "title", "speaker")]
        topics = Topics([p.text + r.text, " ".join(v.text for v in body)])
        host_sim = Topics.cosine(
            topics.vector(Counter(topics_words(p.text))), topics.vector(Counter(topics_words(r.text)))
        )
        insert_sim = Topics.cosine(topics.vector(topics.tf[0]), topics.vector(topics.tf[1]))
        opening = body[0]
        if (
            len(body) > 1
            and opening.kind in ("heading", "title")
            and body[1].kind in ("heading", "title")
            and _column_label(opening.text)
        ):
            # a box's label on its own line above its heading (延伸阅读 / 数字孪生从哪里来): a kicker
            label, opening = opening, body[1]
            opening.extra.setdefault("kicker", []).append({"text": label.text, "lines": list(label.lines)})
            report.append(Change("extract_kicker", label.first(), label.text, "", "label of a box above its heading"))
            del units[next(n for n, v in enumerate(units) if v is label)]
            j -= 1
        titled = opening.kind == "heading" and title_shaped(opening) or opening.kind == "title"
        if titled:
            parts = opening.extra.get("parts") or []
            if len(parts) == 2 and _column_label(parts[0]) and opening.text.endswith(parts[1]):
                # a box's label above its heading (相关链接 / 什么是隐私计算): the label is a kicker
                opening.extra.setdefault("kicker", []).append({"text": parts[0], "lines": [opening.lines[0]]})
                opening.text = parts[1]
                report.append(
                    Change("extract_kicker", opening.first(), parts[0], "", "label of a box above its heading")
                )
            opening.kind = "title"
            opening.extra["head"] = True
            opening.extra.setdefault("title_from", "the heading of an insert set into another article's sentence")
        # An untitled run between the halves may be runs of other articles on the page: the page's
        # assignment places it; only the resumed sentence is tied to its first half.
        r.extra.pop("head", None)  # it resumes a sentence: it cannot open an article
        # what the heads said about the lines now resolved (not taken as an article start) is superseded
        resolved = {r.first()}
        if titled:
            resolved |= {opening.first(), *(v.first() for v in body if v.kind in ("heading", "title"))}
        report[:] = [c for c in report if not (c.kind == "uncertain_placement" and c.line in resolved)]
        r.extra["resumes"] = True
        r.extra["follows"] = i
        where = (
            f"the sentence broken off at line {p.lines[-1]} resumes at line {r.first()} ('{p.text[-6:]}|{r.text[:6]}', "
            f"topic similarity of the two halves {host_sim:.2f}, of the host and the run between {insert_sim:.2f})"
        )
        if titled:
            report.append(
                Change(
                    "take_out_insert",
                    opening.first(),
                    opening.text[:30],
                    "",
                    f"set into another article's paragraph mid-sentence: {where}; taken out as an article of its own",
                )
            )
        r.extra["after_insert"] = (run[0].first(), run[-1].lines[-1], where)
        i = j + 1


def _insert_at(units: list[Unit], i: int) -> int | None:
    """The position of the paragraph that resumes the sentence units[i] broke off, after a complete run
    that does not continue it, else None."""
    p = units[i]
    if p.kind != "para" or not cut_off(p) or i + 2 >= len(units):
        return None
    if units[i + 1].kind == "para" and continues(p, units[i + 1]):
        return None  # the next line goes on with it: no insert
    framed = units[i + 1].kind == "separator"  # a box drawn or ruled off
    last_body = None
    for j in range(i + 1, min(len(units), i + 1 + INSERT_WINDOW)):
        v = units[j]
        if v.kind == "jump":
            return None  # a jump line: the page's assignment puts the runs together
        if last_body is not None and (v.extra.get("head") and v.kind != "para" or v.kind in ("author", "meta")):
            return None  # a second article starts: not one insert
        if v.kind == "para" and last_body is not None and last_body.kind == "para":
            opens_mid = starts_mid_sentence(v)
            if not contradicts_join(p.text, v.text) and (
                opens_mid
                or join_evidence(p.text, v.text) > 0
                or (framed and units[j - 1].kind == "separator")  # the box closed right before it
            ):
                if cut_off(last_body):
                    return None  # the run between breaks off itself: interleaved columns, not an insert
                return j
            if opens_mid:
                return None  # another run that opens mid-sentence: not this sentence's rest
        if v.kind in ("para", "heading", "box", "title", "speaker"):
            last_body = v
    return None


POSSIBLE_START = 0.08  # topic similarity of the text before and after a heading below which it may be a title
# A heading that follows a whole body printed without any section heading (this many paragraphs of it,
# each ending its sentence) may open another article when the topic changes too: sections of one article
# begin early, a new headline comes after the last article's end.
LONG_BODY = 3
LONG_BODY_START = 0.2  # the topic similarity under which such a heading is flagged


def _possible_start_evidence(units: list[Unit], i: int, topics: Topics) -> tuple[float, str] | None:
    """(topic similarity, the evidence) when the heading units[i] may open another article, else None.

    Evidence, any one of:
    - the topic changes sharply across it (similarity under POSSIBLE_START);
    - the article's sections before it are numbered (一、 1. （二）) and it is not: a headline interrupting
      a numbered run, not the run's next section;
    - it is the article's first heading, after a body of LONG_BODY paragraphs or more that each end their
      sentence, and the topic changes (similarity under LONG_BODY_START)."""
    before, after = Counter(), Counter()
    paras, headings = 0, []
    k = i - 1
    while k >= 0:
        v = units[k]
        if v.kind == "title" or v.extra.get("head"):
            break
        if v.kind in ("para", "heading"):
            before.update(topics_words(v.text))
        if v.kind == "heading":
            headings.append(v)
        elif v.kind == "para" and not headings:
            paras += 1 if ends_sentence(v.text) else 0
        # a sentence resumed after an insert: the text before it is the host's, not the insert's
        k = v.extra["follows"] if v.extra.get("follows") is not None else k - 1
    n = 0
    for v in units[i + 1 :]:
        if v.kind in ("title", "heading") or v.extra.get("head"):
            break
        if v.kind == "para":
            after.update(topics_words(v.text))
            n += 1
            if n >= 2:
                break
    if not before or not after:
        return None
    sim = Topics.cosine(topics.vector(before), topics.vector(after))
    if sim < POSSIBLE_START:
        return sim, "the topic changes here"
    long_title = len(units[i].text) >= MIN_UNSIGNED_TITLE
    if long_title and headings and RE_NUMBERED.match(headings[0].text):
        return sim, f"the sections before it are numbered ({headings[0].text[:12]}) and it is not"
    if long_title and not headings and paras >= LONG_BODY and sim < LONG_BODY_START:
        return sim, f"the first heading after {paras} paragraphs of body, and the topic changes"
    return None


def _flag_possible_starts(units: list[Unit], report: list[Change], visible: bool) -> None:
    """A heading that could be the title of another article (title-shaped, not numbered, not marked, the
    text before it complete) with evidence that a new article starts there (_possible_start_evidence):
    kept in this article, but reported as uncertain (and, on a page of several articles, marked with a
    visible note)."""
    candidates = [
        i
        for i, u in enumerate(units)
        if u.kind == "heading"
        and title_shaped(u)
        and not _dangling_before(units, i)
        and u.extra.get("section_of") is None  # already reported by _section_heads
    ]
    if not candidates:
        return
    topics = Topics([u.text for u in units if u.kind in ("para", "heading")])
    for i in candidates:
        found = _possible_start_evidence(units, i, topics)
        if found is None:
            continue
        sim, evidence = found
        units[i].extra["maybe_start"] = visible
        report.append(
            Change(
                "uncertain_placement",
                units[i].first(),
                units[i].text,
                "",
                f"this heading may be the title of another article ({evidence}: "
                f"similarity {sim:.2f}); kept in the article before it: please check",
            )
        )


def _dangling_before(units: list[Unit], i: int) -> bool:
    prev = next((u for u in reversed(units[:i]) if u.kind in ("para", "box", "heading")), None)
    return prev is None or prev.kind == "heading"


def _profiles(
    items: list[Item], slots: list[Slot], topics: Topics, piece_index: dict[int, int], labels: list | None
) -> None:
    """Each article's topic: its title words (weighted up) and the text printed right under its title, or
    (with labels) all the text given to it."""
    for s in slots:
        s.profile = Counter({w: TITLE_WEIGHT for w in topics_words(s.title)})
    if labels is None:
        taken: dict[int, int] = {}
        cur = None
        for it in items:
            if it.role == "head":
                cur = it.slot
                taken[cur] = 0
                continue
            if it.role == "jump":
                cur = None
                continue
            if cur is None or it.pos not in piece_index or taken.get(cur, 9) >= 2:
                continue
            slots[cur].profile.update(topics.tf[piece_index[it.pos]])
            taken[cur] += 1
            if it.unit.kind == "para" and not ends_sentence(it.unit.text):
                cur = None  # the run breaks off here: what follows may belong elsewhere
        return
    for it, k in zip(items, labels, strict=True):
        if k is not None and it.pos in piece_index:
            slots[k].profile.update(topics.tf[piece_index[it.pos]])


def _check_moves(
    items: list[Item],
    labels: list,
    slots: list[Slot],
    topics: Topics,
    piece_index: dict[int, int],
    own: dict[int, int],
    report: list[Change],
) -> list:
    """Runs placed away from page order: kept when the margin is clear (reported), else put back in page
    order with a visible note and an uncertain_placement entry."""
    labels = list(labels)
    best = score_labels(items, labels, slots, topics, piece_index, own)
    i = 0
    prev_label = None
    closed: set[int] = set()
    while i < len(items):
        it, k = items[i], labels[i]
        if it.role == "head":
            prev_label = k
            i += 1
            continue
        if it.role != "body" or k is None:
            if it.closes and k is not None:
                closed.add(k)
            if it.role == "jump" and it.unit.kind == "jump":
                prev_label = None  # after a jump line, page order says nothing about the next run
            else:
                prev_label = k if k is not None else prev_label
            i += 1
            continue
        j = i
        while j + 1 < len(items) and items[j + 1].role in ("body", "attach") and labels[j + 1] == k:
            j += 1
        if prev_label is not None and k != prev_label and prev_label not in closed:
            alt = list(labels)
            for x in range(i, j + 1):
                alt[x] = prev_label
            margin = best - score_labels(items, alt, slots, topics, piece_index, own)
            first = it.unit
            if margin < UNCERTAIN_MARGIN:
                labels = alt
                items[i].unit.extra["uncertain"] = True
                report.append(
                    Change(
                        "uncertain_placement",
                        first.first(),
                        first.text[:30],
                        "",
                        f"this run may continue another article (margin {margin:.2f}); kept in page "
                        "order with a visible note: please check",
                    )
                )
                k = prev_label
            else:
                report.append(
                    Change(
                        "place_fragment",
                        first.first(),
                        first.text[:30],
                        "",
                        f"run of text placed with article {k + 1} ({slots[k].title[:16] or 'untitled'}) "
                        f"by grammar and topic (margin {margin:.2f}): please check",
                    )
                )
        for x in range(i, j + 1):
            if items[x].closes:
                closed.add(labels[x])
        prev_label = k
        i = j + 1
    return labels


DOUBT_RATIO = 2.0  # a run this many times closer in topic to another article than to its own is doubtful
DOUBT_MIN = 0.04  # ... when that similarity is at least this


def _flag_doubtful_runs(
    items: list[Item],
    labels: list,
    slots: list[Slot],
    topics: Topics,
    piece_index: dict[int, int],
    report: list[Change],
) -> None:
    """The safety net against a silent merge: a run of an article (a paragraph, with the pieces that go on
    with it when it breaks off) whose topic is clearly another article's, and that no word or open clause
    ties to the text before it, gets a visible note and an uncertain_placement entry (it stays where the
    page's assignment put it). In a series of such runs only the first is flagged."""
    runs: list[tuple[int, list[int]]] = []  # (article, item indices)
    for n, (it, k) in enumerate(zip(items, labels, strict=True)):
        if it.role not in ("body", "follow") or k is None or it.pos not in piece_index:
            continue
        if (
            runs
            and runs[-1][0] == k
            and it.unit.kind != "heading"
            and runs[-1][1][-1] == _prev_piece(items, n)
            and not ends_sentence(items[runs[-1][1][-1]].unit.text)
        ):
            runs[-1][1].append(n)
        else:
            runs.append((k, [n]))
    flagged_after = None
    for k, idx in runs:
        first = items[idx[0]].unit
        if first.extra.get("uncertain") or first.extra.get("maybe_start") or first.extra.get("resumes"):
            continue
        before = _last_piece_of(items, labels, idx[0], k)
        if before is None:
            continue  # the article's first text
        if first.kind == "para" and continues(before.unit, first, adjacent=False):
            continue  # a word or an open clause ties it to the text before it
        run_tf: Counter = Counter()
        for n in idx:
            run_tf.update(topics.tf[piece_index[items[n].pos]])
        vec = topics.vector(run_tf)
        sims = {s.index: Topics.cosine(vec, topics.vector(s.profile - run_tf)) for s in slots}
        other = max((j for j in sims if j != k), key=sims.get, default=None)
        if other is None or sims[other] < DOUBT_MIN or sims[other] < DOUBT_RATIO * sims[k]:
            continue
        if flagged_after is not None and flagged_after == _prev_piece(items, idx[0]):
            flagged_after = idx[-1]
            continue  # the series of doubtful runs is flagged at its first
        flagged_after = idx[-1]
        first.extra["uncertain"] = True
        report.append(
            Change(
                "uncertain_placement",
                first.first(),
                first.text[:30],
                "",
                f"this run reads as part of article {other + 1} ({slots[other].title[:16] or 'untitled'}: topic "
                f"similarity {sims[other]:.2f} against {sims[k]:.2f}); kept where the page's order puts it, with "
                "a visible note: please check",
            )
        )


def _prev_piece(items: list[Item], n: int) -> int | None:
    """The index of the body piece before item n on the page (metadata lines skipped)."""
    for m in range(n - 1, -1, -1):
        if items[m].role in ("body", "follow", "head") or items[m].unit.kind in ("para", "heading", "box"):
            return m
    return None


def _last_piece_of(items: list[Item], labels: list, n: int, k: int) -> Item | None:
    """Article k's last text piece before item n."""
    for m in range(n - 1, -1, -1):
        if labels[m] == k and items[m].unit.kind in ("para", "box") and items[m].role != "jump":
            return items[m]
    return None


def _slot_article(k: int, items: list[Item], labels: list, report: list[Change]) -> Article | None:
    """An Article from the units given to slot k, in page order: paragraphs broken by a column or page end
    joined, a visible gap where the text is missing from the source."""
    units: list[Unit] = []
    for it, lab in zip(items, labels, strict=True):
        if lab != k or it.role == "jump":
            continue
        if it.role == "head" and it.unit.kind in ("para", "heading", "box", "speaker", "figure"):
            continue  # its text comes with the attach item that follows
        units.append(it.unit)
    if not units:
        return None
    art = Article(source="")
    caption_names: list[str] = []
    last: Unit | None = None  # the last body piece, for joins and gaps
    last_block: Block | None = None
    # Each unit's count of body pieces before it on the page: two pieces are adjacent when nothing but
    # metadata lines stands between them.
    body_no: dict[int, int] = {}
    n = 0
    for it in items:
        if it.role in ("body", "head", "follow") or it.role == "attach" and it.unit.kind in ("para", "heading", "box"):
            n += 1
        body_no[id(it.unit)] = n
    seen_body = False
    in_run = _line_runs(units)
    for u in units:
        if u.kind in ("para", "box", "heading", "speaker", "figure"):
            if u.extra.get("maybe_start"):
                art.blocks.append(Block("gap", START_TEXT, [], ["this heading may begin another article"]))
            if u.extra.get("uncertain"):
                art.blocks.append(Block("gap", UNCERTAIN_TEXT, [], ["placement of the following text is uncertain"]))
            adjacent = last is not None and (body_no[id(u)] - body_no[id(last)] <= 1 or bool(u.extra.get("resumes")))
            # A paragraph that broke off at a clause end (，；) goes on in the next piece the page's assignment
            # gave this article unless the grammar at the join says otherwise; one cut inside a word needs
            # the word across the join. The gap marker is for text missing from the source.
            at_clause = last is not None and last.text.endswith(("，", "；", "、", ",", ";"))
            # A short line without punctuation is joined only on evidence (a word across the break); lines
            # of a run of short lines (verse, dialogue, table rows, a signature) are never glued together.
            lenient = (adjacent or at_clause) and prose_line(last)
            if (
                last is not None
                and u.kind == "para"
                and not (id(last) in in_run and id(u) in in_run)
                and continues(last, u, lenient)
            ):
                kind = "fix_broken_paragraph" if adjacent else "fix_interleaved_columns"
                why = (
                    "paragraph broken by a column or page end, joined"
                    if adjacent
                    else f"column continues at line {u.first()} (after line {last.lines[-1]})"
                )
                if u.extra.get("after_insert"):
                    a, b, where = u.extra["after_insert"]
                    kind = "fix_interleaved_columns"
                    why = f"{where}: rejoined across lines {a}-{b}, printed between its halves"
                report.append(
                    Change(
                        kind,
                        u.first(),
                        last.text[-12:] + ("⏎" if adjacent else " … ") + u.text[:12],
                        last.text[-12:] + u.text[:12],
                        why,
                    )
                )
                last.text += u.text
                last.lines.extend(u.lines)
                if last_block is not None:
                    last_block.text = last.text
                    last_block.lines = list(last.lines)
                continue
            if cut_off(last) and id(last) not in in_run and not (u.kind == "box"):
                _mark_gap(
                    art,
                    report,
                    last.lines[-1],
                    last.text[-20:],
                    "continuation missing from the source: gap marked, nothing glued on",
                    "the text that continues this paragraph is missing from the source",
                )
                last, last_block = None, None
            elif starts_mid_sentence(u) and (seen_body or last is None):
                _mark_gap(
                    art,
                    report,
                    u.first(),
                    "",
                    "text starts mid-sentence; its beginning is missing from the source",
                    "this text starts mid-sentence",
                )
            seen_body = True
            n_blocks = len(art.blocks)
            _add_unit(art, u, report, caption_names)
            if u.kind == "para":
                last, last_block = u, art.blocks[-1]
            elif u.kind == "box" and len(art.blocks) > n_blocks:
                last, last_block = u, art.blocks[-1]
            elif u.kind == "heading":
                last, last_block = None, None
            continue
        _add_unit(art, u, report, caption_names)
    if cut_off(last) and id(last) not in in_run:
        _mark_gap(
            art,
            report,
            last.lines[-1],
            last.text[-20:],
            "article breaks off mid-sentence: the rest is not in the source",
            "the article breaks off here in the source",
        )
    elif (
        art.blocks
        and art.blocks[-1].kind == "h2"
        and any(b.kind == "p" for b in art.blocks)
        and (RE_SECTION_NUMBER.match(art.blocks[-1].text) or sum(b.kind == "h2" for b in art.blocks) >= 2)
    ):
        # A section heading of the article (numbered, or one of several) with no text under it; a lone
        # unnumbered line at the end may be furniture, which gets no gap marker.
        heading = art.blocks[-1]
        _mark_gap(
            art,
            report,
            heading.lines[-1] if heading.lines else 0,
            heading.text[-20:],
            "article ends with a heading and no text under it: the rest is not in the source",
            "the text under this heading is missing from the source",
        )
    _mark_lost_runs(art, report)
    if caption_names:
        art.pictured = caption_names
        speakers = {b.items[0]["name"] for b in art.blocks if b.kind == "speaker"}
        for name in caption_names:
            if speakers and name not in speakers:
                report.append(
                    Change(
                        "missing_section",
                        None,
                        name,
                        "",
                        f"{name} is pictured and counted among the speakers, but the source has no section for them",
                    )
                )
    numbers = [n for b in art.blocks for n in b.lines] + art.title_lines + art.summary_lines
    art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return art


RUN_MIN = 3  # short lines in a row that make a structure (verse, dialogue turns, table rows, a list)


def _line_runs(units: list[Unit]) -> set[int]:
    """ids of the paragraphs that stand in a run of RUN_MIN or more short one-line paragraphs in a row:
    verse, dialogue turns, table rows, a signature block. Such lines are kept as they are: a short line
    there is the shape of the text, not a paragraph that broke off."""
    out: set[int] = set()
    run: list[Unit] = []
    for u in [*units, None]:
        if u is not None and u.kind == "para" and len(u.lines) == 1 and len(u.text) <= SHORT_LINE:
            run.append(u)
            continue
        if u is not None and u.kind not in ("para", "box", "heading", "speaker", "figure"):
            continue  # metadata between the lines does not break the run
        if len(run) >= RUN_MIN:
            out.update(id(v) for v in run)
        run = []
    return out


def _add_unit(art: Article, u: Unit, report: list[Change], caption_names: list[str]) -> None:
    """One unit into the article: metadata (title, byline, outlet line …) or a body block."""
    if u.kind == "title" and art.title is None:
        art.title = u.text
        art.title_from = "headline"
        if not art.title_lines:
            art.title_lines = list(u.lines)
        why = u.extra.get("title_from", "")
        if why and not why.startswith("marked"):
            report.append(Change("extract_title", u.first(), u.text, "", f"title of the article: {why}"))
        for k in u.extra.get("kicker", []):  # a page head or kicker above the title (heads._attach_kicker)
            if art.kicker is None:
                art.kicker = k["text"]
            art.title_lines.extend(k["lines"])
    elif u.kind == "title":  # a second title line for the same article: a subtitle
        art.subtitle = u.text
        art.title_lines.extend(u.lines)
    elif u.kind == "deck":
        art.subtitle = u.text
        art.title_lines.extend(u.lines)
    elif u.kind == "author":
        if u.extra.get("role"):
            art.reporters.append({"role": u.extra["role"], "names": u.extra["names"]})
        art.authors.extend(n for n in u.extra["names"] if n not in art.authors)
        art.date = art.date or u.extra.get("date")  # a web or WeChat byline's date and account
        art.publication = art.publication or u.extra.get("publication")
        if u.extra.get("affiliation") and u.extra["affiliation"] not in art.affiliations:
            art.affiliations.append(u.extra["affiliation"])
        where = " (printed at the end)" if u.extra.get("at") == "bottom" else ""
        report.append(Change("extract_byline", u.first(), u.text, "", f"byline moved to metadata{where}"))
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
        art.authors.extend(n for n in u.extra.get("names", []) if n not in art.authors)
        report.append(Change("extract_metadata_line", u.first(), u.text, "", "date and outlet moved to metadata"))
    elif u.kind == "photo_credit":
        art.photo_credit = u.text
        report.append(Change("extract_photo_credit", u.first(), u.text, "", "photo credit moved to metadata"))
    elif u.kind == "box":
        if art.summary is None:  # the boxed lede is the article's summary, shown in its header
            art.summary = u.text
            art.summary_label = u.extra.get("label")
            art.summary_lines = u.lines
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


# A run of characters the decoder could not read (〓, with stray letters or marks of a wrong decoding
# between them): a clause lost (eight or more), not a word or two.
LOST_RUN = 8
RE_LOST_RUN = re.compile(r"〓[〓\u0080-\u036f]*(?:〓[〓\u0080-\u036f]*){3,}")


def _mark_lost_runs(art: Article, report: list[Change]) -> None:
    """A visible gap note after each paragraph where a run of text is lost to a wrong decoding (the 〓 stay
    in the paragraph, so the reader sees where)."""
    out: list[Block] = []
    for b in art.blocks:
        out.append(b)
        m = RE_LOST_RUN.search(b.text) if b.kind == "p" else None
        if m and m.group(0).count("〓") >= LOST_RUN:
            report.append(
                Change(
                    "mark_gap",
                    b.lines[0] if b.lines else 0,
                    m.group(0)[:20],
                    LOST_TEXT,
                    f"{m.group(0).count('〓')} characters could not be decoded (〓): the text is lost from the source",
                )
            )
            out.append(Block("gap", LOST_TEXT, [], ["characters lost to a wrong decoding in the source"]))
    art.blocks = out


def _mark_gap(art: Article, report: list[Change], line: int, before: str, reason: str, note: str) -> None:
    """A visible gap marker where text is missing from the source, and its report entry (never a silent join)."""
    report.append(Change("mark_gap", line, before, GAP_TEXT, reason))
    art.blocks.append(Block("gap", GAP_TEXT, [], [note]))
