"""Recognising Chinese personal names and bylines (for author lines and photo-caption lists)."""

from __future__ import annotations

import re

from wenku.textutil import CJK

# The most common Chinese surnames (single and double), enough for bylines in this corpus and beyond.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
DOUBLE_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯"}

RE_NAME = re.compile(rf"[{CJK}]{{2,4}}")


def is_person_name(text: str) -> bool:
    """True for a plausible Chinese personal name of 2-4 characters (surname + given name)."""
    t = text.strip()
    if not RE_NAME.fullmatch(t):
        return False
    if t[:2] in DOUBLE_SURNAMES:
        return len(t) in (3, 4)
    return t[0] in SURNAMES and len(t) in (2, 3)


def byline_names(line: str) -> list[str] | None:
    """Names in a byline such as '罗海云 刘泽锋' or '□ 張尉琳', or None when the line is not one."""
    t = re.sub(r"^[□■◎●]\s*", "", line.strip())
    parts = [p for p in re.split(r"[\s\u3000、,，]+", t) if p]
    if parts and all(is_person_name(p) for p in parts) and len(parts) <= 4:
        return parts
    return None


# '长沙晚报全媒体记者 唐朝昭', '本报记者 张三 李四', '通讯员 王五'
RE_REPORTER = re.compile(rf"^(?P<role>[{CJK}]*(?:记者|通讯员|特约撰稿人|撰稿))\s*(?P<names>[{CJK}\s]+)$")


def reporter_byline(line: str) -> tuple[str, list[str]] | None:
    """(role, names) of a reporter byline, or None."""
    m = RE_REPORTER.match(line.strip())
    if not m:
        return None
    names = [n for n in m.group("names").split() if n]
    if names and all(is_person_name(n) for n in names):
        return m.group("role"), names
    return None
