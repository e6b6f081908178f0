"""The benchmark run: one fresh PostgreSQL database, Carepost and the bare
baseline side by side, every scenario under wrk, then embedded SQLite; a JSON
report and a Markdown table at the end. See bench/README.md."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import autopilot, delivery, documents, features, fhir, pg, pgbouncer, profile, report, seed, servers, wrk

ROOT = Path(__file__).resolve().parent.parent
TENANT = Path(__file__).parent / "tenant.yaml"


@dataclass(frozen=True)
class Tenant:
    masks_key: str
    devices_key: str
    items: list[int]  # the devices items (test strips)
    pharmacy_key: str
    products: list[int]
    payment_method: int
    cases_key: str
    case_id: str


PHARMACY_USER = {"email": "compras@bench-farmacia.example", "password": "bench-contraseña-1234"}  # bench/tenant.yaml


def main() -> None:
    args = _arguments()
    load = wrk.Load(connections=args.connections, duration_s=args.duration, warmup_s=args.warmup)
    out_dir = args.out.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    started = time.monotonic()
    meta = {
        "command": "bench/run " + " ".join(args.raw),
        "started": stamp,
        "machine": _machine(),
        "load": {"connections": load.connections, "duration_s": load.duration_s, "warmup_s": load.warmup_s},
        "workers": args.workers,
        "rounds": args.rounds,
        "server": args.server,
        "replica": args.replica,
    }
    run = report.Report(out_dir, stamp, meta)
    print(f"Report (written after every scenario): {run.json_path}\n        {run.markdown_path}", flush=True)
    with tempfile.TemporaryDirectory(prefix="carepost-bench-") as scratch:
        work = Path(scratch)
        if args.databases in ("all", "postgresql"):
            with run.attempt("PostgreSQL scenarios"):
                _postgresql(args, load, work, stamp, run)
        if args.databases in ("all", "sqlite"):
            with run.attempt("SQLite scenarios"):
                _sqlite(args, load, work, stamp, run)
    run.finish(elapsed_s=round(time.monotonic() - started))
    print(run.markdown_path.read_text())
    print(f"Report: {run.json_path}\n        {run.markdown_path}")


def _postgresql(args: argparse.Namespace, load: wrk.Load, work: Path, stamp: str, run: report.Report) -> None:
    name = f"carepost_bench_{stamp.replace('-', '_')}_{os.getpid()}"
    dsn = f"{args.postgres}/{name}"
    asyncio.run(_admin(args.postgres, f'CREATE DATABASE "{name}"'))
    try:
        env = _env(work / "pg", f"postgresql+asyncpg://{dsn.removeprefix('postgresql://')}")
        if args.replica:  # the database streams there from --postgres (bench/replica.py)
            env["CAREPOST_READ_REPLICA_URL"] = f"postgresql+asyncpg://{args.replica.removeprefix('postgresql://')}/{name}"
        tenant = _prepare(env)
        env_base = {"BENCH_DATABASE_URL": dsn, "CAREPOST_SECRET_KEY": env["CAREPOST_SECRET_KEY"]}
        with (
            servers.carepost(env, port=args.port, workers=args.workers, log=work / "carepost.log", server=args.server) as carepost,
            servers.asgi("bench.baseline:app", env_base, port=args.port + 1, workers=args.workers, log=work / "baseline.log", server=args.server) as bare,
            servers.asgi("bench.receiver:app", {}, port=args.port + 3, workers=1, log=work / "receiver.log") as receiver,
        ):
            pair = _Pair(load, stamp, bare, carepost, args.profile, args.out, args.only, run, args.rounds)
            pair.run("masks create", "masks_create.lua", _masks_auth(tenant))
            placed = asyncio.run(_status_paths(dsn))
            status_paths = _paths(work, "status", placed)
            if placed:
                pair.run("masks status", "get.lua", {**_masks_auth(tenant), "BENCH_PATHS": status_paths})
            elif not args.only or _names("masks status", args.only):
                run.skip("masks status", "no masks orders to read: it reads those masks create placed (--only masks runs both)")
            _creates(pair, tenant, carepost, names_end="")
            search = _paths(work, "search", ["/api/orders/?search=bench&page=1"])
            pair.run("pharmacy list, search", "get.lua", {**_pharmacy_auth(tenant, carepost), "BENCH_PATHS": search})
            if not args.only or _names("webhook", args.only):
                with run.attempt("webhook delivery"):
                    hooks_key = _load(env, delivery.tenant_file(work, receiver.url))[0]["keys"][0]["secret"]
                    worker = functools.partial(delivery.worker_process, {**os.environ, **env}, work / "worker.log")
                    flame = profile.svg_path(args.out, stamp, "webhook delivery") if _names("webhook delivery", args.profile) else None
                    run.add(delivery.scenarios(load, f"{stamp}-hooks", carepost.url, receiver.url, hooks_key, worker, flame, dsn))
            _features(args, pair, env, work, receiver.url, status_paths, tenant, dsn, run)
            _lists_and_fhir(args, pair, tenant, env, work, dsn, carepost, run)
        if not args.only or any(_names(scenario + _POOLED, args.only) for scenario in _CREATES):
            _through_pgbouncer(args, load, work, stamp, name, tenant, run)
    finally:
        asyncio.run(_admin(args.postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _features(args: argparse.Namespace, pair: _Pair, env: dict[str, str], work: Path, otlp_url: str, status_paths: str,
    tenant: Tenant, dsn: str, run: report.Report) -> None:
    """Each new feature off and on (bench/features.py), on a Carepost of its own beside the others;
    `--only feature` runs them all, `--only "feature: autopilot"` one."""
    def wanted(feature: str) -> bool:
        return not args.only or _names(f"feature: {feature}", args.only)

    status = {**_masks_auth(tenant), "BENCH_PATHS": status_paths}
    for toggle in features.toggles(otlp_url):
        if not wanted(toggle.feature):
            continue
        if not Path(status_paths).read_text().strip():
            run.skip(f"feature: {toggle.feature}", "no masks orders to read: the masks create scenario makes them (run it, or drop --only)")
            continue
        with run.attempt(f"feature: {toggle.feature}"):
            measured = features.measure(toggle, env, port=args.port + 7, workers=args.workers, work=work,
                run_scenario=lambda url, _side, name=toggle.feature: pair.measure_at(url, f"feature: {name}", "get.lua", status))
            run.add_feature(measured)
    asyncio.run(fhir.set_aside_backlog(dsn))  # the workers below relay what they are measured by, not the earlier backlog
    worker = _worker(work, "worker-features")
    retention = features.retention()
    if wanted(retention.feature):
        with run.attempt(f"feature: {retention.feature}"):
            masks_create = _masks_auth(tenant)
            run.add_feature(features.measure(retention, env, port=args.port + 7, workers=args.workers, work=work, alongside=worker,
                run_scenario=lambda url, _side: pair.measure_at(url, f"feature: {retention.feature}", "masks_create.lua", masks_create)))
    if wanted("autopilot"):
        with run.attempt("feature: autopilot"):
            _autopilot(args, pair, env, work, dsn, worker, run)
    if wanted("S3 documents"):
        with run.attempt("feature: S3 documents"):
            _s3_documents(args, pair, env, work, dsn, run)


def _worker(work: Path, log_name: str) -> Callable[[dict[str, str]], Any]:
    """Starts one `carepost worker` with a side's settings (a context manager giving its pid)."""
    return lambda side_env: delivery.worker_process({**os.environ, **side_env}, work / f"{log_name}.log")


