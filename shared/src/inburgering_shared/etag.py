"""Optimistic concurrency: ETag on reads, If-Match required on edits (lost updates impossible)."""

from __future__ import annotations

from .problems import PreconditionFailed, PreconditionRequired


def etag(versie: int) -> str:
    return f'"{versie}"'


def check_if_match(if_match: str | None, versie: int) -> None:
    """Raise unless the caller edits the version it last read."""
    if if_match is None:
        raise PreconditionRequired("Stuur de ETag die u las mee in If-Match.")
    tags = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if etag(versie) not in tags and "*" not in tags:
        raise PreconditionFailed("De resource is gewijzigd sinds u deze las; lees opnieuw.")


def check_if_match_for_put(if_match: str | None, versie: int | None) -> None:
    """A PUT that creates or replaces: creating (`versie` None) needs no If-Match and refuses one
    (nothing exists that could match, RFC 9110 13.1.1); replacing needs the version last read."""
    if versie is not None:
        check_if_match(if_match, versie)
    elif if_match is not None:
        raise PreconditionFailed("Er is nog niets om te vervangen; stuur geen If-Match.")
