"""One search index per language edition, sharded for our search worker.

mkdocs-static-i18n writes one index for all languages (its issue #271: Chinese results on English
pages). Each edition gets its own `search/search_index.json` with locations relative to the edition's
root (`split_search_index`), which `searchshards.build_edition` then turns into the small files our
worker fetches; every page's Material configuration points search at the edition's root and at our
worker (`point_search_config`).
"""

from __future__ import annotations

import json
import os
import re
import shutil

from wenku.script import character_map
from wenku.search import searchshards

# Han characters and CJK punctuation: not English content, dropped from the English index.
RE_CJK_TEXT = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u200b“”‘’]+")


def split_search_index(site_dir: str, prefixes: list[str], index: dict | None = None) -> dict[str, dict]:
    """The merged index's entries per edition ('' is zh), with locations relative to the edition's root.

    index: Material's merged index (config and docs) if the caller holds it; else read from site_dir."""
    if index is None:
        path = os.path.join(site_dir, "search", "search_index.json")
        if not os.path.exists(path):
            return {}
        with open(path, encoding="utf-8") as fh:
            index = json.load(fh)
    buckets: dict[str, list] = {"": []}
    for p in prefixes:
        buckets[p] = []
    for doc in index["docs"]:
        loc = doc["location"]
        owner = next((p for p in prefixes if loc == p or loc.startswith(p + "/")), "")
        if owner:
            doc = dict(doc, location=loc[len(owner) + 1 :] if loc != owner else "")
        if owner == "en":
            # English pages of untranslated articles carry the Chinese original: search only their English.
            doc = dict(
                doc,
                title=RE_CJK_TEXT.sub(" ", doc.get("title", "")).strip(),
                text=re.sub(r"\s{2,}", " ", RE_CJK_TEXT.sub(" ", doc.get("text", ""))).strip(),
            )
            if not doc["title"] and not doc["text"]:
                continue
        buckets[owner].append(doc)
    out = {}
    for prefix, docs in buckets.items():
        config = dict(index["config"], lang=["en"] if prefix == "en" else index["config"]["lang"])
        out[prefix] = {"config": config, "docs": docs}
    return out


def build_search(
    site_dir: str, prefixes: list[str], only: str | None = None, index: dict | None = None, stop=None
) -> dict[str, dict]:
    """Split the merged index per edition, then shard each edition's index; figures per edition.

    only: the one edition ('zh', 'en', 'zh-Hant') whose files to write (a process that built only it).
    index: the merged index in memory (a preview's), instead of site_dir/search/search_index.json.
    stop: a callable checked between steps; when it returns True, `searchshards.Stopped` is raised (a
    preview's background writer, cancelled by a newer build)."""
    editions = split_search_index(site_dir, prefixes, index)
    folds = {"": character_map("t2s"), "zh-Hant": character_map("s2t")}
    out = {}
    if only is not None and only != "zh" and os.path.exists(os.path.join(site_dir, "search", "search_index.json")):
        os.remove(os.path.join(site_dir, "search", "search_index.json"))  # Material's; the zh process writes ours
    for prefix in list(editions):
        edition = editions.pop(prefix)  # one edition's entries in memory at a time
        if only is not None and (prefix or "zh") != only:
            continue
        searchshards.check(stop)
        search_dir = os.path.join(site_dir, prefix, "search")
        path = f"{prefix}/search/" if prefix else "search/"
        out[prefix or "zh"] = searchshards.build_edition(
            search_dir, prefix or "zh", path, edition, folds.get(prefix), stop
        )
        if prefix:
            # Material's language script reads <base>/sitemap.xml; each edition root gets one.
            shutil.copyfile(os.path.join(site_dir, "sitemap.xml"), os.path.join(site_dir, prefix, "sitemap.xml"))
    return out


RE_CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')
RE_CONFIG_WORKER = re.compile(r'("search":\s*"[^"]*/workers/)[^"/]*(")')


def point_search_config(html_page: str, lang: str, worker_name: str) -> str:
    """A built page whose Material configuration searches its own edition's index with our worker."""
    start = html_page.find('<script id="__config"')
    if start < 0:
        return html_page
    end = html_page.find("</script>", start)
    block = RE_CONFIG_WORKER.sub(lambda m: m.group(1) + worker_name + m.group(2), html_page[start:end], count=1)
    if lang != "zh":
        block = RE_CONFIG_BASE.sub(
            lambda m: f"{m.group(1)}{m.group(2).rstrip('/')}/{lang}/{m.group(3)}", block, count=1
        )
    return html_page[:start] + block + html_page[end:]
