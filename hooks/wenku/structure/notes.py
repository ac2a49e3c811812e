"""Author notes (【作者系…】, （作者单位：…）) and outlet lines (发表时间：… 来源：…) to metadata."""

from __future__ import annotations

import re

RE_BIO = re.compile(r"^作者简介\s*[：:]\s*(?P<body>.+)$")
RE_FUNDING = re.compile(r"本文(?:系|为|是)(?P<body>.+?)(?:的)?(?:阶段性|研究|最终)?成果")
RE_PROJECT = re.compile(
    r"(?P<name>[^“”，。；]*?(?:项目|课题|工程|基金)[^“”，。；（(]*)?(?:“(?P<title>[^”]+)”)?\s*[（(](?P<code>[0-9A-Za-z]+)[）)]"
)


def parse_author_note(note: str) -> dict:
    """Affiliations and funded projects named in an author note."""
    text = note.strip().strip("【】（）()[]")
    out = {"affiliations": [], "funding": []}
    bio = RE_BIO.match(text)
    if bio:  # 作者简介：王建国，某大学教授，主要研究方向为…
        clauses = [c.strip() for c in re.split(r"[，,；;。]", bio.group("body")) if c.strip()]
        if clauses and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", clauses[0]):
            clauses = clauses[1:]  # the author's name
        for c in clauses:
            if len(c) <= 10 and (c in ("男", "女") or re.search(r"出生|生于|^\d{4}年|人$|族$", c)):
                continue  # sex, birth year, native place
            if re.match(r"^(主要)?(研究方向|研究领域|从事|邮箱|电话|E-?mail)", c, re.I) or re.match(r"^\d", c):
                break
            out["affiliations"].append(c)
        return out
    parts = re.split(r"[。]", text)
    for part in parts:
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(?:作者系|作者为|作者是|作者单位[：:]|本文作者[：:]?|作者[：:])(?P<aff>.+)$", part)
        if m:
            affs = [a.strip() for a in re.split(r"[，,；;]", m.group("aff")) if a.strip()]
            out["affiliations"].extend(affs)
            continue
        f = RE_FUNDING.search(part)
        if f:
            body = f.group("body")
            projects = [_project_text(p) for p in RE_PROJECT.finditer(body)]
            out["funding"].extend(projects or [body.strip()])
    return out


def _project_text(m: re.Match[str]) -> str:
    """'Project name “title” (code)' in a readable single string."""
    name = (m.group("name") or "").strip()
    title = m.group("title")
    code = m.group("code")
    text = name
    if title:
        text += f"“{title}”"
    return f"{text}（{code}）"


RE_DATE = re.compile(r"((?:19|20)\d\d)[-年./](\d{1,2})(?:[-月./](\d{1,2})日?)?")


def parse_meta_line(line: str) -> dict:
    """Date (ISO) and outlet from a line like '发表时间：2025-06-25 来源：湖北日报'."""
    out: dict = {}
    d = RE_DATE.search(line)
    if d:
        y, m, day = d.groups()
        out["date"] = f"{y}-{int(m):02d}" + (f"-{int(day):02d}" if day else "")
    s = re.search(r"来源[：:]\s*(?P<pub>[^\s，。]+)", line)
    if s:
        out["publication"] = s.group("pub")
    return out
