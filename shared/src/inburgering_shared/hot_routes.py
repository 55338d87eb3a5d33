"""The hot reads' operations served without FastAPI's general request machinery.

FastAPI solves each request's dependencies with code for every case it supports
(overrides, `yield` dependencies and their exit stacks, thread pools, bodies, forms,
streams, scopes, telemetry). On a dossier read that machinery cost about a fifth of the
request's CPU (issue 16, measured with cProfile). A route of the class `HotRoute`
whose operation and dependencies all fit a narrow shape is served by a lean handler (`_lean_handler`),
which solves the same dependency tree in FastAPI's order with FastAPI's own parameter
validation (`request_params_to_args`), so the same errors are raised, and serialises
the answer with FastAPI's own `serialize_response`:

- every callable, the operation and each dependency, is `async def` (or an object whose
  `__call__` is), and none yields;
- parameters are path or query parameters, the `Request` and the `Response`: no body,
  header or cookie parameters, no background tasks, no security scopes;
- the operation has a response model and FastAPI's default response class.

Any other route of the class gets FastAPI's own handler, and so does every request while
`app.dependency_overrides` holds anything. The route stays an `APIRoute`, so the OpenAPI
document is FastAPI's own. A router of hot routes, and its inclusion in the app, take no
dependencies of their own (`create_service_app` includes every router without any): the
handler is built from the route's own dependency tree.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin

from fastapi._compat import ModelField, field_annotation_is_sequence
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import request_params_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute, serialize_response
from pydantic import BaseModel, Json
from starlette.requests import Request
from starlette.responses import Response

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def _is_plain_async(call: Any) -> bool:
    """Whether `call` is `async def` (not a generator), or an object whose `__call__` is."""
    function = call if inspect.isfunction(call) or inspect.ismethod(call) else type(call).__call__
    return inspect.iscoroutinefunction(function)


@dataclass(frozen=True, slots=True)
class _Plain:
    """A parameter read by one name as FastAPI reads it, what FastAPI decides per request decided once."""

    field: ModelField
    alias: str
    sequence: bool
    required: bool
    loc: tuple[str, str]


def _plain(field: ModelField, where: str) -> _Plain | None:
    """`field` as a `_Plain`, or None where FastAPI reads it otherwise: a parameter model, a JSON
    value, alternative names (`AliasChoices`, `populate_by_name`)."""
    annotation = field.field_info.annotation
    options = get_args(annotation) if get_origin(annotation) in (Union, UnionType) else (annotation,)
    validation_alias = field.field_info.validation_alias
    if (
        any(isinstance(option, type) and issubclass(option, BaseModel) for option in options)
        or any(type(item) is Json for item in field.field_info.metadata)
        or not isinstance(validation_alias, str | None)
        or field.config
    ):
        return None
    alias = getattr(field, "validation_alias", None) or field.alias
    sequence = where == "query" and field_annotation_is_sequence(annotation)
    return _Plain(field, alias, sequence, field.field_info.is_required(), (where, alias))


@dataclass(frozen=True, slots=True)
class _Reader:
    """The values of one group of a dependant's parameters (its path or its query parameters), as
    FastAPI's `request_params_to_args` finds them. Where every parameter is plain and valid they
    are read here; where one is missing or invalid, or not plain, FastAPI's function reads the
    group, so the errors are FastAPI's own."""

    fields: Sequence[ModelField]
    plain: tuple[_Plain, ...] | None

    @classmethod
    def of(cls, fields: Sequence[ModelField], where: str) -> _Reader:
        plain = tuple(_plain(field, where) for field in fields)
        return cls(fields, None if None in plain else plain)  # type: ignore[arg-type]

    def __call__(self, received: Mapping[str, Any]) -> tuple[dict[str, Any], list[Any]]:
        if self.plain is None:
            return request_params_to_args(self.fields, received)
        values: dict[str, Any] = {}
        for param in self.plain:
            value = received.getlist(param.alias) if param.sequence else received.get(param.alias)  # type: ignore[attr-defined]
            if value is None or (param.sequence and not value):
                if param.required:
                    return request_params_to_args(self.fields, received)
                value = deepcopy(param.field.default)
                if not param.field.field_info.validate_default:
                    values[param.field.name] = value
                    continue
            valid, errors = param.field.validate(value, values, loc=param.loc)
            if errors:
                return request_params_to_args(self.fields, received)
            values[param.field.name] = valid
        return values, []


