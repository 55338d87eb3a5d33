"""Each operation's OpenAPI description states the roles that may call it.

The roles are read from the operation's own role checks (`auth.require` in its
dependencies; where several apply, a caller needs one role of each), so the
document says what the service enforces. The authorisation matrix
(docs/authorisation.md) says the same: tests/security/test_authorisation_matrix.py
calls every operation with every role, and checks each description against its row.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from .auth import Role

ROLLEN_KOP = "Rollen die deze handeling mogen uitvoeren:"


def required_roles(dependant: Dependant) -> frozenset[str] | None:
    """The roles a caller may hold to pass every role check of the dependency tree; None: no check."""
    found: frozenset[str] | None = None
    for dependency in dependant.dependencies:
        for roles in (getattr(dependency.call, "roles", None), required_roles(dependency)):
            if roles is not None:
                found = frozenset(roles) if found is None else found & frozenset(roles)
    return found


def roles_sentence(roles: frozenset[str]) -> str:
    return f"{ROLLEN_KOP} {', '.join(r.value for r in Role if r.value in roles) or 'geen'}."


def state_roles(app: FastAPI, doc: dict[str, Any], prefix: str) -> None:
    for route in iter_route_contexts(app.routes):  # the routes of included routers too, with their prefix
        if not isinstance(route.original_route, APIRoute) or not route.original_route.include_in_schema:
            continue
        roles = required_roles(route.dependant)
        item = doc["paths"].get((route.path_format or "").removeprefix(prefix))
        if roles is None or item is None:
            continue
        for method in route.methods or ():
            operation = item[method.lower()]
            description = operation.get("description", "")
            operation["description"] = f"{description}\n\n{roles_sentence(roles)}".strip()
