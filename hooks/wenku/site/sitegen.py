"""The generated part of the site: article pages and index pages in every language, as Markdown files.

The MkDocs hook writes these into a staging docs folder together with the hand-written pages of
``docs/`` (which win over a generated page at the same path), so that mkdocs-static-i18n sees one
ordinary docs folder: generated pages get alternates, the switcher, fallback and the sitemap like
hand-written ones.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass, field


from wenku.build import Build
from wenku.corpus import Corpus, load_corpus, prune_disk_cache, source_slug
from wenku.enrich.slugs import name_pinyin, slugify
from wenku.metadata import Problem, date_text, load_data_file, read_front_matter
from wenku.model import Article, SourceResult
from wenku.site.render import dump_front_matter, escape, front_matter, render_blocks
from wenku.textutil import shorten
from wenku.enrich.topics import related, taxonomy
from wenku import DATA_DIR, editorial

LANGUAGES = ("zh", "en")
# The Traditional Chinese edition is generated from the Simplified pages with OpenCC s2tw: the script
# changes, the words do not (convert.to_traditional).
TRADITIONAL = "zh-Hant"
EDITIONS = ("zh", "en", TRADITIONAL)  # URL prefixes: '' for zh, /en/, /zh-Hant/
DATA = DATA_DIR


def labels() -> dict[str, dict[str, str]]:
    """Interface labels per language (sources/labels.yml, as it is now); zh-Hant is converted from zh."""
    return editorial.labels()


def traditional_path(path: str) -> str | None:
    """'about.md' -> 'about.zh-Hant.md' for a Simplified page or file; None for other languages' files."""
    base, ext = os.path.splitext(path)
    if ext not in (".md", ".xml") or base.endswith((".en", f".{TRADITIONAL}")):
        return None
    return f"{base}.{TRADITIONAL}{ext}"


def suffix(lang: str) -> str:
    """File suffix of a language in the docs folder ('' for the default language)."""
    return "" if lang == "zh" else f".{lang}"


@dataclass
class SiteDocs:
    """The generated pages (path -> text), static files to copy, and what the editors should know."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # docs path -> absolute path to copy
    problems: list[Problem] = field(default_factory=list)
    corpus: Corpus | None = None


def article_title(art: Article, lang: str) -> str:
    """The title readers see in a language."""
    if lang == "en" and art.meta.get("title_en"):
        return art.meta["title_en"]
    return art.title or art.slug


def authors_text(art: Article, lang: str) -> str:
    """Authors as one line in a language (pinyin for English)."""
    if lang == "en":
        names = art.meta.get("authors_en") or [name_pinyin(a) for a in art.authors]
        return ", ".join(names)
    return "、".join(art.authors)


def _sort_key(art: Article) -> tuple:
    """Newest first; undated last; then by title for a stable order."""
    return (-(int((art.date or "0").replace("-", "").ljust(8, "0")[:8])), art.source, art.meta.get("index", 0))


def _link(from_dir: str, target: str) -> str:
    """Relative link from a page folder to a docs path (MkDocs resolves .md links)."""
    return os.path.relpath(target, from_dir or ".").replace(os.sep, "/")


def article_line(art: Article, lang: str, from_dir: str) -> str:
    """A list item for an article: linked title, authors, date."""
    parts = [f"[{escape(article_title(art, lang))}]({_link(from_dir, f'articles/{art.slug}.md')})"]
    who = authors_text(art, lang)
    if who:
        parts.append(escape(who))
    if art.date:
        parts.append(art.date)
    return "- " + " · ".join(parts)


def chinese_hash(art: Article) -> str:
    """A short fingerprint of an article's Chinese text: a translation records the one it was made from."""
    return hashlib.sha256(render_blocks(art.blocks).encode("utf-8")).hexdigest()[:12]


def _fields(art: Article) -> str:
    """Everything about an article that a page shows, except its body (which its source key stands for)."""
    return repr((art.slug, art.title, art.title_inferred, art.authors, art.affiliations, art.publication, art.date,
                 art.funding, art.summary, sorted(art.meta.items())))


def with_translation_status(art: Article, translation: dict | None) -> Article:
    """The article with the state of its English translation file (a new object: the enriched one stays)."""
    if translation is None:
        return art
    made_from = str(translation.get("translation_of") or "")
    meta = dict(art.meta, translation_status="translated" if made_from == chinese_hash(art) else "outdated",
                translated=str(translation.get("translated") or ""))
    return dataclasses.replace(art, meta=meta)


