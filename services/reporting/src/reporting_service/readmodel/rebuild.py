"""A full rebuild of the read models from the owning services' APIs (never their databases).

For recovery (a lost or corrupted read model) and for a new report that needs
facts the read model did not keep yet. Everything is rebuilt in the caller's
transaction: if any owner cannot be read, nothing changes. Only resources
whose owner serves a paginated list can be rebuilt; `Settings.bronnen` names
them (resource name -> list URL). A traject's components are read per traject.
The moves of the dossiers stay: intake serves them with each dossier, not in its list, so the ones
learned from intake's events are kept (`projections.apply_inburgeraar`).
"""

from collections.abc import Iterator

from inburgering_shared.contracts.reporting_inputs import RESOURCES
from inburgering_shared.http import ServiceClient
from inburgering_shared.pagination import MAX_PAGE_SIZE
from inburgering_shared.problems import InvalidInput, ServiceUnavailable
from pydantic import BaseModel, ValidationError
from sqlalchemy import delete
from sqlalchemy.orm import Session

from .models import Dossier, Examen, Handhaving, Voortgang
from .projections import PROJECTIONS, apply_resource


def read_all(services: ServiceClient, url: str, model: type[BaseModel]) -> Iterator[BaseModel]:
    """Every item of a `{count, next, previous, results}` list, following `next`."""
    next_url: str | None = url
    params: dict[str, int] | None = {"pageSize": MAX_PAGE_SIZE}
    while next_url:
        response = services.request("GET", next_url, params=params)
        if not response.is_success:
            raise ServiceUnavailable(f"{next_url} antwoordde {response.status_code}.")
        try:
            page = response.json()
            items = [model.model_validate(item) for item in page["results"]]
        except (ValueError, KeyError, TypeError, ValidationError) as exc:
            raise ServiceUnavailable(f"{next_url} gaf een antwoord buiten het contract.") from exc
        yield from items
        next_url, params = page.get("next"), None


def rebuild(session: Session, services: ServiceClient, *, bronnen: dict[str, str]) -> dict[str, int]:
    """Empty the read models and apply every listed resource; returns how many of each."""
    unknown = sorted(set(bronnen) - set(PROJECTIONS))
    if unknown:
        raise InvalidInput(f"Onbekende resources in de bronnen: {', '.join(unknown)}.")
    for table in (Handhaving, Voortgang, Examen, Dossier):
        session.execute(delete(table))
    counts: dict[str, int] = {}
    for resource, url in bronnen.items():
        counts[resource] = 0
        for item in read_all(services, url, RESOURCES[resource]):
            apply_resource(session, services, resource, item)
            counts[resource] += 1
        session.flush()
    return counts
