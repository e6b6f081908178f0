"""`carepost documents copy-to-bucket`: the move from the data dir's documents folder to object
storage (docs/deployment.md, "Documents")."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from carepost.adapters.documents import document_store
from carepost.adapters.documents.copy import copy_folder
from carepost.config import Settings

documents_app = typer.Typer(no_args_is_help=True, help="Documents: move them to object storage.")


@documents_app.command("copy-to-bucket")
def copy_to_bucket(
    source: Annotated[
        Path | None, typer.Option("--from", help="The documents folder to copy (default: the data dir's documents).")
    ] = None,
) -> None:
    """Copy every local document to the bucket CAREPOST_DOCUMENTS_URL names, under the same keys.
    The local files stay; remove them once the API and worker run with the bucket."""
    settings = Settings()
    if not settings.documents_url:
        raise typer.BadParameter("Set CAREPOST_DOCUMENTS_URL=s3://bucket/prefix (and the AWS_* settings) first.")
    folder = source or settings.data_dir / "documents"
    if not folder.is_dir():
        raise typer.BadParameter(f"No documents folder at {folder}.")
    copied = asyncio.run(copy_folder(folder, document_store(settings)))
    typer.echo(f"Copied {copied.documents} documents ({copied.bytes} bytes) from {folder} to {settings.documents_url}.")
