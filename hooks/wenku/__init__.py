"""wenku: the Digital China Reader pipeline.

Raw source text -> decode -> repair -> split into articles -> metadata -> Markdown.
Plain Python, no MkDocs imports: the MkDocs hooks in ``hooks/*.py`` call into it.
"""

import functools
import hashlib
import os

# Bump when a change to the pipeline changes its output; cached results keyed on it are dropped.
PIPELINE_VERSION = "1"

# The pipeline's own data (report kinds, surnames, jieba's domain words, the search worker). Editorial data
# (topics, glossary, labels, citation) is content and lives in sources/: see wenku.editorial.
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """PIPELINE_VERSION plus a hash of this package's code and data: a cache written by other code is
    never read, even when nobody remembered to bump the version."""
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    base = os.path.dirname(os.path.abspath(__file__))
    for folder, dirs, files in sorted(os.walk(base)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yml", ".txt", ".js")):
                h.update(os.path.relpath(os.path.join(folder, name), base).encode())
                with open(os.path.join(folder, name), "rb") as fh:
                    h.update(fh.read())
    return h.hexdigest()[:16]
