"""BSNs in free text: any nine-digit number that passes the 11-proef is masked.

Code never puts a BSN in a log line, an error text or the audit trail; this is the
last line of defence for text written by others (a caller's reason for the audit
trail, an error message DUO sends back) and for mistakes. One home for the rule,
used by the logs, the audit trail and the DUO sync state.
"""

from __future__ import annotations

import re

NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")
MASK = "[bsn]"


def passes_elfproef(digits: str) -> bool:
    """The 11-proef for a BSN: sum of digit * weight (9..2, then -1) divisible by 11."""
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return total % 11 == 0


def mask_bsns(text: str) -> str:
    """Replace every nine-digit number that passes the 11-proef by `[bsn]`; other numbers stay."""
    if not any(c.isdigit() for c in text):
        return text
    return NINE_DIGITS.sub(lambda m: MASK if passes_elfproef(m.group()) else m.group(), text)
