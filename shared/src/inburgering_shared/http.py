"""Calling another service: timeouts always, the correlation id passed on, errors typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from .headers import CORRELATION_HEADER, correlation_id
from .problems import ServiceUnavailable

M = TypeVar("M", bound=BaseModel)


class ServiceClient:
    """A synchronous client of one of our services, authenticated as this service."""

    def __init__(
        self, token: Callable[[], str], *, timeout: float = 10.0, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.token = token
        self.http = httpx.Client(timeout=timeout, transport=transport)

    def close(self) -> None:
        self.http.close()

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token()}"}
        if cid := correlation_id.get():
            headers[CORRELATION_HEADER] = cid
        return headers

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return self.http.request(method, url, headers=self._headers(), **kwargs)
        except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as exc:
            # UnicodeError: a host name the IDNA codec refuses (an empty or over-long label) fails in
            # the resolver, before httpx can type it as an invalid URL.
            raise ServiceUnavailable(f"{url} is niet bereikbaar ({type(exc).__name__}).") from exc

    def get_model(self, url: str, model: type[M], **kwargs: Any) -> M:
        """GET a resource and validate it against its contract; unavailable on any failure."""
        response = self.request("GET", url, **kwargs)
        if not response.is_success:
            raise ServiceUnavailable(f"{url} antwoordde {response.status_code}.")
        try:
            return model.model_validate(response.json())
        except (ValidationError, ValueError) as exc:
            raise ServiceUnavailable(f"{url} gaf een antwoord buiten het contract.") from exc


class PrefetchedClient(ServiceClient):
    """This service's client with the GET of one resource already done, before a turn is taken
    (`turns.take_turn`); its answer, or its failure, is given when a handler asks for it."""

    def __init__(self, client: ServiceClient, url: str) -> None:
        self.token, self.http = client.token, client.http
        self.url = url
        self.answer: httpx.Response | ServiceUnavailable
        try:
            self.answer = client.request("GET", url)
        except ServiceUnavailable as exc:
            self.answer = exc

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        if (method, url, kwargs) != ("GET", self.url, {}):
            return super().request(method, url, **kwargs)
        if isinstance(self.answer, ServiceUnavailable):
            raise self.answer
        return self.answer
