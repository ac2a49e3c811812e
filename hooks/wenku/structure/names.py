"""Recognising Chinese personal names and bylines (for author lines and photo-caption lists)."""

from __future__ import annotations

import functools
import os
import re

from wenku import DATA_DIR
from wenku.metadata import load_data_file
from wenku.personnames import RE_NAME, SURNAMES, common_word, is_person_name
from wenku.segment import is_word
from wenku.textutil import CJK


@functools.lru_cache(maxsize=1)
def byline_vocabulary() -> dict:
    """data/bylines.yml: {'author': frozenset, 'other': frozenset, 'separators': str, 'marks': str}."""
    data = load_data_file(os.path.join(DATA_DIR, "bylines.yml"))
    return {
        "author": frozenset(data["author"]),
        "other": frozenset(data["other"]),
        "separators": data["separators"],
        "marks": data["marks"],
        "collective": tuple(sorted(data.get("collective", []), key=len, reverse=True)),
        "posts": tuple(sorted(data.get("posts", []), key=len, reverse=True)),
        "groups": tuple(sorted(data.get("groups", []), key=len, reverse=True)),
        "excerpt": tuple(sorted(data.get("excerpt", []), key=len, reverse=True)),
        "title_fields": tuple(sorted(data.get("title_fields", []), key=len, reverse=True)),
        "mail_fields": tuple(sorted(data.get("mail_fields", []), key=len, reverse=True)),
        "subject_fields": frozenset(f.lower() for f in data.get("subject_fields", [])),
        "works": tuple(sorted(data.get("works", []), key=len, reverse=True)),
    }


@functools.lru_cache(maxsize=1)
def _re_excerpt() -> re.Pattern[str]:
    """The source note under a book excerpt: （节选自名著《书名》，出版社…）."""
    vocab = byline_vocabulary()
    labels = "|".join(map(re.escape, vocab["excerpt"]))
    works = "|".join(map(re.escape, vocab["works"]))
    return re.compile(
        rf"^[（(]?[\s\u3000]*(?:本文)?(?:{labels})(?P<names>[{CJK}·、]{{2,12}}?)(?:{works})《[^《》]{{1,40}}》"
    )


def excerpt_source(line: str) -> list[str] | None:
    """The author(s) named in a book excerpt's source note (（节选自名著《书名》…）), else None."""
    m = _re_excerpt().match(line.strip())
    if not m:
        return None
    names = [n for n in m.group("names").split("、") if n]
    return names if names and all(is_person_name(n) for n in names) else None


@functools.lru_cache(maxsize=1)
def _re_collective() -> re.Pattern[str]:
    """A byline naming an office of the outlet (本报评论员, 本刊编辑部, 某某日报评论员)."""
    roles = "|".join(map(re.escape, byline_vocabulary()["collective"]))
    return re.compile(rf"^(?:本[报刊台网社]|[{CJK}]{{1,10}}?(?:报|刊|社|台|网))(?:{roles})$")


def _spaced(labels: tuple[str, ...]) -> str:
    """Labels as alternatives of a pattern, each perhaps spaced out to a wider field (标　　题)."""
    return "|".join("[\\s\\u3000]*".join(map(re.escape, label)) for label in labels)


@functools.lru_cache(maxsize=1)
def _re_title_field() -> re.Pattern[str]:
    return re.compile(
        rf"^(?:{_spaced(byline_vocabulary()['title_fields'])})[\s\u3000]*[：:][\s\u3000]*(?P<value>\S.*)$"
    )


@functools.lru_cache(maxsize=1)
def _re_mail_field() -> re.Pattern[str]:
    return re.compile(
        rf"^(?P<key>{_spaced(byline_vocabulary()['mail_fields'])})[\s\u3000]*[：:][\s\u3000]*(?P<value>.*)$", re.I
    )


def title_field(line: str) -> str | None:
    """The title a field line names (标题：名, 题　　目：名), else None."""
    m = _re_title_field().match(line.strip())
    return m.group("value").strip() if m else None


def mail_field(line: str) -> tuple[str, str] | None:
    """(key, value) of an e-mail header line (发件人：…, 主题：…, Subject: …), else None; the key is
    'subject' for a subject field."""
    m = _re_mail_field().match(line.strip())
    if not m:
        return None
    key = re.sub(r"[\s\u3000]", "", m.group("key"))
    return ("subject" if key.lower() in byline_vocabulary()["subject_fields"] else key), m.group("value").strip()


