"""deploy/'s systemd units, as `systemd-analyze verify` reads them: no error, no warning (an
unknown key or a misspelt value is only a warning to systemd, and would be silently ignored).
The install path /opt/carepost/venv is the one thing changed, to this venv's `carepost`, which
verify checks is executable."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
INSTALLED = "/opt/carepost/venv/bin/carepost"


def _verify(directory: Path) -> subprocess.CompletedProcess[str]:
    units = sorted(str(path) for path in directory.glob("*.service"))
    return subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60)


def _copied(tmp_path: Path) -> Path:
    here = str(Path(sys.executable).parent / "carepost")
    for unit in DEPLOY.glob("*.service"):
        text = unit.read_text()
        assert INSTALLED in text, f"{unit.name} starts {INSTALLED}"
        (tmp_path / unit.name).write_text(text.replace(INSTALLED, here))
    return tmp_path


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze (Debian's systemd) is not installed")
def test_the_units_verify_without_a_warning(tmp_path):
    checked = _verify(_copied(tmp_path))

    assert sorted(p.name for p in tmp_path.glob("*.service")) == ["carepost-serve.service", "carepost-worker.service"]
    assert checked.returncode == 0 and checked.stdout + checked.stderr == "", checked.stdout + checked.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze (Debian's systemd) is not installed")
def test_a_misspelt_key_would_be_caught(tmp_path):
    unit = _copied(tmp_path) / "carepost-serve.service"
    unit.write_text(unit.read_text().replace("KillSignal=", "KilSignal="))

    checked = _verify(tmp_path)

    assert "Unknown key 'KilSignal'" in checked.stdout + checked.stderr
