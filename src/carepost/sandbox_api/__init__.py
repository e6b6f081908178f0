"""/api/sandbox/v1: Carepost's own extension for integrators, outside every supplier's namespace."""
