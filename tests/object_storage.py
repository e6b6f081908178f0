"""A real S3-protocol server on loopback (moto's server mode) for the object-storage tests, and
the standard AWS settings that point botocore at it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import boto3

from tests.processes import free_port, wait_until_answering


@dataclass(frozen=True)
class S3Server:
    endpoint: str

    @property
    def env(self) -> dict[str, str]:
        """What an operator sets: the endpoint, a region and credentials (moto takes any)."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint, "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": "carepost-tests", "AWS_SECRET_ACCESS_KEY": "carepost-tests-secret",
        }

    def client(self) -> Any:
        """A plain boto3 client, to look at the bucket from outside Carepost."""
        env = self.env
        return boto3.client(
            "s3", endpoint_url=self.endpoint, region_name=env["AWS_REGION"],
            aws_access_key_id=env["AWS_ACCESS_KEY_ID"], aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
        )

    def new_bucket(self) -> str:
        name = f"carepost-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket: str) -> list[str]:
        return sorted(item["Key"] for item in self.client().list_objects_v2(Bucket=bucket).get("Contents", []))


@contextmanager
def s3_server() -> Iterator[S3Server]:
    port = free_port()
    # It logs a line per request: to a file, as a pipe read only at the end would fill and stop it.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{endpoint}/moto-api/", process, "moto's server", lambda: (log.seek(0), log.read())[1].decode(errors="replace"))
        yield S3Server(endpoint)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextmanager
def aws_environment(server: S3Server) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in server.env}
    os.environ.update(server.env)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
