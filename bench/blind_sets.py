"""The runner of the blind held-out damage sets (bench/heldout2, bench/heldout3: laid out by people who did
not read the pipeline): run one folder of cases through the pipeline and print the tables.

.venv/bin/python bench/blind_sets.py DIR                   # per-kind table, leaks, per-case table
.venv/bin/python bench/blind_sets.py DIR --show NAME       # one case: input, gold, output, report, score
.venv/bin/python bench/blind_sets.py DIR --check           # the gold's own consistency (no pipeline run)
.venv/bin/python bench/blind_sets.py DIR --readme          # measure and write the tables into DIR/README.md

Each set's own run.py (bench/heldout2/run.py …) is this runner with its folder filled in.

Each case's bytes are decoded by its gold's `encoding` (utf-8, utf-16, gb18030 with its BOM …).

The scorer is bench/damage.py's (`load_heldout`, `score_case`, `summarise`, `table`); this set keeps no
floors: it is for measuring, not for holding a level.
"""

from __future__ import annotations

import html
import os
import re
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import damage  # noqa: E402

RE_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# Markup a line of article text may carry in these layouts (Markdown, bullets, a forum's [转帖], bold).
RE_LINE_MARKUP = re.compile(r"^(?:#{1,6} |> |● |\[转帖\] )|\*\*")


def _clean_line(text: str) -> str:
    """A raw line as plain text for the check: tags dropped, entities (twice) unescaped, Simplified."""
    text = html.unescape(html.unescape(RE_TAG.sub("", text)))
    return damage.t2s(RE_LINE_MARKUP.sub("", text))


def _fold(text: str) -> str:
    """Full and half width folded together (an OCR'd page reads some ，：（ as , : (): for the check only."""
    return unicodedata.normalize("NFKC", text)


def check(case: dict) -> list[str]:
    """Problems of one case's gold (empty: consistent).

    - line_art has one entry per input line; a line of no article is blank or is a boiler entry whole;
    - a line of article k is, once its inline boiler (an inline byline) is taken out, a piece of article k's
      title or text (mojibake lines, in gbk cases, only mostly);
    - every boiler entry occurs in the page; every gold paragraph's 4-grams are in the page (gbk: most);
    - the gold scored as the pipeline's output gets full marks (no boiler line that is also article text).
    """
    problems = []
    raw = case["data"].decode(case["encoding"]).lstrip("\ufeff")  # gb18030 keeps its BOM as U+FEFF
    lines = raw.replace("\r\n", "\n").rstrip("\n").split("\n")
    if len(lines) != len(case["line_art"]):
        return [f"{len(lines)} lines but {len(case['line_art'])} line_art entries"]
    boil = [b["text"] for b in case["boiler"]]
    gold_text = [damage.norm(damage.t2s((g["title"] or "") + "".join(g["paras"]))) for g in case["gold"]]
    lossy = "gbk" in case["kinds"]
    for number, (line, k) in enumerate(zip(lines, case["line_art"], strict=True), 1):
        if k is None:
            if line.strip() and line not in boil:
                problems.append(f"line {number}: not article text, not in boiler: {line[:40]!r}")
            continue
        rest = line
        for b in case["boiler"]:
            if b.get("inline"):
                rest = rest.replace(b["text"], "")
        piece = damage.norm(_clean_line(rest))
        if piece in gold_text[k] or _fold(piece) in _fold(gold_text[k]):
            continue
        grams = damage.grams(piece)
        share = sum((grams & damage.grams(gold_text[k])).values()) / max(1, sum(grams.values()))
        if not (lossy and share >= 0.5):
            problems.append(f"line {number}: not a piece of article {k}: {piece[:40]!r} ({share:.2f})")
    for b in boil:
        if b not in raw.replace("\r\n", "\n"):
            problems.append(f"boiler entry not in the page: {b[:40]!r}")
    flat = damage.norm(_clean_line(raw))
    page = damage.grams(flat)
    for g in case["gold"]:
        for i, para in enumerate(g["paras"]):
            grams = damage.grams(para)
            recall = sum((grams & page).values()) / max(1, sum(grams.values()))
            if damage.norm(para) not in flat and recall < (0.5 if lossy else 0.9):
                grams = damage.grams(_fold(para))
                recall = sum((grams & damage.grams(_fold(flat))).values()) / max(1, sum(grams.values()))
            if damage.norm(para) not in flat and recall < (0.5 if lossy else 0.9):
                problems.append(f"{g['id']} paragraph {i}: {recall:.2f} of its 4-grams in the page")
    score = damage.score_case(case, oracle(case))
    if not score["count_ok"] or score["leaks"] or score["merges"]:
        problems.append(f"the gold as output: leaks {score['leaks']}, merges {score['merges']}")
    for a in score["articles"]:
        if not (a["text_f1"] == 1 and a["para_f1"] == 1 and a["title_ok"] and a["authors_ok"]):
            problems.append(f"the gold as output does not score full marks: {a}")
    return problems


def oracle(case: dict):
    """What a perfect pipeline would give: the gold articles themselves."""
    from wenku.model import Article, Block, SourceResult

    arts = [
        Article(
            source=case["name"],
            title=g["title"],
            authors=list(g["authors"]),
            blocks=[Block("p", p) for p in g["paras"]],
            report=[],
        )
        for g in case["gold"]
    ]
    return SourceResult(
        name=case["name"], path="", encoding="utf-8", script="simplified", articles=arts, report=[], sidecar={}
    )


def write_readme(folder: str) -> str:
    """Measure, and write the case list and the tables between their markers in folder/README.md."""
    t = time.perf_counter()
    measured = damage.run_heldout(folder)
    command = f"python bench/{os.path.basename(os.path.normpath(folder))}/run.py"
    return damage.write_heldout_readme(
        os.path.join(folder, "README.md"), measured, time.perf_counter() - t, command, "results"
    )


def main(argv: list[str] | None = None, folder: str | None = None) -> int:
    """argv: [DIR] [--check | --show NAME | --readme | damage.py's options]; DIR defaults to folder."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and not argv[0].startswith("-"):
        folder, argv = argv[0], argv[1:]
    if folder is None:
        print("usage: blind_sets.py DIR [--check | --show NAME | --readme]", file=sys.stderr)
        return 2
    if "--check" in argv:
        bad = 0
        for case in damage.load_heldout(folder):
            problems = check(case)
            bad += bool(problems)
            print(f"{case['name']}: {'ok' if not problems else ''}")
            for p in problems:
                print(f"  {p}")
        return 1 if bad else 0
    if "--show" in argv:
        name = argv[argv.index("--show") + 1]
        case = next(c for c in damage.load_heldout(folder) if c["name"] in (name, name + ".txt"))
        case.setdefault("variant", case["shape"])
        print(damage.show(case, damage.score_case(case)))
        return 0
    if "--readme" in argv:
        print(write_readme(folder))
        return 0
    return damage.main(["--heldout", folder] + argv)


if __name__ == "__main__":
    sys.exit(main())
