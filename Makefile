# Digital China Reader: `make serve` to read the site locally, `make test` to check everything.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast check lint clean bench lock

$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=python3)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The preview builds the Simplified edition only and renders only changed pages (--dirty);
# `make serve EDITIONS=all` (or EDITIONS=zh,en) builds more. `make build` always builds every edition.
EDITIONS ?= zh
serve: $(STAMP)
	WENKU_EDITIONS=$(EDITIONS) $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/wenku check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite runs on TEST_JOBS pytest-xdist workers (`make test TEST_JOBS=1` for one process, `auto` for one
# per core); --dist loadfile keeps each file on one worker, so a module's own build is made once (the shared
# site is built once per run: see tests/conftest.py). --no-loadscope-reorder keeps the file order of
# tests/conftest.py (FIRST: the long files first, so that the workers end together).
TEST_JOBS ?= 2
PYTEST_XDIST = -n $(TEST_JOBS) --dist loadfile --no-loadscope-reorder

# (`wenku check` of this project is a test: tests/test_safety.py::test_the_project_itself_passes, on a worker.)
test: $(STAMP) lint
	bash .ci/system-deps
	$(BIN)/python -m pytest $(PYTEST_XDIST)

# The inner loop: everything but the real site builds, `mkdocs serve` and the browser.
test-fast: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_XDIST) -m "not slow" -q

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -r bench/requirements.txt
	$(BIN)/python bench/run.py

clean:
	rm -rf site .build .pytest_cache

# Re-make the lock (requirements.txt, with hashes) from requirements.in after changing a requirement there.
# Versions already in the lock are kept unless requirements.in asks for others.
lock:
	test -x .build/lock-env/bin/pip-compile || { $(PYTHON) -m venv .build/lock-env && .build/lock-env/bin/python -m pip install --quiet pip-tools==7.6.2; }
	.build/lock-env/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-trusted-host --no-emit-find-links -o requirements.txt requirements.in