def build_pages(corpus: Corpus, site_url: str = "", translations: dict[str, dict] | None = None,
                hand_articles: list[Article] | None = None, build: Build | None = None,
                added: dict[str, str] | None = None) -> SiteDocs:
    """All generated pages for a corpus, in both languages.

    translations: front matter of editors' English translation files (docs/articles/<slug>.en.md) by slug.
    hand_articles: articles written by hand in docs/articles/ (listed in the indexes, pages not generated).
    build: caches of earlier builds in this process (mkdocs serve); pages are keyed by what they show.
    added: slug -> the day an article came to the site (git), the feed date of an undated article.
    """
    build = build or Build()
    site = SiteDocs(corpus=corpus)
    source_keys = {s.name: s.key for s in corpus.sources}
    arts = sorted((with_translation_status(a, (translations or {}).get(a.slug)) for a in corpus.articles),
                  key=_sort_key)
    listed = sorted(arts + list(hand_articles or []), key=_sort_key)
    by_slug = {a.slug: a for a in arts}
    rel = related(arts)
    for art in arts:
        for lang in LANGUAGES:
            related_arts = [by_slug[s] for s in rel.get(art.slug, [])]
            # Rebuilds re-render only what changed: the source's content key stands for the body.
            key = (source_keys[art.source], art.meta.get("index"), lang, _fields(art),
                   tuple((r.slug, article_title(r, lang)) for r in related_arts))
            if key not in build.article_pages:
                build.article_pages[key] = article_page(art, lang, corpus, related_arts)
            site.pages[f"articles/{art.slug}{suffix(lang)}.md"] = build.article_pages[key]
    for lang in LANGUAGES:
        sfx = suffix(lang)
        site.pages[f"index{sfx}.md"] = home_page(listed, corpus, lang)
        site.pages[f"topics/index{sfx}.md"] = topics_index(listed, lang)
        for topic in taxonomy():
            site.pages[f"topics/{topic.id}{sfx}.md"] = topic_page(topic, listed, lang)
        site.pages[f"feed{sfx}.xml"] = rss_feed(listed, lang, site_url, added)
        site.pages[f"glossary{sfx}.md"] = glossary_page(lang, arts)
        site.pages[f"translations{sfx}.md"] = translation_status(listed, corpus, lang)
        site.pages[f"articles/index{sfx}.md"] = articles_index(listed, lang)
        site.pages[f"authors/index{sfx}.md"] = authors_index(listed, lang)
        site.pages[f"archive/index{sfx}.md"] = archive_index(listed, lang)
        site.pages[f"sources/index{sfx}.md"] = sources_index(corpus, lang)
        for src in corpus.sources:
            key = (src.key, src.path, lang, tuple(_fields(a) for a in src.articles))
            if key not in build.source_pages:
                build.source_pages[key] = source_page(src, lang)
            site.pages[f"sources/{source_slug(src)}{sfx}.md"] = build.source_pages[key]
        site.pages[f"editors/build-report{sfx}.md"] = editor_report(corpus, lang)
    for src in corpus.sources:
        site.files[f"sources/raw/{src.name}"] = src.path
        if src.key not in build.report_json:
            build.report_json[src.key] = json.dumps([c.to_dict() for c in src.report], ensure_ascii=False, indent=1)
        site.pages[f"sources/raw/{source_slug(src)}-report.json"] = build.report_json[src.key]
    titles = {a.slug: a for a in listed}
    for old, new in sorted(corpus.redirects.items()):
        for lang in LANGUAGES:
            site.pages[f"articles/{old}{suffix(lang)}.md"] = redirect_page(titles[new], lang)
    # The Traditional feed links to the Traditional pages (not a conversion of the Simplified feed).
    site.pages[f"feed.{TRADITIONAL}.xml"] = rss_feed(listed, TRADITIONAL, site_url, added)
    site.pages[SEARCH_WORKER] = search_worker_script()
    return site


def redirect_page(target: Article, lang: str) -> str:
    """The page left at an article's old address (sources/redirects.yml): a link to the new one, and a
    refresh that follows it (overrides/main.html); not in search."""
    fm = {"title": article_title(target, lang), "redirect_to": target.slug, "search": {"exclude": True}}
    link = f"[{escape(article_title(target, lang))}]({_link('articles', f'articles/{target.slug}.md')})"
    return dump_front_matter(fm) + f"\n{escape(labels()[lang]['moved'])} {link}\n"


def untranslated_english_body(art: Article, chinese_body: str) -> str:
    """English page body without a translation: the notice, the editors' summary, then the Chinese text."""
    intro = f'!!! info "{labels()["en"]["translation_notice"]}"\n\n'
    if art.meta.get("summary_en"):
        intro += f"    **Summary by the site's editors:** {escape(art.meta['summary_en'])}\n\n"
    return intro + '<div lang="zh-Hans" markdown>\n\n' + chinese_body + "\n</div>\n"


def article_page(art: Article, lang: str, corpus: Corpus, related_arts: list[Article] | None = None) -> str:
    """One article page in a language; English pages without a translation say so and show the Chinese."""
    fm = front_matter(art)
    fm["source_url"] = f"../../sources/{source_slug(_source_of(art, corpus))}/"
    if _source_of(art, corpus).sidecar.get("kind"):
        fm["source_kind"] = _source_of(art, corpus).sidecar["kind"]  # the kind of work a citation names
    fm["generated"] = True
    names = {t.id: t.name(lang) for t in taxonomy()}
    fm["topic_links"] = [[tid, names[tid]] for tid in art.meta.get("topics", []) if tid in names]
    fm["related"] = [[r.slug, article_title(r, lang)] for r in related_arts or []]
    body = link_glossary_terms(render_blocks(art.blocks), "articles")
    if lang == "en":
        fm["lang"] = "en"
        fm["title"] = article_title(art, "en")
        if art.title and fm["title"] != art.title:
            fm["original_title"] = art.title
        fm["translation_status"] = "summary" if art.meta.get("summary_en") else "none"
        if art.authors and not art.meta.get("authors_en"):
            fm["authors_en"] = [name_pinyin(a) for a in art.authors]
        body = untranslated_english_body(art, body)
        fm.pop("summary", None)  # the Chinese lede is not shown in the English header
    return dump_front_matter(fm) + "\n" + body


def _source_of(art: Article, corpus: Corpus) -> SourceResult:
    return next(s for s in corpus.sources if s.name == art.source)