def _autopilot(args: argparse.Namespace, pair: _Pair, env: dict[str, str], work: Path, dsn: str,
    worker: Callable[[dict[str, str]], Any], run: report.Report) -> None:
    """Test-mode masks creates with a worker beside the server, autopilot off and on (bench/autopilot.py);
    with it on, the steps the worker took a second during the creates, and then walking what they made."""
    keys = autopilot.keys(_load(env, autopilot.tenant_file(work)))
    during: list[tuple[int, float]] = []  # (steps taken, seconds measured) of each run with it on
    after: list[autopilot.Walking] = []

    def creates(url: str, side: str) -> wrk.Result:
        if side == "off":  # the steps the runs with it on left to take would be taken now: put off
            asyncio.run(fhir.set_aside_backlog(dsn))
        before = asyncio.run(autopilot.steps_taken(dsn))
        measured = pair.measure_at(url, "feature: autopilot", "masks_create.lua", {"BENCH_HEADER": "Authorization", "BENCH_KEY": f"Bearer {keys[side]}"})
        if side == "on":
            during.append((asyncio.run(autopilot.steps_taken(dsn)) - before, measured.duration_s + pair.load.warmup_s))
            after.append(asyncio.run(autopilot.walking(dsn)))
            print(f"{'feature: autopilot, the walks after':45} {after[-1].rate:8.1f} steps/s ({after[-1].steps:,} in {after[-1].seconds:.0f} s)", flush=True)
        return measured

    toggle = features.Toggle("autopilot, a step a second", {}, {}, scenario="masks create, test mode",
        note="a worker beside the server, the account's autopilot off against on")
    row = features.measure(toggle, env, port=args.port + 7, workers=args.workers, work=work, alongside=worker, run_scenario=creates)
    rate_during = sum(taken for taken, _ in during) / sum(seconds for _, seconds in during)
    rate_after = sum(w.steps for w in after) / sum(w.seconds for w in after)
    run.add_feature(dataclasses.replace(
        row, on=f"{row.on}; the worker took {rate_during:.0f} steps/s during the creates, {rate_after:.0f} steps/s walking after"
    ))