@functools.lru_cache(maxsize=1)
def _re_group() -> re.Pattern[str]:
    """A group's name and its members (市工商联调研组　名　名, 课题组成员：名、名): the group, then the names."""
    groups = "|".join(map(re.escape, byline_vocabulary()["groups"]))
    return re.compile(
        rf"^(?P<group>[{CJK}]{{0,20}}?(?:{groups}))(?:成员)?(?:[\s\u3000]*[：:][\s\u3000]*|[\s\u3000]+)"
        rf"(?P<names>[{CJK}][{CJK}\s\u3000、，,]*)$"
    )


@functools.lru_cache(maxsize=1)
def _re_post() -> re.Pattern[str]:
    """A person's post (东澜市人民政府副市长, 某大学经济学院教授): ideographs ending with a post of the
    vocabulary, no punctuation."""
    posts = "|".join(map(re.escape, byline_vocabulary()["posts"]))
    return re.compile(rf"^[{CJK}（）()]{{1,28}}?(?:{posts})$")


def is_post(text: str) -> bool:
    """True for a line that is only a person's post (东澜大学经济学院教授), as printed under a byline."""
    t = re.sub(r"[\s\u3000]", "", text.strip())
    return 3 <= len(t) <= 30 and bool(_re_post().match(t)) and not RE_NOT_POST.search(t)


# Words of a sentence, never of a post's name (他是…教授, 我们的主任).
RE_NOT_POST = re.compile(r"[的是了在我你他她们这那说将把被]")


# A post and a personal name on one line, as under a speech's title: 东澜市人民政府副市长　名.
RE_POST_NAME = re.compile(rf"^(?P<post>[{CJK}（）()]{{3,28}})[\s\u3000]+(?P<name>[{CJK}]{{2,4}})$")


@functools.lru_cache(maxsize=1)
def _re_label() -> re.Pattern[str]:
    """A byline field: a label of the vocabulary (longest first) and its separator, at the line's start or
    after a space (撰文：名　摄影：名, 文｜名, 作者：名｜单位)."""
    vocab = byline_vocabulary()
    labels = sorted(vocab["author"] | vocab["other"], key=len, reverse=True)
    sep = re.escape(vocab["separators"])
    # A label may be spaced out to the width of a longer one (嘉　宾：).
    spaced = "|".join("[\\s\\u3000]?".join(map(re.escape, label)) for label in labels)
    return re.compile(rf"(?:^|(?<=[\s\u3000]))(?P<label>{spaced})[\s\u3000]*[{sep}][\s\u3000]*")


def labelled_fields(line: str) -> dict | None:
    """{'names', 'others', 'affiliation'?} for a line made only of labelled byline fields (撰文：名　摄影：名,
    主持人：名, 作者：名｜单位), else None. Names after an author label are the authors; names after another
    role's label (photographer, editor, guest) are not."""
    t = line.strip()
    if not t or len(t) > 60:
        return None
    fields = list(_re_label().finditer(t))
    if not fields or fields[0].start() != 0:
        return None
    vocab = byline_vocabulary()
    names: list[str] = []
    others: list[str] = []
    affiliation = None
    for k, m in enumerate(fields):
        end = fields[k + 1].start() if k + 1 < len(fields) else len(t)
        value = t[m.end() : end].strip()
        label = re.sub(r"[\s\u3000]", "", m.group("label"))
        if label in vocab["author"]:
            parts = re.split(r"[|｜丨]", value, maxsplit=1)
            head, aff = parts[0], parts[1] if len(parts) > 1 else ""
            head = RE_AND_OTHERS.sub("", head)  # 作者：名 等
            got = _names(head, strict=False)
            if got is None and not aff.strip():
                got, aff = _names_with_units(head)
            if got is None and not aff.strip():
                got, aff = _names_comma_unit(head)
            if got is None:
                return None
            names.extend(got)
            if aff.strip():
                affiliation = aff.strip()
        else:
            # Another role's credit: a person's name, then perhaps what they are (嘉宾：名 单位); a
            # sentence after the label (编辑：这篇稿子…) is a line of dialogue, not a credit.
            first = re.split(r"[\s\u3000|｜丨、，,]+", value, maxsplit=1)[0]
            if not is_person_name(first):
                return None
            others.append(label)
    if not names and not others:
        return None
    out: dict = {"names": names, "others": others}
    if affiliation:
        out["affiliation"] = affiliation
    return out


RE_AND_OTHERS = re.compile(r"[\s\u3000]*等(?:人)?$")
RE_NAME_UNIT = re.compile(rf"^(?P<name>[{CJK}·]{{2,4}})[（(](?P<unit>[^（）()]{{2,30}})[）)]$")


