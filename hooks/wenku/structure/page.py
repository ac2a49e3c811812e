"""Newspaper pages, web pages and reports: titles, bylines, interleaved column fragments put back in
reading order, author notes, boxes, speakers."""

from __future__ import annotations

import re
from collections import Counter

from wenku.model import Article, Block, Change, Line
from wenku.structure.heads import mark_heads, title_shaped
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
from wenku.structure.units import Unit, classify, remove_boilerplate
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
    source_meta: dict = {}
    items, slots = _items(units, report)
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
        # One refinement: each article's topic from all the text given to it (a piece compared with its
        # article without itself), then decide again.
        _profiles(items, slots, topics, piece_index, labels)
        own = {
            piece_index[it.pos]: k
            for it, k in zip(items, labels, strict=True)
            if it.pos in piece_index and k is not None
        }
        labels = assign(items, slots, topics, piece_index, own)
        labels = _check_moves(items, labels, slots, topics, piece_index, own, report)
    articles = [_slot_article(k, items, labels, report) for k in range(len(slots))]
    articles = [a for a in articles if a is not None]
    return articles, report, source_meta


def _items(units: list[Unit], report: list[Change]) -> tuple[list[Item], list[Slot]]:
    """The page as items for the assignment (heads open an article), and one slot per article start."""
    items: list[Item] = []
    slots: list[Slot] = []
    for pos, u in enumerate(units):
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


POSSIBLE_START = 0.08  # topic similarity of the text before and after a heading below which it may be a title


def _flag_possible_starts(units: list[Unit], report: list[Change], visible: bool) -> None:
    """A heading that could be the title of another article (title-shaped, not numbered, not marked, the
    text before it complete) where the topic changes sharply: kept in this article, but reported as
    uncertain (and, on a page of several articles, marked with a visible note)."""
    candidates = [
        i for i, u in enumerate(units) if u.kind == "heading" and title_shaped(u) and not _dangling_before(units, i)
    ]
    if not candidates:
        return
    topics = Topics([u.text for u in units if u.kind in ("para", "heading")])
    for i in candidates:
        before, after = Counter(), Counter()
        for v in reversed(units[:i]):
            if v.kind == "title" or v.extra.get("head"):
                break
            if v.kind in ("para", "heading"):
                before.update(topics_words(v.text))
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
            continue
        sim = Topics.cosine(topics.vector(before), topics.vector(after))
        if sim < POSSIBLE_START:
            units[i].extra["maybe_start"] = visible
            report.append(
                Change(
                    "uncertain_placement",
                    units[i].first(),
                    units[i].text,
                    "",
                    f"this heading may be the title of another article (the topic changes here: "
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
        if it.role in ("body", "head") or it.role == "attach" and it.unit.kind in ("para", "heading", "box"):
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
            at_clause = last is not None and last.text.endswith(("，", "；", ",", ";"))
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
