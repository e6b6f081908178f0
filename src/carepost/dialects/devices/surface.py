"""Where the devices dialect answers, and how its errors look."""

from carepost.dialects.devices import errors, shapes
from carepost.dialects.devices.auth import devices_reader
from carepost.http.openapi import Documentation
from carepost.http.surfaces import Surface

# An order lists at most a few hundred lines; 256 KiB is far beyond any honest request.
SURFACE = Surface(
    dialect="devices",
    prefixes=("/api/v3/",),
    render=errors.render,
    max_body_bytes=256 * 1024,
    gate=devices_reader,
    challenge='ApiKey realm="devices" header="Impilo-API-Key"',
    documentation=Documentation(
        error=shapes.DevicesError,
        security={
            "ImpiloApiKey": {"type": "apiKey", "in": "header", "name": "Impilo-API-Key", "description": "The customer's API key (cpk_live_… or cpk_test_…)."}
        },
    ),
)
