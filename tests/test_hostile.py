"""The red-team corpus (tests/fixtures/hostile/): every hostile pull request is rejected with a message naming
its file, or builds into pages on which a browser sees no script run.

Each folder is one attack: payload files laid over a small site (`_base/`: one source; the real hooks,
templates and mkdocs.yml; the hand-written pages except docs/articles/) and `case.yml`:
`what`, `expect: rejected|harmless`; for rejected cases `message` (a substring of the error), `file` (the
path the error names) and optionally `line`; for harmless ones `pages` to load in Chromium and optionally
`visible` (text that must show as text). `symlinks`, `generate` (size in bytes of a one-line file) and
`remove` are applied when the project is laid out (a symlink or a 30 MB file is not committed).

Grouped for speed: rejected cases run `wenku check` in process, one project each; two real builds over all
rejected cases together must refuse, naming every file; ONE real strict build over all harmless cases
together, whose pages Chromium then loads.
"""

from __future__ import annotations

import csv
import functools
import os
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser

import pytest
import yaml

from conftest import FIXTURES, ROOT, _Quiet, _QuietServer, build_site, copy_editorial_data
from wenku import editorial

HOSTILE = os.path.join(FIXTURES, "hostile")
BASE = os.path.join(HOSTILE, "_base")


def _case(name: str) -> dict:
    with open(os.path.join(HOSTILE, name, "case.yml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


CASES = {
    d: _case(d)
    for d in sorted(os.listdir(HOSTILE))
    if not d.startswith(("_", ".")) and os.path.isdir(os.path.join(HOSTILE, d))
}
REJECTED = [n for n, c in CASES.items() if c["expect"] == "rejected"]
HARMLESS = [n for n, c in CASES.items() if c["expect"] == "harmless"]


def lay_out(dest: str, names: list[str], build: bool = True) -> str:
    """A project at dest: the site's build files, the base corpus, then each case's payload over it.
    Without build, no hooks/ (`wenku check` runs in this process, with this checkout's code)."""
    for name in ("hooks", "overrides") if build else ("overrides",):
        shutil.copytree(
            os.path.join(ROOT, name),
            os.path.join(dest, name),
            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
        )
    shutil.copy(os.path.join(ROOT, "mkdocs.yml"), os.path.join(dest, "mkdocs.yml"))
    shutil.copytree(os.path.join(ROOT, "docs"), os.path.join(dest, "docs"), ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(os.path.join(BASE, "sources"), os.path.join(dest, "sources"))
    copy_editorial_data(os.path.join(dest, "sources"))
    for name in names:
        case = CASES[name]
        folder = os.path.join(HOSTILE, name)
        for rel in case.get("remove") or []:
            os.remove(os.path.join(dest, rel))
        for base, _, files in os.walk(folder):
            for f in files:
                rel = os.path.relpath(os.path.join(base, f), folder)
                if rel == "case.yml":
                    continue
                os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
                shutil.copyfile(os.path.join(base, f), os.path.join(dest, rel))
        for rel, target in (case.get("symlinks") or {}).items():
            os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
            os.symlink(target, os.path.join(dest, rel))
        for rel, size in (case.get("generate") or {}).items():
            with open(os.path.join(dest, rel), "wb") as fh:
                fh.write("# 一行\n\n赵六\n\n".encode() + "长".encode() * (size // 3) + b"\n")
    return dest


def _rel(root: str, path: str) -> str:
    return os.path.relpath(path, root).replace(os.sep, "/") if os.path.isabs(path) else path


def test_the_corpus_covers_every_kind_of_attack():
    assert len(CASES) >= 45 and len(REJECTED) >= 30 and len(HARMLESS) >= 12
    for name, case in CASES.items():
        assert case["what"] and case["expect"] in ("rejected", "harmless"), name
        assert case["expect"] == "harmless" or (case["message"] and case["file"]), name


def test_the_base_site_passes_the_check(tmp_path):
    from wenku.checks import check_site

    root = lay_out(str(tmp_path / "p"), [])
    assert [str(p) for p in check_site(root) if p.severity == "error"] == []


@pytest.mark.parametrize("name", REJECTED)
def test_rejected_with_a_message_naming_the_file(name, tmp_path):
    from wenku.checks import check_site

    case = CASES[name]
    root = lay_out(str(tmp_path / "p"), [name], build=False)
    problems = [p for p in check_site(root) if p.severity == "error"]
    hits = [p for p in problems if _rel(root, p.path) == case["file"] and case["message"] in p.message]
    shown = "\n".join(f"{_rel(root, p.path)}:{p.line}: {p.message}" for p in problems)
    assert hits, f"{name}: no error on {case['file']} with {case['message']!r}; got:\n{shown}"
    if case.get("line"):
        assert hits[0].line == case["line"], shown
    # Nothing leaks into a message: the environment behind a symlink is never read.
    assert "PATH=" not in shown and "HOME=" not in shown


def _compatible(names: list[str]) -> list[list[str]]:
    """The cases in groups whose payload paths do not overlap (one project per group)."""
    groups: list[tuple[set, list[str]]] = []
    for name in names:
        case = CASES[name]
        folder = os.path.join(HOSTILE, name)
        paths = {os.path.relpath(os.path.join(b, f), folder) for b, _, fs in os.walk(folder) for f in fs} - {"case.yml"}
        paths |= set(case.get("symlinks") or {}) | set(case.get("generate") or {}) | set(case.get("remove") or [])
        for used, members in groups:
            if not used & paths:
                used |= paths
                members.append(name)
                break
        else:
            groups.append((paths, [name]))
    return [members for _, members in groups]


def test_the_build_refuses_every_rejected_case(tmp_path):
    """Real builds over the rejected cases at once: each build stops with one error naming every file of its
    group, before MkDocs reads any page (a bomb or a symlink is never followed). Two builds: the file and
    page cases (refused by the input checks), then the largest compatible group of source cases (refused
    when the corpus is staged); the few left over share a file with that group and are covered by the
    in-process check above."""
    first = [
        n
        for n in REJECTED
        if CASES[n]["file"].startswith(("docs/", "hooks/"))
        or CASES[n]["file"] in {f"sources/{f}" for f in editorial.FILES}  # refused by the input checks too
        or "symlink" in n
        or CASES[n]["file"].endswith(".md")
        or "file-name" in n
        or "file name" in CASES[n]["message"]
    ]
    rest = max(_compatible([n for n in REJECTED if n not in first]), key=len)
    for i, names in enumerate([first, rest]):
        proj = lay_out(str(tmp_path / f"p{i}"), names)
        result = build_site(proj, str(tmp_path / f"site{i}"))
        assert result.returncode != 0, names
        for name in names:
            assert CASES[name]["file"] in result.stderr, f"{name}: {result.stderr[-3000:]}"
        assert "Traceback" not in result.stderr, result.stderr[-3000:]


# ---------------------------------------------------------------- harmless cases: one build, Chromium


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """One real strict build of the base site with every harmless case laid over it."""
    out = tmp_path_factory.mktemp("hostile")
    proj = lay_out(str(out / "proj"), HARMLESS)
    result = build_site(proj, str(out / "site"))
    assert result.returncode == 0, result.stderr[-4000:]
    return proj, str(out / "site")


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    handler = functools.partial(_Quiet, directory=hostile_site[1])
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class _Page(HTMLParser):
    """Elements, attributes, inline scripts and visible text of a built page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.handlers, self.urls, self.text, self.scripts, self.csp = [], [], [], [], None
        self._script = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            if k.startswith("on"):
                self.handlers.append((tag, k, v))
            if k in ("href", "src", "action", "formaction") and v:
                self.urls.append(v)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag == "script":
            self._script = None if "src" in a or a.get("type", "").endswith("json") else []
        if tag in ("script", "style", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if tag in ("script", "style", "title"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        elif not self._skip:
            self.text.append(data)


def parse_page(path: str) -> _Page:
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    p = _Page()
    p.feed(raw)
    p.close()
    p.raw = raw
    return p


def _page_file(site: str, url: str) -> str:
    return os.path.join(site, *url.strip("/").split("/"), "index.html") if url else os.path.join(site, "index.html")


def _scheme(url: str) -> str:
    m = re.match(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):", re.sub(r"[\x00-\x20\x7f]+", "", url))
    return m.group(1).lower() if m else ""


@pytest.mark.parametrize("name", HARMLESS)
def test_harmless_case_builds_without_markup(name, hostile_site):
    """The built pages hold the payload as text: no event handler, no script URL, no injected script."""
    from wenku.site.safety import script_hash

    _, site = hostile_site
    case = CASES[name]
    for url in case.get("pages") or []:
        path = _page_file(site, url)
        assert os.path.exists(path), f"{name}: page {url} was not built"
        p = parse_page(path)
        assert p.handlers == [], f"{name}: {url}: {p.handlers}"
        assert [u for u in p.urls if _scheme(u) not in ("", "http", "https", "mailto")] == [], url
        allowed = set(re.findall(r"'sha256-[^']+'", p.csp or ""))
        assert all(script_hash(s) in allowed for s in p.scripts), f"{name}: {url}: a script outside the CSP"
        assert len(p.scripts) <= 3, f"{name}: {url}: more inline scripts than the theme's"
        for m in re.finditer(r'<script type="application/ld\+json">(.*?)</script>', p.raw, re.S):
            import json

            json.loads(m.group(1))  # the JSON-LD is intact: nothing closed it early
            assert "</" not in m.group(1)
    if case.get("visible"):
        first = parse_page(_page_file(site, case["pages"][0]))
        assert case["visible"] in "".join(first.text), f"{name}: the payload is not shown as text"
    for rel in case.get("csv") or []:  # research data: no cell a spreadsheet would run as a formula
        with open(os.path.join(site, rel), encoding="utf-8", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], f"{name}: {rel}"
    if case.get("redirect"):
        old, new = case["redirect"]["from"], case["redirect"]["to"]
        for prefix in ("", "en/", "zh-Hant/"):
            p = parse_page(_page_file(site, f"{prefix}articles/{old}/"))
            assert f'content="0; url=../{new}/"' in p.raw
            assert f'href="../{new}/"' in p.raw


def test_wenku_check_agrees_with_the_build_on_harmless_cases(hostile_site):
    from wenku.checks import check_site

    proj, _ = hostile_site
    assert [str(p) for p in check_site(proj) if p.severity == "error"] == []


def test_feed_stays_well_formed(hostile_site):
    import xml.etree.ElementTree as ET

    _, site = hostile_site
    for feed in ("feed.xml", "en/feed.xml"):
        tree = ET.parse(os.path.join(site, feed))
        titles = [t.text or "" for t in tree.iter("title")]
        assert any("]]></title><script>" in t for t in titles), titles  # the payload is text in the title


def test_every_page_has_a_csp_without_unsafe_inline_scripts(hostile_site):
    from wenku.site.safety import script_hash

    _, site = hostile_site
    seen = 0
    for base, _, files in os.walk(site):
        for f in files:
            if not f.endswith(".html"):
                continue
            p = parse_page(os.path.join(base, f))
            assert p.csp, f"{base}/{f}: no Content-Security-Policy"
            script_src = next(d for d in p.csp.split(";") if d.strip().startswith("script-src"))
            assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
            assert "wenku-script-hashes" not in p.csp
            hashes = set(re.findall(r"'sha256-[^']+'", script_src))
            assert {script_hash(s) for s in p.scripts} <= hashes, f"{base}/{f}"
            seen += 1
    assert seen > 50 and os.path.exists(os.path.join(site, "404.html"))


@pytest.mark.browser
def test_chromium_runs_no_hostile_script(hostile_site, hostile_server, browser):
    """Every page of every harmless case in Chromium: no dialog, no navigation away, no element with an
    event handler, the theme's own scripts ran (so the CSP hashes are right), no CSP violation."""
    context = browser.new_context()
    page = context.new_page()
    events = {"dialogs": [], "errors": []}
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: events["errors"].append(str(e)))
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    urls = sorted({u for n in HARMLESS for u in CASES[n].get("pages") or []})
    # Traditional article pages are the Simplified ones converted: their HTML is checked above; one in Chromium.
    hant = [u for u in urls if u.startswith("zh-Hant/articles/")]
    urls = [u for u in urls if u not in hant[1:]]
    problems = []
    for url in urls:
        target = hostile_server + url
        page.goto(target, wait_until="domcontentloaded")  # the page is parsed: every inline script has run
        state = page.evaluate("""() => ({
            url: location.href,
            handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                .filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
            theme: typeof window.__md_get === 'function' && !!document.body.getAttribute('data-md-color-scheme')
                   && !!document.querySelector('footer.md-footer'),  // and nothing swallowed the page's end
            csp: window.__csp,
        })""")
        if state["url"] != target or state["handlers"] or not state["theme"] or state["csp"]:
            problems.append((url, state))
    context.close()
    assert events["dialogs"] == [], events["dialogs"]
    assert problems == [], problems
    assert events["errors"] == [], events["errors"]


@pytest.mark.browser
@pytest.mark.parametrize("edition,query", [("", "安全测试"), ("en/", "Title")])
def test_search_results_with_hostile_titles_stay_text(hostile_site, hostile_server, browser, edition, query):
    """Titles and excerpts of hostile articles in the search dialog (our worker's results): text only."""
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_server + edition)
    page.locator(".md-search__input").first.click()
    page.locator("input.md-search__input").fill(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item")
    listing = page.locator(".md-search-result__list")
    assert listing.locator("svg, img, script, iframe").count() == 0
    handlers = page.evaluate(
        "[...document.querySelectorAll('.md-search-result *')].flatMap(e => [...e.attributes]"
        ".filter(a => a.name.startsWith('on')).map(a => a.name))"
    )
    assert handlers == [] and dialogs == []
    context.close()


@pytest.mark.browser
def test_chromium_follows_a_redirect_stub(hostile_site, hostile_server, browser):
    case = CASES["redirect-stub"]["redirect"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(hostile_server + f"articles/{case['from']}/")
    page.wait_for_url(f"**/articles/{case['to']}/")
    context.close()


@pytest.mark.browser
def test_csp_blocks_an_injected_handler_that_got_through(hostile_site, hostile_server, browser):
    """A built page with an inline handler and an inline script injected after the build: the CSP stops
    both. The signal is the browser's own violation events (one per blocked script), never a sleep."""
    _, site = hostile_site
    source = parse_page(os.path.join(site, "index.html")).raw
    probe = re.sub(
        r"(<body[^>]*>)",
        r'\1<img src="missing.png" onerror="window.__ran = 1">'
        r"<script>window.__ran2 = 1</script>",
        source,
        count=1,
    )
    assert probe != source
    with open(os.path.join(site, "csp-probe.html"), "w", encoding="utf-8") as fh:  # beside index.html
        fh.write(probe)
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', "
        "e => window.__csp.push(e.effectiveDirective));"
    )
    page.goto(hostile_server + "csp-probe.html")
    page.wait_for_function("window.__csp.length >= 2")
    assert page.evaluate("[window.__ran, window.__ran2]") == [None, None]
    directives = page.evaluate("window.__csp")
    assert any(d.startswith("script-src") for d in directives), directives
    context.close()


def test_published_list_is_compared_with_the_previous_main(tmp_path):
    """A pull request that deletes a source and its line in published-slugs.lst fails against main's list;
    without the ref the comparison is skipped with a note (a clone without a remote)."""
    from wenku.corpus import check_published_base

    root = lay_out(str(tmp_path / "p"), [])
    src = os.path.join(root, "sources")
    slug = "shuzi-jingji-fazhan-de-jichu"
    with open(os.path.join(src, "published-slugs.lst"), "w", encoding="utf-8") as fh:
        fh.write(f"{slug}\n")

    def git(*args):
        subprocess.run(
            ["git", *args],
            cwd=root,
            check=True,
            capture_output=True,
            env=dict(
                os.environ,
                GIT_AUTHOR_NAME="t",
                GIT_AUTHOR_EMAIL="t@e",
                GIT_COMMITTER_NAME="t",
                GIT_COMMITTER_EMAIL="t@e",
            ),
        )

    git("init", "-q", "-b", "main")
    git("add", "sources")
    git("commit", "-qm", "main")
    problems, note = check_published_base(src, "main")
    assert problems == [] and note is None
    with open(os.path.join(src, "published-slugs.lst"), "w", encoding="utf-8") as fh:
        fh.write("# emptied by a pull request\n")
    problems, note = check_published_base(src, "main")
    assert [p.message for p in problems if slug in p.message], problems
    problems, note = check_published_base(src, "origin/main")
    assert problems == [] and "cannot read" in note
