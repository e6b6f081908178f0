"""Files that may hold patient data — the SQLite database, documents, e-mails with their
attachments, demo credentials — are the service's alone: 0600, in directories 0700,
whatever the umask and whichever database is configured. Every writer under the data dir
goes through here."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIRECTORY_MODE = 0o700


def private_directory(path: Path, *, narrow: bool = False) -> Path:
    """Create `path` and every missing parent 0700. A directory that existed is left as it
    is (a manifest may be written to /tmp), unless `narrow`: the data dir is made 0700."""
    missing = []
    for directory in (path, *path.parents):
        if directory.exists():
            break
        missing.append(directory)
    for directory in reversed(missing):
        directory.mkdir(mode=DIRECTORY_MODE, exist_ok=True)
        directory.chmod(DIRECTORY_MODE)  # mkdir's mode passes through the umask
    if narrow:
        path.chmod(DIRECTORY_MODE)
    return path


def open_private(path: Path) -> int:
    """A new (or emptied) file, 0600 from its first byte, in a private directory: a file descriptor."""
    private_directory(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.fchmod(descriptor, FILE_MODE)  # an existing file keeps its old mode through O_CREAT
    return descriptor


def write_private(path: Path, data: bytes) -> None:
    with os.fdopen(open_private(path), "wb") as file:
        file.write(data)
