"""Running headers and footers: lines a printed page repeats on every page (outlet + date + weekday,
`第N版`, `- 7 -`, column names, issue numbers), recognised by their shape and by repetition.

A line is a running header when its shape says so (a page number, an edition or issue number, a date
with its weekday, all on a short line without a sentence), when the same short line (numbers aside)
comes back through the source and at least one of its copies stands next to a line of that shape, or
when three or more copies differ only by a page number at their edge that counts up.
"""

from __future__ import annotations

import re

from wenku.model import Line
from wenku.textutil import CJK

MAX_LEN = 40
RE_SENTENCE = re.compile(r"[。，；？！：:、“”]")
RE_DASHED_NUMBER = re.compile(r"^[-—–―－_~～=·\s]*[-—–―－_~～=·]\s*\d{1,4}\s*[-—–―－_~～=·][-—–―－_~～=·\s]*$")
RE_BARE_NUMBER = re.compile(r"^\d{1,4}$")
NUM = r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
RE_EDITION = re.compile(rf"第\s*{NUM}\s*(?:版|页)|^[A-Z]\s*\d{{1,2}}\s*版")
RE_JUMP = re.compile(rf"(?:[上下]?[转接续])\s*第?\s*{NUM}\s*版")
# Page m of n: 7/20, - 7 / 20 -, Page 7 of 20.
RE_PAGE_OF = re.compile(r"^[-—–·\s]*(?:page\s*)?\d{1,4}\s*(?:/|of)\s*\d{1,4}[-—–·\s]*$", re.I)
# Page m of n in words, its comma aside: 第3页，共12页 / 共12页 第3页 / Page 3 of 12 / Page 3.
RE_PAGE_OF_TOTAL = re.compile(
    r"^(?:第\s*\d{1,4}\s*页\s*[，,、/]?\s*共\s*\d{1,4}\s*页|共\s*\d{1,4}\s*页\s*[，,、/]?\s*第\s*\d{1,4}\s*页"
    r"|page\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?)$",
    re.I,
)
RE_VOLUME = re.compile(r"\bVol\.?\s*\d{1,3}\s*,?\s*No\.?\s*\d{1,3}\b", re.I)
RE_DATE = re.compile(r"(?:19|20)\d\d\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})")
RE_WEEKDAY = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]")
RE_ISSUE = re.compile(r"(?:总\s*第\s*\d+\s*期|(?:19|20)\d\d\s*年\s*第\s*\d{1,3}\s*期|第\s*\d{1,4}\s*期)")
# A masthead's registration numbers (国内统一连续出版物号 CN 11-0000, 邮发代号 1-1, ISSN 1234-5678).
RE_MASTHEAD = re.compile(r"连续出版物号|邮发代号|\bCN\s*\d{2}\s*-\s*\d{4}|\bISSN\s*\d{4}\s*-\s*\d{3}[\dX]", re.I)
# A browser's print footer: the page's address and page m/n (https://…/a.html　1/3).
RE_PRINT_FOOTER = re.compile(r"^(?:https?://|www\.)\S+\s+\d{1,3}\s*/\s*\d{1,3}$")
# A browser's print header: the date and time of printing, then the page's title (2026/6/9 下午3:18　　标题_网站).
RE_PRINT_HEADER = re.compile(
    r"^(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s*(?:上午|下午|晚上|凌晨|中午)?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:[\s\u3000]{2,}|\t)(?P<title>\S.{0,120})$"
)
# A label with a phone number on an edition line (新闻热线：0731-5555 8800): its colon is not a sentence's.
RE_LABELLED_NUMBER = re.compile(rf"[{CJK}]{{2,6}}[：:]\s*[\d\-－ ]{{6,}}\d")
# A page code of a newspaper printed beside the date (A3, B12), and an edition number opening a line.
RE_PAGE_CODE = re.compile(r"(?<![A-Za-z\d])[A-H]\s?\d{1,2}(?![\d])")
RE_EDITION_LEAD = re.compile(rf"^第\s*{NUM}\s*版[\s\u3000]")
LONG_HEAD = 72  # a newspaper's masthead line: outlet, date and weekday, edition, column (several shapes at once)
RE_DIGITS = re.compile(r"\d+")
RE_SPACE = re.compile(r"\s+")