def _s3_documents(args: argparse.Namespace, pair: _Pair, env: dict[str, str], work: Path, dsn: str, run: report.Report) -> None:
    """The portal's scan upload and the invoice PDF's download, documents on disk against in S3
    (bench/documents.py); each store gets its own invoices, drawn by a worker, before the runs."""
    tenant_file = documents.tenant_file(work)
    if tenant_file is None:
        run.skip("feature: S3 documents", "SAT's test CSD is not on this machine (../shared/fixtures/sat-test-csd or CAREPOST_SAT_TEST_CSD_DIR)")
        return
    invoicing = documents.invoicing_of(_load(env, tenant_file)[0])
    uploads = asyncio.run(documents.upload_paths(dsn))
    if not uploads:
        run.skip("feature: S3 documents", "no masks order awaits its scan: the masks create scenario makes them (run it, or drop --only)")
        return
    asyncio.run(fhir.set_aside_backlog(dsn))  # the worker that draws the invoices draws nothing else
    with documents.s3_bucket() as s3_env:
        pdfs, bearer = {}, ""
        for side, side_env in (("off", env), ("on", {**env, **s3_env})):
            with servers.carepost(side_env, port=args.port + 7, workers=1, log=work / f"carepost-documents-{side}.log") as server:
                bearer = bearer or documents.token(server.url, invoicing.key)
                drawing = functools.partial(_worker(work, f"worker-documents-{side}"), side_env)
                pdfs[side] = _paths(work, f"pdfs-{side}", documents.invoice_paths(server.url, invoicing, bearer, drawing))
        upload = {"BENCH_PATHS": _paths(work, "uploads", uploads), "BENCH_UPLOAD": str(documents.photo(work)),
                  "BENCH_UPLOAD_NAME": "card.jpg", "BENCH_UPLOAD_TYPE": "image/jpeg"}
        download = {"BENCH_HEADER": "X-API-Key", "BENCH_KEY": invoicing.key, "BENCH_TOKEN": bearer}
        kb = documents.PHOTO_BYTES // 1024
        scenarios = (
            (f"portal scan upload ({kb} KB photo)", "upload.lua", lambda side: upload),
            ("invoice PDF download", "get.lua", lambda side: {**download, "BENCH_PATHS": pdfs[side]}),
        )
        for scenario, script, scenario_env in scenarios:
            toggle = features.Toggle(f"S3 documents: {scenario}", {}, s3_env, scenario=scenario,
                note="the data dir's disk against a bucket on moto's S3 server, on this machine")
            run.add_feature(features.measure(toggle, env, port=args.port + 7, workers=args.workers, work=work,
                run_scenario=lambda url, side, name=toggle.feature, script=script, scenario_env=scenario_env:
                    pair.measure_at(url, f"feature: {name}", script, scenario_env(side))))


