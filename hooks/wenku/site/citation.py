"""How to cite an article page: GB/T 7714-2015, Chicago and APA strings, BibTeX, RIS, Highwire meta, JSON-LD.

Plain functions over a `Work` (what is known about the page's article, in the page's edition). Only what is
known is written: a date of '2023' or '2023-08' stays a year or a month in every format (no invented day),
an unknown date is left out (Chicago and APA say "n.d."), an article without a byline has no author field.
The MkDocs hook builds the Work from the page's front matter (`work_from_page`) and hands `page_citation`
to the templates; the .bib and .ris files sit next to the page as `cite.bib` and `cite.ris`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from wenku import editorial
from wenku.enrich.slugs import name_pinyin

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
RE_CJK = re.compile(f"[{CJK}]")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
BCP47 = {"zh": "zh-Hans", "zh-Hant": "zh-Hant", "en": "en"}


def settings() -> dict:
    """sources/citation.yml as it is now: work types per source kind and the labels of the Cite box."""
    return editorial.load(editorial.CITATION)


def _gbt_term(key: str, zh: bool) -> str:
    """A word GB/T 7714 puts in a reference (et al., translated by) in a Chinese or an English reference."""
    return settings()["gbt_terms"]["zh" if zh else "en"][key]


def labels(lang: str) -> dict[str, str]:
    """The Cite box and provenance labels of an edition."""
    data = settings()["labels"]
    return data.get(lang) or data["zh"]


# ---------------------------------------------------------------- dates


def parse_date(value) -> tuple[int, ...] | None:
    """A front-matter date as (year,), (year, month) or (year, month, day); None if unknown or not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year, value.month, value.day
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", str(value))
    if not m:
        return None
    parts = tuple(int(p) for p in m.groups() if p)
    try:
        if len(parts) == 3:
            dt.date(*parts)
        elif len(parts) == 2 and not 1 <= parts[1] <= 12:
            return None
    except ValueError:
        return None
    return parts


def iso_date(date: tuple[int, ...] | None) -> str | None:
    """'2025-06-25', '2023-08' or '2025' (ISO 8601 at the precision known)."""
    if not date:
        return None
    return "-".join([f"{date[0]:04d}"] + [f"{p:02d}" for p in date[1:]])


def chicago_date(date: tuple[int, ...] | None) -> str:
    """'June 25, 2025', 'August 2023', '2025' or 'n.d.'."""
    if not date:
        return "n.d."
    if len(date) == 1:
        return str(date[0])
    if len(date) == 2:
        return f"{MONTHS[date[1] - 1]} {date[0]}"
    return f"{MONTHS[date[1] - 1]} {date[2]}, {date[0]}"


def apa_date(date: tuple[int, ...] | None) -> str:
    """'(2025, June 25)', '(2023, August)', '(2025)' or '(n.d.)'."""
    if not date:
        return "(n.d.)"
    if len(date) == 1:
        return f"({date[0]})"
    if len(date) == 2:
        return f"({date[0]}, {MONTHS[date[1] - 1]})"
    return f"({date[0]}, {MONTHS[date[1] - 1]} {date[2]})"


def highwire_date(date: tuple[int, ...] | None) -> str | None:
    """citation_publication_date: '2025/06/25', '2023/08' or '2025'."""
    iso = iso_date(date)
    return iso.replace("-", "/") if iso else None


def ris_date(date: tuple[int, ...] | None) -> str | None:
    """RIS DA: '2025/06/25/', '2023/08//' or '2025///' (empty parts stay empty)."""
    if not date:
        return None
    parts = [f"{date[0]:04d}"] + [f"{p:02d}" for p in date[1:]]
    parts += [""] * (3 - len(parts))
    return "/".join(parts) + "/"


# ---------------------------------------------------------------- names


