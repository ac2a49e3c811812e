"""Bytes to text: detect the encoding (UTF-8/BOM, UTF-16, GB18030/GBK, Big5), normalise line endings."""

from __future__ import annotations

import codecs

from wenku.ingest.chars import char_weight
from wenku.model import Change
from wenku.textutil import cjk_count

# Candidate legacy encodings, tried when the file is not valid UTF-8. Big5 comes in Microsoft's (cp950) and
# Hong Kong's (Big5-HKSCS) extensions: a file using one extension byte is not plain Big5, and GB18030 decodes
# nearly any byte pair, so each is tried and the decoding that reads most like Chinese wins (_score).
LEGACY = ("gb18030", "big5", "cp950", "big5hkscs")


class DecodeError(ValueError):
    """The file cannot be read as text (binary data, or no encoding fits)."""


def _looks_utf16(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for BOM-less UTF-16 (many NULs at alternate positions), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    # CJK text in UTF-16 has few NULs; accept it when it decodes to mostly CJK. Not when the bytes are valid
    # UTF-8: pairs of ASCII bytes (an XML feed, an HTML page) decode to CJK-range characters too, while real
    # CJK text in UTF-16 is almost never valid UTF-8.
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text and cjk_count(text) > 0.5 * len(text):
            return enc
    return None


def _score(text: str) -> float:
    """How Chinese-like a decoding is: common ideographs count, rare/private-use characters cost."""
    if not text:
        return 0.0
    return sum(char_weight(c) for c in text) / len(text)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, list[Change]]:
    """Decoded text, the encoding used, and report entries (BOM, line endings, undecodable bytes)."""
    changes: list[Change] = []
    if declared:
        text = data.decode(declared, errors="replace")
        encoding = declared
    elif data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
        encoding = "utf-8-sig"
        changes.append(Change("remove_bom", 1, "\ufeff", "", "UTF-8 byte order mark"))
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = data.decode("utf-16", errors="replace")
        encoding = "utf-16"
        changes.append(Change("remove_bom", 1, "\ufeff", "", "UTF-16 byte order mark"))
    else:
        enc16 = _looks_utf16(data)
        if enc16:
            text, encoding = data.decode(enc16, errors="replace"), enc16
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = _decode_legacy(data)
    junk = sum(1 for c in text if (c < " " and c not in "\t\n\r") or c == "\ufffd")
    if text and junk > max(8, len(text) // 20):
        raise DecodeError(f"binary data: {junk} control or undecodable characters in {len(text)}; not a text file")
    if "\r" in text:
        crlf = text.count("\r\n")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        changes.append(
            Change(
                "fix_line_endings", None, "\\r\\n" if crlf else "\\r", "\\n", f"line endings normalised ({crlf} CRLF)"
            )
        )
    return text, encoding, changes


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Best legacy decoding; mostly-UTF-8 files with a few bad bytes stay UTF-8 with U+FFFD marks."""
    candidates: list[tuple[float, str, str]] = []
    for enc in LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count("\ufffd")
    if bad and bad <= max(3, len(lossy) // 200):
        candidates.append((_score(lossy) - 0.001, "utf-8", lossy))
    if not candidates:
        return data.decode("gb18030", errors="replace"), "gb18030"
    candidates.sort(key=lambda c: c[0], reverse=True)
    _, enc, text = candidates[0]
    return text, enc
