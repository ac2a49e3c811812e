"""Editors' safety net: every bad input gets its message and a failing check; strange input is bounded."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import FIXTURES, ROOT, build_site, copy_build_files
from wenku.corpus import process_bytes
from wenku.site.safety import clean, findings

BAD = os.path.join(FIXTURES, "bad")
CASES = sorted(d for d in os.listdir(BAD) if os.path.isdir(os.path.join(BAD, d)))


def check(root, capsys) -> subprocess.CompletedProcess:
    """`wenku check --root root`, run in this process: the console script's own entry point (wenku.cli.main),
    its exit code and output. An exception is not printed as a traceback here: it fails the test."""
    from wenku.cli import main

    capsys.readouterr()
    code = main(["check", "--root", str(root)])
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["wenku", "check", "--root", str(root)], code, out, err)


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_its_message_and_fails(case, tmp_path, capsys):
    root = tmp_path / case
    shutil.copytree(os.path.join(BAD, case), root)
    with open(root / "expected.txt", encoding="utf-8") as fh:
        expected = [ln.rstrip("\n") for ln in fh if ln.strip()]
    result = check(root, capsys)
    lines = result.stdout.splitlines()
    for want in expected:
        assert any(line.startswith(want) for line in lines), f"missing: {want}\n--- got:\n{result.stdout}"
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_the_project_itself_passes(capsys):
    result = check(ROOT, capsys)
    assert result.returncode == 0, result.stdout


def test_sanitizer_finds_what_the_allow_list_removes():
    html = (
        '<script>alert(1)</script> <iframe src="x"></iframe> <p onclick="x()" class="a">t</p> '
        '<a href="jav&#x61;script:alert(1)">a</a> <img src="data:image/png;base64,AA" alt="i">'
    )
    messages = " | ".join(f.message for f in findings(html))
    for want in ("<script>", "<iframe>", "'onclick'", "'javascript:'", "'data:'"):
        assert want in messages
    out = clean(html)
    assert "<script" not in out and "<iframe" not in out and "onclick" not in out and "javascript" not in out
    assert '<p class="a">t</p>' in out


def test_sanitizer_passes_what_markdown_produces():
    html = (
        '<h2 id="a">T<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
        '<div class="admonition abstract"><p class="admonition-title">x</p><p>y <strong>z</strong></p></div>'
        '<table><thead><tr><th style="text-align: right;">a</th></tr></thead><tbody><tr>'
        '<td style="text-align: right;">1</td></tr></tbody></table><p><a href="../x/">r</a> '
        '<a href="https://e.org/?a=1&amp;b=2">h</a> <a href="mailto:a@b.c">m</a> <img src="i.png" alt="i"></p>'
        '<details class="note"><summary>s</summary><p>t</p></details><pre><code class="language-py">x</code></pre>'
    )
    assert findings(html) == []


def test_control_characters_and_bidi_marks_are_removed_and_reported():
    raw = "# 标题\n\n王五\n\n数字\x00经济\u202e是推动\u200b高质量发展的\x07重要引擎。\n".encode()
    src = process_bytes("ctrl.txt", raw)
    body = "".join(b.text for b in src.articles[0].blocks)
    assert body == "数字经济是推动高质量发展的重要引擎。"
    assert sum(1 for c in src.report if c.kind == "remove_control_characters") >= 1


def test_mixed_encodings_in_one_file_are_marked_not_crashing():
    raw = "# 标题\n\n王五\n\n第一段是UTF-8编码的文字。\n".encode() + "第二段是GBK编码的文字。\n".encode("gbk")
    src = process_bytes("mixed.txt", raw)
    text = "".join(b.text for a in src.articles for b in a.blocks)
    assert "第一段是UTF" in text or "第二段是GBK" in text
    assert "\ufffd" not in text


def test_raw_html_in_a_source_is_shown_as_text(tmp_path):
    proj = tmp_path / "proj"
    copy_build_files(proj)
    (proj / "sources" / "x.txt").write_text(
        "# 恶意的标题<script>alert(1)</script>\n\n王五\n\n正文<img src=x onerror=alert(1)>结束。\n", encoding="utf-8"
    )
    (proj / "sources" / "x.yml").write_text("kind: web-page\n", encoding="utf-8")
    result = build_site(str(proj), str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr[-2000:]
    for base, _, files in os.walk(tmp_path / "site" / "articles"):
        for f in files:
            html = open(os.path.join(base, f), encoding="utf-8").read()
            assert "<script>alert" not in html and "<img src=x" not in html and "onerror=alert" not in html


FRAGMENTS = [  # pieces of HTML, plain and hostile, joined at random below
    *("<p>", "</p>", '<a href="x">', "<a href='y'>", "<a href=z>", '<a href="java&#115;cript:x">', '<A HREF="u">'),
    *("<br/>", "<br />", '<img src="a" alt="">', '<p id="__x">', '<span title="a>b">', '<span title="a', '">', "'"),
    *('"', "<!--", "-->", "-- >", "<!doctype html>", "<?pi?>", "<", ">", "</", "</p", "</ p>", "</>", "<script>"),
    *("</script>", "<style>x</style>", "text", "&amp;", "&", "&#x", "\n", " ", "\t", "\x0b", "\u3000"),
    *('<p\u3000id="a">', '<td style="text-align: left">', '<div onclick="x()">', '<a b=x"y c="z>', '<a  b = "c" >'),
    *('<a b=="c">', '<x-y z:w="1">', '<p/a="b">', "<a b c d>", "<table>", "<td>", "</table>", '<iframe src="x">'),
    *('<a href="http://ok">', '<p class="a b">', '<p id="x" id="y">', "/", "="),
]


def _slow_counts(html):
    from wenku.site import safety

    seen = safety._Collect()
    seen.feed(html)
    seen.close()
    return dict(seen.tags), dict(seen.attrs), seen.raw, seen.ids


def _fast_mismatches(count: int) -> tuple[int, list[str]]:
    """(fragments the short road took, those where it differs from html.parser's full pass)."""
    import random

    from wenku.site import safety

    rng, fast, bad = random.Random(18), 0, []
    for _ in range(count):
        html = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12)))
        got = safety._collect_fast(html)
        if got is None:
            continue
        fast += 1
        if (dict(got.tags), dict(got.attrs), got.raw, got.ids) != _slow_counts(html):
            bad.append(html)
    return fast, bad


