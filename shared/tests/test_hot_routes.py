"""A hot route answers exactly as FastAPI's own handler would, and leaves FastAPI whatever it cannot serve."""

import uuid
from collections.abc import Iterator
from typing import Annotated

import pytest
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.testclient import TestClient
from inburgering_shared.hot_routes import HotRoute, _steps
from pydantic import BaseModel

calls: list[str] = []


class Item(BaseModel):
    id: uuid.UUID
    naam: str
    aantal: int
    opmerking: str | None = None


class Page(BaseModel):
    page: int
    pageSize: int
    items: list[Item]


async def caller(request: Request) -> str:
    calls.append("caller")
    name = request.headers.get("x-caller")
    if name is None:
        raise HTTPException(401, "wie?")
    if name == "gast":
        raise HTTPException(403, "niet voor gasten")
    return name


async def page_params(
    page: Annotated[int, Query(ge=1)] = 1, pageSize: Annotated[int, Query(ge=1, le=10)] = 5
) -> tuple[int, int]:
    return page, pageSize


async def also_caller(name: Annotated[str, Depends(caller)]) -> str:
    return name.upper()


Caller = Annotated[str, Depends(caller)]

router = APIRouter(prefix="/items", route_class=HotRoute)


@router.get("", response_model=Page)
async def list_items(
    name: Caller,
    shout: Annotated[str, Depends(also_caller)],
    params: Annotated[tuple[int, int], Depends(page_params)],
    naam: Annotated[str | None, Query(max_length=5)] = None,
    ids: Annotated[list[uuid.UUID] | None, Query(alias="id", max_length=3)] = None,
) -> Page:
    page, size = params
    items = [
        Item(id=i, naam=naam or shout, aantal=n)
        for n, i in enumerate(ids or [uuid.UUID(int=n) for n in range(size)])
    ]
    return Page(page=page, pageSize=size, items=items)


class Filter(BaseModel):
    soort: str = "boek"
    aantal: int = 1


@router.get("/zoeken", response_model=list[Item])
async def search_items(
    name: Caller, q: Annotated[str, Query(min_length=2)], filter: Annotated[Filter, Query()]
) -> list[Item]:
    return [Item(id=uuid.UUID(int=n), naam=f"{q} {filter.soort}", aantal=n) for n in range(filter.aantal)]


@router.get("/{itemId}", response_model=Item, status_code=200)
async def get_item(itemId: uuid.UUID, name: Caller, response: Response) -> Item:
    if itemId.int == 0:
        raise HTTPException(404, "geen item")
    response.headers["ETag"] = '"7"'
    if itemId.int == 2:
        response.status_code = 203
    return Item(id=itemId, naam=name, aantal=itemId.int, opmerking=None)


@router.get("/{itemId}/als-antwoord")
async def as_response(itemId: uuid.UUID, name: Caller) -> Response:
    return Response(f"{itemId} {name}", media_type="text/plain")


def session() -> Iterator[str]:
    calls.append("open")
    yield "sessie"
    calls.append("close")


@router.get("/{itemId}/met-sessie", response_model=Item)
async def with_yield(itemId: uuid.UUID, sessie: Annotated[str, Depends(session)]) -> Item:
    return Item(id=itemId, naam=sessie, aantal=1)


@router.post("", response_model=Item, status_code=201)
def create_item(item: Item, name: Caller) -> Item:
    return item


app = FastAPI()
app.include_router(router)


def standard_handler_overrides() -> dict[object, object]:
    """An override of a dependency no route uses: FastAPI's own handler then serves every request."""

    async def unused() -> None:
        return None

    return {unused: unused}


REQUESTS = [
    ("GET", "/items", {}),
    ("GET", "/items?page=2&pageSize=3&naam=abc", {}),
    ("GET", "/items?pageSize=11&naam=abcdefg&page=0", {}),
    ("GET", "/items?pageSize=tien", {}),
    ("GET", f"/items?id={uuid.UUID(int=3)}&id={uuid.UUID(int=4)}&naam=x", {}),
    ("GET", f"/items?id={uuid.UUID(int=3)}&id=geen-uuid", {}),
    ("GET", "/items?" + "&".join(f"id={uuid.UUID(int=n)}" for n in range(4)), {}),
    ("GET", "/items/zoeken?q=ab&soort=cd&aantal=2", {}),
    ("GET", "/items/zoeken?q=a&aantal=veel", {}),
    ("GET", "/items/zoeken", {}),
    ("GET", f"/items/{uuid.UUID(int=5)}", {}),
    ("GET", f"/items/{uuid.UUID(int=2)}", {}),
    ("GET", f"/items/{uuid.UUID(int=0)}", {}),
    ("GET", "/items/geen-uuid", {}),
    ("GET", f"/items/{uuid.UUID(int=5)}/als-antwoord", {}),
    ("GET", "/items/geen-uuid", {"x-caller": None}),
    ("GET", "/items", {"x-caller": "gast"}),
    ("GET", f"/items/{uuid.UUID(int=5)}/met-sessie", {}),
    ("POST", "/items", {}),
]


