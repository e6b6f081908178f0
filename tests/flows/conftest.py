"""The production worker, as the webhook tests use it."""

from tests.webhooks.conftest import worker  # noqa: F401
