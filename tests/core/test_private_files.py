"""Every file Carepost writes that can hold patient data is 0600 in a 0700 directory,
whatever the database and the umask (issue 24, item 5): the data dir, documents (written
whole and streamed), e-mail files, demo credentials."""

from __future__ import annotations

import os
import stat
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from carepost.adapters.documents import document_store
from carepost.adapters.mail import mail_for
from carepost.app import create_app
from carepost.core.notifications.mail import MailMessage
from carepost.demo.run import prepare


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would leave files readable by everyone."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _assert_private_tree(root: Path) -> list[Path]:
    files = [p for p in root.rglob("*") if p.is_file()]
    for directory in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        assert _mode(directory) == 0o700, directory
    for path in files:
        assert _mode(path) == 0o600, path
    return files


async def _chunks() -> AsyncIterator[bytes]:
    yield b"%PDF-1.7\n"
    yield b"scan"


async def test_documents_and_mail_under_a_new_data_dir_are_private(settings, tmp_path, open_umask):
    configured = settings.model_copy(update={"data_dir": tmp_path / "not" / "there" / "yet"})
    app = create_app(configured)  # PostgreSQL or SQLite: the data dir is made private at start
    assert _mode(configured.data_dir) == 0o700 and _mode(tmp_path / "not") == 0o700
    store = document_store(configured)
    await store.put("prescriptions/1/ORD_X/a.pdf", b"%PDF-1.7\n")
    await store.put_stream("scans/1/ORD_X/front.mp4", _chunks(), max_bytes=1024)
    message = MailMessage(to="paciente@example.mx", subject="Factura", text="adjunta", attachments=())
    await mail_for(configured, "live").send(message)
    await mail_for(configured, "test").send(message)
    files = _assert_private_tree(configured.data_dir)
    assert {p.suffix for p in files} >= {".pdf", ".mp4", ".eml"}
    await app.state.runtime.db.dispose()


async def test_an_existing_data_dir_is_narrowed(settings, tmp_path, open_umask):
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    app = create_app(settings.model_copy(update={"data_dir": loose}))
    assert _mode(loose) == 0o700
    await app.state.runtime.db.dispose()


async def test_the_demo_writes_its_credentials_into_a_data_dir_that_does_not_exist_yet(settings, tmp_path, open_umask):
    """`carepost demo --data-dir DIR` on the configured database (PostgreSQL in CI's second run)."""
    demo_dir = tmp_path / "demo" / "data"
    manifest = await prepare(settings.model_copy(update={"data_dir": demo_dir}))
    assert manifest["operator_token"]
    assert _mode(demo_dir / "demo-credentials.json") == 0o600 and _mode(demo_dir) == 0o700
