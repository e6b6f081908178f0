"""`carepost demo`: a sandbox with a demo tenant on embedded SQLite."""
