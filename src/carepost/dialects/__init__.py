"""The four partner APIs. Each translates its contract to and from the core."""