def home_page(arts: list[Article], corpus: Corpus, lang: str) -> str:
    """The home page: what the site is, the latest articles, ways to browse."""
    lab = labels()[lang]
    if lang == "zh":
        intro = ("数字中国文选收录关于数字经济、人工智能产业与相关政策的中文评论文章。"
                 "原文来自报纸版面、文章汇编、演示文稿和网页，经整理、修复和标注后在此发表；"
                 "每篇文章都注明作者、出处和来源文件，并附有逐项的清理报告。")
        browse = (f"按[{lab['topics']}](topics/index.md)、[{lab['authors']}](authors/index.md)、[{lab['sources']}](sources/index.md)"
                  f"或[{lab['archive']}](archive/index.md)浏览，或使用页面上方的搜索。")
        title = "数字中国文选"
    else:
        intro = ("Digital China Reader publishes Chinese commentary on the digital economy, the AI industry and "
                 "related policy. The texts come from newspaper pages, article compilations, slide decks and web "
                 "pages; we clean, repair and describe them, and every article names its authors, outlet and "
                 "source file, with a line-by-line report of what the cleaning changed.")
        browse = (f"Browse by [topic](topics/index.md), [{lab['authors'].lower()}](authors/index.md), [{lab['sources'].lower()}](sources/index.md) "
                  f"or [date](archive/index.md), or use the search box above.")
        title = "Digital China Reader"
    latest = "\n".join(article_line(a, lang, "") for a in arts[:10])
    counts = _topic_counts(arts)
    topics = "\n".join(f"- [{escape(t.name(lang))}](topics/{t.id}.md) ({counts.get(t.id, 0)})"
                        for t in taxonomy() if counts.get(t.id))
    return (dump_front_matter({"title": title, "generated": True}) + f"\n# {title}\n\n{intro}\n\n{browse}\n\n"
            f"## {lab['latest']}\n\n{latest}\n\n[{lab['all_articles']} →](articles/index.md)\n\n"
            f"## {lab['topics']}\n\n{topics}\n")


def _topic_counts(arts: list[Article]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for a in arts:
        for tid in a.meta.get("topics", []):
            counts[tid] += 1
    return counts


def topics_index(arts: list[Article], lang: str) -> str:
    """Every topic with its description and number of articles."""
    lab = labels()[lang]
    counts = _topic_counts(arts)
    rows = []
    for t in taxonomy():
        n = counts.get(t.id, 0)
        count = lab["article_count"].format(n=n)
        count = f"（{count}）" if lang == "zh" else f" ({count})"
        rows.append(f"## [{escape(t.name(lang))}]({t.id}.md)\n\n{escape(t.description(lang))}{count}")
    return (dump_front_matter({"title": lab["topics"], "generated": True}) + f"\n# {lab['topics']}\n\n"
            + "\n\n".join(rows) + "\n")


def topic_page(topic, arts: list[Article], lang: str) -> str:
    """One topic: its articles newest first, each with authors, date and summary."""
    lab = labels()[lang]
    items = []
    for a in arts:
        if topic.id not in a.meta.get("topics", []):
            continue
        line = article_line(a, lang, "topics")
        summary = a.meta.get("summary_en") if lang == "en" else a.summary
        if summary:
            line += f"\n\n    {escape(shorten(summary, 140))}"
        items.append(line)
    body = "\n".join(items) if items else ("（暂无文章）" if lang == "zh" else "(No articles yet.)")
    return (dump_front_matter({"title": topic.name(lang), "generated": True, "topic": topic.id})
            + f"\n# {escape(topic.name(lang))}\n\n{escape(topic.description(lang))}\n\n{body}\n\n"
            + f"[{lab['topics']} →](index.md)\n")


FEED_TITLES = {"zh": "数字中国文选", "en": "Digital China Reader"}
FEED_DESCRIPTIONS = {"zh": "数字经济、人工智能产业与政策的中文评论文选",
                     "en": "Chinese commentary on the digital economy, the AI industry and policy"}
FEED_LANGUAGES = {"zh": "zh-Hans", "en": "en", TRADITIONAL: "zh-Hant"}


def edition_base(site_url: str, lang: str) -> str:
    """The absolute address of an edition's root, without the closing slash."""
    return (site_url or "").rstrip("/") + ("" if lang == "zh" else f"/{lang}")


def first_paragraph(art: Article, limit: int = 200) -> str:
    """The article's first paragraph of running text (its lede if it has one), shortened."""
    for b in art.blocks:
        if b.kind in ("deck", "p") and b.text.strip():
            return shorten(b.text.strip(), limit)
    return ""


def feed_date(art: Article, added: dict[str, str] | None = None) -> str | None:
    """RFC 822 pubDate: the article's date, a partial date taken as its first day (2023-08 -> 1 Aug 2023);
    an undated article's the day its source came to the site (first commit); None if neither is known."""
    import datetime as dt
    from email.utils import format_datetime

    value = art.date or (added or {}).get(art.slug)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value or ""))
    if not m:
        return None
    try:
        day = dt.datetime(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1), tzinfo=dt.timezone.utc)
    except ValueError:
        return None
    return format_datetime(day)


