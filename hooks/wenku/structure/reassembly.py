"""Interleaved column runs put back together: a decision over the whole page, not local rules.

Every piece of body text after the first article start is given to one article, keeping page order inside
each article. An assignment is scored by
- grammar at each join: a word across the break (劳动|者), an enumeration or an open quote or bracket going
  on, against a sentence end followed by text that opens mid-sentence, or a paragraph that broke off
  followed by a new one;
- topic coherence: TF-IDF over jieba words between the piece and each article (its title words weighted
  up, and the text printed right under its title);
- a small cost for every change of article (columns come in few runs).
A beam search finds the best assignment. A run placed away from page order with a weak margin is put back
in page order and flagged (a visible note and an `uncertain_placement` report entry): never a silent merge.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from wenku.ingest.paragraphs import contradicts_join, join_evidence
from wenku.segment import cut, is_word
from wenku.structure.units import Unit
from wenku.textutil import CJK, ends_sentence

TOPIC_WEIGHT = 1.5
EPS = 0.02
SWITCH_COST = 0.8
TITLE_WEIGHT = 3.0
BEAM = 48
NEARBY = 4  # articles whose start is among the last NEARBY starts are candidates for a piece
UNCERTAIN_MARGIN = 1.0
STOP = set(
    "的了和与及在对将把被为以从向等并而且或是有更也都又还就才仍却则即之其所使让给跟同我省我国我们要加快推动发展建设"
)


@dataclass
class Slot:
    """One article on the page: where it starts and its title words."""

    index: int
    start: int  # position of its first head unit in the page's unit list
    title: str = ""
    profile: Counter = field(default_factory=Counter)


# A labelled address (链接：https://…, 邮箱：a@b.cn) ends its line complete without a full stop.
RE_ADDRESS_END = re.compile(r"[：:]\s*(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$")


def _dangling(u: Unit | None) -> bool:
    """True when u is a paragraph that broke off mid-sentence."""
    return (
        u is not None
        and u.kind in ("para", "box")
        and not ends_sentence(u.text)
        and not u.text.endswith(("：", ":"))
        and not RE_ADDRESS_END.search(u.text)
    )


RE_MID_START = re.compile(rf"^(?:(?P<stub>[{CJK}]{{1,2}})(?P<mark>[，、；。：！？])|[，、；。：！？”’）》])")
# A person named by a pronoun opens a sentence: 他说，… 我想，… (not the tail of a cut word).
PRONOUN_STARTS = frozenset("他她它我你您咱这那谁")
# Internal punctuation of prose: a line holding none is a title, a verse line, a table row or a signature.
RE_PROSE_MARK = re.compile(r"[，。、；！？,;]")
SHORT_LINE = 24
RE_URL_END = re.compile(r"(?:https?://|www\.)[\w./?=&%#~:+-]+$")
ENCLOSERS = {"（": "）", "(": ")", "【": "】", "〔": "〕", "[": "]"}


def _enclosed(text: str) -> bool:
    """True when the whole text stands in one pair of brackets."""
    close = ENCLOSERS.get(text[:1])
    if not close or not text.endswith(close):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == text[0]) - (ch == close)
        if depth == 0:
            return i == len(text) - 1  # the first bracket closes at the very end
    return False


RE_FIELD_GAP = re.compile(r"[|｜>＞\s\u3000]")
# How a clause that goes on can end a line: a character of a word, a letter or digit, a clause mark.
RE_OPEN_END = re.compile(rf"[{CJK}A-Za-z0-9，、；：,;:—\-]$")


# Words that cannot open a sentence: structural particles and the 'only then' of a result clause
# (…需要大量清洗和加工|才能投入使用).
BOUND_STARTS = frozenset({"的", "地", "得", "们", "吗", "呢", "吧", "才", "才能", "才会", "才可"})


def starts_mid_sentence(u: Unit) -> bool:
    """True when a paragraph opens with the tail of a sentence: '金，建立…', '，…', '”…', '才能投入使用…'
    (not '当前，…')."""
    if u.kind != "para":
        return False
    m = RE_MID_START.match(u.text)
    if not m:
        head = cut(u.text[:6])
        return bool(head) and head[0] in BOUND_STARTS
    stub = m.group("stub")
    if stub is not None and m.group("mark") in "：:":
        return False  # 问：… 甲：… 注：…: a label or a speaker, not the tail of a sentence
    if stub is not None and stub[0] in PRONOUN_STARTS:
        return False
    if stub is not None and m.group("mark") == "、" and all(c in "一二三四五六七八九十" for c in stub):
        return False  # 一、… 二、…: a numbered item
    return stub is None or len(stub) == 1 or not is_word(stub)


def prose_line(u: Unit | None) -> bool:
    """True when u is a paragraph of prose that did not end its sentence: internal punctuation, or a long
    run of words. A short line without punctuation (a verse line, a table row, a closing, a signature) or
    cells set apart by spaces or bars (a forum's post line, a nav bar) are not prose."""
    if not _dangling(u):
        return False
    text = u.text.rstrip()
    if _enclosed(text):
        return False  # （本文根据访谈录音整理）: a note in brackets
    if RE_PROSE_MARK.search(text):
        return True
    return len(text) > SHORT_LINE and not RE_FIELD_GAP.search(text)


def cut_off(u: Unit | None) -> bool:
    """True when u shows positive evidence that its text broke off: prose (prose_line) whose last
    character is one a clause that goes on can end a line with. A line ending in a closing bracket or
    quote ((完)”) or an ornament (☆) is no such evidence."""
    text = u.text.rstrip() if u is not None else ""
    # …链接是 https://…: an address may end its line (what follows it may still go on: joins decide that)
    return prose_line(u) and bool(RE_OPEN_END.search(text)) and not RE_URL_END.search(text)


def join_score(q: Unit | None, p: Unit) -> float:
    """Grammar at a join: q (the article's last piece so far, None right after its head) then p."""
    if p.kind != "para":
        return -1.5 if _dangling(q) else 0.0
    if q is None:
        return -2.0 if starts_mid_sentence(p) else 0.0
    if _dangling(q):
        ev = join_evidence(q.text, p.text)
        if ev > 0:
            return ev
        if p.extra.get("resumes"):
            return 1.0  # a 上接 line says this text goes on from an article's first part: it outranks our reading
        if contradicts_join(q.text, p.text):
            return -2.0
        return 1.0 if p.extra.get("resumes") else 0.2
    return -2.0 if starts_mid_sentence(p) else 0.0


def continues(q: Unit, p: Unit, adjacent: bool = True) -> bool:
    """True when p is the rest of q's paragraph: evidence for it, or (printed right after it) nothing
    against it."""
    if not _dangling(q) or p.kind != "para":
        return False
    if join_evidence(q.text, p.text) > 0 or (adjacent and p.extra.get("jump_resumes")):
        return True
    return adjacent and not contradicts_join(q.text, p.text)


def _words(text: str) -> list[str]:
    return [w for w in cut(text) if len(w) >= 2 and re.match(f"[{CJK}]", w) and w not in STOP]


class Topics:
    """TF-IDF vectors over jieba words of the page's pieces (each piece is a document)."""

    def __init__(self, texts: list[str]):
        self.tf = [Counter(_words(t)) for t in texts]
        df = Counter(w for tf in self.tf for w in tf)
        n = max(1, len(texts))
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}

    def vector(self, counts: Counter) -> dict[str, float]:
        vec = {w: c * self.idf.get(w, math.log(len(self.tf) + 2)) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(w, 0.0) for w, v in a.items())


