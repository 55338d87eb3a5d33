"""JSON log lines with the correlation id; nine-digit numbers passing the 11-proef are masked."""

import json
import logging

from inburgering_shared.bsn import bsn_numbers, mask_bsns
from inburgering_shared.headers import correlation_id
from inburgering_shared.logging import JsonFormatter


def record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    entry = logging.LogRecord("intake_service.coa", logging.INFO, __file__, 1, message, args, None)
    entry.__dict__.update(extra)
    return entry


def test_a_possible_bsn_is_masked_and_other_numbers_kept():
    valid = next(bsn_numbers(123_000_000))
    assert (
        mask_bsns(f"koppeling {valid} in 2026, zaak 1234567890") == "koppeling [bsn] in 2026, zaak 1234567890"
    )
    assert mask_bsns("referentie 100000001") == "referentie 100000001"


def test_a_line_is_json_with_service_correlation_id_and_extra_fields():
    token = correlation_id.set("req-42")
    try:
        line = JsonFormatter("intake").format(
            record("overdracht %s ontvangen", next(bsn_numbers()), route="/v1/x")
        )
    finally:
        correlation_id.reset(token)
    entry = json.loads(line)
    assert entry["service"] == "intake" and entry["correlationId"] == "req-42"
    assert entry["message"] == "overdracht [bsn] ontvangen"
    assert entry["route"] == "/v1/x" and entry["level"] == "INFO"
