from __future__ import annotations

import pytest

from carepost.app import create_app
from tests.servers import serve


@pytest.fixture
def live_server(settings):
    """The app over real HTTP: the browser needs a URL."""
    with serve(lambda: create_app(settings)) as url:
        yield url
