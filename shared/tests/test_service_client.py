"""Calling another service: every way a call can fail is ServiceUnavailable (503, retried), never a 500."""

import pytest
from inburgering_shared.http import ServiceClient
from inburgering_shared.problems import ServiceUnavailable


@pytest.mark.parametrize(
    "url",
    [
        "http://.Kf/v1/inburgeraars/1",  # an empty label: the IDNA codec refuses it in the resolver
        "http://" + "a" * 64 + ".example/v1",  # a label over 63 characters
        "http://[::1/v1",  # not a URL at all
        "http://127.0.0.1:9/v1/inburgeraars/1",  # nothing listens there
    ],
)
def test_an_unusable_resource_url_is_unavailable_not_an_error(url):
    client = ServiceClient(lambda: "token", timeout=2.0)
    try:
        with pytest.raises(ServiceUnavailable, match="niet bereikbaar"):
            client.request("GET", url)
    finally:
        client.close()
