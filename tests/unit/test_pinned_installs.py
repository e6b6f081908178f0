"""Every dependency pyproject.toml names is pinned in constraints.txt, so a fresh
clone installs exactly what was tested (bin/lock re-resolves it)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    """A project's name as PEP 503 normalizes it (`fhir.resources` is pinned as `fhir-resources`)."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]).lower()


def test_every_declared_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {_name(r) for r in project["dependencies"]} | {_name(r) for extra in project["optional-dependencies"].values() for r in extra}
    declared -= {project["name"]}  # an extra that takes in another (`carepost[test]`) names the project itself
    pinned = {
        line.split("==")[0].strip().lower()
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }

    assert declared - pinned == set()
