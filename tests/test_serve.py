"""The editor's sequence from issue 14, against a real `mkdocs serve` (what `make serve` runs).

1. override an untitled article's title in its source's sidecar;
2. edit an unrelated sidecar;
3. delete the English translation of the article.

After each save the server must rebuild and keep serving: the override at the same address, the unrelated edit
shown, the translation status current. Each step polls the served page until the change is there (the server's
own rebuild is the signal), with a timeout that only a broken rebuild reaches.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, SOURCES, copy_build_files

ZHU = "zhu-hongli-000-2"
ZHU_SIDECAR = "000_2e6ac2608d1f1108.yml"
OTHER_SIDECAR = "001_ef03feee12158e5d.yml"
REBUILD_TIMEOUT = 240  # seconds; a rebuild takes seconds, only a failed one waits this long


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(url: str, predicate, server: subprocess.Popen, log_path) -> str:
    """Poll url until predicate(body) holds; fail with the server's log if it dies or never gets there."""
    deadline = time.monotonic() + REBUILD_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped:\n{log_path.read_text(encoding='utf-8')[-3000:]}")
        status, body = _get(url)
        if status == 200 and predicate(body):
            return body
        time.sleep(0.25)  # polling interval, not a wait for the result: the loop ends on the served change
    pytest.fail(f"{url} never showed the change:\n{log_path.read_text(encoding='utf-8')[-3000:]}")


def _status(body: str) -> str | None:
    """The status cell of the article's row on the English translation status page."""
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        if f"articles/{ZHU}/" in row:
            cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
            return cells[1] if len(cells) > 1 else None
    return None


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


pytestmark = pytest.mark.slow  # each test builds and rebuilds a site in a real `mkdocs serve`

# How the server is started: as `make serve` runs it (the Simplified edition, dirty rebuilds; see the Makefile).
# A full-rebuild `mkdocs serve` of two editions was a second session here: it replayed the same sequence
# through the same hook and Build (tests/test_rebuilds.py replays it in-process for every edition, English
# translation status included) at twice the cost, so it went for the suite's time (issue 14). That a plain
# `mkdocs serve` builds every edition is test_preview's test_serve_builds_the_simplified_edition_unless_told_otherwise.
MAKE_SERVE = ["--dirty"], {"WENKU_EDITIONS": "zh"}  # mkdocs serve's flags and environment, as in the Makefile


@pytest.fixture
def served(tmp_path):
    flags, extra_env = MAKE_SERVE
    proj = tmp_path / "proj"
    copy_build_files(str(proj))
    shutil.rmtree(proj / "sources")
    shutil.copytree(SOURCES, proj / "sources")
    port = _free_port()
    log_path = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=os.path.join(ROOT, "hooks"), **extra_env)
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *flags, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=proj,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield proj, f"http://127.0.0.1:{port}/", server, log_path
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_override_unrelated_edit_and_deleted_translation_in_mkdocs_serve(served):
    proj, base, server, log_path = served
    article = base + f"articles/{ZHU}/"
    status_page = base + "translations/"
    translated, summary_only = "已有全文译文", "仅有英文标题和摘要"
    _wait_for(article, lambda body: "朱红莉" in body, server, log_path)

    # 1. A title for the untitled article, in its source's sidecar: served at the same address.
    _edit(proj / "sources" / ZHU_SIDECAR, f"  {ZHU}:\n", f"  {ZHU}:\n    title: 编辑拟定的测试标题\n")
    _wait_for(article, lambda body: "编辑拟定的测试标题" in body, server, log_path)

    # 2. An unrelated sidecar: its change shows, and the override stays at the same address.
    _edit(proj / "sources" / OTHER_SIDECAR, "\ntitle: ", "\ntitle: 无关修改·")
    _wait_for(base + "sources/", lambda body: "无关修改·" in body, server, log_path)
    assert "编辑拟定的测试标题" in _get(article)[1]

    # 3. The translation is deleted: the status page stops calling the article translated.
    assert (_status(_get(status_page)[1]) or "").startswith(translated)
    os.remove(proj / "docs" / "articles" / f"{ZHU}.en.md")
    _wait_for(status_page, lambda body: _status(body) == summary_only, server, log_path)
    assert "编辑拟定的测试标题" in _get(article)[1]
    assert server.poll() is None
    _preview_search_and_a_hand_written_page(base, proj, server, log_path)


def _manifest(base: str) -> dict | None:
    """The search manifest our worker reads (search/search_index.json's config.wenku), once it is written."""
    status, body = _get(base + "search/search_index.json")
    return json.loads(body)["config"].get("wenku") if status == 200 and '"wenku"' in body else None


def _preview_search_and_a_hand_written_page(base, proj, server, log_path) -> None:
    """What else `make serve` promises: the Simplified edition only, the search files written in the
    background after each rebuild, and a hand-written page's edit served with its text searchable."""
    assert _get(base + "en/about/")[0] == 404  # the preview builds the Simplified edition only
    first = json.loads(_wait_for(base + "search/search_index.json", lambda body: '"wenku"' in body, server, log_path))
    first = first["config"]["wenku"]
    with open(proj / "docs" / "about.md", "a", encoding="utf-8") as fh:
        fh.write("\n\n预览中新加的一段话。\n")
    _wait_for(base + "about/", lambda body: "预览中新加的一段话" in body, server, log_path)
    # The search files of the dirty rebuild: the page's new text, and every other page still there.
    _wait_for(
        base + "search/search_index.json",
        lambda body: '"wenku"' in body and json.loads(body)["config"]["wenku"]["version"] != first["version"],
        server,
        log_path,
    )
    after = _manifest(base)
    assert after["pages"] == first["pages"]
    assert any("预览中新加的一段话" in _get(base + f"search/parts/{i}.json")[1] for i in range(after["parts"]))
