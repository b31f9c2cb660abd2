"""Benchmarks run from the command line: `python -m assistant bench ...`."""