def header_shape(text: str) -> str | None:
    """What a short line is when its shape alone shows a running header or footer, else None."""
    t = text.strip()
    if RE_PRINT_FOOTER.match(t):
        return "browser print footer (address and page number)"
    t = RE_SPACE.sub(" ", t)  # a PDF copy pads a header's halves apart with spaces
    if RE_PAGE_OF_TOTAL.match(t):
        return "page number"
    if not t or RE_SENTENCE.search(RE_LABELLED_NUMBER.sub("", t)):
        return None
    if len(t) <= LONG_HEAD and RE_MASTHEAD.search(t):
        return "masthead (registration numbers)"
    if (
        len(t) <= LONG_HEAD
        and RE_DATE.search(t)
        and RE_WEEKDAY.search(t)
        and (RE_EDITION.search(t) or RE_PAGE_CODE.search(t))
    ):
        return "masthead (date, weekday and edition)"
    if len(t) <= LONG_HEAD and RE_EDITION_LEAD.match(t) and not RE_JUMP.search(t):
        return "edition line (page number, column, publisher)"
    if RE_SENTENCE.search(t):
        return None  # a phone number's label aside, a sentence
    if len(t) > MAX_LEN:
        return None
    if RE_DASHED_NUMBER.match(t) or RE_PAGE_OF.match(t):
        return "page number"
    if RE_JUMP.search(t):
        return None  # a jump line (下转第5版) belongs to the article split, not here
    if RE_EDITION.search(t) and len(t) <= 30:
        return "edition (page) number"
    if RE_DATE.search(t) and RE_WEEKDAY.search(t):
        return "date and weekday"
    if (RE_ISSUE.search(t) or RE_VOLUME.search(t)) and len(t) <= 30:
        return "issue number"
    return None


def _key(text: str) -> str:
    return RE_SPACE.sub(" ", RE_DIGITS.sub("#", text.strip()))


def _candidate(text: str) -> bool:
    t = text.strip()
    return 1 <= len(t) <= 30 and not RE_SENTENCE.search(t) and not t.startswith("#")


RE_EDGE_NUMBER = re.compile(r"^\d{1,4}(?=\D)|(?<=\D)\d{1,4}$")
MIN_NUMBERED = 3


def _numbered_run(texts: list[str], key: str) -> bool:
    """Three or more copies of one short line whose only difference is a number at its start or end that
    counts up (机构名　|　1 … 机构名　|　7): a footer with the page number (slides, reports)."""
    if len(texts) < MIN_NUMBERED or (len(re.findall(f"[{CJK}]", key)) < 4 and len(re.findall("[A-Za-z]", key)) < 8):
        return False
    numbers = []
    for t in texts:
        m = RE_EDGE_NUMBER.search(t.strip())
        if not m or len(RE_DIGITS.findall(t)) != 1:
            return False
        numbers.append(int(m.group(0)))
    return all(b > a for a, b in zip(numbers, numbers[1:], strict=False))


def _followed_differently(body: list[Line], idx: list[int]) -> bool:
    """True when the lines after each copy differ (the next two lines, compared)."""
    after = [" ".join(ln.text.strip() for ln in body[i + 1 : i + 3]) for i in idx]
    return all(a and a != after[0] for a in after[1:])


def _title_on_first_page(body: list[Line], idx: list[int], found: dict[int, str]) -> bool:
    """True when the first copy of a repeated line is the document's title and the others the running head
    that repeats it: the first copy stands on the first page (before any page number), not beside one,
    and every later copy stands beside a page number (a report's right-hand head is its own title)."""
    numbers = [i for i, ln in enumerate(body) if found.get(id(ln), "").startswith("page number")]
    if not numbers or idx[0] == 0 or idx[0] > numbers[0]:
        return False

    def beside_number(i: int) -> bool:
        return any(j in numbers for j in (i - 1, i + 1))

    return not beside_number(idx[0]) and all(beside_number(i) for i in idx[1:])


RE_FOLIO = re.compile(r"^(?P<left>\d{1,4})[\s\u3000]+(?P<rest>.+)$|^(?P<rest2>.+?)[\s\u3000]+(?P<right>\d{1,4})$")
MAX_PAGE_STEP = 2


