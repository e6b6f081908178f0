import json
from tests.devices_world import devices_world, patient_order, site_order

async def test_smoke(db, client):
    world = await devices_world(db)
    r = await client.post("/api/v3/order", json=patient_order(world), headers=world.headers())
    print(r.status_code, json.dumps(r.json(), indent=1)[:3000])
    assert r.status_code == 201
    r = await client.post("/api/v3/order", json=site_order(world), headers=world.headers())
    assert r.status_code == 201, r.text
    r = await client.get("/api/v3/order", headers=world.headers())
    print(r.status_code, json.dumps(r.json())[:300])
