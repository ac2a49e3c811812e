"""Script conversion with OpenCC, set up once per process."""

from __future__ import annotations

import functools

import opencc

from wenku.textutil import RE_CJK_RUN


@functools.lru_cache(maxsize=4)
def _converter(config: str):
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified Chinese (OpenCC t2s), with the aspect particle 著 -> 着 (意味著 -> 意味着).

    t2s keeps 著 because it is also a simplified character (著作, 显著); OpenCC's tw2s phrase table
    knows where it is the particle, so only those 著 -> 着 changes are taken from it.
    """
    simp = _converter("t2s").convert(text)
    if "著" not in simp or simp == text:
        return simp  # already simplified text: nothing to convert, 著 stays as written
    alt = _converter("tw2s").convert(text)
    if len(alt) != len(simp):
        return simp
    return "".join("着" if a == "著" and b == "着" else a for a, b in zip(simp, alt, strict=False))


# The Traditional edition changes the script only, never the words: OpenCC s2tw (Simplified -> Traditional
# characters, with OpenCC's phrase table used only to pick the right character, 头发 -> 頭髮 but 发展 ->
# 發展, then Taiwan's standard glyph forms: 为 -> 為, 着 -> 著). Not s2twp, which also swaps vocabulary
# (数据 -> 資料, 人工智能 -> 人工智慧, 信息 -> 資訊) and so changes what the author wrote.
TRADITIONAL_CONFIG = "s2tw"


def to_traditional(text: str) -> str:
    """Simplified -> Traditional script, words unchanged (OpenCC s2tw): 数据 -> 數據, never 資料."""
    return _converter(TRADITIONAL_CONFIG).convert(text)


def traditional_share(text: str) -> float:
    """Share of ideographs that t2s changes: near 0 for simplified text, high for traditional."""
    chars = "".join(RE_CJK_RUN.findall(text))
    if not chars:
        return 0.0
    converted = to_simplified(chars)
    if len(converted) != len(chars):
        return 1.0 if converted != chars else 0.0
    return sum(1 for a, b in zip(chars, converted, strict=False) if a != b) / len(chars)


@functools.lru_cache(maxsize=2)
def character_map(direction: str) -> dict[str, str]:
    """Single-character map for search folding: 't2s' (traditional -> simplified) or 's2t' (simplified ->
    the Traditional edition's own character forms, TRADITIONAL_CONFIG)."""
    conv = _converter("t2s" if direction == "t2s" else TRADITIONAL_CONFIG)
    out = {}
    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        to = conv.convert(ch)
        if to != ch and len(to) == 1:
            out[ch] = to
    return out
