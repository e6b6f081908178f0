"""The operator API (/api/ops/v1/…): the supplier's staff move orders through the factory."""