def _names_with_units(value: str) -> tuple[list[str] | None, str]:
    """作者：名（单位），名（单位）: each name with its unit in brackets; else the other forms of a name and a
    unit (_names_then_unit)."""
    parts = [p for p in re.split(r"[，,、；;]", value.strip()) if p.strip()]
    found = [RE_NAME_UNIT.match(p.strip()) for p in parts]
    if len(parts) >= 2 and all(found) and all(is_person_name(m.group("name")) for m in found):
        return [m.group("name") for m in found], "；".join(dict.fromkeys(m.group("unit") for m in found))
    return _names_then_unit(value)


def _names_comma_unit(value: str) -> tuple[list[str] | None, str]:
    """作者：名，单位 (as in （作者：名，某大学教师）): personal names, a comma, then the longer words of a unit
    (no sentence: no full stop, no second comma)."""
    head, sep, unit = value.strip().partition("，")
    if not sep or len(unit) < 4 or re.search(r"[。！？；，]", unit):
        return None, ""
    names = _names(head, strict=True)
    if not names or not all(is_person_name(n) for n in names):
        return None, ""
    return names, unit


def _names_then_unit(value: str) -> tuple[list[str] | None, str]:
    """作者：名　单位 / 作者：名、名　单位均为…: personal names (joined by 、 or spaces), then after a space the
    longer words of a unit that are no name. The names must each read as a personal name."""
    parts = re.split(r"[\s\u3000]+", value.strip(), maxsplit=1)
    if len(parts) != 2:
        return None, ""
    head, unit = parts
    if len(unit) < 4 or is_person_name(unit):
        return None, ""
    names = _names(head, strict=True)
    if not names or not all(is_person_name(n) and not is_word(n) for n in names):
        return None, ""
    return names, unit


RE_MARK = re.compile(rf"^[{re.escape(byline_vocabulary()['marks'])}]\s*")
RE_NAME_SEP = re.compile(r"[\s\u3000、,，;；]+")


def _names(text: str, strict: bool) -> list[str] | None:
    """The names in text joined by spaces or 、 (1-4 of them). Strict: each must look like a personal name;
    otherwise (after a byline label) any 2-4 ideographs will do."""
    parts = _join_padded([p for p in RE_NAME_SEP.split(text.strip()) if p])
    if not parts or len(parts) > 4:
        return None
    if strict:
        return parts if all(is_person_name(p, words=False) for p in parts) else None
    return parts if all(RE_NAME.fullmatch(p) and len(p) <= 4 for p in parts) else None


def _join_padded(parts: list[str]) -> list[str]:
    """Two-character names set to the width of three (戴　屿 郗明哲): a lone surname character followed by a
    lone character is one name."""
    out: list[str] = []
    k = 0
    while k < len(parts):
        if len(parts[k]) == 1 and parts[k] in SURNAMES and k + 1 < len(parts) and len(parts[k + 1]) == 1:
            out.append(parts[k] + parts[k + 1])
            k += 2
            continue
        out.append(parts[k])
        k += 1
    return out


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
RE_NAME_POST = re.compile(rf"^(?P<name>[{CJK}]{{2,4}})[\s\u3000]+(?P<post>[{CJK}（）()]{{3,28}})$")
# 文　名: the label 文 and the names with only a space between them.
RE_SPACED_LABEL = re.compile(rf"^文[\s\u3000]+(?P<names>[{CJK}][{CJK}\s\u3000、]*)$")
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
    rf"(?:[\s\u3000]+\d{{1,2}}:\d\d)?(?:[\s\u3000]+(?:发表于)?(?P<place>[{CJK}]{{2,4}}))?$"
)
RE_TRAILING_AFFILIATION = re.compile(r"[（(](?P<aff>[^（）()]{2,40}?)[）)]$")
RE_PAREN_LABELLED = re.compile(r"^[（(][\s\u3000]*(?P<inner>[^（）()]{3,30}?)[\s\u3000]*[）)]$")
RE_QUOTE_MARK = re.compile(r"^>[\s\u3000]*")  # a Markdown quote around a byline (> 作者：名)
# A social post's poster: a name and the verified mark a platform prints after it (名 V, 名ⓥ).
RE_VERIFIED = re.compile(rf"^(?P<name>[{CJK}·]{{2,6}})[\s\u3000]*(?:V|Ⓥ|ⓥ|🅥)$")
# The first post of a forum thread: 楼主　名　发表于 2026-3-14 21:06 (| 只看该作者): the poster's handle.
RE_FORUM_POSTER = re.compile(
    r"^楼主[\s\u3000]*[：:]?[\s\u3000]*(?P<name>[^\s\u3000|｜：:]{2,16})[\s\u3000]+(?:发表于|发布于|发表时间[：:]?)[\s\u3000]*"
    r"(?P<date>(?:19|20)\d\d[-./年]\d{1,2}[-./月]\d{1,2}日?)[^。，！？]{0,30}$"
)
# A journal's authors with the markers of their affiliation notes: 名1　名2, 名¹, 名*.
RE_NAME_MARKER = re.compile(r"(?<=[\u4e00-\u9fff])[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*＊]{1,3}(?=[\s\u3000,，、]|$)")
RE_MARKED_NAMES = re.compile(
    r"(?:[\u4e00-\u9fff·]{2,4}[0-9¹²³⁴⁵⁶⁷⁸⁹⁰*＊]{1,3}(?:[\s\u3000]*[,，、][\s\u3000]*|[\s\u3000]+|$)){1,6}"
)
# The names, then the word 文 (written by): 名　文, 名/文.
RE_NAMES_WEN = re.compile(rf"^(?P<names>[{CJK}][{CJK}\s\u3000、]*?)(?:[\s\u3000]+|[\s\u3000]*[/／][\s\u3000]*)文$")
# A reporter's verb after the names: 本报记者　名　报道, 记者 名 采写.
RE_REPORTED_TAIL = re.compile(r"[\s\u3000]+(?:摄影)?(?:报道|报导|采写)$")
RE_PAREN = re.compile(rf"^[（(]\s*(?P<names>[{CJK}][{CJK}\s\u3000、，,]*?)\s*[）)]$")


