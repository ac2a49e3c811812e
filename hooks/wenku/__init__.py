"""wenku: the Digital China Reader pipeline.

Raw source text -> decode -> repair -> split into articles -> metadata -> Markdown.
Plain Python, no MkDocs imports: the MkDocs hooks in ``hooks/*.py`` call into it.
"""

# Bump when a change to the pipeline changes its output; cached results keyed on it are dropped.
PIPELINE_VERSION = "1"
