"""Where an article page comes from: the files an editor changes, when they last changed (git), sharing text.

`last_changed` asks git once per build for the last commit date of every file under the given folders
(`git log --name-only`, newest first: the first date seen for a path is its last change). A page's
"last updated" is the newest of its files' dates: deterministic for a commit, never the build time, and
left out when git has no history for them (a copy of the project outside its repository, an uncommitted
new file).
"""

from __future__ import annotations

import html as htmlmod
import os
import re
import subprocess

from wenku.textutil import shorten


def last_changed(root: str, folders: tuple[str, ...] = ("sources", "docs"), first: bool = False) -> dict[str, str]:
    """{path relative to root: 'YYYY-MM-DD' of its last commit (first=True: of its first commit, the day it
    came to the site)}; {} without git or history."""
    try:
        out = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "log",
                "--format=%x01%cs",
                "--name-only",
                "--relative",
                *(["--reverse"] if first else []),
                "--",
                *folders,
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if out.returncode != 0:
        return {}
    dates: dict[str, str] = {}
    current = None
    for line in out.stdout.splitlines():
        if line.startswith("\x01"):
            current = line[1:].strip()
        elif line and current:
            dates.setdefault(line, current)
    return dates


def page_files(src_uri: str, meta: dict, docs_dir: str) -> list[str]:
    """The files (relative to the project root) an editor changes to change an article page, the one to
    edit first: the docs/ page for a hand-written article, a translation or an exported correction, else
    the source's sidecar and the source text. A Traditional page comes from its Simplified page."""
    rel = src_uri.replace(os.sep, "/")
    candidates = [rel]
    m = re.fullmatch(r"(.*)\.(zh-Hant|en)\.md", rel)
    if m and m.group(2) == "zh-Hant":
        candidates.append(f"{m.group(1)}.md")
    elif m and m.group(2) == "en" and not meta.get("source"):
        candidates.append(f"{m.group(1)}.md")  # the English page of a hand-written Chinese article
    for cand in candidates:
        if os.path.isfile(os.path.join(docs_dir, cand)):
            return [f"docs/{cand}"]
    source = str(meta.get("source") or "")
    if source and re.fullmatch(r"[^/\\]+", source) and source != "docs":
        stem = os.path.splitext(source)[0]
        return [f"sources/{stem}.yml", f"sources/{source}"]
    return []


def last_updated(files: list[str], dates: dict[str, str]) -> str | None:
    """The newest git date among the files, or None if git knows none of them."""
    known = [dates[f] for f in files if f in dates]
    return max(known) if known else None


def correction_link(repo_url: str | None, branch: str, path: str | None) -> str | None:
    """The repository's edit page of a file (GitHub style), or None when the repository is not known."""
    if not repo_url or not path:
        return None
    return f"{repo_url.rstrip('/')}/edit/{branch or 'main'}/{path}"


RE_PARA = re.compile(r'<p(?: id="p\d+")?>(.*?)</p>', re.S)  # plain paragraphs, numbered or not
RE_TAG = re.compile(r"<[^>]+>")


def first_paragraph(html: str, limit: int = 160) -> str:
    """The text of a page's first plain paragraph (not an admonition title or a note), shortened."""
    for m in RE_PARA.finditer(html or ""):
        text = " ".join(htmlmod.unescape(RE_TAG.sub("", m.group(1))).split())
        if len(text) >= 10:
            return shorten(text, limit)
    return ""


OG_LOCALE = {"zh": "zh_CN", "zh-Hant": "zh_TW", "en": "en_GB"}


def social(
    meta: dict, lang: str, url: str | None, content_html: str, site_name: str, site_description: str, page_title: str
) -> dict:
    """description and Open Graph values of a page: its summary, else its first paragraph, else the site's."""
    summary = meta.get("summary_en") if lang == "en" else meta.get("summary")
    description = shorten(" ".join(str(summary).split()), 160) if summary else first_paragraph(content_html)
    description = description or " ".join(str(site_description or "").split())
    return {
        "description": description,
        "og": [
            ("og:title", str(page_title or site_name)),
            ("og:description", description),
            ("og:type", "article" if meta.get("article") else "website"),
            ("og:url", url or ""),
            ("og:locale", OG_LOCALE.get(lang, "zh_CN")),
            ("og:site_name", str(site_name)),
        ]
        + [("og:locale:alternate", v) for k, v in OG_LOCALE.items() if k != lang],
    }