def parse_byline(line: str) -> dict | None:
    """{'names', 'form', 'role'?} for a byline in one of its common forms, else None.

    Forms: 'mark' (□ 名, ○ 名, ■ 名), 'reporter' (本报记者 名, 记者 名 通讯员 名), 'labelled' (文/名, 作者：名),
    'paren' ((名), as printed at the end of an article), 'group' (a group's name, then its members: 调研组　名),
    'plain' (names joined by spaces or 、)."""
    t = RE_QUOTE_MARK.sub("", line.strip())
    if not t or len(t) > 60:
        return None
    wechat = _wechat(t)
    if wechat:
        return wechat
    m = RE_FORUM_POSTER.match(t)
    if m:  # 楼主　名　发表于 2026-3-14 21:06: the thread's first post is the poster's (a handle, as shown)
        return {"names": [m.group("name")], "form": "poster", "date": iso_date(m.group("date"))}
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
    if aff and aff.start() > 0 and not RE_PAREN.match(t):  # 作者：秦望舒（海川大学计算机学院副教授）
        parsed = parse_byline(t[: aff.start()])
        if parsed and parsed["form"] != "paren":
            parsed["affiliation"] = aff.group("aff")
            return parsed
        fields = labelled_fields(t)  # 作者：名（单位），名（单位）: each author's unit after the name
        return (
            {"names": fields["names"], "form": "labelled", "affiliation": fields["affiliation"]}
            if (fields and fields["names"] and fields.get("affiliation"))
            else None
        )
    if len(t) > 40:
        return None
    if RE_MARKED_NAMES.fullmatch(t):  # 名1　名2, 名*: a journal's authors with their note markers
        names = _names(RE_NAME_MARKER.sub("", t), strict=True)
        if names and all(is_person_name(n) for n in names):
            return {"names": names, "form": "plain"}
    m = RE_NAMES_WEN.match(t)
    if m:  # 名　文, 名/文: the names, then the word 文 (written by)
        names = _names(m.group("names"), strict=True)
        if names and all(is_person_name(n) for n in names):
            return {"names": names, "form": "labelled"}
    m = RE_REPORTED_TAIL.search(t)
    if m and m.start() > 0:  # 本报记者　名　报道: the reporter's byline with its verb
        parsed = parse_byline(t[: m.start()])
        return parsed if parsed and parsed["form"] == "reporter" else None
    m = RE_VERIFIED.match(t)
    if m and is_person_name(m.group("name")) and not is_word(m.group("name")):
        # 严知秋 V: a social post's poster, with the platform's verified mark after the name
        return {"names": [m.group("name")], "form": "poster"}
    if _re_collective().match(t):  # 本报评论员: the outlet's office, as printed, is the author
        return {"names": [t], "form": "collective"}
    m = _re_group().match(t)
    if m:  # 市工商联调研组　名　名: the members named after the group are the authors
        names = _names(m.group("names"), strict=True)
        if names and all(is_person_name(n) for n in names):
            return {"names": names, "form": "group", "affiliation": m.group("group")}
        return None
    m = RE_MARK.match(t)
    if m:
        inner = parse_byline(t[m.end() :]) if m.end() < len(t) else None
        if inner and inner["form"] in ("reporter", "labelled", "group") and inner["names"]:
            return dict(inner, form="mark")  # ■本报记者　名: the mark before a reporter's byline
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
    fields = labelled_fields(t)
    if fields and fields["names"]:
        out = {"names": fields["names"], "form": "labelled"}
        if fields.get("affiliation"):
            out["affiliation"] = fields["affiliation"]
        return out
    if fields:  # only the credits of people who are not authors (摄影：名, 嘉宾：名 单位)
        return {"names": [], "form": "credit", "others": fields["others"]}
    m = RE_PAREN_LABELLED.match(t)
    if m:  # （作者：名）, （记者　名） printed at the end of an article
        inner = parse_byline(m.group("inner"))
        if inner and inner["form"] == "labelled" and all(is_person_name(n) for n in inner["names"]):
            out = {"names": inner["names"], "form": "paren"}
            if inner.get("affiliation"):
                out["affiliation"] = inner["affiliation"]
            return out
        if inner and inner["form"] == "reporter":
            return {"names": inner["names"], "form": "paren", "role": inner["role"]}
    m = RE_LABELLED.match(t)
    if m:
        names = _names(m.group("names"), strict=False)
        return {"names": names, "form": "labelled"} if names else None
    m = RE_SPACED_LABEL.match(t)
    if m:  # 文　名: the label set off by a space only; the names must read as personal names
        names = _names(m.group("names"), strict=True)
        if names and all(is_person_name(n) and not is_word(n) for n in names):
            return {"names": names, "form": "labelled"}
        return None
    m = RE_POST_NAME.match(t)
    if m and is_post(m.group("post")) and is_person_name(m.group("name")):
        # 东澜市人民政府副市长　名: the speaker of a speech, an official's article
        return {"names": [m.group("name")], "form": "post", "role": m.group("post"), "affiliation": m.group("post")}
    m = RE_NAME_POST.match(t)
    if m and is_post(m.group("post")) and is_person_name(m.group("name")):
        # 名　东澜大学经济学院教授: the name first, then the post
        return {"names": [m.group("name")], "form": "post", "role": m.group("post"), "affiliation": m.group("post")}
    m = RE_PAREN.match(t)
    if m:
        names = _names(m.group("names"), strict=True)
        return {"names": names, "form": "paren"} if names else None
    names = _names(t, strict=True)
    if names and any(common_word(n) for n in names):
        # Names alone on a line that are also common words (杭州, 简讯): weak evidence; the page decides
        # (in a photo caption's list of names they are names, above a paragraph they are headings).
        return {"names": names, "form": "word"}
    return {"names": names, "form": "plain"} if names else None


