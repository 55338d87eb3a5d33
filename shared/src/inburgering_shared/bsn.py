"""BSNs in free text: any nine-digit number that passes the 11-proef is masked.

Code never puts a BSN in a log line, an error text or the audit trail; this is the
last line of defence for text written by others (a caller's reason for the audit
trail, an error message DUO sends back) and for mistakes. One home for the rule,
used by the logs, the audit trail and the DUO sync state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.nl import bsn

NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
MASK = "[bsn]"


def mask_bsns(text: str) -> str:
    """Replace every nine-digit number that passes the 11-proef (python-stdnum) by `[bsn]`; others stay."""
    if not any(c.isdigit() for c in text):
        return text
    return NINE_DIGITS.sub(lambda m: MASK if bsn.is_valid(m.group()) else m.group(), text)


def bsn_numbers(start: int = 100_000_000) -> Iterator[str]:
    """Valid BSNs (11-proef), in order from `start`: the made-up people of the tests and the demo data."""
    candidate = start
    while True:
        text_value = f"{candidate:09d}"
        if bsn.is_valid(text_value):
            yield text_value
        candidate += 1
