"""Real implementations of the core's ports: stores, mail, webhooks, documents."""