def _lists_and_fhir(args: argparse.Namespace, pair: _Pair, tenant: Tenant, env: dict[str, str], work: Path, dsn: str,
    carepost: servers.Server, run: report.Report) -> None:
    """The devices list at each size of --orders; at the first, a FHIR search page of the same
    orders beside it; at --export-orders, a bulk export of them all."""
    lists, exporting = _names("devices list", args.only) or not args.only, _names("fhir", args.only) or not args.only
    sizes = sorted({*(args.orders if lists or exporting else []), *([args.export_orders] if exporting else [])})
    for size in sizes:
        added = asyncio.run(seed.fill_devices_orders(dsn, account_slug="bench-rpm", total=size))
        print(f"seeded {added} devices orders (now at least {size}, statuses spread)", flush=True)
        native: wrk.Result | None = None
        if size in args.orders:
            for label, query in (("first page", ""), ("filtered", f"&status={seed.FILTERED_STATUS}")):
                paths = _paths(work, "list", [f"/api/v3/order?page=0&size=20{query}"])
                measured = pair.run(f"devices list, {label}, {size:,} orders", "get.lua", {**_devices_auth(tenant), "BENCH_PATHS": paths})
                native = native or measured
        if exporting and size == sizes[0] and native is not None:
            with run.attempt("FHIR search page"):
                paths = _paths(work, "fhir", [fhir.SEARCH_PATH])
                found = pair.measure_carepost(f"FHIR search page, {size:,} orders", "get.lua", {**_devices_auth(tenant), "BENCH_PATHS": paths})
                run.add_feature(report.FeatureRow("FHIR search page", f"`{fhir.SEARCH_PATH}` against the devices list's first page, "
                    f"{size:,} orders", f"{native.throughput:.0f}/s", f"{found.throughput:.0f}/s", found.throughput / native.throughput))
        if exporting and size == args.export_orders:
            with run.attempt("FHIR bulk export"):
                put_off = asyncio.run(fhir.set_aside_backlog(dsn))
                print(f"put off {put_off:,} outbox messages of the earlier scenarios", flush=True)
                worker = functools.partial(delivery.worker_process, {**os.environ, **env}, work / "worker-export.log")
                took, made = fhir.export(carepost.url, tenant.devices_key, worker)
                resources = sum(made.values())
                run.add_feature(report.FeatureRow(f"FHIR bulk export, {size:,} orders", "`Group/devices/$export`, one worker",
                    "—", f"{took.duration_s:.0f} s, {resources:,} resources, worker peak {took.peak_rss_mb:.0f} MB"))


_CREATES = ("masks create", "devices create", "pharmacy create", "cases create")
_POOLED = ", via PgBouncer"


def _creates(pair: _Pair, tenant: Tenant, carepost: servers.Server, *, names_end: str) -> None:
    """Every flow's create (masks create is measured first, on its own, with the status read)."""
    scripts = {
        "devices create": ("devices_create.lua", _devices_create(tenant)),
        "pharmacy create": ("pharmacy_create.lua", _pharmacy_create(tenant, carepost)),
        "cases create": ("cases_create.lua", _cases_create(tenant)),
    }
    if names_end:
        scripts = {"masks create": ("masks_create.lua", _masks_auth(tenant)), **scripts}
    for scenario, (script, env) in scripts.items():
        pair.run(scenario + names_end, script, env)


