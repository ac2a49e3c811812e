"""Slugs and pinyin names: a title or a personal name as the readable ASCII part of a URL, and the
enrich step that gives every article of the corpus its unique slug."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Sequence

from pypinyin import lazy_pinyin

from wenku.enrich.overrides import sidecar_line
from wenku.metadata import Problem
from wenku.model import Article, Change, SourceResult
from wenku.personnames import DOUBLE_SURNAMES
from wenku.segment import slug_tokenizer
from wenku.textutil import CJK

# Addresses the site itself uses: an article or a source may not take them (its page would replace an index).
RESERVED_SLUGS = frozenset(
    {
        "index",
        "search",
        "assets",
        "articles",
        "topics",
        "authors",
        "sources",
        "archive",
        "feed",
        "data",
        "glossary",
        "translations",
        "editors",
        "raw",
        "en",
        "zh-hant",
        "404",
        "sitemap",
        "stylesheets",
        "javascripts",
        "images",
        "cite",
    }
)


def slugify(title: str, max_words: int = 10, max_len: int = 60) -> str:
    """A readable ASCII slug from a Chinese (or English) title: pinyin per word, words joined by '-'."""
    words: list[str] = []
    for tok in slug_tokenizer().cut(title, HMM=False):
        if re.match(f"[{CJK}]", tok):
            words.append("".join(lazy_pinyin(tok)))
        else:
            ascii_tok = re.sub(r"[^a-z0-9]+", "", tok.lower())
            if ascii_tok:
                words.append(ascii_tok)
        if len(words) >= max_words:
            break
    slug = "-".join(w for w in words if w)
    slug = re.sub(r"[^a-z0-9-]+", "", slug.replace("ü", "v"))
    while len(slug) > max_len and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug.strip("-") or "article"


def name_pinyin(name: str) -> str:
    """A Chinese personal name in pinyin, family name first: 徐华亮 -> Xu Hualiang."""
    if not re.fullmatch(f"[{CJK}]{{2,4}}", name):
        return name
    split = 2 if name[:2] in DOUBLE_SURNAMES else 1
    family = "".join(lazy_pinyin(name[:split], v_to_u=False)).replace("v", "ü")
    given = "".join(lazy_pinyin(name[split:], v_to_u=False)).replace("v", "ü")
    return f"{family.capitalize()} {given.capitalize()}"


def name_slug(name: str) -> str:
    """A name as a slug part: 朱红莉 -> zhu-hongli."""
    return re.sub(r"[^a-z0-9-]", "", name_pinyin(name).lower().replace(" ", "-").replace("ü", "v"))


def source_id(name: str) -> str:
    """The short id of a source file: '000_2e6ac2608d1f1108.txt' -> '000'."""
    stem = os.path.splitext(name)[0]
    return re.split(r"[_\-. ]", stem)[0].lower() or stem.lower()


def natural_slug(art: Article, src: SourceResult) -> str:
    """The slug the pipeline gives an article: from the title, or (untitled) from the byline and source id."""
    if art.title and not art.title_inferred:
        return slugify(art.title)
    who = "-".join(name_slug(a) for a in art.authors[:2]) if art.authors else "untitled"
    return f"{who}-{source_id(src.name)}-{art.index}"


def assign_slugs(sources: Sequence[SourceResult]) -> tuple[list[SourceResult], list[Problem], list[Change]]:
    """Stable slugs: the natural slug, or the one an editor pinned in the sidecar (`slug:` under the article's
    natural slug); collisions of natural slugs get -2, -3 with a warning. A pinned slug that is taken, or a
    reserved address, is an error: the editor must choose.

    Returns new sources whose articles carry `slug` and `natural_slug`, the problems found and the collisions
    resolved (report entries); the sources given are left as they are."""
    taken: dict[str, str] = {}
    out: list[SourceResult] = []
    problems: list[Problem] = []
    changes: list[Change] = []
    for src in sources:
        sidecar_path = os.path.splitext(src.path)[0] + ".yml"
        overrides = src.sidecar.get("articles") or {}
        articles = []
        for art in src.articles:
            base = natural_slug(art, src)
            where = f"{src.name} article {art.index}"
            pinned = (overrides.get(base) or {}).get("slug")
            if pinned:
                line = sidecar_line(sidecar_path, "articles", base, "slug")
                if pinned in taken or pinned in RESERVED_SLUGS:
                    why = (
                        "reserved for the site's own pages" if pinned in RESERVED_SLUGS else f"used by {taken[pinned]}"
                    )
                    problems.append(Problem(sidecar_path, line, f"pinned slug '{pinned}' is {why}: choose another"))
                else:
                    taken[pinned] = where
                    articles.append(dataclasses.replace(art, slug=pinned, natural_slug=base))
                    continue
            slug, n = base, 2
            while slug in taken or slug in RESERVED_SLUGS:
                slug = f"{base}-{n}"
                n += 1
            if base in RESERVED_SLUGS and not pinned:
                problems.append(
                    Problem(
                        src.path,
                        art.first_line() or 1,
                        f"slug '{base}' is reserved for the site's own pages: pin a slug "
                        f"in {os.path.basename(sidecar_path)} (articles: {base}: slug: …)",
                    )
                )
            elif slug != base:
                changes.append(
                    Change(
                        "resolve_slug_collision", art.first_line(), base, slug, f"slug already used by {taken[base]}"
                    )
                )
                problems.append(
                    Problem(
                        src.path,
                        art.first_line() or 1,
                        f"slug '{base}' already used by {taken[base]}; this article is '{slug}' "
                        "(pin a slug in the sidecar to choose)",
                        "warning",
                    )
                )
            taken[slug] = where
            articles.append(dataclasses.replace(art, slug=slug, natural_slug=base))
        out.append(dataclasses.replace(src, articles=articles))
    return out, problems, changes
