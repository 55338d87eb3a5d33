"""Pagination in the ZGW shape: {count, next, previous, results}, by page number or by keyset cursor."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Query, Request
from pydantic import BaseModel, Field

T = TypeVar("T")
MAX_PAGE_SIZE = 500


class Page(BaseModel, Generic[T]):
    count: int
    next: str | None
    previous: str | None
    results: list[T]


class KeysetPage(BaseModel, Generic[T]):
    """A page of a walk by keyset cursor (`next` carries the cursor): the same shape, but the count is
    given only on the first page, the request without a cursor; the pages after it say null, so
    walking a million rows does not count them again for every page."""

    count: int | None = Field(description="Aantal resultaten; alleen op de eerste pagina, daarna null")
    next: str | None
    previous: str | None
    results: list[T]


class PageParams(BaseModel):
    page: int
    pageSize: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.pageSize


async def page_params(
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    pageSize: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 100,
) -> PageParams:
    return PageParams(page=page, pageSize=pageSize)


def make_page(request: Request, params: PageParams, count: int, results: list[T]) -> Page[T]:
    def link(page: int) -> str:
        return str(request.url.include_query_params(page=page, pageSize=params.pageSize))

    last = max(1, -(-count // params.pageSize))
    return Page(
        count=count,
        next=link(params.page + 1) if params.page < last else None,
        previous=link(params.page - 1) if params.page > 1 else None,
        results=results,
    )
