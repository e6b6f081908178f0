"""Debian's Chromium, driven by Playwright (which downloads no browser here); axe-core from
the npm registry (tests/browser/package-lock.json), injected into pages to check them.

.ci/run installs Chromium and bin/test installs axe-core; on a developer machine without
them the browser tests are skipped and say why. In CI a missing one is a failure."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="Chromium is not installed (apt-get install chromium; .ci/run does)"
)
needs_axe = pytest.mark.skipif(
    not AXE.exists() and not os.environ.get("CI"), reason="axe-core is not installed (npm ci --prefix tests/browser; bin/test does)"
)
# What the console is held to: WCAG 2.2 A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


async def serious_violations(page: Any) -> list[dict[str, Any]]:
    """What axe-core finds on the page as it is now, serious or critical only (the CSP allows no
    injected script tag; Playwright's evaluate runs beside it)."""
    await page.evaluate(AXE.read_text())
    found = await page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html.slice(0, 200))})))",
        AXE_TAGS,
    )
    return [v for v in found if v["impact"] in ("serious", "critical")]