RE_ISO_PARTS = re.compile(r"((?:19|20)\d\d)[-年./](\d{1,2})(?:[-月./](\d{1,2})日?)?")


def iso_date(text: str) -> str | None:
    """'2025-04-02', '2025年4月2日' or '2025年4月' as ISO (YYYY-MM-DD or YYYY-MM), else None."""
    m = RE_ISO_PARTS.search(text)
    if not m:
        return None
    y, mth, day = m.groups()
    return f"{y}-{int(mth):02d}" + (f"-{int(day):02d}" if day else "")


# The head line of a WeChat copy without its date: 原创　名　号名 (the date printed on the next line).
RE_WECHAT_UNDATED = re.compile(
    rf"^原创[\s\u3000]+(?P<name>[{CJK}·]{{2,4}})(?:[\s\u3000]+(?P<account>[^\s\u3000]{{2,16}}))?$"
)


def _wechat(t: str) -> dict | None:
    """{'names', 'form': 'wechat', 'publication'?, 'date'} for a WeChat head line, else None. With the
    original mark the first word is the author (any 2-4 ideographs) and the second the account; without
    it the first word must look like a personal name."""
    m = RE_WECHAT_UNDATED.match(t)
    if m and is_person_name(m.group("name")):
        out = {"names": [m.group("name")], "form": "wechat"}
        if m.group("account"):
            out["publication"] = m.group("account")
        return out
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
