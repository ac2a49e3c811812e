"""Material's search plugin, kept for its interface, without the index work our worker does not use.

Material's search plugin (material/plugins/search/plugin.py) splits every page into sections in
`on_page_context` and, when jieba is installed, segments all their Han text (jieba.cut on every run of
Han characters, joined with zero-width spaces) for its lunr index: about a fifth of a build, plus a third
load of jieba's dictionary. Our index (searchshards.py) reads the sections' text but drops the
zero-width spaces (`plain_text`) and indexes characters and pairs of characters, so the segmentation is
work nobody uses. `quiet_segmentation` turns it off the way Material itself runs without jieba installed;
the sections, their titles and text are the same, and so is every file our index writes.
"""

from __future__ import annotations

from material.plugins.search import plugin


def quiet_segmentation() -> bool:
    """Stop Material's search plugin from segmenting Chinese; True when it was on."""
    was_on = getattr(plugin, "jieba", None) is not None
    plugin.jieba = None
    return was_on
