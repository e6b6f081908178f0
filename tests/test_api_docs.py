"""/docs works without the internet: Swagger UI comes from an installed package."""

from __future__ import annotations


async def test_the_docs_page_loads_swagger_ui_from_this_server(client):
    page = await client.get("/docs")

    assert page.status_code == 200
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    for asset in ("/static-offline-docs/swagger-ui-bundle.js", "/static-offline-docs/swagger-ui.css"):
        assert asset in page.text
        served = await client.get(asset)
        assert served.status_code == 200 and len(served.content) > 10_000
