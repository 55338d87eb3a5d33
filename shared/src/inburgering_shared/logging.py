"""JSON logs, one object per line, with the request's correlation id and no personal data.

Every record carries the service, the level, the logger, the message and the
correlation id of the request it belongs to (`headers.correlation_id`, passed on
to other services by `ServiceClient`), so one id follows a request across
services. As a last line of defence any nine-digit number that passes the
11-proef (a possible BSN) is masked before the line is written, and the DETAIL
lines of a database error are left out of a logged exception (PostgreSQL puts the
failing row's values there: names, health remarks); SQLAlchemy leaves the
statement's values out too (`db.make_engine`). Code must not log names or BSNs
in the first place.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from datetime import UTC, datetime
from typing import Any

from .bsn import mask_bsns
from .headers import correlation_id

DATABASE_DETAIL = re.compile(r"^\s*DETAIL:.*$\n?", re.MULTILINE)
# Attributes every LogRecord has; anything else was passed with `extra=` and is logged as a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "service": self.service,
            "logger": record.name,
            "message": mask_bsns(record.getMessage()),
        }
        if cid := correlation_id.get():
            entry["correlationId"] = cid
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = mask_bsns(DATABASE_DETAIL.sub("", self.formatException(record.exc_info)))
        return json.dumps(entry, default=str, ensure_ascii=False)


class _JsonHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Marks the handler this module installs, so configuring twice replaces it."""


def configure_logging(service: str, level: str | None = None) -> None:
    """Route the root logger (and uvicorn's) to JSON lines on stderr; idempotent.

    The level comes from `LOG_LEVEL` (default INFO). Handlers others installed
    (pytest's, for instance) are left alone.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _JsonHandler)]:
        root.removeHandler(handler)
    handler = _JsonHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root.addHandler(handler)
    root.setLevel(level or os.environ.get("LOG_LEVEL", "INFO").upper())
    for name in ("uvicorn", "uvicorn.error"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    # Our middleware writes the access log (with route template and correlation id).
    logging.getLogger("uvicorn.access").disabled = True