def is_chinese(text: str) -> bool:
    """True if text contains Han characters."""
    return bool(RE_CJK.search(text or ""))


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a romanised name written family name first ('Zhu Hongli'), or 'Family, Given'."""
    name = " ".join(name.split())
    if "," in name:
        family, given = name.split(",", 1)
        return family.strip(), given.strip()
    if is_chinese(name) or " " not in name:
        return name, ""
    family, given = name.split(" ", 1)
    return family, given


def apa_name(name: str) -> str:
    """'Zhu Hongli' -> 'Zhu, H.'; 'Ouyang Xiu-wen' -> 'Ouyang, X.-W.'; a Chinese name stays as written."""
    family, given = split_name(name)
    if not given:
        return family
    initials = " ".join("-".join(f"{p[0].upper()}." for p in word.split("-") if p) for word in given.split())
    return f"{family}, {initials}"


def gbt_name(name: str) -> str:
    """GB/T 7714: a romanised family name in capitals ('ZHU Hongli'); a Chinese name as written."""
    family, given = split_name(name)
    return f"{family.upper()} {given}".strip() if given else family


def inverted_name(name: str) -> str:
    """BibTeX and RIS: 'Family, Given' for a romanised name; a Chinese name whole."""
    family, given = split_name(name)
    return f"{family}, {given}" if given else family


# ---------------------------------------------------------------- the work


@dataclass
class Work:
    """What a citation of one article page says, in the page's edition."""

    slug: str
    lang: str  # edition: zh, en, zh-Hant
    title: str  # the title of the work cited
    url: str  # the page's absolute URL
    site_name: str
    authors: list[str] = field(default_factory=list)
    date: tuple[int, ...] | None = None
    publication: str | None = None  # the original outlet (newspaper, think tank), if known
    kind: str = "online"  # news, report or online (sources/citation.yml)
    language: str = "zh"  # language of the text cited: zh, zh-Hant or en
    title_translated: str | None = None  # an English title given in brackets after a Chinese one
    original_title: str | None = None  # the Chinese title of a translation
    original_url: str | None = None  # the Chinese page of a translation
    translator: str | None = None
    translated: bool = False
    summary: str | None = None
    source_name: str | None = None  # the source file the article was cleaned from
    source_title: str | None = None  # what the source is (sidecar title)
    source_url: str | None = None  # its page on this site
    source_original_url: str | None = None  # where the source was published (sidecar url), if known
    modified: str | None = None  # last updated (git), ISO date

    @property
    def kind_info(self) -> dict[str, str]:
        return settings()["types"][self.kind]

    @property
    def key(self) -> str:
        """BibTeX key: the slug, with the edition for the English and Traditional pages."""
        return self.slug if self.lang == "zh" else f"{self.slug}-{self.lang.lower()}"


def _text(value) -> str:
    """One line of text from a front-matter value (no line breaks, no surrounding spaces)."""
    return " ".join(str(value).split()) if value not in (None, "") else ""


def _names(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    return [n for n in (_text(v) for v in value) if n]


def article_facts(corpus) -> dict[str, dict]:
    """Per generated article slug, the facts a hand-written translation's front matter may leave out
    (outlet, kind of source, date): a translation is cited with its original's outlet."""
    sidecars = {src.name: src.sidecar for src in corpus.sources}
    out = {}
    for art in corpus.articles:
        sc = sidecars.get(art.source, {})
        facts = {
            "publication": art.publication,
            "publication_en": art.publication_en,
            "source_kind": sc.get("kind"),
            "date": art.date,
            "source": art.source,
            "source_title": sc.get("title"),
            "source_title_en": sc.get("title_en"),
            "source_original_url": sc.get("url"),
        }
        out[art.slug] = {k: v for k, v in facts.items() if v}
    return out


def with_facts(meta: dict, facts: dict[str, dict]) -> dict:
    """Front matter completed with the article's known facts; keys the page sets (even to null) win."""
    known = facts.get(str(meta.get("slug") or ""), {})
    return {**known, **meta}


def work_from_page(
    meta: dict, lang: str, url: str, site_name: str, original_url: str | None = None, modified: str | None = None
) -> Work:
    """The Work of an article page from its front matter (generated page, hand-written page or translation)."""
    title = _text(meta.get("title")) or _text(meta.get("slug"))
    slug = _text(meta.get("slug")) or re.sub(r"[^a-z0-9-]+", "-", title.lower()).strip("-") or "article"
    authors = _names(meta.get("authors"))
    publication = _text(meta.get("publication")) or None
    work = Work(
        slug=slug,
        lang=lang,
        title=title,
        url=url,
        site_name=_text(site_name),
        authors=authors,
        date=parse_date(meta.get("date")),
        publication=publication,
        language="zh-Hant" if lang == "zh-Hant" else "zh",
        summary=_text(meta.get("summary")) or None,
        source_name=_text(meta.get("source")) or None,
        modified=modified,
    )
    work.source_title = _text(meta.get("source_title")) or None
    work.source_original_url = _text(meta.get("source_original_url")) or None
    if lang == "en":
        work.source_title = _text(meta.get("source_title_en")) or work.source_title
        work.authors = _names(meta.get("authors_en")) or [name_pinyin(a) for a in authors]
        work.publication = _text(meta.get("publication_en")) or publication
        work.summary = _text(meta.get("summary_en")) or None
        original = _text(meta.get("original_title"))
        work.translated = meta.get("translation_status") in ("translated", "outdated")
        work.original_url = original_url
        if work.translated:
            work.language = "en"
            work.original_title = original or None
            work.translator = _text(meta.get("translator")) or None
        elif original and original != title:
            # No translation yet: the page shows the Chinese text, which is what is cited.
            work.title, work.title_translated = original, title
        elif is_chinese(title) and _text(meta.get("title_en")):
            work.title_translated = _text(meta.get("title_en"))
    kind = settings()["kinds"].get(_text(meta.get("source_kind")), "online")
    work.kind = kind if work.publication else "online"
    return work


# ---------------------------------------------------------------- the three styles


def _join(names: list[str], last: str, comma_before_last: bool = True) -> str:
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]}{',' if comma_before_last and last.strip() == '&' else ''} {last} {names[1]}"
    return ", ".join(names[:-1]) + f"{',' if comma_before_last else ''} {last} {names[-1]}"


