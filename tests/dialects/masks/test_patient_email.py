"""forge_sends_email_to_client: the scan e-mail over real SMTP, its fallback, its templates."""

from __future__ import annotations

import time
import uuid
from email import message_from_bytes, policy

import httpx
import pytest
from sqlalchemy import select

from carepost.app import create_app
from carepost.core.kit.errors import InvalidInput
from carepost.core.manufacturing.scan_email import EmailTemplate, save_clinic_template
from carepost.core.models import Order, OrderEvent
from tests.dialects.masks.helpers import ORDERS
from tests.factories import create_clinic, mask_order
from tests.mail_server import free_port, start_smtp


@pytest.fixture(scope="module")
def smtp():
    controller, inbox = start_smtp()
    yield controller, inbox
    controller.stop()


async def _client_for(settings, **overrides):
    app = create_app(settings.model_copy(update=overrides))
    return app, httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


@pytest.fixture
async def smtp_client(settings, smtp):
    controller, _ = smtp
    app, client = await _client_for(settings, smtp_url=f"smtp://127.0.0.1:{controller.port}")
    async with client:
        yield client
    await app.state.runtime.db.dispose()


@pytest.fixture
async def smtp_down_client(settings):
    app, client = await _client_for(settings, smtp_url=f"smtp://127.0.0.1:{free_port()}", smtp_timeout_seconds=2.0)
    async with client:
        yield client
    await app.state.runtime.db.dispose()


def _eml(directory) -> list:
    return [message_from_bytes(path.read_bytes(), policy=policy.default) for path in directory.glob("*.eml")]


def _patient() -> str:
    return f"patient-{uuid.uuid4().hex[:8]}@example.com"


async def _events(db, order_id: str) -> list[OrderEvent]:
    async with db.transaction() as session:
        order = await session.scalar(select(Order).where(Order.public_id == order_id))
        return list(await session.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id)))


async def test_the_email_reaches_the_smtp_server_and_the_link_is_omitted(smtp_client, smtp, db):
    _, inbox = smtp
    clinic, email = await create_clinic(db, mask_types=("nose",)), _patient()
    body = mask_order(patient_email=email, mask_type="nose", forge_sends_email_to_client=True, idempotency_key=f"mail-{uuid.uuid4().hex}")

    response = await smtp_client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})

    data = response.json()["data"]
    assert response.status_code == 201
    assert data["patient_scan_email_sent"] is True
    assert "scan_upload_url" not in data
    [message] = inbox.to(email)
    assert "Form Fit Nasal CPAP" in message["Subject"]
    assert message["Date"].datetime.tzinfo is not None
    assert message["Message-ID"].endswith("@carepost.localhost>")
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert text.startswith("Hello Jane,")
    assert f"order_id={data['vitacore_order_id']}" in text
    assert 'href="https://carepost.test/api/portal/start-scan?order_id=' in html
    assert [e.name for e in await _events(db, data["vitacore_order_id"])][-1] == "scan_email_sent"

    replay = await smtp_client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})
    assert replay.status_code == 200
    assert replay.json()["data"] == {**data, "idempotent_replay": True}
    assert len(inbox.to(email)) == 1  # a replay sends nothing


async def test_with_smtp_down_the_link_comes_back_instead(smtp_down_client, db):
    clinic = await create_clinic(db)
    body = mask_order(patient_email=_patient(), forge_sends_email_to_client=True, idempotency_key=f"down-{uuid.uuid4().hex}")

    response = await smtp_down_client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})

    data = response.json()["data"]
    assert response.status_code == 201
    assert data["patient_scan_email_sent"] is False
    assert data["scan_upload_url"].startswith("https://carepost.test/api/portal/start-scan?")
    events = await _events(db, data["vitacore_order_id"])
    assert events[-1].name == "scan_email_failed" and "SMTP" in events[-1].data["error"]
    replay = await smtp_down_client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})
    assert replay.json()["data"]["patient_scan_email_sent"] is False


async def test_a_clinic_template_is_rendered_with_escaping_in_html(smtp_client, smtp, db):
    _, inbox = smtp
    clinic, email = await create_clinic(db), _patient()
    async with db.transaction() as session:
        await save_clinic_template(
            session,
            account_id=clinic.account_id,
            template=EmailTemplate(
                subject="Your {{mask_product_name}}, {{patient_first_name}}",
                text="Dear {{patient_name}}: {{scan_upload_url}}",
                html="<p>Dear {{patient_name}}</p>",
            ),
        )
    body = mask_order(patient_email=email, patient_name="Jane <b>Doe</b>", forge_sends_email_to_client=True)

    await smtp_client.post(ORDERS, json=body, headers={"X-Api-Key": clinic.live_key})

    [message] = inbox.to(email)
    assert message["Subject"] == "Your Form Fit Full Face CPAP, Jane"
    assert message.get_body(("plain",)).get_content().startswith("Dear Jane <b>Doe</b>: https://carepost.test/")
    assert "Dear Jane &lt;b&gt;Doe&lt;/b&gt;" in message.get_body(("html",)).get_content()