def rss_feed(arts: list[Article], lang: str, site_url: str, added: dict[str, str] | None = None) -> str:
    """RSS 2.0 feed of the 20 newest articles of an edition (zh, en, zh-Hant): absolute links into that
    edition, a pubDate and a description on every item, atom:link to itself, no build date.

    added: slug -> 'YYYY-MM-DD' the article came to the site, the pubDate of an undated article."""
    from xml.sax.saxutils import escape as xml

    from wenku.enrich.convert import to_traditional

    text_lang = "en" if lang == "en" else "zh"
    script = to_traditional if lang == TRADITIONAL else (lambda t: t)
    base = edition_base(site_url, lang)
    title = script(FEED_TITLES[text_lang])
    items = []
    for a in arts[:20]:
        link = f"{base}/articles/{a.slug}/"
        desc = (a.meta.get("summary_en") if lang == "en" else a.summary) or first_paragraph(a)
        date = feed_date(a, added)
        items.append(f"    <item>\n      <title>{xml(script(article_title(a, text_lang)))}</title>\n"
                     f"      <link>{xml(link)}</link>\n      <guid isPermaLink=\"true\">{xml(link)}</guid>\n"
                     + (f"      <pubDate>{date}</pubDate>\n" if date else "")
                     + (f"      <description>{xml(script(desc))}</description>\n" if desc else "")
                     + "".join(f"      <category>{xml(t)}</category>\n" for t in a.meta.get("topics", []))
                     + "    </item>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n  <channel>\n"
            f"    <title>{xml(title)}</title>\n    <link>{xml(base + '/')}</link>\n"
            f"    <description>{xml(script(FEED_DESCRIPTIONS[text_lang]))}</description>\n"
            f"    <language>{FEED_LANGUAGES[lang]}</language>\n"
            f"    <atom:link href=\"{xml(base + '/feed.xml')}\" rel=\"self\" type=\"application/rss+xml\"/>\n"
            + "\n".join(items) + "\n  </channel>\n</rss>\n")


SEARCH_WORKER = "assets/javascripts/workers/wenku-search.js"  # Material's search box talks to this worker


@functools.lru_cache(maxsize=1)
def search_worker_script() -> str:
    """Our search worker (data/search-worker.js), which reads the sharded index of searchshards.py."""
    with open(os.path.join(DATA, "search-worker.js"), encoding="utf-8") as fh:
        return fh.read()


@functools.lru_cache(maxsize=1)
def report_kinds() -> dict[str, dict[str, str]]:
    """What each report kind means, in zh and en (data/report_kinds.yml)."""
    return load_data_file(os.path.join(DATA, "report_kinds.yml"))


def glossary() -> list[dict]:
    """The shared bilingual glossary (sources/glossary.yml, as it is now)."""
    return editorial.load(editorial.GLOSSARY)


def glossary_anchor(term: str) -> str:
    """The id of a term on the glossary page (the same in every edition)."""

    return "term-" + slugify(term)


def glossary_page(lang: str, arts: list[Article] | None = None) -> str:
    """The glossary, one linkable entry per term, in a language, with the articles that use each term."""
    from wenku.enrich.translation import term_uses

    uses = term_uses(arts or [])
    zh = lang == "zh"
    title = "术语表" if zh else "Glossary"
    intro = ("本站英文版对常见中文政策术语的统一译法。文章中这些术语的首次出现链接到这里。" if zh else
             "The English the site's editors use for recurring Chinese policy terms. In articles, the first "
             "use of each term links here.")
    entries = []
    for g in glossary():
        head = f"{g['zh']}" if zh else f"{g['en']} ({g['zh']})"
        body = f"{escape(g['en'])}" if zh else ""
        if g.get("note_en"):
            body += ("——" if zh else "") + escape(g["note_en"])
        body += _glossary_details(g, uses.get(g["zh"], []), lang)
        entries.append(f"### {escape(head)} {{#{glossary_anchor(g['zh'])}}}\n\n{body}")
    return (dump_front_matter({"title": title, "generated": True}) + f"\n# {title}\n\n{intro}\n\n"
            + "\n\n".join(entries) + "\n")


def _glossary_details(g: dict, used: list[tuple[Article, int]], lang: str) -> str:
    """Accepted and refused renderings, the source of the rendering, and the articles that use the term."""
    zh = lang == "zh"
    lines = []
    if g.get("variants"):
        lines.append(("也可译作：" if zh else "Also accepted: ") + "; ".join(escape(str(v)) for v in g["variants"]))
    if g.get("not"):
        lines.append(("不应译作：" if zh else "Not: ") + "; ".join(escape(str(v)) for v in g["not"]))
    if g.get("source"):
        lines.append(("译法出处：" if zh else "Source of the rendering: ") + escape(str(g["source"])))
    if used:
        links = [f"[{escape(article_title(a, lang))}]({_link('', f'articles/{a.slug}.md')}) ({n})" for a, n in used]
        lines.append((f"用于 {len(used)} 篇文章（括号内为段落数）：" if zh else f"Used in {len(used)} article(s) (paragraphs in brackets): ") + ("、" if zh else "; ").join(links))
    else:
        lines.append("本站文章中尚未出现。" if zh else "Not yet used in the site's articles.")
    return "\n\n" + "\n\n".join(lines)


def _link_first_uses(markdown: str, page_dir: str, skip: tuple[str, ...], order, find) -> str:
    """Link the first use of each glossary term in a page's paragraphs to its glossary entry.

    skip: paragraph starts that are not prose (headings, lists, tables, admonitions, code);
    order: sort key over glossary entries (longer terms first); find(entry, paragraph) -> (start, end) or None.
    """
    link = _link(page_dir, "glossary.md")
    out, linked = [], set()
    for para in markdown.split("\n\n"):
        if para.startswith(skip) or "{:" in para:
            out.append(para)
            continue
        for g in sorted(glossary(), key=order):
            span = None if g["zh"] in linked else find(g, para)
            if span is None:
                continue
            start, end = span
            if any(a < end and start < b for a, b in _taken_spans(para)):
                continue  # already inside a link, an inline tag or code: a link is never put in a link
            para = para[:start] + f"[{para[start:end]}]({link}#{glossary_anchor(g['zh'])})" + para[end:]
            linked.add(g["zh"])
        out.append(para)
    return "\n\n".join(out)


