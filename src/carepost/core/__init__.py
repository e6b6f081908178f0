"""The domain: knows no HTTP, no dialect and no adapter (enforced by import-linter)."""
