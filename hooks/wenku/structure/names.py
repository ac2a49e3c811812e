"""Recognising Chinese personal names and bylines (for author lines and photo-caption lists)."""

from __future__ import annotations

import functools
import os
import re

from wenku import DATA_DIR
from wenku.textutil import CJK


@functools.lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, double surnames) from hooks/wenku/data/surnames.txt."""
    single: set[str] = set()
    double: set[str] = set()
    with open(os.path.join(DATA_DIR, "surnames.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            for name in line.split():
                (double if len(name) == 2 else single).update([name] if len(name) == 2 else list(name))
    return frozenset(single), frozenset(double)


SURNAMES, DOUBLE_SURNAMES = _surnames()

RE_NAME = re.compile(rf"[{CJK}]{{2,4}}")


def is_person_name(text: str) -> bool:
    """True for a plausible Chinese personal name of 2-4 characters (surname + given name)."""
    t = text.strip()
    if not RE_NAME.fullmatch(t):
        return False
    if t[:2] in DOUBLE_SURNAMES:
        return len(t) in (3, 4)
    return t[0] in SURNAMES and len(t) in (2, 3)


RE_MARK = re.compile(r"^[□■◎●○◇◆▲△]\s*")
RE_NAME_SEP = re.compile(r"[\s\u3000、,，;；]+")


def _names(text: str, strict: bool) -> list[str] | None:
    """The names in text joined by spaces or 、 (1-4 of them). Strict: each must look like a personal name;
    otherwise (after a byline label) any 2-4 ideographs will do."""
    parts = [p for p in RE_NAME_SEP.split(text.strip()) if p]
    if not parts or len(parts) > 4:
        return None
    if strict:
        return parts if all(is_person_name(p) for p in parts) else None
    return parts if all(RE_NAME.fullmatch(p) and len(p) <= 4 for p in parts) else None


def byline_names(line: str) -> list[str] | None:
    """Names in a byline such as '罗海云 刘泽锋' or '□ 張尉琳', or None when the line is not one."""
    parsed = parse_byline(line)
    return parsed["names"] if parsed and not parsed.get("role") else None


# '长沙晚报全媒体记者 唐朝昭', '本报记者 张三 李四', '记者 王五 通讯员 赵六'
RE_REPORTER = re.compile(
    rf"^(?P<role>[{CJK}]{{0,12}}?(?:记者|通讯员|特约撰稿人|撰稿人|撰稿|撰文|特约评论员))[\s：:]*"
    rf"(?P<names>[{CJK}][{CJK}\s\u3000、]*)$"
)
RE_ROLE_SPLIT = re.compile(r"\s*(通讯员|记者|实习生)\s*")
# '文/王建国', '文｜王建国', '作者：王建国', '作者 王建国', '执笔：王建国 李四', '撰文：…'
RE_LABELLED = re.compile(
    rf"^(?:文\s*[/／|｜丨]\s*|(?:作者|文|执笔|撰文|文字)\s*[：:/／|｜丨]\s*|(?:作者|执笔)[\s\u3000]+)"
    rf"(?P<names>[{CJK}][{CJK}\s\u3000、，,]*)$"
)
# A news dateline with its reporters in brackets: '本报讯（记者 王建国 通讯员 李四）'.
RE_DATELINE = re.compile(r"^(?:本报|本刊)?讯[\s\u3000]*[（(][\s\u3000]*(?P<inner>[^（）()]{3,40}?)[\s\u3000]*[）)]$")
# A date (and time) printed after the names on a web page's byline: '作者：王建国  2025-04-02 09:12'.
RE_TRAILING_DATE = re.compile(
    r"[\s\u3000]+(?P<date>(?:19|20)\d\d(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月(?:\d{1,2}日)?))"
    r"(?:[\s\u3000]+\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?[\s\u3000]*$"
)
# A WeChat article's head line: original mark, author, account, date, time, place
# ('原创 王建国 某某观察 2025年02月17日 08:05 北京'); the author or the account may be missing.
RE_WECHAT = re.compile(
    rf"^(?P<mark>原创)?[\s\u3000]*(?P<who>(?:[{CJK}A-Za-z0-9]{{2,16}}[\s\u3000]+){{1,2}})"
    r"(?P<date>(?:19|20)\d\d(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))"
    rf"(?:[\s\u3000]+\d{{1,2}}:\d\d)?(?:[\s\u3000]+(?P<place>[{CJK}]{{2,4}}))?$"
)
RE_TRAILING_AFFILIATION = re.compile(r"[（(](?P<aff>[^（）()]{2,40}?)[）)]$")
RE_PAREN = re.compile(rf"^[（(]\s*(?P<names>[{CJK}][{CJK}\s\u3000、，,]*?)\s*[）)]$")


def parse_byline(line: str) -> dict | None:
    """{'names', 'form', 'role'?} for a byline in one of its common forms, else None.

    Forms: 'mark' (□ 名, ○ 名, ■ 名), 'reporter' (本报记者 名, 记者 名 通讯员 名), 'labelled' (文/名, 作者：名),
    'paren' ((名), as printed at the end of an article), 'plain' (names joined by spaces or 、)."""
    t = line.strip()
    if not t or len(t) > 60:
        return None
    wechat = _wechat(t)
    if wechat:
        return wechat
    dateline = RE_DATELINE.match(t)
    if dateline:  # 本报讯（记者 名 通讯员 名）: the reporters in the news dateline
        parsed = parse_byline(dateline.group("inner"))
        return parsed if parsed and parsed["form"] == "reporter" else None
    dated = RE_TRAILING_DATE.search(t)
    if dated and dated.start() > 0:
        parsed = parse_byline(t[: dated.start()])
        if parsed and parsed["form"] in ("labelled", "mark", "reporter"):
            parsed["date"] = iso_date(dated.group("date"))
            return parsed
        return None
    aff = RE_TRAILING_AFFILIATION.search(t)
    if aff and not RE_PAREN.match(t):  # 作者：秦望舒（海川大学计算机学院副教授）
        parsed = parse_byline(t[: aff.start()])
        if parsed and parsed["form"] != "paren":
            parsed["affiliation"] = aff.group("aff")
            return parsed
        return None
    if len(t) > 40:
        return None
    m = RE_MARK.match(t)
    if m:
        names = _names(t[m.end() :], strict=False)
        return {"names": names, "form": "mark"} if names else None
    m = RE_REPORTER.match(t)
    if m:
        names: list[str] = []
        roles = [m.group("role")]
        for piece in RE_ROLE_SPLIT.split(m.group("names")):
            if piece in ("通讯员", "记者", "实习生"):
                roles.append(piece)
                continue
            got = _names(piece, strict=True) if piece.strip() else []
            if got is None:
                return None
            names.extend(got)
        if names:
            return {"names": names, "form": "reporter", "role": roles[0]}
        return None
    m = RE_LABELLED.match(t)
    if m:
        names = _names(m.group("names"), strict=False)
        return {"names": names, "form": "labelled"} if names else None
    m = RE_PAREN.match(t)
    if m:
        names = _names(m.group("names"), strict=True)
        return {"names": names, "form": "paren"} if names else None
    names = _names(t, strict=True)
    return {"names": names, "form": "plain"} if names else None


def reporter_byline(line: str) -> tuple[str, list[str]] | None:
    """(role, names) of a reporter byline, or None."""
    parsed = parse_byline(line)
    if parsed and parsed.get("role"):
        return parsed["role"], parsed["names"]
    return None


RE_ISO_PARTS = re.compile(r"((?:19|20)\d\d)[-年./](\d{1,2})(?:[-月./](\d{1,2})日?)?")


def iso_date(text: str) -> str | None:
    """'2025-04-02', '2025年4月2日' or '2025年4月' as ISO (YYYY-MM-DD or YYYY-MM), else None."""
    m = RE_ISO_PARTS.search(text)
    if not m:
        return None
    y, mth, day = m.groups()
    return f"{y}-{int(mth):02d}" + (f"-{int(day):02d}" if day else "")


def _wechat(t: str) -> dict | None:
    """{'names', 'form': 'wechat', 'publication'?, 'date'} for a WeChat head line, else None. With the
    original mark the first word is the author (any 2-4 ideographs) and the second the account; without
    it the first word must look like a personal name."""
    m = RE_WECHAT.match(t)
    if not m:
        return None
    words = m.group("who").split()
    first = words[0]
    if m.group("mark"):
        if not (RE_NAME.fullmatch(first) and len(first) <= 4):
            return None
    elif not is_person_name(first) or len(words) < 2:
        return None
    out = {"names": [first], "form": "wechat", "date": iso_date(m.group("date"))}
    if len(words) > 1:
        out["publication"] = words[1]
    return out
