"""Script conversion with OpenCC, set up once per process."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified Chinese (OpenCC t2s)."""
    return _converter("t2s").convert(text)


def to_traditional_taiwan(text: str) -> str:
    """Simplified -> Traditional Chinese, Taiwan standard with phrases (OpenCC s2twp)."""
    return _converter("s2twp").convert(text)


def traditional_share(text: str) -> float:
    """Share of ideographs that t2s changes: near 0 for simplified text, high for traditional."""
    from wenku.textutil import RE_CJK_RUN

    chars = "".join(RE_CJK_RUN.findall(text))
    if not chars:
        return 0.0
    converted = to_simplified(chars)
    if len(converted) != len(chars):
        return 1.0 if converted != chars else 0.0
    return sum(1 for a, b in zip(chars, converted) if a != b) / len(chars)
