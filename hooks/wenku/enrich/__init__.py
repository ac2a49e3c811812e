"""Enrich: functions over articles, on copies of what earlier stages made (slugs, topics)."""
