"""Logs: one JSON object per line (CAREPOST_LOG_FORMAT=json, the default) or lines for a person
to read (console, the demo's), made by structlog for Carepost's own lines and for those of the
libraries it runs on (uvicorn, SQLAlchemy), through the standard library's logging.

Each line has `time`, `level`, `logger` and `event`; a line written while a request is served
carries its `request_id` (bound by the request-context middleware), one written while the worker
runs a job its `outbox_message_id` or `webhook_delivery_id` (bound by the relay and the
dispatcher). Bodies, query strings, concrete paths and patient data are never logged: lines name
route templates, ids and the types of errors.
"""

from __future__ import annotations

import logging
import sys
from typing import Literal

import orjson
import structlog
from structlog.typing import Processor

LogFormat = Literal["json", "console"]


def _without_color(_: object, __: str, event: structlog.typing.EventDict) -> structlog.typing.EventDict:
    event.pop("color_message", None)  # uvicorn's second copy of its message, with terminal colours
    return event


_SHARED: list[Processor] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.ExtraAdder(),  # a standard-library call's extra={...}
    _without_color,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
]


def _json(_: object, __: str, event: structlog.typing.EventDict) -> str:
    return orjson.dumps(event, default=str).decode()


# An error's type and frames, never its message or locals: a database error quotes the values it
# refused (an e-mail address, a name), and a frame's locals hold whole requests.
_tracebacks = structlog.processors.ExceptionRenderer(structlog.tracebacks.ExceptionDictTransformer(show_locals=False))


def _without_messages(_: object, __: str, event: structlog.typing.EventDict) -> structlog.typing.EventDict:
    for stack in event.get("exception") or ():
        if isinstance(stack, dict):
            stack.pop("exc_value", None)
            stack.pop("exc_notes", None)
    return event


def configure_logging(level: str = "info", log_format: LogFormat = "json") -> None:
    """Route every logger of the process to one handler on stderr, in `log_format`."""
    renderer: list[Processor] = (
        [_tracebacks, _without_messages, _json] if log_format == "json" else [structlog.dev.ConsoleRenderer(colors=False)]
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_SHARED,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderer],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):  # theirs go through ours, once
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Libraries that narrate at INFO: httpx names every URL it calls (a partner's webhook URL may
    # carry a token), botocore how it found its endpoint, WeasyPrint each step of a PDF.
    for chatty in ("httpx", "httpcore", "botocore", "aiobotocore", "weasyprint", "fontTools"):
        logging.getLogger(chatty).setLevel(max(root.level, logging.WARNING))
    logging.getLogger("uvicorn.access").disabled = True  # the access log is ours (carepost.access), with the request id
    structlog.configure(
        # filter_by_level first: a line below the logger's level is dropped before the shared
        # processors build it (the access log's line per request, when logging warnings only).
        processors=[structlog.stdlib.filter_by_level, *_SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    return structlog.stdlib.get_logger(name)
