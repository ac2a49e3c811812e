"""Topics and keywords: the bilingual taxonomy, topic assignment, TF-IDF keywords, related articles."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from wenku import editorial
from wenku.model import Article
from wenku.segment import keyword_tokenizer
from wenku.textutil import CJK

MAX_TOPICS = 4
STOPWORDS = set(
    """
我们 他们 以及 进一步 一是 二是 三是 四是 加快 推动 推进 加强 提升 发展 建设 实现 形成 构建 打造 坚持 重要 不断 更加 通过
需要 能够 已经 当前 目前 同时 一方面 另一方面 方面 问题 作用 工作 领域 体系 机制 能力 水平 方式 过程 基础 核心 关键 全面
有效 积极 深入 持续 充分 相关 进行 提供 支持 完善 健全 强化 促进 提高 着力 围绕 依托 其中 这些 这一 一个 一批 各类 各地
""".split()
)


@dataclass(frozen=True)
class Topic:
    """One topic of the taxonomy."""

    id: str
    zh: str
    en: str
    description_zh: str
    description_en: str
    keywords: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_zh


def taxonomy() -> tuple[Topic, ...]:
    """The topics of sources/topics.yml as the file is now, in file order."""
    return _taxonomy(*editorial.read(editorial.TOPICS))


@functools.lru_cache(maxsize=2)
def _taxonomy(where: str, text: str) -> tuple[Topic, ...]:
    rows = editorial.parse(where, text)
    return tuple(
        Topic(r["id"], r["zh"], r["en"], r["description_zh"], r["description_en"], tuple(r["keywords"])) for r in rows
    )


def topic_ids() -> set[str]:
    return {t.id for t in taxonomy()}


def article_text(art: Article) -> str:
    """The words of an article that count for topics: title (twice), summary and body."""
    body = "".join(
        b.text + "".join(str(i) for i in b.items if isinstance(i, str))
        for b in art.blocks
        if b.kind in ("p", "h2", "h3", "list", "box")
    )
    return (art.title or "") * 2 + (art.summary or "") + body


def _count(text: str, keyword: str) -> int:
    if re.fullmatch(r"[A-Za-z0-9+]+", keyword):
        return len(re.findall(rf"(?<![A-Za-z]){re.escape(keyword)}(?![A-Za-z])", text))
    return text.count(keyword)


def _keyword_counts(text: str, keywords: tuple[str, ...], keywords_key: str, cache: _UsedKeys) -> dict[str, int]:
    """How often each taxonomy keyword occurs in text (those that occur), cached by content and keywords."""
    key = "keywords:" + hashlib.sha1(text.encode("utf-8")).hexdigest() + keywords_key
    if key not in cache:
        cache[key] = {k: c for k in keywords if (c := _count(text, k))}
    return cache[key]


class _UsedKeys:
    """A cache seen through the keys one call reads or writes, so that what it did not use can be dropped."""

    def __init__(self, store: dict) -> None:
        self.store = store
        self.used: set[str] = set()

    def __contains__(self, key: str) -> bool:
        self.used.add(key)
        return key in self.store

    def __getitem__(self, key: str):
        self.used.add(key)
        return self.store[key]

    def __setitem__(self, key: str, value) -> None:
        self.used.add(key)
        self.store[key] = value


def assign_topics(articles: Sequence[Article], token_cache: dict[str, Counter] | None = None) -> list[Article]:
    """New articles with 1-4 topics (unless an editor set them), 6 TF-IDF keywords (unless an editor set them)
    and the topic scores; the articles given are left as they are.

    token_cache: jieba word counts by text hash, kept by a Build between rebuilds; it also keeps each
    text's counts of the taxonomy's keywords (keys starting "keywords:"), so that a rebuild counts again
    only the texts that changed. The articles are the whole corpus: entries of texts no longer in it (edited
    since) are dropped, so a long `mkdocs serve` does not grow the cache with every edit."""
    texts = [article_text(a) for a in articles]
    n = len(articles)
    topics = taxonomy()
    cache = _UsedKeys({} if token_cache is None else token_cache)
    keywords = tuple(dict.fromkeys(k for t in topics for k in t.keywords))
    keywords_key = hashlib.sha1("\n".join(keywords).encode("utf-8")).hexdigest()[:12]
    counts = [_keyword_counts(text, keywords, keywords_key, cache) for text in texts]
    df = Counter()
    for found in counts:
        for kw in found:
            df[kw] += 1
    found_keywords = _keywords(texts, cache, topics)
    out = []
    for art, text, found, best_words in zip(articles, texts, counts, found_keywords, strict=True):
        length = max(len(text), 200)
        scores = {}
        for t in topics:
            s = sum(found.get(k, 0) * math.log(1 + n / (1 + df[k])) for k in t.keywords)
            scores[t.id] = 1000 * s / length
        chosen = art.topics or _chosen(scores)  # an editor's choice wins
        out.append(
            dataclasses.replace(
                art,
                topic_scores={k: round(v, 2) for k, v in scores.items() if v},
                topics=chosen,
                keywords=art.keywords or best_words,
            )
        )
    for key in [k for k in cache.store if k not in cache.used]:
        del cache.store[key]  # counts of texts edited or removed since
    return out


def _chosen(scores: dict[str, float]) -> list[str]:
    """The best topics by score: those within 40% of the best (and at least 1.0), at most MAX_TOPICS; the best
    one if none scores."""
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best = ranked[0][1]
    chosen = [tid for tid, s in ranked if s > 0 and s >= max(0.4 * best, 1.0)][:MAX_TOPICS]
    return chosen or [ranked[0][0]]


def _token_counts(text: str, cache: _UsedKeys, words: tuple[str, ...], words_key: str) -> Counter:
    """Counts of jieba words (two or more characters, not stopwords) in text, cached by content and by the
    taxonomy's keywords (whole words here: words, hashed as words_key)."""
    key = hashlib.sha1(text.encode("utf-8")).hexdigest() + words_key
    if key not in cache:
        toks = keyword_tokenizer(words).cut(text, HMM=False)
        cache[key] = Counter(t for t in toks if len(t) >= 2 and re.match(f"^[{CJK}]", t) and t not in STOPWORDS)
    return cache[key]


