"""Where the operator API answers, and how its errors look."""

from carepost.http.openapi import Documentation
from carepost.http.operators import OpsError
from carepost.http.surfaces import Surface
from carepost.ops import errors

SURFACE = Surface(
    dialect="ops",
    prefixes=("/api/ops/v1/",),
    render=errors.render,
    max_body_bytes=64 * 1024,
    challenge='Bearer realm="operators"',
    documentation=Documentation(
        error=OpsError, security={"OperatorBearer": {"type": "http", "scheme": "bearer", "description": "An operator token (carepost operators issue)."}}
    ),
)