def _through_pgbouncer(args: argparse.Namespace, load: wrk.Load, work: Path, stamp: str, name: str, tenant: Tenant, run: report.Report) -> None:
    """The creates again, with Carepost and the baseline both reaching PostgreSQL through
    PgBouncer in transaction pooling mode (bench/pgbouncer.py)."""
    if pgbouncer.binary() is None:
        for scenario in _CREATES:
            run.skip(scenario + _POOLED, "PgBouncer is not installed here and bench/run could not install it (apt-get install pgbouncer)")
        return
    postgres = urllib.parse.urlsplit(args.postgres)
    with pgbouncer.running(f"{postgres.hostname or '127.0.0.1'}:{postgres.port or 5432}") as address:
        dsn = f"postgresql://postgres@{address}/{name}"
        env = _env(work / "pg", f"postgresql+asyncpg://postgres@{address}/{name}?transaction_pooling=true")
        # asyncpg's statement cache cannot outlive a transaction behind the pooler either.
        env_base = {"BENCH_DATABASE_URL": dsn, "BENCH_STATEMENT_CACHE_SIZE": "0", "CAREPOST_SECRET_KEY": env["CAREPOST_SECRET_KEY"]}
        with (
            servers.carepost(env, port=args.port + 5, workers=args.workers, log=work / "carepost-pooled.log", server=args.server) as carepost,
            servers.asgi(
                "bench.baseline:app", env_base, port=args.port + 6, workers=args.workers, log=work / "baseline-pooled.log", server=args.server
            ) as bare,
        ):
            pair = _Pair(load, f"{stamp}-pooled", bare, carepost, args.profile, args.out, args.only, run, args.rounds)
            _creates(pair, tenant, carepost, names_end=_POOLED)


def _sqlite(args: argparse.Namespace, load: wrk.Load, work: Path, stamp: str, run: report.Report) -> None:
    env = _env(work / "sqlite", None)
    tenant = _prepare(env)
    # Embedded mode is one process, as `carepost demo` runs it: SQLite has one writer anyway.
    with servers.carepost(env, port=args.port + 2, workers=1, log=work / "carepost-sqlite.log") as carepost:
        pair = _Pair(load, stamp, None, carepost, args.profile, args.out, args.only, run)
        pair.one("SQLite: masks create", "masks_create.lua", _masks_auth(tenant))
        pair.one("SQLite: devices create", "devices_create.lua", _devices_create(tenant))


_RUNS = itertools.count(1)


def _names(scenario: str, patterns: list[str]) -> bool:
    """Whether a scenario is one that --only or --profile names (by part of its name)."""
    return any(pattern.lower() in scenario.lower() for pattern in patterns)


@dataclass
class _Pair:
    """Runs a scenario against the baseline, then at once against Carepost; records
    Carepost's flame graph where the scenario is one `--profile` names. Each scenario's
    rows go to the report as soon as they are measured; a scenario that fails is noted
    there and the run goes on.

    With `rounds` > 1 the pair is measured that many times, which of the two goes first
    alternating (a machine that drifts during a pair favours neither side), and the
    round with the median ratio is reported, with every round's ratio beside it: on a
    shared machine one pair's ratio wanders by ±0.15 (docs/performance.md)."""

    load: wrk.Load
    tag: str
    baseline: servers.Server | None
    carepost: servers.Server
    profiled: list[str]
    out_dir: Path
    only: list[str]
    report: report.Report
    rounds: int = 1

    def run(self, name: str, script: str, env: dict[str, str]) -> wrk.Result | None:
        """Carepost's result, or None when not measured (not named by --only, or failed)."""
        if self.only and not _names(name, self.only):
            return None
        with self.report.attempt(name):
            rounds = [self._round(name, script, env, carepost_first=n % 2 == 1) for n in range(self.rounds)]
            floor, measured, ratios = report.median_round(rounds)
            if len(rounds) > 1:
                print(f"{name:45} × baseline over {len(rounds)} rounds: {', '.join(f'{ratio:.2f}' for ratio in ratios)}", flush=True)
            self.report.add([report.Row(name, "baseline", floor, None), report.Row(name, "carepost", measured, floor, ratios)])
            return measured
        return None

    def _round(self, name: str, script: str, env: dict[str, str], *, carepost_first: bool) -> tuple[wrk.Result, wrk.Result]:
        """One pair: the baseline's result and Carepost's."""
        assert self.baseline is not None
        if carepost_first:
            measured = self.measure_carepost(name, script, env)
            return self._measure(self.baseline.url, name, script, env), measured
        floor = self._measure(self.baseline.url, name, script, env)
        return floor, self.measure_carepost(name, script, env)

    def one(self, name: str, script: str, env: dict[str, str]) -> None:
        if self.only and not _names(name, self.only):
            return
        with self.report.attempt(name):
            self.report.add([report.Row(name, "carepost", self.measure_carepost(name, script, env), None)])

    def measure_at(self, url: str, name: str, script: str, env: dict[str, str]) -> wrk.Result:
        return self._measure(url, name, script, env)

    def measure_carepost(self, name: str, script: str, env: dict[str, str]) -> wrk.Result:
        if not _names(name, self.profiled):
            return self._measure(self.carepost.url, name, script, env)
        svg = profile.svg_path(self.out_dir, self.tag, name)
        return self._measure(
            self.carepost.url, name, script, env, during=lambda seconds: profile.recording(self.carepost.pid, seconds, svg)
        )

    def _measure(self, url: str, name: str, script: str, env: dict[str, str], **options: Any) -> wrk.Result:
        tag = f"{self.tag}-{next(_RUNS)}"  # unique idempotency keys and patients across runs
        result = wrk.run(url, script, self.load, {**env, "BENCH_TAG": tag}, **options)
        print(f"{name:45} {url:24} {result.throughput:8.1f}/s  p50 {result.p50_ms:7.2f} ms  p99 {result.p99_ms:7.2f} ms  errors {result.error_count}",
            flush=True)
        return result


