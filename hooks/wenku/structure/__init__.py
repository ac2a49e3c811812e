"""Structure: repaired lines to articles (how a source bundles articles: compilation, slides, newspaper page; bylines, author notes, names)."""
