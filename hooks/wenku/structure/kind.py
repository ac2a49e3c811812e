"""What kind of source a text is, from its own evidence, decided before it is split (each kind has its
splitter, `wenku.structure.split`); a sidecar's `kind` wins over this guess.

Kinds with a shape of their own (``structural_kind``), tried first:

- feed: an RSS/Atom feed's XML (recognised before the cleaning, ``wenku.structure.feed``);
- compilation: a table of contents (目录) whose entries recur as titles in the text;
- slides: numbered slide titles (1.1, 1.2 …) or a CONTENTS slide;
- research-report: a printed document that opens with a cover (short lines), then a table of contents with
  dotted leaders and page numbers, then the text (an abstract, numbered sections);
- transcript: turns that open with a timestamp and a speaker's label ([00:01:15] 名：…);
- speech: a title, a dashed or bracketed subtitle naming the occasion (——在…上的讲话, （在…上的讲话）), the
  speaker, then a salutation alone on its line (同志们：) or, without one, the first sentence under a short head;
- qa-answer: a question as the page's title, then an answerer's name with the site's counts, the answer,
  and the counts and stamp after it (编辑于 …);
- web-page read as a forum thread (the ``forum`` splitter): a floor header near the top (楼主 名 发表于 …),
  the opening post under it; the replies are not articles.

The page kinds share one splitter (``wenku.structure.page``):

- compilation: a table of contents (目录) whose entries recur as titles in the text;
- slides: numbered slide titles (1.1, 1.2 …) or a CONTENTS slide;
- newspaper page: jump lines (下转第N版/上接第N版), page numbers (第N版), reporters' bylines (本报记者),
  several articles on one page;
- web page: an outlet/date line (来源：… 发布时间：…), share and print widgets, view counts, page-navigation
  lines, HTML remnants, site footers;
- report: one long document with numbered sections (一、 …, （一） …, 1. …), an abstract or key words,
  figures and tables; an abstract or key words over three numbered sections, at any length; or a printed
  document's page footers (第N页 共M页) over numbered sections.
The lines removed by earlier steps count too (their text is in the report), so a web page whose widgets
were already removed is still recognised as one.
"""

from __future__ import annotations

import re

from wenku.model import Change, Line
from wenku.structure.compilation import _toc_entries, leader_contents
from wenku.structure.forum import forum_shape
from wenku.structure.qa import qa_shape
from wenku.structure.report import report_shape
from wenku.structure.slides import deck_pages
from wenku.structure.transcript import speech_shape, transcript_shape

KINDS = (
    "compilation",
    "slides",
    "newspaper-page",
    "report",
    "web-page",
    "feed",
    "research-report",
    "transcript",
    "speech",
    "qa-answer",
)
# Which splitter each kind of source needs.
PATTERN_OF_KIND = {
    "compilation": "compilation",
    "slides": "slides",
    "newspaper-page": "page",
    "report": "page",
    "web-page": "page",
    "feed": "feed",
    "research-report": "report",
    "transcript": "transcript",
    "speech": "speech",
    "qa-answer": "qa",
}
# Splitters a page kind may need besides its own, chosen by the source's shape: (kind, pattern).
SHAPED_PAGES = {"forum": "web-page"}

RE_SLIDE_TITLE = re.compile(r"^\d{1,2}\.\d{1,2}\s+\S")
RE_NEWSPAPER = re.compile(
    r"(下转|上接|转)第?\s*[0-9一二三四五六七八九十]{1,3}\s*版|^第\s*[0-9一二三四五六七八九十]{1,3}\s*版|"
    r"本报(?:记者|讯|评论员)|通讯员|记者\s+[\u4e00-\u9fff]{2,4}$|总第\s*\d+\s*期|星期[一二三四五六日天]"
)
RE_WEB = re.compile(
    r"(来源|发布时间|发表时间|浏览次数|阅读量|点击数|责任编辑|责编)\s*[：:]|分享到|【打印|【关闭|字体[：:]|"
    r"上一篇|下一篇|首页\s*[>＞]|扫一扫|&[a-z]{2,6};|</?(?:p|br|div|span|strong)\b|主办|技术支持|ICP备"
)
# A printed document's page footer: 第 7 页 共 20 页, 第7页/共20页, Page 7 of 20.
RE_DOCUMENT_PAGE = re.compile(r"第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页|^Page\s+\d+\s+of\s+\d+$", re.I)
RE_REPORT = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+\.\d*\s*\S|第[一二三四五六七八九十]+[章节部分])|"
    r"^(?:摘\s*要|关键词|内容提要)[：:]|^图\s*\d+|^表\s*\d+"
)