def _masks_auth(tenant: Tenant) -> dict[str, str]:
    return {"BENCH_HEADER": "Authorization", "BENCH_KEY": f"Bearer {tenant.masks_key}"}


def _devices_auth(tenant: Tenant) -> dict[str, str]:
    return {"BENCH_HEADER": "Impilo-API-Key", "BENCH_KEY": tenant.devices_key}


def _devices_create(tenant: Tenant) -> dict[str, str]:
    return {**_devices_auth(tenant), "BENCH_ITEMS": ",".join(map(str, tenant.items))}


def _pharmacy_auth(tenant: Tenant, carepost: servers.Server) -> dict[str, str]:
    """The API key, and a bearer token obtained once from Carepost before the run (the
    baseline checks the same token with the same key)."""
    request = urllib.request.Request(
        f"{carepost.url}/api/token/", data=json.dumps(PHARMACY_USER).encode(), method="POST",
        headers={"X-API-Key": tenant.pharmacy_key, "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        token = json.loads(answer.read())["access"]
    return {"BENCH_HEADER": "X-API-Key", "BENCH_KEY": tenant.pharmacy_key, "BENCH_TOKEN": token}


def _pharmacy_create(tenant: Tenant, carepost: servers.Server) -> dict[str, str]:
    return {
        **_pharmacy_auth(tenant, carepost),
        "BENCH_PRODUCTS": ",".join(map(str, tenant.products)),
        "BENCH_PAYMENT": str(tenant.payment_method),
    }


def _cases_create(tenant: Tenant) -> dict[str, str]:
    return {"BENCH_HEADER": "cv-api-key", "BENCH_KEY": tenant.cases_key, "BENCH_CASE": tenant.case_id}


def _env(data_dir: Path, database_url: str | None) -> dict[str, str]:
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {
        "CAREPOST_DATA_DIR": str(data_dir),
        "CAREPOST_SECRET_KEY": "bench-" + "k" * 40,
        "CAREPOST_LOG_LEVEL": "warning",
        "CAREPOST_WEBHOOK_ALLOWED_HOSTS": "127.0.0.1",  # the delivery scenarios' receiver
        "CAREPOST_PORTAL_RATE_LIMIT_PER_MINUTE": "1000000",  # the upload scenario is one client at thousands a second
    }
    if database_url:
        env["CAREPOST_DATABASE_URL"] = database_url
    return env


def _prepare(env: dict[str, str]) -> Tenant:
    """Migrate and load the bench tenant through the real CLI; read back the keys and ids."""
    subprocess.run([str(servers.VENV_BIN / "carepost"), "migrate"], env={**os.environ, **env}, check=True, stdout=subprocess.DEVNULL)
    masks, devices, pharmacy, cases = _load(env, TENANT)
    return Tenant(
        masks_key=masks["keys"][0]["secret"],
        devices_key=devices["keys"][0]["secret"],
        items=[item["id"] for item in devices["devices"]["items"] if item["sku"].startswith("STR-")],
        pharmacy_key=pharmacy["keys"][0]["secret"],
        products=[product["id"] for product in pharmacy["pharmacy"]["products"]],
        payment_method=pharmacy["pharmacy"]["payment_methods"][0]["id"],
        cases_key=cases["keys"][0]["secret"],
        case_id=cases["cases"]["cases"][0]["id"],
    )


def _load(env: dict[str, str], file: Path) -> list[dict[str, Any]]:
    """`carepost load FILE`: the accounts it reports (keys' secrets are shown once, now)."""
    command = [str(servers.VENV_BIN / "carepost"), "load", str(file)]
    loaded = subprocess.run(command, env={**os.environ, **env}, check=True, capture_output=True, text=True).stdout
    return json.loads(loaded)["accounts"]


async def _status_paths(dsn: str) -> list[str]:
    async with pg.connected(dsn) as connection:
        ids = await connection.fetch("SELECT public_id FROM orders WHERE dialect = 'masks' ORDER BY random() LIMIT 2000")
    return [f"/api/partner/v1/orders/{row['public_id']}/status" for row in ids]


def _paths(work: Path, name: str, paths: list[str]) -> str:
    file = work / f"{name}-paths.txt"
    file.write_text("\n".join(paths) + "\n")
    return str(file)


async def _admin(server: str, sql: str) -> None:
    async with pg.connected(f"{server}/postgres") as connection:
        await connection.execute(sql)


def _machine() -> dict[str, str | int]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    return {"cpu": cpu, "cores": os.cpu_count() or 0, "python": platform.python_version(), "system": platform.platform(), "wrk": wrk_version}


def _at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    parser.add_argument("--workers", type=int, default=2, help="API processes for Carepost and for the baseline (default 2)")
    parser.add_argument("--server", choices=(servers.UVICORN, servers.GRANIAN), default=servers.UVICORN,
                        help="the HTTP server for Carepost and the baseline alike (default uvicorn, as `carepost serve`)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--duration", type=int, default=15, help="seconds measured per scenario (default 15)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of unmeasured warm-up before each (default 3)")
    parser.add_argument("--rounds", type=_at_least_one, default=1,
                        help="times each scenario with a baseline is measured, alternating which goes first; the median ratio's round is reported (default 1)")
    parser.add_argument("--orders", type=lambda s: [int(n) for n in s.split(",")], default=[10_000, 1_000_000],
        help="order-table sizes for the list scenarios (default 10000,1000000)")
    parser.add_argument("--export-orders", type=int, default=100_000, help="devices orders in the FHIR bulk export (default 100000)")
    parser.add_argument("--databases", choices=("all", "postgresql", "sqlite"), default="all", help="which scenarios to run (default all)")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432", help="PostgreSQL server (a fresh database is made and dropped)")
    parser.add_argument("--replica", help="a streaming replica of --postgres (bench/replica.py) for Carepost's lists and searches to read; "
                        "the baseline reads --postgres")
    parser.add_argument("--port", type=int, default=8701, help="first of eight ports used (default 8701)")
    parser.add_argument("--only", action="append", default=[], metavar="SCENARIO", help="run only the scenarios whose name contains SCENARIO; repeatable")
    parser.add_argument("--profile", action="append", default=[], metavar="SCENARIO",
        help="record a py-spy flame graph (SVG, in --out) of Carepost during each scenario whose name contains SCENARIO; repeatable")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where reports go (default bench/out)")
    args = parser.parse_args()
    args.raw = sys.argv[1:]
    return args


if __name__ == "__main__":
    main()