@pytest.mark.parametrize(
    "hostile",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ scan_upload_url.__class__.__init__.__globals__ }}",
        "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    ],
)
async def test_a_template_reaching_python_internals_is_refused(db, hostile):
    clinic = await create_clinic(db)

    with pytest.raises(InvalidInput) as refused:
        async with db.transaction() as session:
            await save_clinic_template(session, account_id=clinic.account_id, template=EmailTemplate(subject="Hi", text=hostile, html=None))

    assert refused.value.details["field"] == "text"


async def test_unknown_placeholders_and_broken_templates_are_refused(db):
    clinic = await create_clinic(db)
    for template in (
        EmailTemplate(subject="Hi {{patient_firstname}}", text="x", html=None),
        EmailTemplate(subject="Hi", text="{% if %}", html=None),
        EmailTemplate(subject="Hi", text="x" * 20_001, html=None),
    ):
        with pytest.raises(InvalidInput):
            async with db.transaction() as session:
                await save_clinic_template(session, account_id=clinic.account_id, template=template)


async def test_test_keys_write_to_the_sandbox_mailbox_not_smtp(smtp_client, smtp, db, settings):
    _, inbox = smtp
    clinic, email = await create_clinic(db), _patient()

    response = await smtp_client.post(ORDERS, json=mask_order(patient_email=email, forge_sends_email_to_client=True), headers={"X-Api-Key": clinic.test_key})

    assert response.json()["data"]["patient_scan_email_sent"] is True
    assert inbox.to(email) == []
    sandbox = [m for m in _eml(settings.data_dir / "sandbox-mail") if m["To"] == email]
    assert len(sandbox) == 1
    assert "sandbox=true" in sandbox[0].get_body(("plain",)).get_content()


async def test_without_smtp_live_mail_is_written_as_eml_files(client, db, settings):
    clinic, email = await create_clinic(db), _patient()

    response = await client.post(ORDERS, json=mask_order(patient_email=email, forge_sends_email_to_client=True), headers={"X-Api-Key": clinic.live_key})

    assert response.json()["data"]["patient_scan_email_sent"] is True
    assert [m["To"] for m in _eml(settings.data_dir / "mail")].count(email) == 1


@pytest.mark.parametrize(
    "unbounded",
    [
        "{% for x in range(10**9) %}{{ x }}{% endfor %}",
        "{{ 'a' * 10**9 }}",
        "{{ patient_name * 3000000 }}",
        "{{ 2 ** 99999999 }}",
        "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
        "{% for a in range(90000) %}{{ patient_name }}{% endfor %}",
    ],
)
async def test_a_template_past_the_render_bounds_is_refused_quickly(db, unbounded):
    clinic = await create_clinic(db)
    started = time.monotonic()

    with pytest.raises(InvalidInput) as refused:
        async with db.transaction() as session:
            await save_clinic_template(session, account_id=clinic.account_id, template=EmailTemplate(subject="Hi", text=unbounded, html=None))

    assert refused.value.details["field"] == "text"
    assert time.monotonic() - started < 2


async def test_the_operator_api_refuses_an_unbounded_template_with_400(client, db, ops_headers):
    clinic = await create_clinic(db)
    body = {"subject": "Hi", "text": "{% for x in range(10**9) %}x{% endfor %}", "html": None}

    response = await client.put(f"/api/ops/v1/accounts/{clinic.slug}/masks/patient-email", json=body, headers=ops_headers)

    assert response.status_code == 400, response.text
    assert response.json()["error"]["fields"][0]["field"] == "text"


async def test_a_template_that_fails_on_a_real_patient_falls_back_to_the_default(client, db, settings):
    clinic = await create_clinic(db)
    # Fine with the sample name; past the output bound with a 200-character one.
    template = EmailTemplate(subject="Hi", text="{% for x in range(600) %}{{ patient_name }}{% endfor %}", html=None)
    async with db.transaction() as session:
        await save_clinic_template(session, account_id=clinic.account_id, template=template)
    email = _patient()

    response = await client.post(
        ORDERS, json=mask_order(patient_email=email, patient_name="J" * 200, forge_sends_email_to_client=True), headers={"X-Api-Key": clinic.live_key}
    )

    assert response.json()["data"]["patient_scan_email_sent"] is True
    [message] = [m for m in _eml(settings.data_dir / "mail") if m["To"] == email]
    text = message.get_body(("plain",)).get_content()
    assert text.startswith("Hello ") and len(text) < 5_000  # the default template, not 120,000 characters
    assert message["Date"] and message["Message-ID"].startswith("<") and message["Message-ID"].endswith(">")
