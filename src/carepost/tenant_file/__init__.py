"""The tenant setup file applied by `carepost load` (format: docs/tenant-file.md)."""
