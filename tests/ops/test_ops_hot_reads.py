"""Every read that audits itself in its own statement (audit.audited_read) is served lean (hot_routes)."""

import importlib
import inspect

import pytest
from fastapi.routing import APIRoute
from inburgering_shared.hot_routes import HotRoute, _Step, _steps, served_lean
from inburgering_shared.route_guards import iter_route_contexts
from inburgering_shared.system import SERVICES


def _operations(package: str) -> list[tuple[str, APIRoute]]:
    config = importlib.import_module(f"{package}.config")
    main = importlib.import_module(f"{package}.main")
    app = main.create_app(config.Settings(database_url="sqlite://", dispatcher_enabled=False))
    return [
        (f"{sorted(c.original_route.methods)[0]} {c.path}", c.original_route)
        for c in iter_route_contexts(app.router.routes)
        if isinstance(c.original_route, APIRoute)
    ]


def _read_plain(step: _Step) -> bool:
    """Whether every parameter of the tree is read without FastAPI's general reader."""
    return (
        step.path.plain is not None
        and step.query.plain is not None
        and all(map(_read_plain, step.dependencies))
    )


@pytest.mark.parametrize("spec", SERVICES, ids=lambda spec: spec.name)
def test_each_self_auditing_read_is_a_hot_route_served_lean(spec) -> None:
    operations = _operations(spec.package)
    hot = [name for name, route in operations if "audited_read(" in inspect.getsource(route.endpoint)]
    assert all(name.startswith("GET ") for name in hot)
    served = {name for name, route in operations if isinstance(route, HotRoute) and served_lean(route)}
    assert set(hot) <= served, f"{spec.name}: not served lean: {sorted(set(hot) - served)}"
    general = [name for name, route in operations if name in hot and not _read_plain(_steps(route.dependant))]
    assert general == [], f"{spec.name}: parameters read by FastAPI's general reader"
    if spec.name in ("intake", "pip", "trajectory", "scheduler"):
        assert hot, f"{spec.name} has hot reads (bench/run.py loads them)"