RE_TAKEN = re.compile(r"\[[^\]]*\]\([^)]*\)|\[[^\]]*\]\[[^\]]*\]|<[^>]+>|`[^`]*`")


def _taken_spans(para: str) -> list[tuple[int, int]]:
    """Where a paragraph already holds a Markdown link, an inline tag or code."""
    return [m.span() for m in RE_TAKEN.finditer(para)]


def _find_english_term(g: dict, para: str) -> tuple[int, int] | None:
    """Where a term's English is used as a whole word (any case), not already inside a link."""
    term = g["en"].split(" (")[0].strip('"')
    if len(term) < 4:
        return None
    m = re.search(rf"(?<![\w\[]){re.escape(term)}(?![\w\]])", para, re.I)
    if not m or "](" in para[max(0, m.start() - 3):m.start()]:
        return None
    return m.span()


def _find_chinese_term(g: dict, para: str) -> tuple[int, int] | None:
    """Where a term's Chinese is first used, not already inside a link."""
    term = escape(g["zh"])
    i = para.find(term)
    if i < 0 or ("[" in para[max(0, i - 40):i] and "]" not in para[max(0, i - 40):i]):
        return None
    return i, i + len(term)


def link_english_glossary_terms(markdown: str, page_dir: str) -> str:
    """Link the first use of each glossary term's English in a translation's paragraphs to the glossary."""
    return _link_first_uses(markdown, page_dir, ("#", "|", "-", "!!!", "???", "    ", "<", "{:", "---"),
                            lambda g: -len(g["en"]), _find_english_term)


def link_glossary_terms(markdown: str, page_dir: str) -> str:
    """Link the first use of each glossary term in an article's paragraphs to the glossary page."""
    return _link_first_uses(markdown, page_dir, ("#", "|", "-", "!!!", "    ", "<"),
                            lambda g: -len(g["zh"]), _find_chinese_term)


def translation_status(arts: list[Article], corpus: Corpus, lang: str) -> str:
    """Every article with the state of its English version and the date of its Chinese source."""
    zh = lang == "zh"
    title = "翻译进度" if zh else "Translation status"
    states = {"translated": ("已有全文译文", "translated"), "summary": ("仅有英文标题和摘要", "summary only"),
              "none": ("尚无英文内容", "not started"),
              "outdated": ("译文早于中文原文的修改，需更新", "outdated: the Chinese text changed after translation")}
    rows = []
    counts: dict[str, int] = defaultdict(int)
    for a in arts:
        state = a.meta.get("translation_status") or ("summary" if a.meta.get("summary_en") else "none")
        counts[state] += 1
        label = states[state][0 if zh else 1]
        if state in ("translated", "outdated") and a.meta.get("translated"):
            label += f" ({a.meta['translated']})"
        rows.append(f"| [{escape(article_title(a, lang)).replace('|', '&#124;')}]({_link('', f'articles/{a.slug}.md')}) | {label} | "
                    f"{a.date or '—'} | `{chinese_hash(a)}` |")
    head = ("| 文章 | 状态 | 中文来源日期 | 中文文本指纹 |\n|---|---|---|---|" if zh else
            "| Article | State | Date of the Chinese source | Chinese text fingerprint |\n|---|---|---|---|")
    summary = "；".join(f"{states[k][0]} {n} 篇" for k, n in counts.items()) if zh else \
        "; ".join(f"{states[k][1]}: {n}" for k, n in counts.items())
    return (dump_front_matter({"title": title, "generated": True}) + f"\n# {title}\n\n{summary}\n\n{head}\n"
            + "\n".join(rows) + "\n")


def articles_index(arts: list[Article], lang: str) -> str:
    """Every article, newest first."""
    lab = labels()[lang]
    lines = "\n".join(article_line(a, lang, "articles") for a in arts)
    return (dump_front_matter({"title": lab["all_articles"], "generated": True})
            + f"\n# {lab['all_articles']}\n\n{lab['article_count'].format(n=len(arts))}\n\n{lines}\n")


def authors_index(arts: list[Article], lang: str) -> str:
    """Authors in pinyin order, each with their articles."""
    lab = labels()[lang]
    by_author: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        for name in a.authors or [lab["no_author"]]:
            by_author[name].append(a)
    order = sorted(by_author, key=lambda n: (n == lab["no_author"], name_pinyin(n).lower(), n))
    parts = []
    for name in order:
        heading = name if lang == "zh" else (f"{name_pinyin(name)} ({name})" if name != lab["no_author"] else name)
        items = "\n".join(article_line(a, lang, "authors") for a in by_author[name])
        parts.append(f"## {escape(heading)}\n\n{items}")
    return (dump_front_matter({"title": lab["authors"], "generated": True}) + f"\n# {lab['authors']}\n\n"
            + "\n\n".join(parts) + "\n")


def archive_index(arts: list[Article], lang: str) -> str:
    """Articles by year and month (undated at the end)."""
    lab = labels()[lang]
    years: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for a in arts:
        if a.date:
            y = a.date[:4]
            m = a.date[5:7] if len(a.date) >= 7 else ""
            years[y][m].append(a)
        else:
            years[""][""].append(a)
    parts = []
    for y in sorted((k for k in years if k), reverse=True) + ([""] if "" in years else []):
        parts.append(f"## {y if y else lab['untitled_date']}")
        for m in sorted(years[y], reverse=True):
            if m:
                parts.append(f"### {y}-{m}")
            parts.append("\n".join(article_line(a, lang, "archive") for a in years[y][m]))
    return (dump_front_matter({"title": lab["archive"], "generated": True}) + f"\n# {lab['archive']}\n\n"
            + "\n\n".join(parts) + "\n")


