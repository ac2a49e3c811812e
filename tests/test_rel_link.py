"""rel_link works links out on docs paths' parts: the same links as os.path.relpath, without its cost."""

from __future__ import annotations

import itertools
import os

from wenku.site.pages.common import rel_link

DIRS = ["", ".", "articles", "topics", "articles/x", "a/b/c", "sources/raw", "a/", "./a", "../up"]
TARGETS = ["glossary.md", "articles/x.md", "articles/x/y.md", "topics/index.md", "a/b/c", "a/b", "a", "a/b/c/d.md"]


def test_rel_link_gives_the_links_os_path_relpath_gives():
    for from_dir, target in itertools.product(DIRS, TARGETS):
        expected = os.path.relpath(target, from_dir or ".").replace(os.sep, "/")
        assert rel_link(from_dir, target) == expected, (from_dir, target)
