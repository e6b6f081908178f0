"""The benchmark harness (not part of the test suite or CI): see README.md."""