def _folio(text: str) -> tuple[str, int, str] | None:
    """(the head without its page number, the page number, the side it stands on) for a short line that
    opens or ends with a page number set apart by a space (26　刊名　2026.04 / 刊名　2026.04　27), else None."""
    t = text.strip()
    if not _candidate(t):
        return None
    m = RE_FOLIO.match(t)
    if not m:
        return None
    rest = RE_SPACE.sub(" ", (m.group("rest") or m.group("rest2")).strip())
    if len(re.findall(f"[{CJK}A-Za-z]", rest)) < 2:
        return None
    return (rest, int(m.group("left")), "left") if m.group("left") else (rest, int(m.group("right")), "right")


def _facing_folios(body: list[Line], found: dict[int, str]) -> None:
    """A magazine's or book's folio on facing pages: the same head with the page number on the outer edge,
    left on an even page and right on the next (26　刊名 … 刊名　27). Copies whose numbers count up by one
    or two, standing on both sides, are running heads."""
    groups: dict[str, list[tuple[int, int, str]]] = {}
    for i, ln in enumerate(body):
        if id(ln) in found:
            continue
        f = _folio(ln.text)
        if f:
            groups.setdefault(f[0], []).append((i, f[1], f[2]))
    for copies in groups.values():
        if len(copies) < 2:
            continue
        numbers = [n for _, n, _ in copies]
        if not all(0 < b - a <= MAX_PAGE_STEP for a, b in zip(numbers, numbers[1:], strict=False)):
            continue
        if len({side for _, _, side in copies}) == 2:  # numbered headings (案例 1, 案例 2) keep to one side
            for i, _, _ in copies:
                found[id(body[i])] = "running head with the page number (facing pages)"


PRINT_HEADER = "browser print header (date and time of printing, page title)"
MIN_BAR_TITLE = 6  # characters of a headline a print header repeats


def _print_headers(body: list[Line], found: dict[int, str]) -> None:
    """A browser's print header (the printing date and time, then the page's title) on each printed page: two
    or more copies with the same title, or one in a source whose print footer (address and page m/n) was
    found."""
    groups: dict[str, list[Line]] = {}
    for ln in body:
        m = RE_PRINT_HEADER.match(ln.text.strip())
        if m and id(ln) not in found:
            groups.setdefault(RE_SPACE.sub(" ", m.group("title")), []).append(ln)
    footer = any(v.startswith("browser print footer") for v in found.values())
    later = {RE_SPACE.sub(" ", ln.text.strip()) for ln in body if len(ln.text.strip()) >= MIN_BAR_TITLE}
    for title, copies in groups.items():
        # one copy is enough beside a print footer, or when it repeats a line of the page (the headline)
        if len(copies) >= 2 or footer or any(t in title for t in later if t != title):
            for ln in copies:
                found[id(ln)] = PRINT_HEADER


RE_ADDRESS_LINE = re.compile(r"^(?:https?://|www\.)[!-~]+$")


def _repeated_addresses(body: list[Line], found: dict[int, str]) -> None:
    """A page's address on a line of its own, printed again on each page (a browser's print header or
    footer): two or more copies of the same address line."""
    copies: dict[str, list[Line]] = {}
    for ln in body:
        t = ln.text.strip()
        if id(ln) not in found and RE_ADDRESS_LINE.match(t):
            copies.setdefault(t, []).append(ln)
    for group in copies.values():
        if len(group) >= 2:
            for ln in group:
                found[id(ln)] = "the page's address, printed on each page"


