"""Our search worker script, served at the address Material's search box talks to."""

from __future__ import annotations

import functools
import os

from wenku import DATA_DIR

SEARCH_WORKER = "assets/javascripts/workers/wenku-search.js"  # Material's search box talks to this worker


@functools.lru_cache(maxsize=1)
def search_worker_script() -> str:
    """Our search worker (data/search-worker.js), which reads the sharded index of searchshards.py."""
    with open(os.path.join(DATA_DIR, "search-worker.js"), encoding="utf-8") as fh:
        return fh.read()