def _end(text: str, mark: str = ".") -> str:
    """text ending with one full stop (no '..' after an abbreviation or '?')."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!", "。", "？", "！")) else text + mark


def gbt(work: Work) -> str:
    """GB/T 7714-2015 (the access date, which only the reader knows, is left for the reader to add)."""
    zh = work.lang != "en"
    names = [gbt_name(a) for a in work.authors]
    if len(names) > 3:
        names = names[:3] + [_gbt_term("et_al", zh)]
    parts = []
    if names:
        parts.append(_end(", ".join(names)))
    title = work.title + (f" [{work.title_translated}]" if work.title_translated else "")
    parts.append(f"{title}[{work.kind_info['gbt']}].")
    if work.translated:
        parts.append(_end(f"{work.translator or work.site_name}, {_gbt_term('translated', zh)}"))
    container = work.publication or work.site_name
    date = iso_date(work.date)
    parts.append(_end(f"{container}, {date}" if date else container))
    parts.append(_end(work.url))
    return " ".join(parts)


def chicago(work: Work) -> str:
    """Chicago (17th ed.), bibliography entry; Chinese names are not inverted."""
    parts = []
    if work.authors:
        parts.append(_end(_join(work.authors, "and")))
    if work.title_translated:
        parts.append(f"“{work.title}” [{work.title_translated}].")
    else:
        parts.append(f"“{_end(work.title)}”")
    if work.translated:
        parts.append(_end(f"Translated by {work.translator}") if work.translator else "Translated from the Chinese.")
    date = chicago_date(work.date)
    if work.publication:
        parts.append(_end(f"{work.publication}, {date}"))
        parts.append(_end(work.site_name))
    else:
        parts.append(_end(f"{work.site_name}, {date}"))
    parts.append(_end(work.url))
    return " ".join(parts)


def apa(work: Work) -> str:
    """APA (7th ed.); a translation gives its translator and '(Original work published …)'."""
    title = work.title + (f" [{work.title_translated}]" if work.title_translated else "")
    if work.translated and work.translator:
        title += f" ({work.translator}, Trans.)"
    date = apa_date(work.date)
    names = [apa_name(a) for a in work.authors]
    if len(names) > 20:
        names = names[:19] + ["…", names[-1]]
    if names:
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
        parts = [_end(who) if not who.endswith(".") else who, _end(date), _end(title)]
    else:
        parts = [_end(title), _end(date)]
    parts.append(_end(work.publication or work.site_name))
    parts.append(work.url)
    if work.translated and work.date:
        parts.append(f"(Original work published {work.date[0]})")
    return " ".join(parts)


# ---------------------------------------------------------------- BibTeX and RIS

_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bib_escape(text: str) -> str:
    """A value safe inside BibTeX braces: LaTeX specials escaped, braces balanced, one line."""
    escaped = "".join(_BIB_SPECIAL.get(ch, ch) for ch in _text(text))
    return escaped.replace("--", "-{}-").replace("--", "-{}-")  # not LaTeX's en and em dashes


def _bib_name(name: str) -> str:
    """A BibTeX name: 'Family, Given', or a Chinese name in braces (taken whole, not split at a space)."""
    if is_chinese(name) or "," not in inverted_name(name):
        return "{" + bib_escape(name) + "}"
    return bib_escape(inverted_name(name))


def bibtex(work: Work) -> str:
    """One BibTeX entry (also read by biblatex: `date` and `langid`)."""
    entry = work.kind_info["bibtex"]
    fields: list[tuple[str, str]] = []
    if work.authors:
        fields.append(("author", " and ".join(_bib_name(a) for a in work.authors)))
    title = work.title + (f" [{work.title_translated}]" if work.title_translated else "")
    fields.append(("title", bib_escape(title)))
    if entry == "article":
        fields.append(("journal", bib_escape(work.publication or work.site_name)))
    elif entry == "techreport":
        fields.append(("institution", bib_escape(work.publication or work.site_name)))
    else:
        fields.append(("howpublished", bib_escape(work.site_name)))
    if work.date:
        fields.append(("year", str(work.date[0])))
        if len(work.date) > 1:
            fields.append(("month", str(work.date[1])))
        fields.append(("date", iso_date(work.date)))
    fields.append(("publisher", bib_escape(work.site_name)))
    fields.append(("url", bib_escape(work.url)))
    fields.append(("language", {"en": "english"}.get(work.language, "chinese")))
    fields.append(("langid", {"en": "english"}.get(work.language, "chinese")))
    note = _notes(work)
    if note:
        fields.append(("note", bib_escape(note)))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@{entry}{{{work.key},\n{body}\n}}\n"


def _notes(work: Work) -> str:
    notes = []
    if work.translated:
        by = f" by {work.translator}" if work.translator else ""
        notes.append(f"Translated from the Chinese{by}.")
        if work.original_title:
            notes.append(f"Chinese title: {work.original_title}.")
        if work.original_url:
            notes.append(f"Chinese text: {work.original_url}")
    elif work.title_translated:
        notes.append("In Chinese.")
    if work.source_name:
        notes.append(f"Source file: {work.source_name}.")
    return " ".join(notes)


def ris(work: Work) -> str:
    """One RIS record (tags padded to two characters, 'TAG  - value', CRLF-free)."""
    lines = [("TY", work.kind_info["ris"])]
    lines += [("AU", inverted_name(a)) for a in work.authors]
    title = work.title + (f" [{work.title_translated}]" if work.title_translated else "")
    lines.append(("TI", title))
    if work.publication:
        lines.append(("T2", work.publication))
    if work.date:
        lines.append(("PY", f"{work.date[0]:04d}"))
        lines.append(("DA", ris_date(work.date)))
    lines.append(("PB", work.site_name))
    lines.append(("LA", BCP47.get(work.language, work.language)))
    lines.append(("UR", work.url))
    if work.translated and work.translator:
        lines.append(("A4", work.translator))  # RIS: translator
    note = _notes(work)
    if note:
        lines.append(("N1", note))
    if work.summary:
        lines.append(("AB", work.summary))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_text(value)}\n" for tag, value in lines)


# ---------------------------------------------------------------- meta tags and JSON-LD


def highwire_meta(work: Work) -> list[tuple[str, str]]:
    """citation_* meta tags (Google Scholar, Zotero): (name, content) pairs."""
    out = [("citation_title", work.title)]
    out += [("citation_author", a) for a in work.authors]
    date = highwire_date(work.date)
    if date:
        out.append(("citation_publication_date", date))
    if work.publication:
        out.append(("citation_journal_title", work.publication))
    out.append(("citation_publisher", work.site_name))
    out.append(("citation_language", {"en": "en"}.get(work.language, "zh")))
    out.append(("citation_fulltext_html_url", work.url))
    return out


def json_ld(work: Work) -> dict:
    """schema.org description of the article page."""
    kind = work.kind_info["schema"]
    data: dict = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": work.url,
        "url": work.url,
        "headline": work.title,
        "name": work.title,
        "inLanguage": BCP47.get(work.language, work.language),
    }
    if work.authors:
        data["author"] = [{"@type": "Person", "name": a} for a in work.authors]
    if work.date:
        data["datePublished"] = iso_date(work.date)
    if work.modified:
        data["dateModified"] = work.modified
    if work.summary:
        data["description"] = work.summary
    data["publisher"] = {"@type": "Organization", "name": work.site_name}
    if work.publication:
        data["isPartOf"] = {"@type": "Periodical" if work.kind == "news" else "CreativeWork", "name": work.publication}
    if work.source_url or work.source_name:
        source = {"@type": "CreativeWork", "name": work.source_title or work.source_name or work.source_url}
        if work.source_url:
            source["url"] = source["@id"] = work.source_url
        if work.source_original_url and re.match(r"https?://", work.source_original_url):
            source["sameAs"] = work.source_original_url  # the source as first published
        data["isBasedOn"] = source
    if work.lang == "en" and work.original_url:
        data["translationOfWork"] = {
            "@type": kind,
            "@id": work.original_url,
            "url": work.original_url,
            "inLanguage": "zh-Hans",
        }
        if work.original_title:
            data["translationOfWork"]["name"] = work.original_title
        if work.translated and work.translator:
            data["translator"] = {"@type": "Organization", "name": work.translator}
    return data


def script_json(data) -> str:
    """JSON for a <script type="application/ld+json"> element: '<', '>' and '&' escaped, so no text can
    close the element or start a comment there."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def page_citation(work: Work) -> dict:
    """Everything the templates show or embed for an article page, and the two files to write beside it."""
    return {
        "meta": highwire_meta(work),
        "json_ld": script_json(json_ld(work)),
        "styles": [("gbt", gbt(work)), ("chicago", chicago(work)), ("apa", apa(work))],
        "lang": BCP47.get(work.language, work.language),
        "bib": bibtex(work),
        "ris": ris(work),
        "labels": labels(work.lang),
    }