KIND_NAMES = {
    "zh": {"newspaper-page": "报纸版面", "web-page": "网页", "compilation": "文章汇编", "slides": "演示文稿",
           "report": "新闻报道"},
    "en": {"newspaper-page": "newspaper page", "web-page": "web page", "compilation": "compilation",
           "slides": "slide deck", "report": "news report"},
}


def sources_index(corpus: Corpus, lang: str) -> str:
    """Every source with what it is and how many articles it gave."""
    lab = labels()[lang]
    rows = []
    for src in corpus.sources:
        sc = src.sidecar
        title = source_title(src, lang)
        kind = KIND_NAMES[lang].get(sc.get("kind", ""), sc.get("kind", ""))
        outlet = (sc.get("publication_en") if lang == "en" else None) or sc.get("publication") or ""
        rows.append(f"| [{escape(title)}]({source_slug(src)}.md) | {escape(kind)} | {escape(outlet)} | "
                    f"{sc.get('date', '') or ''} | {len(src.articles)} |")
    head = f"| {lab['sources']} | {lab['kind']} | {lab['outlet']} | {lab['date']} | {lab['articles']} |\n|---|---|---|---|---:|"
    # Each source's articles right here, so that every article is two clicks from the home page.
    lists = []
    for src in corpus.sources:
        title = source_title(src, lang)
        items = "\n".join(article_line(a, lang, "sources") for a in sorted(src.articles, key=_sort_key))
        lists.append(f"## [{escape(title)}]({source_slug(src)}.md)\n\n{items}")
    return (dump_front_matter({"title": lab["sources"], "generated": True}) + f"\n# {lab['sources']}\n\n"
            + head + "\n" + "\n".join(rows) + "\n\n" + "\n\n".join(lists) + "\n")


def source_title(src: SourceResult, lang: str) -> str:
    """A source's title in a language (sidecar title_en for English), else its file name."""
    sc = src.sidecar
    return sc.get("title_en" if lang == "en" else "title") or sc.get("title") or src.name


def _cell(text: str, limit: int = 60) -> str:
    """Report text as a table cell: shortened, line breaks shown, pipes escaped."""
    return escape(shorten(text.replace("\n", " ⏎ "), limit)).replace("|", "\\|") or "—"


def source_page(src: SourceResult, lang: str) -> str:
    """A source: what it is, its articles, and its cleaning report."""
    lab = labels()[lang]
    sc = src.sidecar
    title = source_title(src, lang)
    from wenku.ingest.repairs import fix_spaces_between_chinese

    # YAML folded text joins lines with a space: none belongs between Chinese characters.
    notes = fix_spaces_between_chinese(sc.get("notes_en" if lang == "en" else "notes") or sc.get("notes") or "")
    facts = [
        f"- {lab['kind']}：{KIND_NAMES[lang].get(sc.get('kind', ''), sc.get('kind', '—'))}" if lang == "zh"
        else f"- {lab['kind']}: {KIND_NAMES[lang].get(sc.get('kind', ''), sc.get('kind', '—'))}",
    ]
    sep = "：" if lang == "zh" else ": "
    outlet = (sc.get("publication_en") if lang == "en" else None) or sc.get("publication")
    if outlet:
        facts.append(f"- {lab['outlet']}{sep}{escape(outlet)}")
    if sc.get("date"):
        facts.append(f"- {lab['date']}{sep}{sc['date']}")
    if sc.get("url"):
        facts.append(f"- URL{sep}<{sc['url']}>")
    script = {"zh": {"traditional": "繁体", "simplified": "简体"}}.get(lang, {}).get(src.script, src.script)
    facts.append(f"- {lab['encoding']}{sep}{src.encoding}; {lab['script']}{sep}{script}")
    facts.append(f"- {lab['raw_text']}{sep}[{src.name}](raw/{src.name}) · "
                 f"[JSON](raw/{source_slug(src)}-report.json)")
    arts = "\n".join(article_line(a, lang, "sources") for a in src.articles)
    counts: dict[str, int] = defaultdict(int)
    for c in src.report:
        counts[c.kind] += 1
    kinds = report_kinds()
    summary = "\n".join(f"| `{k}` | {escape(kinds.get(k, {}).get(lang if lang == 'en' else 'zh', ''))} | {n} |"
                        for k, n in sorted(counts.items()))
    rows = "\n".join(f"| {c.line or '—'} | `{c.kind}` | {_cell(c.before)} | {_cell(c.after)} | {escape(c.reason)} |"
                     for c in src.report)
    return (dump_front_matter({"title": title, "generated": True, "search": {"exclude": True}})
            + f"\n# {escape(title)}\n\n{escape(notes)}\n\n" + "\n".join(facts)
            + f"\n\n## {lab['articles']} {{#articles}}\n\n{arts}\n\n## {lab['cleaning_report']} {{#report}}\n\n"
            + f"| {lab['change']} | {lab['reason']} | n |\n|---|---|---:|\n{summary}\n\n"
            + f"??? note \"{lab['changes']} ({len(src.report)})\"\n\n"
            + "\n".join("    " + r for r in (f"| {lab['line']} | {lab['change']} | {lab['before']} | {lab['after']} | {lab['reason']} |",
                                             "|---:|---|---|---|---|", *rows.split("\n")) if rows) + "\n")


