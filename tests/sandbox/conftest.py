"""The production worker and a webhook receiver, as the webhook tests use them."""

from tests.webhooks.conftest import worker  # noqa: F401
