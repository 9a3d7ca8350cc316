# The two commands of the README:
#   pip install . && newsents seeds/     install, then parse the seeds
#   make test                            install, then run every test (Rust and Python)
PYTHON ?= python3

.PHONY: install test test-rust test-python bench

install:
	$(PYTHON) -m pip install ".[test]"

test: install test-rust test-python

# The vendored crates' own tests run optimised: the trafilatura port's take
# two minutes unoptimised, seven seconds optimised.
test-rust:
	cargo test --locked
	cargo test --locked --release --lib -p trafilatura -p html5ever

test-python:
	$(PYTHON) -m pytest

bench:
	$(PYTHON) -m pip install -r bench/requirements.txt
	$(PYTHON) bench/bench_parse.py
