"""Log lines: JSON with an error's type and frames, never its message (a database error quotes
the values it refused), and the console format for the demo."""

from __future__ import annotations

import json
import logging

import structlog

from carepost.logging import configure_logging


def _raise_with_patient_data() -> None:
    raise ValueError('duplicate key value (email)=(jane.doe@example.com) "Jane Doe"')


def test_an_error_is_logged_by_type_and_frames_without_its_message(capsys):
    configure_logging("info", "json")
    try:
        _raise_with_patient_data()
    except ValueError:
        logging.getLogger("carepost.test").exception("unhandled error", extra={"route": "/api/x/{id}"})

    [line] = [json.loads(text) for text in capsys.readouterr().err.splitlines()]
    assert (line["event"], line["level"], line["logger"], line["route"]) == ("unhandled error", "error", "carepost.test", "/api/x/{id}")
    [error] = line["exception"]
    assert error["exc_type"] == "ValueError"
    assert error["frames"][-1]["name"] == "_raise_with_patient_data"
    assert "jane" not in json.dumps(line).lower() and "locals" not in error["frames"][-1]


def test_bound_context_and_the_console_format(capsys):
    configure_logging("info", "console")
    with structlog.contextvars.bound_contextvars(outbox_message_id=42):
        structlog.stdlib.get_logger("carepost.test").info("outbox message handled", attempt=1)
    logging.getLogger("carepost.test").debug("below the level")

    output = capsys.readouterr().err
    assert "outbox message handled" in output and "outbox_message_id=42" in output and "below the level" not in output
    configure_logging("info", "json")