def _send(
    client: TestClient, method: str, url: str, headers: dict[str, str | None]
) -> tuple[int, dict, bytes]:
    sent = {k: v for k, v in {"x-caller": "ada", **headers}.items() if v is not None}
    body = {"id": str(uuid.UUID(int=9)), "naam": "n", "aantal": 1} if method == "POST" else None
    answer = client.request(method, url, headers=sent, json=body)
    return answer.status_code, dict(answer.headers), answer.content


@pytest.mark.parametrize(("method", "url", "headers"), REQUESTS)
def test_every_answer_is_the_one_fastapis_own_handler_gives(
    method: str, url: str, headers: dict[str, str | None]
) -> None:
    with TestClient(app) as client:
        lean = _send(client, method, url, headers)
        app.dependency_overrides = standard_handler_overrides()
        try:
            standard = _send(client, method, url, headers)
        finally:
            app.dependency_overrides = {}
    assert lean == standard
    assert lean[0] in (200, 201, 203, 400, 401, 403, 404, 422)


def test_plain_parameters_are_read_without_fastapis_general_reader() -> None:
    """Where FastAPI reads a parameter by more than its one name (a model of query parameters),
    FastAPI's `request_params_to_args` reads the whole group; the answers above are the same either way."""
    readers = {
        route.path: _steps(route.dependant)
        for route in router.routes
        if isinstance(route, HotRoute)
        and route.methods == {"GET"}
        and route.path in ("/items", "/items/zoeken")
    }
    listing, search = readers["/items"], readers["/items/zoeken"]
    assert listing is not None and search is not None
    assert listing.query.plain is not None
    assert [p.alias for p in listing.query.plain] == ["naam", "id"]
    assert [p.sequence for p in listing.query.plain] == [False, True]
    assert search.query.plain is None


def test_a_dependency_used_twice_is_called_once_and_its_parameters_are_validated() -> None:
    calls.clear()
    with TestClient(app) as client:
        answer = client.get("/items?pageSize=2", headers={"x-caller": "ada"})
    assert answer.status_code == 200
    assert [i["naam"] for i in answer.json()["items"]] == ["ADA", "ADA"]
    assert calls == ["caller"]


def test_a_route_fastapi_must_serve_itself_keeps_its_behaviour() -> None:
    calls.clear()
    with TestClient(app) as client:
        answer = client.get(f"/items/{uuid.UUID(int=3)}/met-sessie", headers={"x-caller": "ada"})
        assert calls == ["open", "close"]  # the yield dependency's exit ran
        created = client.post(
            "/items",
            headers={"x-caller": "ada"},
            json={"id": str(uuid.UUID(int=9)), "naam": "n", "aantal": 1},
        )
    assert answer.json()["naam"] == "sessie"
    assert created.status_code == 201


def test_only_the_routes_that_fit_bypass_fastapis_dependency_solver(monkeypatch: pytest.MonkeyPatch) -> None:
    import fastapi.routing

    solved: list[str] = []
    original = fastapi.routing.solve_dependencies

    async def recording(**kwargs):  # type: ignore[no-untyped-def]
        solved.append(kwargs["dependant"].call.__name__)
        return await original(**kwargs)

    monkeypatch.setattr(fastapi.routing, "solve_dependencies", recording)
    with TestClient(app) as client:
        for url in ["/items", f"/items/{uuid.UUID(int=5)}"]:
            assert client.get(url, headers={"x-caller": "ada"}).status_code == 200
        assert solved == []
        # No response model, a yield dependency, a body and a sync operation: FastAPI's own handler.
        assert (
            client.get(f"/items/{uuid.UUID(int=5)}/als-antwoord", headers={"x-caller": "ada"}).status_code
            == 200
        )
        assert client.get(f"/items/{uuid.UUID(int=5)}/met-sessie").status_code == 200
        assert (
            client.post(
                "/items",
                headers={"x-caller": "ada"},
                json={"id": str(uuid.UUID(int=9)), "naam": "n", "aantal": 1},
            ).status_code
            == 201
        )
    assert solved == ["as_response", "with_yield", "create_item"]