EDITOR_KINDS = {
    "mark_gap": ("缺口", "Gaps marked"),
    "place_fragment": ("按主题归位的片段", "Fragments placed by topic"),
    "missing_section": ("缺少的段落", "Missing sections"),
    "suspect_cjk_in_acronym": ("疑似错字（未改动）", "Suspected typos (left as printed)"),
    "fix_doubled_words": ("已修正的重复词", "Doubled words corrected"),
    "fix_unrecoverable_mojibake": ("无法恢复的乱码", "Mojibake that could not be recovered"),
    "missing_article": ("目录中有而正文缺失的文章", "Listed in a table of contents but missing"),
}


def editor_report(corpus: Corpus, lang: str) -> str:
    """What editors should check after a build: inferred titles, gaps, placements, suspected typos."""
    zh = lang == "zh"
    title = "构建报告" if zh else "Build report"
    out = [f"# {title}", ""]
    out.append("本页在每次构建时生成，列出需要编辑核对的地方。" if zh else
               "Generated by every build: what an editor should check.")
    inferred = [a for a in corpus.articles if a.title_inferred]
    out += ["", "## " + ("推定标题" if zh else "Inferred titles"), ""]
    if inferred:
        out.append("| slug | " + ("推定标题" if zh else "inferred title") + " | " + ("来源" if zh else "source") + " |\n|---|---|---|")
        out += [f"| [{a.slug}]({_link('editors', f'articles/{a.slug}.md')}) | {escape(a.title or '')} | "
                f"{a.source}:{a.line_span[0]} |" for a in inferred]
    else:
        out.append("—")
    for kind, (name_zh, name_en) in EDITOR_KINDS.items():
        rows = [(src, c) for src in corpus.sources for c in src.report if c.kind == kind]
        out += ["", f"## {name_zh if zh else name_en} ({len(rows)})", ""]
        if not rows:
            out.append("—")
            continue
        out.append("| " + ("位置" if zh else "where") + " | " + ("原文" if zh else "text") + " | "
                   + ("说明" if zh else "note") + " |\n|---|---|---|")
        out += [f"| [{src.name}:{c.line or '—'}]({_link('editors', f'sources/{source_slug(src)}.md')}) | "
                f"{_cell(c.before or c.after)} | {escape(c.reason)} |" for src, c in rows]
    problems = corpus.problems + [Problem(c.before, c.line or 1, c.reason, "warning") for c in corpus.slug_changes]
    out += ["", "## " + ("警告" if zh else "Warnings") + f" ({len(problems)})", ""]
    out += [f"- `{escape(str(p))}`" for p in problems] or ["—"]
    return dump_front_matter({"title": title, "generated": True, "search": {"exclude": True}}) + "\n" + "\n".join(out) + "\n"


# ---------------------------------------------------------------- writing the staging folder


def _write_bytes_if_changed(path: str, data: bytes) -> bool:
    """Write data to path unless it already holds exactly that (keeps mtimes for `mkdocs serve`)."""
    try:
        with open(path, "rb") as fh:
            if fh.read() == data:
                return False
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
    return True


def _write_if_changed(path: str, text: str) -> bool:
    """Write text (UTF-8) unless the file already holds it."""
    return _write_bytes_if_changed(path, text.encode("utf-8"))


def _copy_if_changed(src: str, dest: str) -> bool:
    """Copy a file unless dest already has the same bytes."""
    with open(src, "rb") as fh:
        return _write_bytes_if_changed(dest, fh.read())


def hand_written(docs_dir: str) -> dict[str, str]:
    """Files of the hand-written docs folder: docs path -> absolute path."""
    out: dict[str, str] = {}
    if not os.path.isdir(docs_dir):
        return out
    for base, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(base, d)))
        for f in sorted(files):
            full = os.path.join(base, f)
            if f.startswith(".") or os.path.islink(full):
                continue  # never follow a link out of the repository (wenku check names it)
            out[os.path.relpath(full, docs_dir).replace(os.sep, "/")] = full
    return out


def hand_written_articles(manual: dict[str, str], generated: set[str]) -> list[Article]:
    """Articles an editor wrote in docs/articles/<slug>.md (not taking over a generated one), for the indexes."""
    out = []
    for rel, full in sorted(manual.items()):
        m = re.fullmatch(r"articles/([a-z0-9-]+)\.md", rel)
        if not m or m.group(1) in generated or m.group(1) == "index":
            continue
        with open(full, encoding="utf-8", errors="replace") as fh:
            data, _ = read_front_matter(fh.read())
        if not data or not data.get("article"):
            continue
        art = Article(source="docs", slug=m.group(1), title=str(data.get("title") or m.group(1)),
                      authors=[str(a) for a in data.get("authors") or []], date=date_text(data.get("date")),
                      summary=data.get("summary"))
        for key in ("topics", "keywords", "title_en", "summary_en", "authors_en"):
            if data.get(key):
                art.meta[key] = data[key]
        out.append(art)
    return out


def english_stub(chinese_page: str, art: Article) -> str:
    """English page for a hand-written Chinese article: English title if any, the notice, the Chinese text."""
    _, body = read_front_matter(chinese_page)
    fm = {"title": art.meta.get("title_en") or art.title, "article": True, "authors": art.authors,
          "date": art.date, "lang": "en", "translation_status": "summary" if art.meta.get("summary_en") else "none",
          "generated": True}
    if art.meta.get("authors_en"):
        fm["authors_en"] = art.meta["authors_en"]
    return dump_front_matter(fm) + "\n" + untranslated_english_body(art, body)


def english_translations(manual: dict[str, str]) -> dict[str, dict]:
    """Front matter of the editors' translation files docs/articles/<slug>.en.md, by slug."""
    out = {}
    for rel, full in manual.items():
        m = re.fullmatch(r"articles/([a-z0-9-]+)\.en\.md", rel)
        if not m:
            continue
        with open(full, encoding="utf-8", errors="replace") as fh:
            data, _ = read_front_matter(fh.read())
        out[m.group(1)] = data or {}
    return out