@dataclass
class Item:
    """A unit of the page after the first article start, with what the assignment must know about it."""

    pos: int
    unit: Unit
    role: str  # 'head' (starts slot), 'body' (to assign), 'attach' (goes with the piece before it), 'jump',
    # 'follow' (goes with the article of the item at index `follow`: a sentence resuming after an insert)
    slot: int | None = None  # for heads
    closes: bool = False
    follow: int | None = None  # for 'follow': the index (in the item list) of the piece it continues


def _emission_model(slots: list[Slot], topics: Topics, piece_index: dict[int, int], own: dict[int, int] | None):
    """emission(pos, k, cands): how much better (log ratio, 0 for the best) a piece fits article k than the
    best of the candidates, by TF-IDF cosine. With own (piece -> its article in an earlier pass), an article's
    profile leaves out the piece itself."""
    sims: dict[tuple[int, int], float] = {}
    vecs: dict[int, dict[str, float]] = {}
    prof = {s.index: topics.vector(s.profile) for s in slots}

    def sim(pi: int, k: int) -> float:
        key = (pi, k)
        if key not in sims:
            if pi not in vecs:
                vecs[pi] = topics.vector(topics.tf[pi])
            if own is not None and own.get(pi) == k:
                sims[key] = Topics.cosine(vecs[pi], topics.vector(slots[k].profile - topics.tf[pi]))
            else:
                sims[key] = Topics.cosine(vecs[pi], prof[k])
        return sims[key]

    def emission(pos: int, k: int, cands) -> float:
        pi = piece_index.get(pos)
        if pi is None or not topics.tf[pi]:
            return 0.0
        best = max(sim(pi, c) for c in cands)
        return TOPIC_WEIGHT * math.log((sim(pi, k) + EPS) / (best + EPS))

    return emission


