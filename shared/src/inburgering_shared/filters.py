"""Query parameters that several services' lists share."""

from typing import Annotated

from fastapi import Query

InburgeraarFilter = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=300,
        description="Alleen die van deze inburgeraar: de URL van het dossier bij intake (`inburgeraar`)",
    ),
]
