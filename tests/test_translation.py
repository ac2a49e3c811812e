"""The translation desk: `wenku translate` skeletons, the translation checks of `wenku check`, the glossary."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil

import pytest
import yaml

from conftest import FIXTURES, ROOT, build_site, copy_build_files
from wenku.model import Block
from wenku.site import translation as T

ZHU = "zhu-hongli-000-2"
QIESHI = "qieshi-cujin-zhongxiaoqiye-zhuanjing-te-xin-fazhan"


def _arts(corpus):
    return {a.slug: a for a in corpus.articles}


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


# Each fixture is a real translation with one defect; the check names it at the right line.
CASES = [
    ("placeholder.en.md", ZHU, "error", "translation placeholder left", ("%%TRANSLATE%%", 0)),
    ("outdated.en.md", ZHU, "warning", "outdated translation: made from '0123456789ab'", ("translation_of:", 0)),
    # at the box whose English is missing, and at the box after the missing pair
    (
        "missing-english.en.md",
        ZHU,
        "warning",
        "Chinese block without English above its box",
        ("均衡数字化公共服务", -2),
    ),
    (
        "missing-block.en.md",
        ZHU,
        "warning",
        "Chinese block without English: '均衡数字化公共服务",
        ("推进数字化融合共享", -2),
    ),
    ("numbers.en.md", ZHU, "warning", "number 1376万 of the Chinese is not in the English", ("1.376 million", 0)),
    ("numbers.en.md", ZHU, "warning", "number 20.84 of the Chinese is not in the English", ("1.376 million", 0)),
    ("glossary.en.md", ZHU, "warning", "glossary: 银发经济 is not rendered as the glossary says", ("grey-haired", 0)),
    (
        "refused.en.md",
        QIESHI,
        "warning",
        "glossary: 生力军 rendered as 'fresh force', which the glossary refuses",
        ("fresh force", 0),
    ),
    ("title-note.en.md", ZHU, "warning", "a note inside a title", ("(title inferred)", 0)),
    ("title-note.en.md", ZHU, "warning", "English title differs from the sidecar's title_en", ("(title inferred)", 0)),
]


@pytest.mark.parametrize("name, slug, severity, message, where", CASES)
def test_each_check_fails_on_a_bad_translation(corpus, name, slug, severity, message, where):
    path = os.path.join(FIXTURES, "translations", name)
    text = open(path, encoding="utf-8").read()
    problems = T.check_translation(path, text, _arts(corpus)[slug])
    hits = [p for p in problems if p.message.startswith(message)]
    assert hits, [p.message for p in problems]
    assert hits[0].severity == severity
    needle, offset = where
    assert hits[0].line == _line_of(text, needle) + offset
    # The same file without its defect (the real translation) passes.
    good = os.path.join(ROOT, "docs", "articles", f"{slug}.en.md")
    assert T.check_translation(good, open(good, encoding="utf-8").read(), _arts(corpus)[slug]) == []


def test_every_translation_of_the_project_passes(corpus):
    problems = T.check_translations(os.path.join(ROOT, "docs"), corpus.articles)
    assert problems == [], "\n".join(str(p) for p in problems)
    assert T.check_glossary() == []


@pytest.mark.parametrize(
    "chinese, english, ok",
    [
        ("规模达3.5万亿元", "reached 3.5 trillion yuan", True),
        ("规模达3.5万亿元", "reached 3.5 billion yuan", False),
        ("1200万人", "12 million people", True),
        ("1200万人", "1.2 million people", False),
        ("产值152亿元", "output of 15.2 billion yuan", True),
        ("占比20.84%", "20.84 per cent", True),
        ("占比20.84%", "20.8%", False),
        ("2023年", "in 2023", True),
        ("10月23日", "on 23 October", True),
        ("10月23日", "on 23 November", False),
        ("7位委员", "seven members", True),
        ("缺口在2500万至3000万", "a shortage of 25 to 30 million", True),
        ("达每秒246百亿亿次浮点运算", "246 EFLOPS", True),
        ("超4万家", "more than 40,000 firms", True),
        ("70多万家", "more than 700,000", True),
        ("1\\.1 抓住", "1.1 Seize", True),
        ("（22D10）", "(22D10)", True),
    ],
)
def test_numbers_with_wan_and_yi(chinese, english, ok):
    assert (T.number_problems(chinese, english) == []) is ok, T.number_problems(chinese, english)


@pytest.mark.parametrize(
    "chinese, english, expect",
    [
        ("推动产业跨界融合", "promote the cross-border integration of industries", "refuses"),
        ("推动产业跨界融合", "promote the cross-sector integration of industries", None),
        ("跨境电商与跨界融合", "cross-border e-commerce and cross-sector integration", None),  # 跨境 is cross-border
        ("拥抱“人工智能+”", "embracing “AI+”", "is not rendered"),
        ("拥抱“人工智能+”", "embracing “AI Plus”", None),
        ("发展“人工智能+医疗”", "developing “AI + healthcare”", None),  # not the AI Plus action
        ("加快创新链、产业链、资金链融合", "integrate the innovation, industrial and capital chains", None),
        ("数据要素市场化配置", "market-based allocation of data", "is not rendered"),
        ("数据要素市场化配置", "market-based allocation of data factors", None),
        ("具身智能", "embodied intelligence", "refuses"),
        ("数字技术的优势", "digital technology's strengths", None),
        ("数字技术", "digital technologies", None),
    ],
)
def test_glossary_conformance(chinese, english, expect):
    problems = T.glossary_problems(chinese, english)
    if expect is None:
        assert problems == []
    else:
        assert problems and expect in problems[0], problems


def test_glossary_has_sixty_terms_with_renderings_and_sources():
    data = yaml.safe_load(open(os.path.join(ROOT, "sources", "glossary.yml"), encoding="utf-8"))
    assert len(data) >= 60
    terms = {g["zh"] for g in data}
    for t in (
        "新质生产力",
        "专精特新",
        "数据要素",
        "东数西算",
        "银发经济",
        "人工智能+",
        "链长制",
        "数实融合",
        "跨界融合",
        "自主可控",
        "规模以上",
    ):
        assert t in terms
    kuajie = next(g for g in data if g["zh"] == "跨界")
    assert kuajie["en"] == "cross-sector" and "cross-border" in kuajie["not"]
    assert sum(1 for g in data if g.get("source")) >= 5


def test_glossary_schema_problems_have_lines(tmp_path):
    bad = tmp_path / "glossary.yml"
    bad.write_text(
        "- zh: 甲\n  en: a\n- zh: 甲\n  en: b\n  variants: x\n- en: only english\n  colour: red\n", encoding="utf-8"
    )
    messages = {(p.line, p.message.split(":")[0]) for p in T.check_glossary(str(bad))}
    assert (3, "glossary term 甲 already at line 1") in messages
    assert (5, "glossary 'variants' must be a list of text") in messages
    assert (6, "glossary entry without 'zh' and 'en' text") in messages


def test_title_notes_are_recognised():
    assert T.title_note("Smart Elderly Care (title supplied by the editors)")
    assert T.title_note("Three Opportunities (title inferred)")
    assert T.title_note("标题（标题为编者所加）")
    assert not T.title_note("“AI Plus” (Artificial Intelligence Plus) for Industry")


def test_skeleton_of_a_new_translation(corpus):
    art = _arts(corpus)["tuwei-rengongzhineng-saidao-jueqi-ai-yingyong-zhi-cheng"]
    text, stats = T.skeleton(art)
    tf = T.parse(text)
    assert stats == {"kept": 0, "changed": 0, "new": len(T.units(art)), "dropped": []}
    assert [T.normal(p.chinese) for p in tf.pairs] == [T.normal(T.box_text(b)) for b in T.units(art)]
    assert all(T.PLACEHOLDER in p.english for p in tf.pairs)
    assert tf.meta["translation_of"] == T.fingerprint(art) and tf.meta["lang"] == "en"
    assert text.count(".wenku-speaker") == sum(1 for b in art.blocks if b.kind == "speaker")
    problems = T.check_translation("x.en.md", text, art)
    assert problems and all(p.severity == "error" for p in problems if "placeholder" in p.message)
    assert not [p for p in problems if "without English" in p.message or "outdated" in p.message]


def test_retranslation_keeps_english_and_marks_only_changed_blocks(corpus):
    art = _arts(corpus)[ZHU]
    path = os.path.join(ROOT, "docs", "articles", f"{ZHU}.en.md")
    existing = open(path, encoding="utf-8").read()
    assert T.skeleton(art, existing)[0] == existing  # up to date: nothing changes
    blocks = list(art.blocks)
    k = next(i for i, b in enumerate(blocks) if b.kind == "p" and "智慧养老" in b.text and i > 1)
    blocks[k] = Block("p", blocks[k].text.replace("智慧养老", "智能养老", 1), blocks[k].lines)
    blocks.insert(k + 1, Block("p", "新增的一段中文。"))
    changed = dataclasses.replace(art, blocks=blocks)
    text, stats = T.skeleton(changed, existing)
    assert stats["changed"] == 1 and stats["new"] == 1 and stats["kept"] == len(T.units(art)) - 1
    tf = T.parse(text)
    marked = [p for p in tf.pairs if T.PLACEHOLDER in p.english]
    assert len(marked) == 2
    assert "the Chinese changed; previous English follows" in marked[0].english  # the old English kept to edit
    kept = [p.english for p in tf.pairs if T.PLACEHOLDER not in p.english]
    old = [p.english for p in T.parse(existing).pairs]
    assert all(e in old for e in kept)
    assert tf.meta["translation_of"] == T.fingerprint(changed) != T.fingerprint(art)
    assert text.split("---")[1].count("\n") == existing.split("---")[1].count("\n")  # front matter kept as written


def test_wenku_translate_command(tmp_path, corpus):
    from test_cli import run

    proj = tmp_path / "proj"
    (proj / "docs" / "articles").mkdir(parents=True)
    (proj / "sources").mkdir()
    art = _arts(corpus)["zhang-weilin-001-1"]
    for ext in (".txt", ".yml"):
        shutil.copy(os.path.join(ROOT, "sources", os.path.splitext(art.source)[0] + ext), proj / "sources")
    (proj / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    r = run("translate", art.slug, "--root", str(proj), "--date", "2026-12-02")
    assert r.returncode == 0, r.stderr
    assert f"0 block(s) kept, 0 changed, {len(T.units(art))} to translate" in r.stdout
    target = proj / "docs" / "articles" / f"{art.slug}.en.md"
    text = target.read_text(encoding="utf-8")
    assert T.parse(text).meta["translated"] == "2026-12-02"
    r = run("check", "--root", str(proj))
    assert r.returncode == 1 and "translation placeholder left" in r.stdout
    assert re.search(rf"docs/articles/{art.slug}\.en\.md:\d+: error: translation placeholder left", r.stdout)
    r = run("translate", "no-such-article", "--root", str(proj))
    assert r.returncode == 2 and "no article with slug" in r.stderr


def test_the_build_refuses_a_placeholder(tmp_path, corpus):
    art = _arts(corpus)["zhang-weilin-001-1"]
    proj = tmp_path / "proj"
    copy_build_files(proj)
    for ext in (".txt", ".yml"):
        shutil.copy(os.path.join(ROOT, "sources", os.path.splitext(art.source)[0] + ext), proj / "sources")
    page = proj / "docs" / "articles" / f"{art.slug}.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("At the symposium", T.PLACEHOLDER + " At the symposium", 1), encoding="utf-8")
    result = build_site(str(proj), str(tmp_path / "site"))
    assert result.returncode != 0
    assert f"docs/articles/{art.slug}.en.md" in result.stderr and "cannot be published" in result.stderr
