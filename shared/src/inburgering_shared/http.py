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
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
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
