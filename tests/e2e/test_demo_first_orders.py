"""The README's demo command from a fresh clone, as a newcomer runs it: every `curl` it prints,
run as printed, answers 2xx; the manifest it names is there, private to its user."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.test_demo import _free_port

ROOT = Path(__file__).resolve().parents[2]
SETUP_SECONDS = 900  # bin/demo creates the clone's own .venv first


@pytest.mark.skipif(bool(os.environ.get("CAREPOST_TEST_DATABASE_URL")), reason="the demo runs on its embedded SQLite: once per CI run is enough")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs a git checkout to clone")
def test_every_first_order_the_demo_prints_succeeds_as_pasted(tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPOST_") and k != "VIRTUAL_ENV"}
    process = subprocess.Popen(
        ["bin/demo", "--port", str(port), "--data-dir", str(tmp_path / "data")],
        cwd=clone, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(process.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        _wait_until_ready(process, port, printed)
        blocks = _first_orders("".join(printed))
        assert [api for api, _ in blocks] == ["masks", "devices", "pharmacy", "cases"], "".join(printed)
        for api, commands in blocks:
            ran = subprocess.run(["bash", "-c", "set -euo pipefail\n" + "\n".join(commands)], capture_output=True, text=True, timeout=60)
            assert ran.returncode == 0, (api, ran.stderr)
            status = ran.stdout.strip().splitlines()[-1]
            assert status.isdigit() and 200 <= int(status) < 300, (api, ran.stdout)
        manifest = Path(re.search(r"^Manifest \(.*\): (.+)$", "".join(printed), re.M).group(1))
        assert manifest.is_file() and stat.S_IMODE(manifest.stat().st_mode) == 0o600
        _generate_a_client_from_the_running_demo(clone, port, tmp_path / "generated")
    finally:
        process.terminate()
        process.wait(timeout=30)


def _generate_a_client_from_the_running_demo(clone: Path, port: int, out: Path) -> None:
    """openapi-python-client on the running demo's /openapi.json: no warning (the script fails on
    one), one function per operation, and the very package checked in (which tests/clients drives)."""
    spec_url = f"http://127.0.0.1:{port}/openapi.json"
    ran = subprocess.run([str(clone / "clients/python/regenerate"), "--spec", spec_url, "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stderr[-3000:]
    operations = sum(len(methods) for methods in httpx.get(spec_url).json()["paths"].values())
    modules = [m for m in (out / "api").rglob("*.py") if m.name != "__init__.py"]
    functions = sum(m.read_text().count("\ndef sync_detailed(") for m in modules)
    assert len(modules) == functions == operations
    differences = subprocess.run(["diff", "-r", "-q", str(out), str(clone / "clients/python/carepost_client/generated")], capture_output=True, text=True)
    assert differences.returncode == 0, differences.stdout


def _wait_until_ready(process: subprocess.Popen[str], port: int, printed: list[str]) -> None:
    deadline = time.monotonic() + SETUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("bin/demo exited:\n" + "".join(printed))
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail("bin/demo did not answer in time:\n" + "".join(printed))


def _first_orders(output: str) -> list[tuple[str, list[str]]]:
    """(api, its shell lines) for each block under "A first order in each API"."""
    section = output.split("A first order in each API", 1)[1]
    blocks: list[tuple[str, list[str]]] = []
    for line in section.splitlines():
        if heading := re.match(r"^  (masks|devices|pharmacy|cases)  \[", line):
            blocks.append((heading.group(1), []))
        elif blocks and line.startswith(("  curl ", "  TOKEN=")):
            blocks[-1][1].append(line.strip())
    return blocks
