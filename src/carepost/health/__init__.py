"""Liveness, readiness and Prometheus metrics: what an orchestrator and a monitor ask."""
