"""The `wenku` command as editors run it: clean, check, export, report."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SOURCES
from wenku.cli import main


@dataclasses.dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args, cwd=ROOT) -> Result:
    """`wenku ARGS` run in-process from folder CWD, as an editor would type it there."""
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(here)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.mark.parametrize("prefix, count", [("000", 4), ("001", 1), ("002", 1), ("003", 1), ("004", 25)])
def test_clean_json_yields_the_articles(prefix, count):
    path = next(
        os.path.join(SOURCES, f) for f in sorted(os.listdir(SOURCES)) if f.startswith(prefix) and f.endswith(".txt")
    )
    result = run("clean", "--json", path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data) == count
    for art in data:
        assert {"source", "slug", "title", "authors", "body", "report"} <= set(art)
        assert isinstance(art["authors"], list) and art["body"].strip()
        for change in art["report"]:
            assert {"kind", "line", "before", "after"} <= set(change)


def test_clean_markdown_has_front_matter():
    result = run("clean", os.path.join(SOURCES, "001_ef03feee12158e5d.txt"))
    assert result.returncode == 0
    assert result.stdout.startswith("---\ntitle: ")
    assert "authors:\n- 张尉琳" in result.stdout


def test_check_passes_on_the_project():
    result = run("check")
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout


def test_check_names_file_and_line(tmp_path):
    proj = tmp_path / "proj"
    (proj / "sources").mkdir(parents=True)
    (proj / "docs").mkdir()
    (proj / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (proj / "sources" / "a.txt").write_text("# 标题\n\n王五\n\n正文第一段。\n", encoding="utf-8")
    (proj / "sources" / "a.yml").write_text("title: 测试\nkindd: web-page\n", encoding="utf-8")
    (proj / "docs" / "p.md").write_text(
        "---\ntitle: x\n---\n\n<script>alert(1)</script>\n[x](missing.md)\n", encoding="utf-8"
    )
    result = run("check", cwd=proj)
    assert result.returncode == 1
    assert "sources/a.yml:2: error: unknown key 'kindd' (did you mean 'kind'?)" in result.stdout
    assert "docs/p.md:5: error: <script> is not allowed in pages" in result.stdout
    assert "docs/p.md:6: error: link to missing page 'missing.md'" in result.stdout


def test_export_writes_the_article_into_docs(tmp_path):
    proj = tmp_path / "proj"
    shutil.copytree(SOURCES, proj / "sources")
    (proj / "docs").mkdir()
    (proj / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    result = run("export", "yi-sige-chuangxin-fu-neng-xin-zhi-shengchanli", cwd=proj)
    assert result.returncode == 0, result.stderr
    text = (proj / "docs" / "articles" / "yi-sige-chuangxin-fu-neng-xin-zhi-shengchanli.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 以“四个创新”赋能新质生产力")
    assert run("export", "yi-sige-chuangxin-fu-neng-xin-zhi-shengchanli", cwd=proj).returncode == 1  # no overwrite
    assert run("export", "no-such-slug", cwd=proj).returncode == 2


def test_console_script_is_installed():
    exe = os.path.join(os.path.dirname(sys.executable), "wenku")
    assert os.path.exists(exe)
    result = subprocess.run([exe, "--help"], capture_output=True, text=True)
    assert "clean" in result.stdout and "check" in result.stdout


def test_check_root_is_the_folder_given_even_inside_the_project():
    # A folder under the project (here a bad-input fixture) is checked itself, not the project around it.
    result = run("check", "--root", os.path.join("tests", "fixtures", "bad", "article-override-errors"))
    assert result.returncode == 1, result.stdout
    assert "sources/a.yml:4: error: 'authors': must be a list of texts" in result.stdout
