"""The package's imports follow the data flow: a stage imports only earlier stages and the shared modules
at the top of hooks/wenku (model, textutil, segment, script, personnames …), never a later stage."""

from __future__ import annotations

import ast
import os

from conftest import ROOT

PACKAGE = os.path.join(ROOT, "hooks", "wenku")
STAGES = ["ingest", "structure", "enrich", "site", "search"]
# The one documented exception: `make serve` writes the preview's search files in the background.
ALLOWED = {("site/preview.py", "search")}


def imports_of(path: str) -> set[str]:
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("wenku."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("wenku."))
    return found


def backward_edges() -> list[tuple[str, str]]:
    out = []
    for stage in STAGES:
        for base, _, files in os.walk(os.path.join(PACKAGE, stage)):
            for f in files:
                if not f.endswith(".py"):
                    continue
                rel = os.path.relpath(os.path.join(base, f), PACKAGE).replace(os.sep, "/")
                for other in imports_of(os.path.join(base, f)) & set(STAGES):
                    if STAGES.index(other) > STAGES.index(stage) and (rel, other) not in ALLOWED:
                        out.append((rel, other))
    return out


def shared_modules_importing_stages() -> list[tuple[str, str]]:
    """The shared modules below every stage (imported by ingest) may not import a stage themselves."""
    shared = ["model.py", "textutil.py", "segment.py", "script.py", "personnames.py", "limits.py"]
    return [(m, s) for m in shared for s in sorted(imports_of(os.path.join(PACKAGE, m)) & set(STAGES))]


def test_no_stage_imports_a_later_stage():
    assert backward_edges() == []


def test_the_shared_modules_import_no_stage():
    assert shared_modules_importing_stages() == []


def test_the_check_finds_a_backward_import(tmp_path, monkeypatch):
    """The scan can fail: a module of ingest that imports structure is found."""
    fake = tmp_path / "wenku"
    for stage in STAGES:
        (fake / stage).mkdir(parents=True)
    (fake / "ingest" / "bad.py").write_text("from wenku.structure.names import parse_byline\n", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", str(fake))
    assert backward_edges() == [("ingest/bad.py", "structure")]
