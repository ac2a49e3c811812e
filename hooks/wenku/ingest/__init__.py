"""Ingest: bytes to decoded, repaired text lines (encodings, mojibake, per-line repairs, repeated blocks, paragraph joins). Every change is reported."""
