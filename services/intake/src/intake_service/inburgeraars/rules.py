"""Rules on the identity of an inburgeraar."""

from stdnum.nl import bsn as stdnum_bsn


def bsn_is_valid(bsn: str) -> bool:
    """A BSN has nine digits and passes the 11-proef.

    Source: Wet algemene bepalingen burgerservicenummer; the 11-proef as
    implemented by python-stdnum (stdnum.nl.bsn). Nine digits exactly, as DUO's
    APIs type it (pattern \\d{9}).
    """
    return len(bsn) == 9 and bsn.isdigit() and stdnum_bsn.is_valid(bsn)
