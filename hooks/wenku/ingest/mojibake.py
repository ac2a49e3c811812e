"""Repair GBK text that was decoded one byte off (e.g. ``??赏苿咏⒅胁苛∪斯ぶ悄`` -> ``。可推動建立中部六省人工智能``).

How the damage arises: a GBK byte stream loses its alignment at one byte (the decoder shows it as
``?``), every following pair of bytes straddles two real characters, pairs that are not valid GBK
are dropped, full-width ``？``/``！`` produced by chance are later folded to ``?``/``!``, and the
stream realigns at the next single-byte (ASCII) character. The repair re-pairs the bytes, restores
dropped pairs from the dictionary where one candidate clearly wins, and marks what stays unknown.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable

from wenku.ingest.chars import char_frequencies, char_weight, word_frequency
from wenku.script import to_simplified
from wenku.segment import is_word, tokenizer
from wenku.textutil import CJK

UNKNOWN = "〓"
LINKING_CHARS = "和与及的在是为对"  # visible marker for a character that cannot be recovered

# A candidate: starts with the lost byte ('?', or U+FFFD that remove_control_characters made 〓), then
# GBK double-byte characters (and '?'/'!' folded from ？/！; GB18030 reads pairs in the user-defined
# areas as private-use characters).
LOST = "?" + UNKNOWN
RE_CANDIDATE = re.compile(rf"[{re.escape(LOST)}][?!\u00a1-\uffff]{{2,}}")


def _gbk(ch: str) -> bytes | None:
    if ch == "?":
        return b"\xa3\xbf"
    if ch == "!":
        return b"\xa3\xa1"
    if ch == UNKNOWN:
        return None  # a byte the decoder could not read: never part of the re-paired stream
    try:
        b = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return b if len(b) == 2 else None


@functools.cache
def _decode_pair(a: int, b: int) -> str | None:
    try:
        ch = bytes((a, b)).decode("gbk")
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None


@functools.lru_cache(maxsize=1)
def _by_lead() -> dict[int, list[tuple[int, str]]]:
    """Valid GBK characters grouped by lead byte."""
    table: dict[int, list[tuple[int, str]]] = {}
    for a in range(0x81, 0xFF):
        for b in range(0x40, 0xFF):
            ch = _decode_pair(a, b)
            if ch and re.match(f"[{CJK}]", ch):
                table.setdefault(a, []).append((b, ch))
    return table


@functools.lru_cache(maxsize=1)
def _by_trail() -> dict[int, list[tuple[int, str]]]:
    """Valid GBK characters grouped by trail byte."""
    table: dict[int, list[tuple[int, str]]] = {}
    for a, row in _by_lead().items():
        for b, ch in row:
            table.setdefault(b, []).append((a, ch))
    return table


def _plausibility(text: str) -> float:
    """Mean character weight of text after conversion to simplified (higher = more like prose)."""
    if not text:
        return 0.0
    return sum(char_weight(c) for c in text) / len(text)


def _lex_score(text: str, lo: int = 0, hi: int | None = None) -> float:
    """Log-frequency mass of dictionary words (2-4 characters) in text that overlap text[lo:hi]."""
    simp = _simp(text)
    hi = len(simp) if hi is None else hi
    total = 0.0
    for n in (2, 3, 4):
        for i in range(len(simp) - n + 1):
            if i + n <= lo or i >= hi:
                continue
            f = word_frequency(simp[i : i + n])
            if f:
                total += math.log(1 + f) * n
    return total


@functools.lru_cache(maxsize=65536)
def _simp(text: str) -> str:
    return to_simplified(text)


def _fitter(left: str, right: str) -> Callable[[str], bool]:
    """A cheap necessary test for many candidates in one context (some dictionary word, or word prefix, joins
    a candidate to its neighbours or itself): the context's work done once, first characters
    remembered (candidates are simplified character by character)."""
    freq = tokenizer().FREQ
    lsimp, r1 = _simp(left), _simp(right)[:1]
    tails = [lsimp[-k:] for k in range(1, min(3, len(lsimp)) + 1)]
    first_ok: dict[str, bool] = {}

    def fits(mid: str) -> bool:
        m = "".join(_simp(c) for c in mid)
        c0 = m[:1]
        ok = first_ok.get(c0)
        if ok is None:
            ok = first_ok[c0] = any(t + c0 in freq for t in tails)
        if ok:
            return True
        tail = m + r1
        return any(tail[i : i + 2] in freq for i in range(len(m)))

    return fits


def _fit(left: str, mid: str, right: str) -> float:
    """How well mid fits between left and right: dictionary words that include part of mid."""
    return _lex_score(left + mid + right, len(left), len(left) + len(mid))


@functools.lru_cache(maxsize=1024)
def _candidates(lead: int, trail: int) -> tuple[str, ...]:
    """Readings of a misfit pair: same lead with another trail, or two characters around a dropped pair."""
    out = [ch for _, ch in _by_lead().get(lead, [])]
    for b, c1 in _by_lead().get(lead, []):
        for a, c2 in _by_trail().get(trail, []):
            if _decode_pair(b, a) is None:  # only an invalid middle pair is dropped by a decoder
                out.append(c1 + c2)
    return tuple(out)


def _best_reading(left: str, a: int, b: int, ch: str, right: str) -> tuple[float, str]:
    """(gain, reading) for position ch: the candidate that fits its context clearly better, if any."""
    return _best_in_context(left[-3:], a, b, ch, right[:3])


@functools.lru_cache(maxsize=4096)
def _best_in_context(ctx_l: str, a: int, b: int, ch: str, ctx_r: str) -> tuple[float, str]:
    """_best_reading for the three characters either side (all it looks at), cached: the restore loop
    asks again for every position after each replacement."""
    if word_frequency(_simp(ch)) >= 10000:
        return 0.0, ch
    if _fit(ctx_l, ch, ctx_r) > 0:
        return 0.0, ch  # it already forms a word with its neighbours
    # A dropped pair is the rarer accident: a two-character reading must win by a margin.
    # Restoring a whole dictionary word is evidence for that reading.

    def score(c: str) -> float:
        s = _fit(ctx_l, c, ctx_r) - 8 * (len(c) - 1)
        if len(c) == 2 and is_word(_simp(c)):
            s += 4
        if len(c) == 2 and c[1] in LINKING_CHARS and _fit(ctx_l, c[0], "") > 0:
            s += 10  # 革命|和|产业: a conjunction lost with the dropped pair
        return s

    fits = _fitter(ctx_l, ctx_r)
    scored = sorted(((score(c), c) for c in _candidates(a, b) if fits(c)), reverse=True)
    if not scored:
        return 0.0, ch
    top, guess = scored[0]
    # Readings that agree on the first character do not compete with each other.
    runner = next((sc for sc, c in scored[1:] if c[0] != guess[0]), 0.0)
    if top >= 10 and top - runner >= 3:
        return top, guess
    return 0.0, ch


def _restore_misfits(chars: list[str], pairs: list[tuple[int, int] | None], left: str, right: str) -> list[str]:
    """Replace misfit characters, the clearest improvement first, until none improves."""
    chars = list(chars)
    fixed: set[int] = set()
    for _ in range(len(chars)):
        best = (0.0, -1, "")
        for i, (ch, pair) in enumerate(zip(chars, pairs, strict=False)):
            if pair is None or i in fixed:
                continue
            gain, reading = _best_reading(
                left + "".join(chars[:i]), pair[0], pair[1], ch, "".join(chars[i + 1 :]) + right
            )
            if gain > best[0]:
                best = (gain, i, reading)
        if best[1] < 0:
            break
        chars[best[1]] = best[2]
        fixed.add(best[1])
    return chars


def realign(run: str, next_char: str, left_context: str = "", right_context: str = "") -> tuple[str, int] | None:
    """Re-paired text for a mojibake run (first char the lost byte) and how many next chars it used."""
    if not run or run[0] not in LOST:
        return None
    stream: list[int] = []
    for ch in run[1:]:
        b = _gbk(ch)
        if b is None:
            return None
        stream.extend(b)
    used_next = 0
    # The next ASCII character was the lost trail byte only when it can be one (0x40-0x7E); a digit,
    # space or ASCII punctuation never is: then the trail byte was dropped and the character is real.
    if next_char and next_char.isascii() and next_char.isprintable() and ord(next_char) >= 0x40:
        stream.append(ord(next_char))
        used_next = 1
    tail: str | None = None
    if len(stream) % 2 == 0:
        if next_char and not (next_char.isascii() and ord(next_char) < 0x40):
            return None
        # The last character's trail byte is lost (at the line end, or before a byte that cannot be
        # one): read the lead byte as the likeliest character, a sentence end first.
        last = stream.pop()
        options = [c for b in range(0x40, 0xFF) for c in [_decode_pair(last, b)] if c]
        before_tail = "".join(
            _decode_pair(stream[i], stream[i + 1]) or "" for i in range(max(1, len(stream) - 4), len(stream) - 1, 2)
        )
        tail = max(
            options,
            key=lambda c: (c in "。！？”）", _fit(before_tail, c, right_context[:2]), _plausibility(c)),
            default=UNKNOWN,
        )
    # The lost byte pairs with the first byte; choose the lead that gives the likeliest character.
    first = stream[0]
    options = [(ch, a) for a, ch in _by_trail().get(first, [])]
    options += [(c, a) for a in (0xA1, 0xA3) for c in [_decode_pair(a, first)] if c]
    after_head = "".join(_decode_pair(stream[i], stream[i + 1]) or "" for i in range(1, min(len(stream) - 1, 5), 2))
    head = max(
        options,
        key=lambda o: (o[0] in "。，、“”：；", _fit(left_context[-3:], o[0], after_head), _plausibility(o[0])),
        default=None,
    )
    pairs = [(stream[i], stream[i + 1]) for i in range(1, len(stream) - 1, 2)]
    chars = [head[0] if head else UNKNOWN] + [_decode_pair(a, b) or UNKNOWN for a, b in pairs]
    slots: list[tuple[int, int] | None] = [None] + [p if _decode_pair(*p) else None for p in pairs]
    if tail is not None:
        chars.append(tail)
        slots.append(None)
    return "".join(_restore_misfits(chars, slots, left_context, right_context)), used_next


def fix_gbk_misalignment(text: str) -> str:
    """Repair runs of GBK-misaligned mojibake inside a line; unknown characters become 〓."""
    pos = 0
    out = []
    for m in RE_CANDIDATE.finditer(text):
        run = m.group(0)
        # The run ends at the first character that is not double-byte GBK.
        end = 1
        while end < len(run) and _gbk(run[end]) is not None:
            end += 1
        run = run[:end]
        if len(run) < 3 or m.start() < pos:
            continue
        before_score = _lex_score(run) / len(run) + _plausibility(run[1:])
        if before_score >= 4:
            continue  # dictionary words all along: prose after a half-width '?', not mojibake
        nxt = text[m.start() + len(run) : m.start() + len(run) + 1]
        after = text[m.start() + len(run) + 1 :]
        extra = 0
        if nxt == UNKNOWN:
            # An odd byte left at the end of the span (GB18030 shows it as U+FFFD): the last
            # character's trail byte; the stream realigns after it.
            nxt, after, extra = "", after, 1
        right = "".join(re.findall(f"[{CJK}]", re.sub(r"\([a-zA-Z\u00c0-\u024f]+\)", "", after[:12])))
        fixed = realign(run, nxt, text[max(0, m.start() - 4) : m.start()], right)
        if not fixed:
            continue
        repaired, used = fixed
        if _lex_score(repaired) / len(repaired) + _plausibility(repaired) - before_score < 2:
            continue
        out.append(text[pos : m.start()])
        out.append(repaired)
        pos = m.start() + len(run) + used + extra
    out.append(text[pos:])
    return "".join(out)


# UTF-8 bytes read as GBK/GB18030 (数字 -> 鏁板瓧): a CJK character is three UTF-8 bytes, so every two
# characters become three GBK pairs. Lead bytes of UTF-8 ideographs and CJK punctuation (E3-E9, EF)
# are GBK lead bytes of rare characters, which keeps the search cheap in ordinary text.
UTF8_LEADS = frozenset(range(0xE3, 0xEA)) | {0xEF}


@functools.lru_cache(maxsize=8192)
def _gb_bytes(ch: str) -> bytes | None:
    """The bytes a GB18030 decoder read as ch (None for a byte it could not read)."""
    if ch in (UNKNOWN, "\ufffd"):
        return None
    try:
        b = ch.encode("gb18030")
    except UnicodeEncodeError:
        return b""
    return b if len(b) <= 2 else b""


@functools.lru_cache(maxsize=1)
def _utf8_start() -> re.Pattern[str]:
    """The characters a GB18030 decoder makes of a UTF-8 lead byte and the byte after it."""
    chars = {c for a in UTF8_LEADS for t in range(0x80, 0xC0) for c in [_decode_pair18030(a, t)] if c}
    return re.compile("[" + "".join(sorted(re.escape(c) for c in chars)) + "]")


def _decode_pair18030(a: int, b: int) -> str | None:
    try:
        ch = bytes((a, b)).decode("gb18030")
    except UnicodeDecodeError:
        return None
    return ch if len(ch) == 1 else None


def _utf8_span(text: str, i: int) -> tuple[list[list[int | None]], int] | None:
    """From text[i] on, the 3-byte UTF-8 characters its GB18030 bytes make (None = an unreadable byte), and
    how many source characters they use up whole; None when fewer than two characters."""
    units: list[int | None] = []
    whole = (0, 0)  # (source characters, bytes) at the last point where both line up
    j = i
    while j < len(text) and len(units) < 96:
        cb = _gb_bytes(text[j])
        new = [None] if cb is None else list(cb) if len(cb) == 2 else []
        if not new:
            break
        ok = True
        for b in new:
            p = len(units)
            if b is not None and (b not in UTF8_LEADS if p % 3 == 0 else not 0x80 <= b <= 0xBF):
                ok = False
                break
            units.append(b)
        if not ok:
            break
        j += 1
        if len(units) % 3 == 0:
            whole = (j - i, len(units))
    n_src, n_bytes = whole
    if n_bytes < 6:
        return None
    return [units[k : k + 3] for k in range(0, n_bytes, 3)], n_src


def _utf8_options(parts: list[int | None]) -> list[str]:
    """Every character three UTF-8 bytes can be, an unreadable byte tried at every value it can take."""
    slots = [range(0xE4, 0xEA) if k == 0 else range(0x80, 0xC0) for k in range(3)]
    values = [[b] if b is not None else list(slots[k]) for k, b in enumerate(parts)]
    options = []
    for a in values[0]:
        for b in values[1]:
            for c in values[2]:
                try:
                    options.append(bytes((a, b, c)).decode("utf-8"))
                except UnicodeDecodeError:
                    continue
    return [ch for ch in options if char_weight(ch) >= 0.5] or [UNKNOWN]


def _best_sequence(options: list[list[str]], left: str, right: str, beam: int = 48) -> str:
    """The reading that makes the most dictionary words with its neighbours (a small beam search over the
    characters that have several readings)."""
    freq = char_frequencies()
    states = [("", 0.0)]
    for opts in options:
        grown = []
        for seq, _ in states:
            for ch in opts:
                s = seq + ch
                score = (_lex_score(left + s, len(left)) if len(opts) > 1 else 0.0) + math.log(1 + freq.get(ch, 0)) / 8
                grown.append((s, score))
        grown.sort(key=lambda x: x[1], reverse=True)
        states = grown[:beam] if any(len(o) > 1 for o in options) else grown[:1]
    return max(states, key=lambda st: _fit(left, st[0], right) + st[1] / 100)[0]


def fix_utf8_read_as_gbk(text: str) -> str:
    """Repair spans of UTF-8 text a GBK/GB18030 decoder read (鏁板瓧 -> 数字), anywhere in a line."""
    out: list[str] = []
    pos = 0
    for m in _utf8_start().finditer(text):
        i = m.start()
        if i < pos:
            continue
        found = _utf8_span(text, i)
        if not found:
            continue
        chars, n_src = found
        span = text[i : i + n_src]
        left, right = text[max(0, i - 4) : i], text[i + n_src : i + n_src + 4]
        decoded = _best_sequence([_utf8_options(parts) for parts in chars], left[-3:], right[:3])
        before = _lex_score(span) / len(span) + _plausibility(span)
        after = _lex_score(left + decoded + right, len(left), len(left) + len(decoded)) / len(decoded)
        if decoded.count(UNKNOWN) * 2 > len(decoded) or after + _plausibility(decoded) - before < 2:
            continue
        out.append(text[pos:i])
        out.append(decoded)
        pos = i + n_src
    out.append(text[pos:])
    return "".join(out)


# UTF-8 read as Latin-1 / Windows-1252 (数字 -> æ•°å­—): a lead byte (à-ï) and two continuation bytes
# per character; the five bytes Windows-1252 leaves undefined come out as U+FFFD (here 〓).
CONT = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122" + UNKNOWN
)
RE_LATIN_MOJIBAKE = re.compile(f"(?:[\u00e0-\u00ef][{CONT}]{{1,2}})+")
RE_LATIN_GROUP = re.compile(f"[\u00e0-\u00ef][{CONT}]{{1,2}}")
UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def _byte_options(ch: str) -> list[int]:
    if ch == UNKNOWN:
        return list(UNDEFINED_1252)
    try:
        return list(ch.encode("cp1252"))
    except UnicodeEncodeError:
        return list(ch.encode("latin-1"))


def _latin_readings(span: str) -> list[str]:
    """Every UTF-8 reading of span's Windows-1252 (or Latin-1) bytes, 〓 tried as each undefined byte.

    A character of three bytes shown as two (its lead and one continuation) lost a byte Windows-1252
    leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): the decoder made it a control character, which was
    removed. Each such byte is tried in either place."""
    groups: list[list[bytes]] = []
    for g in RE_LATIN_GROUP.findall(span):
        opts = [b""]
        for ch in g:
            opts = [o + bytes((b,)) for o in opts for b in _byte_options(ch)]
        if len(g) == 2:
            opts = [o[:k] + bytes((u,)) + o[k:] for o in opts for k in (1, 2) for u in UNDEFINED_1252]
        groups.append(opts)
    if sum(len(g) > 1 for g in groups) > 3:
        return []
    out = [b""]
    for g in groups:
        out = [o + b for o in out for b in g]
    readings = []
    for data in out:
        try:
            readings.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return readings


def fix_utf8_read_as_latin(text: str) -> str:
    """Repair spans of UTF-8 Chinese a Latin-1 or Windows-1252 decoder read (æ•°å­— -> 数字)."""

    def repair(m: re.Match[str]) -> str:
        left, right = text[max(0, m.start() - 3) : m.start()], text[m.end() : m.end() + 3]
        readings = [r for r in _latin_readings(m.group(0)) if _plausibility(r) >= 0.8]
        if not readings:
            return m.group(0)
        freq = char_frequencies()
        return max(readings, key=lambda r: (_fit(left, r, right), sum(math.log(1 + freq.get(c, 0)) for c in r)))

    return RE_LATIN_MOJIBAKE.sub(repair, text)
