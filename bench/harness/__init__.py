"""The `make bench` harness (bench/run.py); not a benchmark script itself."""