@dataclass(frozen=True, slots=True)
class _Step:
    """A dependency tree node: its own parameters, then its dependencies' (solved first), then the call."""

    call: Callable[..., Awaitable[Any]]
    name: str | None
    use_cache: bool
    dependant: Dependant
    dependencies: tuple[_Step, ...]
    path: _Reader
    query: _Reader


def _steps(dependant: Dependant) -> _Step | None:
    """The tree of `dependant`, or None where a node is outside the shape the module docs name."""
    if (
        dependant.body_params
        or dependant.header_params
        or dependant.cookie_params
        or dependant.background_tasks_param_name
        or dependant.security_scopes_param_name
        or dependant.websocket_param_name
        or dependant.own_oauth_scopes
        or dependant.concurrency is not None
        or not _is_plain_async(dependant.call)
    ):
        return None
    dependencies = tuple(_steps(sub) for sub in dependant.dependencies)
    if any(step is None for step in dependencies):
        return None
    assert dependant.call is not None
    return _Step(
        dependant.call,  # type: ignore[arg-type]
        dependant.name,
        dependant.use_cache,
        dependant,
        dependencies,  # type: ignore[arg-type]
        _Reader.of(dependant.path_params, "path"),
        _Reader.of(dependant.query_params, "query"),
    )


async def _solve(
    step: _Step, request: Request, response: Response, cache: dict[Any, Any]
) -> tuple[dict[str, Any], list[Any]]:
    """The arguments of `step.call` and the validation errors, as FastAPI's solve_dependencies
    finds them: dependencies first (a dependency with errors is not called), then path and
    query parameters, then the request and the response."""
    values: dict[str, Any] = {}
    errors: list[Any] = []
    for sub in step.dependencies:
        sub_values, sub_errors = await _solve(sub, request, response, cache)
        if sub_errors:
            errors.extend(sub_errors)
            continue
        if sub.use_cache and sub.call in cache:
            solved = cache[sub.call]
        else:
            solved = await sub.call(**sub_values)
            cache.setdefault(sub.call, solved)
        if sub.name is not None:
            values[sub.name] = solved
    dependant = step.dependant
    if dependant.path_params:
        path_values, path_errors = step.path(request.path_params)
        values.update(path_values)
        errors.extend(path_errors)
    if dependant.query_params:
        query_values, query_errors = step.query(request.query_params)
        values.update(query_values)
        errors.extend(query_errors)
    if dependant.request_param_name:
        values[dependant.request_param_name] = request
    if dependant.http_connection_param_name:
        values[dependant.http_connection_param_name] = request
    if dependant.response_param_name:
        values[dependant.response_param_name] = response
    return values, errors


def _lean_handler(route: APIRoute, operation: _Step, standard: Handler) -> Handler:
    async def handle(request: Request) -> Response:
        if request.app.dependency_overrides:
            return await standard(request)
        # The response the operation may set headers and a status on, as FastAPI hands it out.
        sub_response = Response()
        del sub_response.headers["content-length"]
        sub_response.status_code = None  # type: ignore[assignment]
        values, errors = await _solve(operation, request, sub_response, {})
        if errors:
            raise RequestValidationError(errors)
        answer = await operation.call(**values)
        if isinstance(answer, Response):
            return answer
        content = await serialize_response(
            field=route.response_field,
            response_content=answer,
            include=route.response_model_include,
            exclude=route.response_model_exclude,
            by_alias=route.response_model_by_alias,
            exclude_unset=route.response_model_exclude_unset,
            exclude_defaults=route.response_model_exclude_defaults,
            exclude_none=route.response_model_exclude_none,
            dump_json=True,
        )
        status = sub_response.status_code or route.status_code or 200
        response = Response(content=content, media_type="application/json", status_code=status)
        response.headers.raw.extend(sub_response.headers.raw)
        return response

    return handle


def served_lean(route: APIRoute) -> bool:
    """Whether `route` fits the shape the module docs name (a HotRoute that does is served lean)."""
    return (
        _steps(route.dependant) is not None
        and route.response_field is not None
        and isinstance(route.response_class, DefaultPlaceholder)
    )


class HotRoute(APIRoute):
    """An APIRoute served by `_lean_handler` where its operation fits (see the module docs)."""

    def get_route_handler(self) -> Handler:
        standard = super().get_route_handler()
        operation = _steps(self.dependant)
        if operation is None or not served_lean(self):
            return standard
        return _lean_handler(self, operation, standard)
