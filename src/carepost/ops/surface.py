"""Where the operator API answers, and how its errors look."""

from carepost.dialects._shared.surfaces import Surface
from carepost.dialects._shared.openapi import Documentation
from carepost.ops import errors, shapes

SURFACE = Surface(
    dialect="ops",
    prefixes=("/api/ops/v1/",),
    render=errors.render,
    max_body_bytes=64 * 1024,
    challenge='Bearer realm="operators"',
    documentation=Documentation(error=shapes.OpsError, security={"OperatorBearer": {"type": "http", "scheme": "bearer"}}),
)
