"""Search: the static search files written after the build (sharded posting lists, excerpts, the worker)."""
