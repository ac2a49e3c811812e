"""Enrich: pure steps over the articles that structure made, each returning new sources or articles and never
changing what it is given (the cleaned results are cached between rebuilds). wenku.corpus.enrich_corpus
composes them: slugs (assign_slugs; slugify, name_pinyin), then overrides (apply_overrides, from the
sidecars), then topics (assign_topics: topics, scores, keywords; related)."""
