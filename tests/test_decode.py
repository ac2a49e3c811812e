"""Decoding: every encoding our sources arrive in, line endings, and files that are not text."""

from __future__ import annotations

import codecs

import pytest

from wenku.corpus import SourceError, process_bytes
from wenku.ingest.decode import DecodeError, decode_bytes

SIMPLIFIED = "数字经济是推动高质量发展的重要引擎。\n人工智能（AI）正在重塑产业格局。\n"
TRADITIONAL = "數字經濟是推動高質量發展的重要引擎。\n人工智慧正在重塑產業格局。\n"


@pytest.mark.parametrize(
    "encoding, data, text",
    [
        ("utf-8", SIMPLIFIED.encode("utf-8"), SIMPLIFIED),
        ("utf-8-sig", codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED),
        ("gb18030", SIMPLIFIED.encode("gb18030"), SIMPLIFIED),
        ("gbk", SIMPLIFIED.encode("gbk"), SIMPLIFIED),
        ("big5", TRADITIONAL.encode("big5"), TRADITIONAL),
        ("utf-16 BOM", SIMPLIFIED.encode("utf-16"), SIMPLIFIED),
        ("utf-16-le", SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED),
        ("utf-16-be", SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED),
    ],
)
def test_encodings(encoding, data, text):
    decoded, used, _ = decode_bytes(data)
    assert decoded == text, used


def test_line_endings_are_normalised_and_reported():
    decoded, _, changes = decode_bytes("第一段。\r\n第二段。\r第三段。".encode())
    assert decoded == "第一段。\n第二段。\n第三段。"
    assert any(c.kind == "fix_line_endings" for c in changes)


def test_bom_is_reported():
    _, _, changes = decode_bytes(codecs.BOM_UTF8 + "文字".encode())
    assert [c.kind for c in changes] == ["remove_bom"]


def test_binary_data_is_refused():
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(256)) * 20)


def test_empty_source_names_the_file():
    with pytest.raises(SourceError, match=r"^empty\.txt:1: empty source file"):
        process_bytes("empty.txt", b"  \n\n")


def test_big5_source_is_converted_to_simplified():
    src = process_bytes("trad.txt", ("# 數字經濟的新引擎\n\n" + TRADITIONAL * 3).encode("big5"))
    assert src.encoding == "big5" and src.script == "traditional"
    art = src.articles[0]
    assert art.title == "数字经济的新引擎"
    assert any("数字经济是推动高质量发展的重要引擎" in b.text for b in art.blocks)
    assert any(c.kind == "fix_traditional_to_simplified" and "數字經濟" in c.before for c in src.report)


# A Hong Kong page with Cantonese characters (佢哋, 啲, 嘅) that plain Big5 lacks: the bytes are not valid Big5,
# so the Big5 candidate fails and GB18030 decodes them into nonsense. Big5-HKSCS reads them as Chinese.
HONG_KONG = "佢哋話呢啲嘢唔係咁簡單，我哋要諗清楚先得。\n本港嘅專欄文章討論經濟與科技嘅關係。\n"


def test_big5_hkscs_source_is_read_by_how_it_reads():
    decoded, used, _ = decode_bytes((HONG_KONG * 3).encode("big5hkscs"))
    assert decoded == HONG_KONG * 3, used
    assert used in ("big5hkscs", "cp950")


def test_cp950_extension_is_read():
    text = "香港專欄：數碼時代的監管與創新。\n作者認為分類監管比一刀切更合理。\n" * 3
    data = text.encode("big5") + "\u2554\u2550\u2557\n".encode("cp950")  # box-drawing bytes only cp950 has
    decoded, used, _ = decode_bytes(data)
    assert decoded.startswith(text), used
