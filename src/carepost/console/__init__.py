"""The operator console: server-rendered pages under /console over the core's services."""
