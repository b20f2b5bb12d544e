"""Scale benchmark: generated meetings at 100 / 1k / 10k; see benchmarks/scale/README.md."""
