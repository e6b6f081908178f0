"""What each flow is, declared once by the flow itself (its `flow.py`), and the registry
everything that iterates or branches on flows reads: the console, the operator API, the
CLI, the overview, webhook types. The app-wide half (routers, surfaces, webhook renderers,
worker handlers, tenant-file sections) is in `carepost/flows.py`, which registers both."""
