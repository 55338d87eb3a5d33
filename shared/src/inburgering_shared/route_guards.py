"""What every /v1 request is checked for before anything reads its body or runs its handler.

- A query parameter the operation does not declare is 400 `onbekende-parameter`: a filter
  misspelt or not supported is never silently ignored (a list would come back whole), and a
  value put where it does not belong (a BSN) never reaches a `next` link.
- A query parameter that takes one value, given more than once, is 400 `herhaalde-parameter`:
  which of them would count is not for the service to guess.
  A request without valid credentials meets neither query check: its operation answers 401 first.
- A body larger than the operation's limit is 413, decided on Content-Length before a byte
  is read, or while reading when the length is not given. The limit is `MAX_BODY_BYTES`, or
  the operation's own in its `x-maxBodyBytes` extension (a bulk upload: `body_limit`).
- A method the path does not have is 405 with `Allow` listing every method the path does have
  (RFC 9110 par. 15.5.6), also when the methods are spread over several routes; a path
  written out (`/inburgeraars/zoeken`) is never taken for a value of a parameter.

A pure ASGI middleware that matches the request against the app's routes itself, so it runs
ahead of the middlewares that buffer the body (idempotency).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi._compat import field_annotation_is_sequence
from fastapi.dependencies.utils import get_flat_params
from fastapi.params import Query
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import signed_in
from .openapi import API_PREFIX
from .problems import InvalidParam, http_problem, problem_response

MAX_BODY_BYTES = 256 * 1024
"""The default limit: one record of the largest kind with every text field full is far below it."""
BODY_LIMIT_EXTENSION = "x-maxBodyBytes"


def body_limit(max_bytes: int) -> dict[str, Any]:
    """`openapi_extra=` of an operation that takes a larger body than the default (a bulk upload)."""
    return {BODY_LIMIT_EXTENSION: max_bytes}


@dataclass(frozen=True)
class _RouteRules:
    query_names: frozenset[str]
    repeatable: frozenset[str]
    max_body_bytes: int


def _rules(route: APIRoute) -> _RouteRules:
    params = [p for p in get_flat_params(route.dependant) if isinstance(p.field_info, Query)]
    return _RouteRules(
        query_names=frozenset(p.alias for p in params),
        repeatable=frozenset(
            p.alias for p in params if field_annotation_is_sequence(p.field_info.annotation)
        ),
        max_body_bytes=int((route.openapi_extra or {}).get(BODY_LIMIT_EXTENSION, MAX_BODY_BYTES)),
    )


def _refusal(
    scope: Scope, code: str, title: str, detail: str, names: list[str], fout: tuple[str, str]
) -> Any:
    """400 naming the query parameters; `fout` is each one's (code, reason)."""
    return problem_response(
        Request(scope),
        400,
        code=code,
        title=title,
        detail=detail + ", ".join(names) + ".",
        invalid_params=[InvalidParam(name=name, code=fout[0], reason=fout[1]) for name in names],
    )


def _parameters(route: RouteContext) -> int:
    return len(getattr(route, "param_convertors", {}))


def _valid_path(route: RouteContext, child: Scope) -> bool:
    """Whether every path parameter the match took is a valid value for the operation."""
    operation = route.original_route
    if not isinstance(operation, APIRoute):
        return False
    values = child.get("path_params", {})
    return all(
        not field.validate(values.get(field.alias), loc=("path", field.alias))[1]
        for field in operation.dependant.path_params
    )


class _TooLarge(StarletteHTTPException):
    """Raised while the body is read; inside the route FastAPI's own handlers render it (`http_problem`)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"De body van deze operatie mag ten hoogste {limit} bytes zijn.")


def _first_segment(path: str) -> str:
    return path.removeprefix(API_PREFIX + "/").split("/", 1)[0]


def _by_first_segment(routes: list[RouteContext]) -> dict[str | None, list[RouteContext]]:
    """The routes by the first segment of their path under /v1; None: it is a parameter."""
    index: dict[str | None, list[RouteContext]] = {}
    for route in routes:
        segment = _first_segment(route.path_format or "")
        index.setdefault(None if "{" in segment else segment, []).append(route)
    return index


class RouteGuardsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._routes: dict[str | None, list[RouteContext]] | None = None
        self._rules: dict[int, _RouteRules] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        route, allowed = self._match(scope)
        if route is None:
            if not allowed:
                await self.app(scope, receive, send)  # the router's own 404
                return
            detail = f"{scope['method']} kan hier niet; wel: {', '.join(allowed)}."
            refusal = StarletteHTTPException(405, detail, headers={"Allow": ", ".join(allowed)})
            await http_problem(Request(scope), refusal)(scope, receive, send)
            return
        operation = route.original_route
        assert isinstance(operation, APIRoute)
        rules = self._rules.get(id(operation)) or self._rules.setdefault(id(operation), _rules(operation))
        query = Request(scope).query_params
        if query and not await signed_in(Request(scope)):  # who did not sign in hears 401 first
            query = QueryParams()
        unknown = sorted(set(query) - rules.query_names)
        repeated = sorted(n for n in set(query) - rules.repeatable if len(query.getlist(n)) > 1)
        if unknown or repeated:
            answer = (
                _refusal(
                    scope,
                    "onbekende-parameter",
                    "Onbekende queryparameter",
                    "Deze operatie kent de queryparameter(s) niet: ",
                    unknown,
                    ("onbekend", "Deze operatie kent deze parameter niet."),
                )
                if unknown
                else _refusal(
                    scope,
                    "herhaalde-parameter",
                    "Queryparameter herhaald",
                    "Deze queryparameter(s) hebben een waarde, niet meer: ",
                    repeated,
                    ("herhaald", "Geef deze parameter een keer."),
                )
            )
            await answer(scope, receive, send)
            return
        await self._limited(scope, receive, send, rules.max_body_bytes)

    def _match(self, scope: Scope) -> tuple[RouteContext | None, list[str]]:
        """The operation this request reaches, or else the methods its path does have."""
        if self._routes is None:  # the routes are complete once the app serves
            self._routes = _by_first_segment(list(iter_route_contexts(scope["app"].router.routes)))
        # Only the routes under the same first segment are tried (intake: 10 of 34 for /inburgeraars).
        candidates = self._routes.get(_first_segment(scope["path"]), []) + self._routes.get(None, [])
        matches = []
        for route in candidates:
            match, child = route.matches(scope)
            if match is not Match.NONE:
                matches.append((route, match, child))
        if not matches:
            return None, []
        # A path written out (/inburgeraars/zoeken) is that resource; a template with more parameters
        # (/inburgeraars/{inburgeraarId}) also owns it only where the segment is a valid value of its
        # parameter (/componenten/{soort} does own /componenten/financieel-ontzorgen).
        fewest = min(_parameters(r) for r, _, _ in matches)
        owners = [(r, m) for r, m, child in matches if _parameters(r) == fewest or _valid_path(r, child)]
        for route, match in sorted(owners, key=lambda owner: _parameters(owner[0])):
            if match is Match.FULL:
                return (route if isinstance(route.original_route, APIRoute) else None), []
        allowed: set[str] = set()
        for route, _ in owners:
            if isinstance(route.original_route, APIRoute):
                allowed |= route.original_route.methods or set()
        return None, sorted(allowed)

    async def _limited(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            await http_problem(Request(scope), _TooLarge(limit))(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise _TooLarge(limit)
            return message

        async def noting_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, noting_send)
        except _TooLarge as exc:  # raised before the route (a middleware buffering the body)
            if started:
                raise
            await http_problem(Request(scope), exc)(scope, receive, send)
