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

from wenku.enrich.convert import to_simplified
from wenku.ingest.chars import char_weight, word_frequency
from wenku.segment import is_word, tokenizer
from wenku.textutil import CJK

UNKNOWN = "〓"
LINKING_CHARS = "和与及的在是为对"  # visible marker for a character that cannot be recovered

# A candidate: starts with '?', then GBK double-byte characters (and '?'/'!' folded from ？/！).
RE_CANDIDATE = re.compile(r"\?[?!\u00a1-\uffff]{2,}")


def _gbk(ch: str) -> bytes | None:
    if ch == "?":
        return b"\xa3\xbf"
    if ch == "!":
        return b"\xa3\xa1"
    try:
        b = ch.encode("gbk")
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


def _could_fit(left: str, mid: str, right: str) -> bool:
    """Cheap necessary test: some dictionary word (or word prefix) joins mid to its neighbours or itself."""
    freq = tokenizer().FREQ
    left, mid, right = _simp(left), _simp(mid), _simp(right)
    for k in range(1, min(3, len(left)) + 1):
        if left[-k:] + mid[:1] in freq:
            return True
    tail = mid + right[:1]
    for i in range(len(mid)):
        if tail[i : i + 2] in freq:
            return True
    return False


def _fitter(left: str, right: str) -> Callable[[str], bool]:
    """_could_fit for many candidates in one context: the context's work done once, first characters
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
    if not run.startswith("?"):
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
        tail = max(options, key=lambda c: (c in "。！？”）", _plausibility(c)), default=UNKNOWN)
    # The lost byte pairs with the first byte; choose the lead that gives the likeliest character.
    first = stream[0]
    options = [(ch, a) for a, ch in _by_trail().get(first, [])]
    options += [(c, a) for a in (0xA1, 0xA3) for c in [_decode_pair(a, first)] if c]
    head = max(options, key=lambda o: (o[0] in "。，、“”：；", _plausibility(o[0])), default=None)
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
        right = "".join(re.findall(f"[{CJK}]", re.sub(r"\([a-zA-Z\u00c0-\u024f]+\)", "", after[:12])))
        fixed = realign(run, nxt, text[max(0, m.start() - 4) : m.start()], right)
        if not fixed:
            continue
        repaired, used = fixed
        if _lex_score(repaired) / len(repaired) + _plausibility(repaired) - before_score < 2:
            continue
        out.append(text[pos : m.start()])
        out.append(repaired)
        pos = m.start() + len(run) + used
    out.append(text[pos:])
    return "".join(out)
