"""Shared fixtures: project paths, the seed corpus, and one real strict build of the site.

`make test` runs the suite on two pytest-xdist workers (`-n 2 --dist loadfile --no-loadscope-reorder`, see
the Makefile). What that needs is here: the real site (built_site) is built once per run and shared by the
workers; two builds of the same project folder never run at the same time (they stage into its .build/), and
the tests that build this checkout itself take turns; a module's own module-scoped fixtures (test_hostile's
build) are made once, as each file runs on one worker; the long files are handed out first (FIRST).
Servers bind port 0, and every test has its own tmp_path.
(`--dist loadgroup` would be finer, but pytest-xdist 3.8 sets the group on `item._nodeid`, which pytest 9
no longer reads: pytest-xdist issue 1386.)
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import subprocess
import sys
import threading

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "hooks"))

SOURCES = os.path.join(ROOT, "sources")
FIXTURES = os.path.join(ROOT, "tests", "fixtures")


def read(path) -> str:
    """A built file's text."""
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@contextlib.contextmanager
def exclusive(path: str):
    """Hold an exclusive lock on the file at path (created if needed) across test processes (xdist workers)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build_site(project: str, site_dir: str, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build --strict` of project into site_dir; the result keeps stdout/stderr. Builds of
    one project folder take turns (each stages into <project>/.build/), also across xdist workers."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    with exclusive(os.path.join(project, ".build", "tests.lock")):
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )


def copy_build_files(proj) -> None:
    """Copy the site's build files (hooks, templates, docs, mkdocs.yml) into a new project folder."""
    import shutil

    for name in ("hooks", "overrides", "docs"):
        shutil.copytree(
            os.path.join(ROOT, name), os.path.join(proj, name), ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(os.path.join(ROOT, "mkdocs.yml"), os.path.join(proj, "mkdocs.yml"))
    copy_editorial_data(os.path.join(proj, "sources"))


def copy_editorial_data(sources_dir) -> None:
    """Copy the editorial data files (topics, glossary, labels, citation: sources/*.yml that are not
    sidecars) into a new project's sources folder, which every site needs."""
    import shutil

    from wenku import editorial

    os.makedirs(sources_dir, exist_ok=True)
    for name in editorial.FILES:
        shutil.copy(editorial.path(name), os.path.join(sources_dir, name))


@pytest.fixture(scope="session")
def corpus():
    """The seed corpus as the site builds it."""
    from wenku.corpus import load_corpus

    return load_corpus(SOURCES)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once with --strict under a repository sub-path (/reader/). Under xdist the
    first worker that needs it builds it into the run's shared temporary folder and the others wait for
    it and read it (the run's folder is new for every run: a site is never taken from an earlier one)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        out = tmp_path_factory.mktemp("built")
    else:
        out = tmp_path_factory.getbasetemp().parent / "built-site"
    site = out / "reader"
    with exclusive(str(out) + ".lock"):
        if not (out / "built").exists():
            result = build_site(ROOT, str(site), site_url="http://127.0.0.1:8000/reader/")
            assert result.returncode == 0, result.stderr[-3000:]
            (out / "built").touch()
    return site


# Browser fixtures: real headless Chromium (Debian's) on the built site, served under /reader/.
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that cancels a request (a terminated worker) is not a test failure


@pytest.fixture(scope="session")
def server(built_site):
    """A static server on a free loopback port whose root holds the site at /reader/."""
    handler = functools.partial(_Quiet, directory=str(built_site.parent))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/reader/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `bash .ci/system-deps` (Debian packages chromium, chromium-driver)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records console errors and every requested origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors, pg.requests = [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    context.close()


SLOW_FIXTURES = {"built_site", "server", "browser", "page"}

# The order in which `make test` (`--dist loadfile --no-loadscope-reorder`) hands the files to its two workers:
# the long files first, so that the two workers end together on short files (xdist's own order, by number of
# tests, handed out test_serve and test_rebuilds last, and how evenly the run ended depended on their luck).
# The figures are one worker's seconds on a loaded 2-core machine (load average about 12; the four marked *
# were measured at load about 7 on 2026-12-02, before that day's cuts shortened them): only their order
# matters. test_accessibility goes first and builds the shared site (built_site) while the other worker runs
# test_hostile, which builds its own; test_preview builds this checkout again (three edition processes) and
# compares it with the shared site. Files not listed follow in pytest's order; each takes less than about
# 30 s there. Without xdist the order is pytest's own.
FIRST = (
    "test_accessibility.py",  # 265 s*: the shared site's build, then axe-core on 55 pages (66 when measured)
    "test_hostile.py",  # 290 s: three builds of the red-team corpus, 76 checks, Chromium on the harmless build
    "test_site_build.py",  # 143 s*: two small builds (and a third build of this checkout when measured)
    "test_rebuilds.py",  # 200 s: some 15 stagings of the seed corpus
    "test_serve.py",  # 300 s*: a real `make serve` session with four rebuilds (two sessions when measured)
    "test_preview.py",  # 260 s*: this checkout again in three edition processes (and a preview session when measured)
    "test_safety.py",  # 65 s: a small build, `wenku check` on 20 bad inputs
    "test_readers.py",  # 55 s: axe-core on charts and 404 pages, paragraph links in Chromium
    "test_english.py",  # 55 s: a small build
    "test_editorial.py",  # 40 s: three stagings in a child process
    "test_citation.py",  # 35 s: a small build
)


def _order(item) -> int:
    name = os.path.basename(str(item.path))
    return FIRST.index(name) if name in FIRST else len(FIRST)


def _builds(code) -> bool:
    return code is not None and "build_site" in code.co_names


def pytest_collection_modifyitems(config, items):
    """Mark as `slow` every test that builds a site or drives Chromium (`make test-fast` skips them):
    those using the built-site or browser fixtures, those that call build_site() themselves or through a
    fixture of their own (test_hostile's hostile_site), and those marked slow by their file (a real
    `mkdocs serve`). Mark as `root_project` the tests that build this checkout itself (ROOT with build_site
    or split.build_in_processes): under xdist they take turns (see _root_project_turn). Under xdist, put
    the files in the order of FIRST."""
    for item in items:
        names = getattr(getattr(item, "function", None), "__code__", None)
        info = getattr(item, "_fixtureinfo", None)
        fixture_builds = info is not None and any(
            _builds(getattr(getattr(d, "func", None), "__code__", None))
            for defs in info.name2fixturedefs.values()
            for d in defs
        )
        if (
            _builds(names)
            or fixture_builds
            or SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.get_closest_marker("browser")
        ):
            item.add_marker(pytest.mark.slow)
        if (
            names is not None
            and "ROOT" in names.co_names
            and {"build_site", "build_in_processes"} & set(names.co_names)
        ):
            item.add_marker(pytest.mark.root_project)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=_order)  # stable: within a file, and among the files not listed, pytest's order


@pytest.fixture(autouse=True)
def _root_project_turn(request):
    """A test that builds this checkout waits for any other one to finish (xdist workers share ROOT/.build)."""
    if request.node.get_closest_marker("root_project") is None:
        yield
        return
    with exclusive(os.path.join(ROOT, ".build", "root-tests.lock")):
        yield