RE_ABSTRACT = re.compile(r"^(?:摘\s*要|关键词|内容提要)[：:]")


def detect_pattern(lines: list[Line]) -> str:
    """'compilation', 'slides' or 'page': how this source bundles its articles."""
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    if _toc_entries(texts):
        return "compilation"
    slide_titles = sum(1 for t in texts if RE_SLIDE_TITLE.match(t))
    if slide_titles >= 3 or any(t.upper() == "CONTENTS" for t in texts):
        return "slides"
    return "page"


def _bundle_kind(lines: list[Line], removed: list[Change] | None) -> tuple[str, str] | None:
    """(kind, evidence) of a source that bundles its articles in a way of its own (contents list, slides)."""
    pattern = detect_pattern(lines)
    if pattern == "compilation":
        return "compilation", "a table of contents whose entries recur as titles"
    if pattern == "slides":
        return "slides", "numbered slide titles or a CONTENTS slide"
    pages = deck_pages(lines, removed)
    if pages:
        return "slides", f"{len(pages)} pages cut by page markers, each a short title over bullets"
    return None


def detect_kind(lines: list[Line], removed: list[Change] | None = None, articles: int = 1) -> tuple[str, str]:
    """(kind, evidence): the kind of source and what in the text shows it (articles: how many the page
    splitter found)."""
    found = _bundle_kind(lines, removed)
    if found:
        return found
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    texts += [c.before.strip() for c in removed or [] if c.before and c.line is not None]
    news = sum(1 for t in texts if len(t) < 80 and RE_NEWSPAPER.search(t))
    web = sum(1 for t in texts if len(t) < 120 and RE_WEB.search(t))
    sections = sum(1 for t in texts if len(t) < 60 and RE_REPORT.search(t))
    size = sum(len(t) for t in texts)
    if news >= 2 and news >= web:
        return "newspaper-page", f"{news} newspaper lines (page numbers, jump lines, reporters' bylines)"
    if web >= 2:
        return "web-page", f"{web} web-page lines (outlet and date line, widgets, HTML remnants, site footer)"
    if sections >= 4 and size >= 6000:
        return "report", f"a long text ({size} characters) in {sections} numbered sections"
    summary = sum(1 for t in texts if len(t) < 200 and RE_ABSTRACT.match(t))
    if summary and sections - summary >= 3 and news < 2:
        return "report", f"an abstract or key words over {sections - summary} numbered sections"
    pages = sum(1 for t in texts if len(t) < 40 and RE_DOCUMENT_PAGE.search(t))
    if pages and sections >= 2 and news < 2:
        return "report", f"a printed document's page footers (第N页 共M页) and {sections} numbered sections"
    if news:
        return "newspaper-page", "a newspaper line (page number, jump line or reporter's byline)"
    if articles >= 2:
        return "newspaper-page", f"{articles} articles on one page"
    if web:
        return "web-page", "a web-page line (outlet and date, widget or site footer)"
    return "web-page", "one article without newspaper or report features: read as a web page"


def shaped_page(lines: list[Line], removed: list[Change] | None = None) -> tuple[str, str] | None:
    """(pattern, evidence) for a web page whose shape needs a splitter of its own (a forum thread), else None."""
    forum = forum_shape(lines, removed or [])
    if forum:
        return "forum", forum.evidence
    return None


def structural_kind(lines: list[Line], removed: list[Change] | None = None) -> tuple[str, str, str] | None:
    """(kind, evidence, pattern) for a source whose shape names its kind before any split (compilation,
    slides, research report, transcript, speech, Q&A answer, a forum thread's web page), else None (a page
    kind: decided with the page splitter's article count, ``detect_kind``)."""
    found = _bundle_kind(lines, removed)
    if found:
        return *found, PATTERN_OF_KIND[found[0]]
    report = report_shape(lines, removed or [])
    if report:
        return "research-report", report.evidence, "report"
    if leader_contents(lines, removed or []):
        return "compilation", "a table of contents with dotted leaders whose entries recur as titles", "compilation"
    # A one-article shape at the top of a newspaper page may be one of several articles: the page decides.
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    texts += [c.before.strip() for c in removed or [] if c.before and c.line is not None]
    if sum(1 for t in texts if len(t) < 80 and RE_NEWSPAPER.search(t)) >= 2:
        return None
    for kind, shape in (
        ("transcript", transcript_shape),
        ("speech", speech_shape),
        ("qa-answer", qa_shape),
    ):
        found = shape(lines, removed or [])
        if found:
            return kind, found.evidence, PATTERN_OF_KIND[kind]
    page = shaped_page(lines, removed)
    if page:
        return SHAPED_PAGES[page[0]], page[1], page[0]
    return None
