"""Every registered dialect declares every part a flow needs, and the app-wide modules name
no flow: whatever branches on flows reads the registry (carepost/flows.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from carepost import flows
from carepost.core.flows.spec import STATUS, Track
from carepost.core.webhooks import types

SRC = Path(__file__).resolve().parents[2] / "src" / "carepost"
# The modules that iterate flows; none may spell one's name (tests/flows, docs/adding-a-dialect.md).
FLOW_BLIND = [SRC / "ops", SRC / "console", SRC / "cli", SRC / "worker.py", SRC / "app.py"]


@pytest.mark.parametrize("dialect", flows.dialects(), ids=lambda d: d.name)
def test_each_dialect_declares_every_part(dialect) -> None:
    flow = dialect.flow
    assert flow.lifecycle.flow == flow.name and flow.title and flow.colour.startswith("#")
    assert dialect.routers and dialect.surfaces and callable(dialect.renderer)
    assert all(surface.dialect == dialect.name for surface in dialect.surfaces)
    declared = {action.name for action in flow.actions}
    in_table = {action for _, action in flow.lifecycle.transitions}
    assert in_table <= declared, f"{flow.name}: moves of its table with no declared action: {in_table - declared}"
    for action in flow.actions:
        if action.track == STATUS:
            assert action.name in in_table, f"{flow.name}.{action.name} moves the status, but its table has no such move"
        elif isinstance(action.track, Track):
            assert action.name in {a for _, a in action.track.lifecycle.transitions}
        assert action.label and action.event != action.name, f"{flow.name}.{action.name}: an event is named in the past tense"
        assert action.webhook is None or action.webhook in types.TYPES
    assert flow.operator_actions, f"{flow.name}: operators can do nothing with its orders"
    assert dialect.worker_handlers is None or callable(dialect.worker_handlers)  # declared either way (no default)
    section = dialect.tenant
    assert section is not None and section.apply_account is not None, f"{dialect.name}: no part in the tenant file"
    assert section.tenant_fields or section.account_fields


def test_dialect_and_flow_names_are_unique() -> None:
    names = [d.name for d in flows.dialects()]
    assert len(names) == len(set(names)) == len({d.flow.name for d in flows.dialects()})


def test_the_app_wide_modules_name_no_flow() -> None:
    names = {n for d in flows.dialects() for n in (d.name, d.flow.name)}
    found = []
    for root in FLOW_BLIND:
        for path in [root] if root.is_file() else sorted(root.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Constant) and node.value in names:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno}: {node.value!r}")
    for template in sorted((SRC / "console" / "templates").glob("*.html")):  # a test on a flow's name
        text = template.read_text()
        found += [f"{template.name}: {name!r}" for name in names if re.search(rf'(==|!=)\s*"{name}"|"{name}"\s+(not\s+)?in\b', text)]
    assert found == []
