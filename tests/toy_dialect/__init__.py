"""A test-only fifth dialect, written as docs/adding-a-dialect.md says, with no file outside
this package: a parcel service whose orders are prepared and handed over. Registering it
(`carepost.flows.register(DIALECT)`) must give it the console, the operator API, the CLI
and signed webhooks (tests/flows/test_toy_dialect.py)."""