def test_the_sanitisers_short_road_counts_what_html_parser_counts(monkeypatch):
    """The sanitiser counts each distinct simple tag once (issue 18): on random plain and hostile fragments its
    counts equal html.parser's full pass. The check can fail: without the guard that sends script and style
    (whose content is not HTML) to the full pass, the tags inside them are miscounted and found here."""
    from wenku.site import safety

    fast, bad = _fast_mismatches(6000)
    assert fast > 500 and bad == [], bad[:5]

    class WithoutTheScriptGuard(safety.HTMLParser):
        CDATA_CONTENT_ELEMENTS = ()

    monkeypatch.setattr(safety, "HTMLParser", WithoutTheScriptGuard)
    assert _fast_mismatches(6000)[1], "a miscount went unnoticed"


def test_headings_are_counted_before_rendering_and_code_is_not_counted():
    """A page over the heading limit is refused from its Markdown (no render); `#` lines in fenced code are
    not headings, and a page of them passes."""
    from wenku.checks import MarkdownConverter, _check_unsafe
    from wenku.limits import MAX_HEADINGS, heading_lines

    many = "\n\n".join(f"## 标{n}" for n in range(MAX_HEADINGS + 1))
    assert heading_lines(many) == MAX_HEADINGS + 1

    class NoRender(MarkdownConverter):
        def convert(self, text):
            raise AssertionError("rendered a page already refused by its heading count")

    problems = _check_unsafe("docs/many.md", many, NoRender(ROOT))
    assert [p.message.split(":")[0] for p in problems] == [f"{MAX_HEADINGS + 1:,} headings"]
    fenced = (
        "正文。\n\n````text\n" + "\n".join(f"# 注释{n}" for n in range(MAX_HEADINGS + 5)) + "\n```\n````\n\n# 标题\n"
    )
    assert heading_lines(fenced) == 1
    assert _check_unsafe("docs/code.md", fenced, MarkdownConverter(ROOT)) == []
