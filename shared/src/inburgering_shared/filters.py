"""Query parameters that several services' lists share."""

from typing import Annotated

from fastapi import Query

UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
INBURGERAAR_URL_PATTERN = rf"^https?://[!-~]+/inburgeraars/{UUID_PATTERN}$"

InburgeraarFilter = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=300,
        pattern=INBURGERAAR_URL_PATTERN,
        description="Alleen die van deze inburgeraar: de URL van het dossier bij intake (`inburgeraar`)",
    ),
]
