"""Spoken text written down: a timestamped transcript (a livestream, a recorded talk) and a speech. One
article each.

- **transcript** (``transcript_shape``): turns that open with a timestamp and a speaker's label
  (``[00:01:15] 名：…``). The speakers are the labels of the timestamped turns; the timestamps are taken off
  each turn (reported); a short line between turns that is no turn (a bracketed label, or a label that is no
  speaker's: viewers' comments, a giveaway) is not text, nor are the short lines after the last turn (a
  note on the transcription, a call to follow). Above the first turn: the title (the longest plain line), a
  credit naming the transcriber (data/kinds.yml: the author), the rest page furniture.
- **speech** (``speech_shape``): a title, then a dashed subtitle naming the occasion (``——在…上的讲话``),
  the speaker's office and name, a date in brackets, and a salutation alone on its line (``同志们：``) where
  the speech starts. The speaker is the author; the subtitle is kept as the article's summary; a bracketed
  note after the last paragraph (``（根据录音整理）``) is not text.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field

from wenku import DATA_DIR
from wenku.metadata import date_text, load_data_file
from wenku.model import Article, Block, Change, Line
from wenku.structure.compilation import _blocks
from wenku.structure.names import is_person_name
from wenku.structure.restored import removed_prefix
from wenku.structure.units import Unit, heading_like, join_adjacent
from wenku.textutil import CJK, ends_sentence

RE_TIMESTAMP = re.compile(r"^[\[【(（]?\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*[\]】)）]?\s*")
RE_SPEAKER_STAMP = re.compile(
    r"^(?P<label>[^\s：:，。！？、“”\[\]【】()（）]{1,12})[\s\u3000]+(?P<stamp>[\[【(（]?\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s*[\]】)）]?)$"
)
RE_LABEL = re.compile(r"^(?P<label>[^\s：:，。！？、“”]{1,12})\s*[：:]\s*(?P<rest>\S.*)$")
RE_BRACKET_LABEL = re.compile(r"^[【\[〔][^】\]〕]{1,8}[】\]〕]")
RE_CREDIT = re.compile(r"^(?P<label>[^：:]{1,8})\s*[：:]\s*(?P<names>.+)$")
RE_DASHED = re.compile(r"^[—\-－─]{1,2}\s*(?P<text>\S.*)$")
RE_BRACKETED = re.compile(r"^[（(](?P<text>[^（()）]+)[）)]$")
RE_DATE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d-\d{1,2}-\d{1,2}")
RE_SALUTATION = re.compile(rf"^[{CJK}、，·\s]{{2,16}}[：:]$")
RE_NAME = re.compile(rf"^[{CJK}·]{{2,4}}$")  # after a transcriber's label: the label vouches for the name
MIN_TURNS = 3
MAX_ASIDE = 60  # characters: a comment or giveaway between turns is short
MAX_TAIL = 40


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    data = load_data_file(os.path.join(DATA_DIR, "kinds.yml"))
    return {
        "transcriber": [str(w) for w in data["transcript"]["transcriber"]],
        "occasions": [str(w) for w in data["speech"]["occasions"]],
        "labels": [str(w) for w in data["transcript"].get("labels", [])],
    }


@dataclass
class Shape:
    evidence: str
    turns: list[int] = field(default_factory=list)  # indexes of the turn lines (transcript)
    start: int = 0  # index of the first line of text (speech: the salutation)
    speakers: frozenset[str] = frozenset()  # the speakers' labels of a transcript without timestamps


def _texts(lines: list[Line], removed: list[Change] | None = None) -> list[Line]:
    """The non-blank lines, each turn with the timestamp the cleaning took off its start put back (the
    timestamps are the transcript's evidence; the splitter does not report them twice: ``_cleaned_stamps``)."""
    stamps = _cleaned_stamps(removed)
    return [
        Line(ln.number, f"{stamps[ln.number]} {ln.text.strip()}")
        if ln.number in stamps and not RE_TIMESTAMP.match(ln.text.strip())
        else ln
        for ln in lines
        if ln.text.strip()
    ]


def _cleaned_stamps(removed: list[Change] | None) -> dict[int, str]:
    """Line number -> the timestamp the cleaning removed from the start of that line."""
    return removed_prefix(removed, "remove_timestamp", RE_TIMESTAMP)


UNTIMED_SHARE = 0.6  # of the lines under a transcriber's credit that are speakers' turns, without timestamps
MAX_LABEL = 6  # characters of a speaker's label (名, 主持人, 嘉宾甲)


def _untimed(rows: list[Line]) -> Shape | None:
    """A transcript without timestamps: a transcriber's credit (整理：名) above the first turn, then turns
    that open with a speaker's label (名：…), at least MIN_TURNS by two or more speakers of whom one at
    least is named, making most of the lines. An interview signed by its reporter (问：/答：) has no
    transcriber's credit: it stays an article of its page."""
    credit = next(
        (k for k, ln in enumerate(rows[:MAX_HEAD_CREDIT]) if _credit(ln.text, vocabulary()["transcriber"])), None
    )
    if credit is None:
        return None
    turns, labels = [], []
    for k in range(credit + 1, len(rows)):
        lab = RE_LABEL.match(rows[k].text.strip())
        if lab and re.fullmatch(rf"[{CJK}·]{{1,{MAX_LABEL}}}", lab.group("label")):
            turns.append(k)
            labels.append(lab.group("label"))
    after = len(rows) - credit - 1
    speakers = frozenset(labels)
    if (
        len(turns) < MIN_TURNS
        or turns[0] > credit + 2
        or len(speakers) < 2
        or not any(is_person_name(n) for n in speakers)
        or len(turns) < UNTIMED_SHARE * after
    ):
        return None
    return Shape(
        f"{len(turns)} turns opening with a speaker's label ({len(speakers)} speakers, no timestamps) under a "
        "transcriber's credit",
        turns,
        speakers=speakers,
    )


MAX_HEAD_CREDIT = 4  # the transcriber's credit is among the first lines


def transcript_shape(lines: list[Line], removed: list[Change] | None = None) -> Shape | None:
    """Three or more turns opening with a timestamp and a speaker's label, in time order; or, without
    timestamps, turns under a transcriber's credit (``_untimed``)."""
    rows = _texts(lines, removed)
    turns = [k for k, ln in enumerate(rows) if _turn(ln.text)]
    if len(turns) < MIN_TURNS:
        return _untimed(rows) if not turns else None
    stamps = [_seconds(_stamp(rows[k].text)) for k in turns]
    if stamps != sorted(stamps):
        return None
    speakers = {_turn(rows[k].text)[0] for k in turns}
    if len(speakers) == 1:  # one voice (a livestream's host) or a log quoted in an article: the turns must
        # be the text, not a few stamped lines among its paragraphs
        spoken = sum(len(rows[k].text.strip()) for k in turns)
        if spoken < 0.5 * sum(len(ln.text.strip()) for ln in rows):
            return None
    return Shape(f"{len(turns)} turns opening with a timestamp and a speaker's label ({len(speakers)} speakers)", turns)


def _turn(text: str) -> tuple[str, str] | None:
    """(speaker, words) for a line that opens with a timestamp and a speaker's label; (speaker, "") for a
    speaker's label with the timestamp after it alone on a line (发言人1　00:03:15), the words below it."""
    t = text.strip()
    header = RE_SPEAKER_STAMP.match(t)
    if header:
        return header.group("label"), ""
    m = RE_TIMESTAMP.match(t)
    if not m or not re.search(r"\d:\d", m.group(0)):
        return None
    rest = t[m.end() :]
    if re.match(r"[-–—~～至到]", rest):  # 09:00-09:20: a time range (an agenda), not a turn's timestamp
        return None
    lab = RE_LABEL.match(rest)
    if not lab or not re.search(rf"[{CJK}A-Za-z]", lab.group("label")):
        return None
    return lab.group("label"), rest


def _stamp(text: str) -> str:
    """The timestamp of a turn's line (before the label, or after it on a speaker's line)."""
    t = text.strip()
    header = RE_SPEAKER_STAMP.match(t)
    return header.group("stamp") if header else RE_TIMESTAMP.match(t).group(0)


def _seconds(stamp: str) -> int:
    parts = [int(p) for p in re.findall(r"\d+", stamp)]
    total = 0
    for p in parts:
        total = total * 60 + p
    return total


def _credit(text: str, labels: list[str]) -> list[str] | None:
    m = RE_CREDIT.match(text.strip())
    if not m or re.sub(r"[\s\u3000]", "", m.group("label")) not in labels:
        return None
    names = [n for n in re.split(r"[\s\u3000、，,]+", m.group("names").strip()) if n]
    return names if names and all(RE_NAME.match(n) for n in names) else None


def _title(head: list[Line]) -> Line | None:
    plain = [ln for ln in head if not re.search(r"[\d|｜：:]", ln.text) and not ends_sentence(ln.text.rstrip("？?"))]
    if not plain:  # a title under a column label (直播回放｜…) or with a number in it, but no date, time or label
        plain = [
            ln
            for ln in head
            if not re.search(r"[：:]|\d:\d|(?:19|20)\d\d[-./]\d", ln.text) and not ends_sentence(ln.text.rstrip("？?"))
        ]
    return max(plain, key=lambda ln: len(ln.text.strip()), default=None)


def _title_text(text: str) -> str:
    """A title without the label of the recording before it (直播回放｜…: data/kinds.yml, transcript.labels);
    a genre word that is part of the headline (对话｜…, 访谈｜…) stays."""
    m = re.match(r"^(?P<label>[^|｜]{1,6})\s*[|｜]\s*(?P<rest>\S.{3,})$", text.strip())
    if m and m.group("label").strip() in vocabulary()["labels"]:
        return m.group("rest").strip()
    return text.strip()


def split_transcript(
    lines: list[Line], removed: list[Change] | None = None
) -> tuple[list[Article], list[Change], dict]:
    rows = _texts(lines, removed)
    shape = transcript_shape(lines, removed)
    reported = set(_cleaned_stamps(removed))  # timestamps the cleaning's report holds already
    report: list[Change] = []
    art = Article(source="")
    if shape is None:  # stated by a sidecar without the shape: every line is text
        art.blocks = [Block("p", ln.text.strip(), [ln.number]) for ln in _texts(lines)]
    else:
        first, last = shape.turns[0], shape.turns[-1]
        head = rows[:first]
        title = _title(head)
        for ln in head:
            names = _credit(ln.text, vocabulary()["transcriber"])
            if ln is title:
                art.title = _title_text(ln.text)
                report.append(Change("extract_title", ln.number, ln.text, "", "the transcript's title"))
            elif names:
                art.authors += names
                report.append(Change("extract_byline", ln.number, ln.text, "", "the transcriber: the author"))
            else:
                date = RE_DATE.search(ln.text)
                art.date = art.date or (_iso(date.group(0)) if date else None)
                report.append(
                    Change("remove_transcript_head", ln.number, ln.text, "", "page furniture above the transcript")
                )
        if shape.speakers:  # no timestamps: each turn is its line as printed
            speakers = set(shape.speakers)
            below = False
        else:
            speakers = {_turn(rows[k].text)[0] for k in shape.turns}
            below = any(not _turn(rows[k].text)[1] for k in shape.turns)  # words on the lines under the label
        units: list[Unit] = []
        for k in range(first, len(rows)):
            ln = rows[k]
            t = ln.text.strip()
            turn = _turn(t)
            if turn and not turn[1]:  # the speaker's line: the words follow on the lines below
                if ln.number not in reported:
                    report.append(Change("remove_timestamp", ln.number, _stamp(t).strip(), "", "timestamp of a turn"))
                units.append(Unit("speaker", turn[0], [ln.number], {"name": turn[0]}))
                continue
            if turn:
                if ln.number not in reported:
                    report.append(
                        Change("remove_timestamp", ln.number, _stamp(t).strip(), "", "timestamp opening a turn")
                    )
                units.append(Unit("para", turn[1], [ln.number]))
                continue
            lab = RE_LABEL.match(t)
            aside = len(t) <= MAX_ASIDE and (RE_BRACKET_LABEL.match(t) or (lab and lab.group("label") not in speakers))
            if below:  # words under a speaker's line: only a bracketed aside is not a turn's
                aside = len(t) <= MAX_ASIDE and bool(RE_BRACKET_LABEL.match(t))
            if k > last and len(t) <= MAX_TAIL and not below:
                report.append(
                    Change("remove_transcript_tail", ln.number, t, "", "a short line after the last turn: not a turn")
                )
            elif aside:
                report.append(
                    Change(
                        "remove_transcript_aside", ln.number, t, "", "a line between turns that is no speaker's turn"
                    )
                )
            else:
                units.append(Unit("para", t, [ln.number]))
        art.blocks = _blocks(units)
    numbers = [ln.number for ln in rows]
    art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return [art], report, {}


def speech_shape(lines: list[Line], removed: list[Change] | None = None) -> Shape | None:
    """A dashed subtitle naming the occasion near the top, then a salutation alone on its line."""
    rows = _texts(lines)
    occasions = vocabulary()["occasions"]
    sub = next(
        (
            k
            for k, ln in enumerate(rows[:4])
            if (RE_DASHED.match(ln.text.strip()) or _bracketed_occasion(ln.text))
            and ln.text.strip().rstrip("）)").endswith(tuple(occasions))
        ),
        None,
    )
    if sub is None:
        return None
    hail = next((k for k in range(sub + 1, min(len(rows), sub + 6)) if RE_SALUTATION.match(rows[k].text.strip())), None)
    how = "a dashed subtitle naming the occasion, then a salutation alone on its line"
    if hail is None:  # printed without the salutation: the speech starts at the first sentence under a
        # short head (the speaker, the date in brackets), none of whose lines is a sentence
        hail = next((k for k in range(sub + 1, min(len(rows), sub + 5)) if _sentence(rows[k].text)), None)
        if hail is None or any(len(rows[k].text.strip()) > MAX_TAIL for k in range(sub + 1, hail)):
            return None
        how = "a dashed subtitle naming the occasion over a short head (speaker, date), then the text"
    body = rows[hail + 1 :]
    if sum(1 for ln in body if ends_sentence(ln.text) and len(ln.text) > 20) < 2:
        return None
    return Shape(how, start=hail)


def _bracketed_occasion(text: str) -> bool:
    """The occasion in brackets under the title instead of a dashed subtitle: （在…上的讲话）."""
    m = RE_BRACKETED.match(text.strip())
    return bool(m and m.group("text").startswith("在") and not ends_sentence(m.group("text")))


def _sentence(text: str) -> bool:
    return ends_sentence(text) and len(text.strip()) > 20


def split_speech(lines: list[Line], removed: list[Change] | None = None) -> tuple[list[Article], list[Change], dict]:
    rows = _texts(lines)
    shape = speech_shape(lines) or Shape("", start=0)
    report: list[Change] = []
    art = Article(source="")
    head, body = rows[: shape.start], rows[shape.start :]
    for k, ln in enumerate(head):
        t = ln.text.strip()
        dashed, bracketed = RE_DASHED.match(t), RE_BRACKETED.match(t)
        if bracketed and _bracketed_occasion(t) and k > 0:
            dashed = bracketed  # （在…上的讲话）: the subtitle, in brackets
        date = RE_DATE.search(t)
        if k == 0 and not dashed:
            art.title = t
            report.append(Change("extract_title", ln.number, t, "", "the speech's title: the first line"))
        elif dashed:
            art.subtitle = art.subtitle or dashed.group("text").strip()
            art.title_lines.append(ln.number)
            report.append(Change("extract_subtitle", ln.number, t, "", "the speech's subtitle (its occasion)"))
        elif bracketed and date:
            art.date = art.date or date_text(_iso(date.group(0)))
            report.append(Change("extract_date", ln.number, t, "", "the date the speech was given"))
        else:
            name = re.split(r"[\s\u3000]+", t)[-1]
            if is_person_name(name, words=False) and len(t) <= 40:
                art.authors.append(name)
                office = t[: -len(name)].strip()
                if office:
                    art.affiliations.append(office)
                report.append(Change("extract_byline", ln.number, t, "", "the speaker (office and name): the author"))
            else:
                report.append(Change("remove_speech_head", ln.number, t, "", "a line above the speech: not text"))
    # A bracketed note after the last paragraph (根据录音整理) is about the text, not in it: kept as a note,
    # shown apart from the speech (as an author's note is).
    notes = []
    while body and RE_BRACKETED.match(body[-1].text.strip()) and len(body[-1].text.strip()) <= MAX_TAIL:
        notes.insert(0, body.pop())
    units = [
        Unit(
            "heading" if heading_like(ln.text) and len(ln.text.strip()) <= 40 else "para", ln.text.strip(), [ln.number]
        )
        for ln in body
    ]
    units = join_adjacent(units, report)
    art.blocks = _blocks(units) + [Block("note", ln.text.strip(), [ln.number]) for ln in notes]
    numbers = [ln.number for ln in rows]
    art.line_span = (min(numbers), max(numbers)) if numbers else (0, 0)
    return [art], report, {}


def _iso(text: str) -> str:
    y, m, d = (int(x) for x in re.findall(r"\d+", text)[:3])
    return f"{y:04d}-{m:02d}-{d:02d}"