def assign(
    items: list[Item], slots: list[Slot], topics: Topics, piece_index: dict[int, int], own: dict[int, int] | None = None
) -> list[int | None]:
    """The best article for every item (None for jump lines and rules), by beam search over the whole page."""
    emission = _emission_model(slots, topics, piece_index, own)

    # state: (score, labels, last piece per slot, current slot, closed, suspended, opened)
    init = (0.0, (), {}, None, frozenset(), (), ())
    beam = [init]
    for it in items:
        new = []
        for score, labels, last, cur, closed, suspended, opened in beam:
            if it.role == "head":
                new.append((score, labels + (it.slot,), last, it.slot, closed, suspended, opened + (it.slot,)))
                continue
            if it.role == "jump":
                if it.unit.extra.get("dir") == "down" and cur is not None:
                    new.append((score, labels + (None,), last, None, closed, suspended + (cur,), opened))
                elif it.unit.extra.get("dir") == "up" and suspended:
                    k = _resume(suspended, it.unit, slots)
                    rest = tuple(s for s in suspended if s != k)
                    new.append((score, labels + (None,), last, k, closed, rest, opened))
                else:
                    new.append((score, labels + (None,), last, cur, closed, suspended, opened))
                continue
            if it.role in ("attach", "follow"):
                if it.role == "follow":
                    k = labels[it.follow]
                else:
                    k = cur if cur is not None else (opened[-1] if opened else None)
                c2 = closed | {k} if it.closes and k is not None else closed
                l2 = last
                s = score
                if it.role == "follow" and k is not None:
                    s += join_score(last.get(k), it.unit)  # the grammar at the join still counts
                if k is not None and it.unit.kind in ("para", "box"):
                    l2 = dict(last)
                    l2[k] = it.unit
                new.append((s, labels + (k,), l2, k, c2, suspended, opened))
                continue
            recent = opened[-NEARBY:]
            cands = [k for k in recent if k not in closed and k not in suspended]
            if cur is not None and cur not in cands and cur not in closed:
                cands.append(cur)
            if not cands:
                cands = [cur if cur is not None else opened[-1]] if opened else [0]
            for k in cands:
                q = last.get(k)
                s = score + emission(it.pos, k, cands) + join_score(q, it.unit)
                if k != cur:
                    s -= SWITCH_COST
                    if (
                        cur is not None
                        and _dangling(last.get(cur))
                        and last.get(cur) is not None
                        and continues(last[cur], it.unit)
                        and join_evidence(last[cur].text, it.unit.text) > 0
                    ):
                        s -= 1.0  # leaving a paragraph that this piece would continue word for word
                l2 = dict(last)
                l2[k] = it.unit
                new.append((s, labels + (k,), l2, k, closed, suspended, opened))
        # keep the best state per (current slot, last pieces) and the BEAM best overall
        best: dict = {}
        for st in new:
            key = (st[3], tuple(sorted((k, id(v)) for k, v in st[2].items())), st[4], st[5])
            if key not in best or st[0] > best[key][0]:
                best[key] = st
        beam = sorted(best.values(), key=lambda st: -st[0])[:BEAM]
    return list(beam[0][1]) if beam else []


def score_labels(
    items: list[Item],
    labels: list[int | None],
    slots: list[Slot],
    topics: Topics,
    piece_index: dict[int, int],
    own: dict[int, int] | None = None,
) -> float:
    """The score of a complete assignment (the same terms as the search; candidates: the articles opened
    among the last NEARBY starts)."""
    emission = _emission_model(slots, topics, piece_index, own)
    last: dict[int, Unit] = {}
    cur = None
    opened: list[int] = []
    total = 0.0
    for it, k in zip(items, labels, strict=True):
        if it.role == "head":
            cur = k
            opened.append(k)
            continue
        if it.role in ("jump", "attach", "follow") or k is None:
            if it.role == "follow" and k is not None:
                total += join_score(last.get(k), it.unit)
            if it.role in ("attach", "follow") and k is not None and it.unit.kind in ("para", "box"):
                last[k] = it.unit
            cur = k if k is not None else cur
            continue
        cands = set(opened[-NEARBY:]) | {k}
        total += emission(it.pos, k, cands)
        total += join_score(last.get(k), it.unit)
        if k != cur:
            total -= SWITCH_COST
        last[k] = it.unit
        cur = k
    return total


def _resume(suspended: tuple, jump: Unit, slots: list[Slot]) -> int:
    """The article a 上接 line resumes: the one its title words name, else the first one suspended."""
    rest = jump.extra.get("rest", "")
    if rest:
        for k in suspended:
            title = slots[k].title
            if title and (rest[:4] in title or title[:4] in rest):
                return k
    return suspended[0]