def running_headers(lines: list[Line]) -> dict[int, str]:
    """{id(line): what it is} for the running headers and footers among lines (blank lines ignored)."""
    body = [ln for ln in lines if ln.text.strip()]
    found: dict[int, str] = {}
    for ln in body:
        shape = header_shape(ln.text)
        if shape:
            found[id(ln)] = shape
    # Bare page numbers: only when several stand alone through the source.
    bare = [ln for ln in body if RE_BARE_NUMBER.match(ln.text.strip())]
    if len(bare) >= 2:
        for ln in bare:
            found[id(ln)] = "page number"
    # One bare number closing the source after prose: the page number at its foot.
    if len(body) >= 2 and RE_BARE_NUMBER.match(body[-1].text.strip()) and len(body[-2].text.strip()) > 10:
        found[id(body[-1])] = "page number at the foot of the page"
    _facing_folios(body, found)
    _print_headers(body, found)
    _repeated_addresses(body, found)
    # A bare number beside a header or footer found above: the page number printed next to it.
    for i, ln in enumerate(body):
        if id(ln) not in found and RE_BARE_NUMBER.match(ln.text.strip()):
            if any(0 <= j < len(body) and id(body[j]) in found for j in (i - 1, i + 1)):
                found[id(ln)] = "page number beside a running header"
    # Repetition: the same short line (numbers aside) two or more times, one copy next to a header/footer.
    groups: dict[str, list[int]] = {}
    for i, ln in enumerate(body):
        if id(ln) not in found and _candidate(ln.text) and re.search(f"[{CJK}A-Za-z]", ln.text):
            groups.setdefault(_key(ln.text), []).append(i)
    shaped = set(found)
    for key, idx in groups.items():
        if len(idx) < 2:
            continue
        if any(RE_JUMP.search(body[j].text) for i in idx for j in (i - 1, i + 1) if 0 <= j < len(body)):
            continue  # a headline printed again beside its jump line (上接第1版): the article's, not the page's
        if _numbered_run([body[i].text for i in idx], key):
            for i in idx:
                found[id(body[i])] = "running footer with the page number"
            continue
        near = sum(1 for i in idx if any(id(body[j]) in shaped for j in (i - 1, i + 1) if 0 <= j < len(body)))
        # Two pages: the column name heads both, only the second stands after a footer. A short name
        # then, the other copy at the very top (a headline printed twice is longer, or elsewhere).
        # A longer line qualifies when different text follows each copy (a text printed twice repeats
        # what follows its headline too).
        two_pages = (
            near == 1
            and len(idx) == 2
            and idx[0] == 0
            and (len(body[idx[0]].text.strip()) <= 12 or _followed_differently(body, idx))
        )
        if near >= 2 or two_pages or (near and len(idx) >= 3 and near >= len(idx) // 3):
            for i in idx[1:] if _title_on_first_page(body, idx, found) else idx:
                found[id(body[i])] = "running header repeated through the source"
    return found


# A running header the copy printed inside a line (a PDF's text layer): a page number and the chapter's or the
# book's title, in the middle of a sentence (但通过 44　第三章　数据资产的会计确认 合作、采购).
RE_BOOK_TITLE = re.compile(r"《([^《》]{2,30})》")
RE_SENTENCE_MARK = re.compile(r"[，。；：！？、“”]")
MAX_RUNNING_TITLE = 24  # characters of a chapter or book title a running header prints


def _spaced(title: str) -> str:
    return r"[ \u3000]*".join(re.escape(c) for c in title)


def inline_headers(lines: list[Line]) -> list[tuple[Line, re.Match]]:
    """The running headers printed inside lines: each a page number set off by a space beside a title that the
    source gives elsewhere (a short line of its own, or a book title in 《》), two or more of them on
    consecutive pages."""
    bare = {id(ln): re.sub(r"[\s\u3000]", "", ln.text) for ln in lines}
    titles = {
        bare[id(ln)]
        for ln in lines
        if 4 <= len(bare[id(ln)]) <= MAX_RUNNING_TITLE and not RE_SENTENCE_MARK.search(ln.text)
    }
    for ln in lines:
        titles.update(t for t in RE_BOOK_TITLE.findall(ln.text) if len(t) >= 4)
    titles = {t for t in titles if not t.isdigit()}
    if not titles:
        return []
    alt = "|".join(_spaced(t) for t in sorted(titles, key=len, reverse=True))
    pattern = re.compile(
        rf"[ \u3000]*(?:(?<!\d)(?P<p1>\d{{1,4}})[ \u3000]+(?:{alt})|(?:{alt})[ \u3000]+(?P<p2>\d{{1,4}})(?!\d))[ \u3000]*"
    )
    found = []
    for ln in lines:
        if bare[id(ln)] in titles:
            continue
        found.extend((ln, m) for m in pattern.finditer(ln.text))
    pages = {int(m.group("p1") or m.group("p2")) for _, m in found}
    if len(found) < 2 or not any(p + 1 in pages for p in pages):
        return []
    return found
