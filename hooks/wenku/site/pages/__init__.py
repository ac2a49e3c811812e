"""The generated pages, one module per kind of page (site/generate.py puts them together)."""