def _traditional(text: str, cache: dict[str, str]) -> str:
    """Script conversion (s2tw) of a page, cached by content (rebuilds convert only pages that changed)."""
    from wenku.enrich.convert import to_traditional

    key = hashlib.sha1(text.encode("utf-8")).hexdigest()
    if key not in cache:
        cache[key] = to_traditional(text)
    return cache[key]


def _added_dates(root: str, corpus: Corpus, hand: list[Article]) -> dict[str, str]:
    """slug -> the day an undated article came to the site: the first commit of its source or page."""
    undated = [a for a in corpus.articles if not a.date] + [a for a in hand if not a.date]
    if not undated:
        return {}
    from wenku.site.provenance import last_changed

    first = last_changed(root, first=True)
    paths = {s.name: os.path.relpath(s.path, root).replace(os.sep, "/") for s in corpus.sources}
    files = {a.slug: paths.get(a.source) or f"docs/articles/{a.slug}.md" for a in undated}
    return {slug: first[path] for slug, path in files.items() if path in first}


def stage(root: str, staging: str, site_url: str = "", build: Build | None = None) -> SiteDocs:
    """Generate the site's pages from sources/ and write them with docs/ into the staging folder.

    build: the caches of this process (the MkDocs hook keeps one between rebuilds); without one, nothing
    is cached and nothing is read from or written to the disk cache."""
    build = build or Build()
    corpus = load_corpus(os.path.join(root, "sources"), build)
    prune_disk_cache(build)
    manual = hand_written(os.path.join(root, "docs"))
    translations = english_translations(manual)
    hand = hand_written_articles(manual, {a.slug for a in corpus.articles})
    added = _added_dates(root, corpus, hand)
    # Unchanged sources come back as the same cached objects: then the pages are the same too.
    key = (tuple((s.key, s.path) for s in corpus.sources), repr(sorted(translations.items())), site_url,
           tuple(sorted((p.path, p.line, p.message) for p in corpus.problems)),
           repr([(a.slug, a.title, a.authors, a.date, sorted(a.meta.items())) for a in hand]),
           repr(sorted(corpus.redirects.items())), tuple(sorted(added.items())))
    if key not in build.pages:
        build.pages.clear()
        build.pages[key] = build_pages(corpus, site_url, translations, hand, build, added)
    cached = build.pages[key]
    site = SiteDocs(pages=cached.pages, files=cached.files, corpus=corpus)
    site.problems.extend(corpus.problems)
    from wenku.enrich.translation import placeholder_problems

    site.problems.extend(placeholder_problems(manual))  # unfinished English is never published
    written = set()
    for rel, full in manual.items():
        _copy_if_changed(full, os.path.join(staging, rel))
        written.add(rel)
    for rel, text in site.pages.items():
        if rel in manual:
            continue  # a page in docs/ wins over the generated one
        _write_if_changed(os.path.join(staging, rel), text)
        written.add(rel)
    for rel, full in site.files.items():
        if rel not in manual:
            _copy_if_changed(full, os.path.join(staging, rel))
            written.add(rel)
    # A hand-written Chinese article without an English version gets an English page that says so.
    for art in hand:
        rel = f"articles/{art.slug}.en.md"
        if rel not in manual:
            with open(manual[f"articles/{art.slug}.md"], encoding="utf-8", errors="replace") as fh:
                _write_if_changed(os.path.join(staging, rel), english_stub(fh.read(), art))
            written.add(rel)
    # The Traditional Chinese edition: every Simplified page converted, unless an editor wrote one.
    simplified = {rel: text for rel, text in site.pages.items() if rel not in manual}
    for rel, full in manual.items():
        if rel.endswith(".md"):
            with open(full, encoding="utf-8", errors="replace") as fh:
                simplified[rel] = fh.read()
    for rel, text in simplified.items():
        target = traditional_path(rel)
        if target and target not in manual and target not in site.pages:
            _write_if_changed(os.path.join(staging, target), _traditional(text, build.traditional))
            written.add(target)
    # The corpus for researchers, per edition (data/articles.jsonl and .csv).
    from wenku.site import corpusdata

    arts = sorted([with_translation_status(a, translations.get(a.slug)) for a in corpus.articles] + hand,
                  key=_sort_key)
    english = {}
    for slug in translations:
        with open(manual[f"articles/{slug}.en.md"], encoding="utf-8", errors="replace") as fh:
            english[slug] = fh.read()
    raw = {s.name: (source_slug(s), s.name) for s in corpus.sources}
    chinese = {a.slug: simplified[f"articles/{a.slug}.md"] for a in arts if f"articles/{a.slug}.md" in simplified}
    for rel, text in corpusdata.data_files(arts, site_url, chinese, lambda t: _traditional(t, build.traditional),
                                           english, raw).items():
        _write_if_changed(os.path.join(staging, rel), text)
        written.add(rel)
    # Remove what neither docs/ nor the generator produce any more.
    for base, dirs, files in os.walk(staging, topdown=False):
        for f in files:
            rel = os.path.relpath(os.path.join(base, f), staging).replace(os.sep, "/")
            if rel not in written:
                os.remove(os.path.join(base, f))
        if base != staging and not os.listdir(base):
            os.rmdir(base)
    return site


def clear(staging: str) -> None:
    """Remove the staging folder."""
    shutil.rmtree(staging, ignore_errors=True)
