# The two commands of the README:
#   pip install . && newsents seeds/     install, then parse the seeds
#   make test                            install, then run every test (Rust and Python)
PYTHON ?= python3

.PHONY: install test test-rust test-python bench

install:
	$(PYTHON) -m pip install ".[test]"

test: install test-rust test-python

test-rust:
	cargo test --locked

test-python:
	$(PYTHON) -m pytest

bench:
	$(PYTHON) -m pip install -r bench/requirements.txt
	$(PYTHON) bench/bench_parse.py
