"""The `carepost` command."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer

from carepost import flows, serving
from carepost.cli.documents import documents_app
from carepost.cli.factory import operators_app, orders_app
from carepost.cli.keys import keys_app
from carepost.cli.listen import listen
from carepost.cli.support import database, fail_on_core_errors
from carepost.cli.users import users_app
from carepost.cli.webhooks import webhooks_app
from carepost.config import Settings
from carepost.core.kit.migrate import autogenerate, upgrade
from carepost.logging import configure_logging
from carepost.tenant_file import apply as tenant_file

app = typer.Typer(no_args_is_help=True, help="Carepost: partner order APIs for healthcare supply.")
app.add_typer(keys_app, name="keys")
app.add_typer(users_app, name="users")
app.add_typer(operators_app, name="operators")
app.add_typer(orders_app, name="orders")
app.add_typer(webhooks_app, name="webhooks")
app.add_typer(documents_app, name="documents")
app.command()(listen)


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    data_dir: Annotated[Path, typer.Option(help="Where the SQLite database and demo files live.")] = Path("var/demo"),
    manifest: Annotated[Path | None, typer.Option(help="Also write the demo credentials to this JSON file.")] = None,
) -> None:
    """Start a sandbox: embedded SQLite, the demo tenant, the API and the worker in one process."""
    from carepost.demo.run import run

    run(host=host, port=port, data_dir=data_dir, manifest=manifest)


@app.command()
def openapi() -> None:
    """Print the OpenAPI document every surface is described by (clients/python is generated from it)."""
    import tempfile

    from carepost.app import create_app

    # The document depends on the code alone: the app is made, never started (nothing is connected to).
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(database_url=f"sqlite+aiosqlite:///{scratch}/unused.db", data_dir=Path(scratch), secret_key="openapi")
        document = create_app(settings).openapi()
    typer.echo(json.dumps(document, indent=2, ensure_ascii=False))


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="API processes.")] = 1,
) -> None:
    """Serve the API only (run `carepost worker` beside it). Configured by CAREPOST_* variables."""
    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    if workers > 1:
        serving.share_metrics(settings)
    serving.run(
        "carepost.serving:served_app", factory=True, host=host, port=port, workers=workers,
        shutdown_timeout=settings.shutdown_timeout_seconds,
    )


@app.command()
def worker() -> None:
    """Deliver the outbox and run periodic clean-ups, until stopped (SIGTERM or Ctrl-C: the work in
    hand is finished, the rest of its batch released for another worker)."""
    import signal

    from carepost import tracing
    from carepost.health.worker_metrics import WorkerMetrics
    from carepost.worker import Worker

    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    tracing.configure_tracing("worker")
    metrics = WorkerMetrics()
    if settings.worker_metrics_port:
        metrics.serve(settings.worker_metrics_host, settings.worker_metrics_port)

    async def main() -> None:
        async with database() as db:
            worker = Worker.for_settings(db, settings, metrics=metrics)
            loop = asyncio.get_running_loop()
            for number in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(number, worker.stop)
            serving.settle_heap()
            await worker.run_forever()

    asyncio.run(main())


@app.command()
def migrate(
    new: Annotated[
        str | None, typer.Option(help="Developers: write a new migration with this message from the models' changes.")
    ] = None,
) -> None:
    """Bring the database schema up to date (or, with --new, write the next migration)."""

    async def main() -> None:
        async with database() as db:
            await upgrade(db)
            if new:
                await autogenerate(db, new)

    asyncio.run(main())
    typer.echo(f"Migrated {Settings().resolved_database_url}")


@app.command()
def load(file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)]) -> None:
    """Apply a tenant setup file (YAML, idempotent); print the credentials it issued as JSON."""

    async def main() -> list[tenant_file.AccountReport]:
        async with database() as db:
            settings = Settings()
            return await tenant_file.apply(db, tenant_file.read(file), secret_key=settings.resolved_secret_key, webhook_policy=settings.webhook_policy)

    with fail_on_core_errors():
        reports = asyncio.run(main())
    typer.echo(json.dumps({"accounts": [r.as_dict() for r in reports]}, indent=2))


def main() -> None:
    assert flows.dialects(), "carepost/flows.py registers every dialect: commands that change orders make their webhook events too"
    app()