def _keywords(texts: list[str], cache: _UsedKeys, topics: tuple[Topic, ...]) -> list[list[str]]:
    """Six TF-IDF keywords per text from jieba tokens (dictionary words of two or more characters)."""
    words = tuple(k for t in topics for k in t.keywords)
    words_key = hashlib.sha1("\n".join(words).encode("utf-8")).hexdigest()[:12]
    docs = [_token_counts(text, cache, words, words_key) for text in texts]
    df = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    out = []
    for d in docs:
        total = sum(d.values()) or 1
        scored = sorted(
            ((c / total) * math.log((1 + n) / (1 + df[w])) * (1 + 0.2 * (len(w) > 2)), w) for w, c in d.items()
        )
        out.append([w for _, w in reversed(scored[-6:])])
    return out


def related(articles: list[Article], k: int = 5) -> dict[str, list[str]]:
    """For each article, up to k others sharing topics and keywords (best first, stable order).

    Score: 2 per shared topic + 1 per shared keyword. Articles are found through an inverted index of
    topics and keywords, so the cost grows with the articles that share something, not with all pairs
    (5,000 articles: 25 million pairs took a minute)."""
    by_topic: dict[str, list[int]] = defaultdict(list)
    by_keyword: dict[str, list[int]] = defaultdict(list)
    features = []
    for i, a in enumerate(articles):
        ta, ka = set(a.topics), set(a.keywords)
        features.append((ta, ka))
        for t in ta:
            by_topic[t].append(i)
        for w in ka:
            by_keyword[w].append(i)
    out: dict[str, list[str]] = {}
    for i, a in enumerate(articles):
        ta, ka = features[i]
        score: Counter = Counter()
        for t in ta:
            for j in by_topic[t]:
                score[j] += 2
        for w in ka:
            for j in by_keyword[w]:
                score[j] += 1
        score.pop(i, None)
        best = heapq.nsmallest(k, ((-s, articles[j].slug) for j, s in score.items() if s > 0))
        out[a.slug] = [slug for _, slug in best]
    return out
