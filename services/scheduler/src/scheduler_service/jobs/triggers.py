"""Jobs whose work is another service's: the scheduler only keeps the clock and POSTs to their endpoints.

Used for the DUO sync (trajectory), the retention purge (every service that
keeps personal data) and the moves whose date has come (intake); the endpoints
come from settings, so a job runs only
where such an endpoint exists. See docs/scheduler.md.
"""

from inburgering_shared.http import ServiceClient
from inburgering_shared.problems import ServiceUnavailable

from .result import Resultaat


def trigger(services: ServiceClient, urls: list[str]) -> Resultaat:
    """POST to every endpoint; each 2xx counts as one item, anything else is recorded as a failure."""
    resultaat = Resultaat()
    for url in urls:
        try:
            response = services.request("POST", url)
        except ServiceUnavailable as exc:
            resultaat.fouten.append(exc.detail)
            continue
        if response.is_success:
            resultaat.items += 1
        else:
            resultaat.fouten.append(f"{url} antwoordde {response.status_code}.")
    return resultaat
