"""Enrich: pure functions that add to articles without changing what earlier stages made (topics, script conversion)."""
