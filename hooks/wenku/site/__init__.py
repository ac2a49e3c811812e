"""Site: articles to Markdown pages and the rendered-HTML checks (page kinds, citations, provenance, language marks,
safety), and the translation desk (translation files are pages)."""
