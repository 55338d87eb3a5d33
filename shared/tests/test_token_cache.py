"""Verified tokens are remembered briefly by their exact text, never past their expiry."""

import time

import jwt
import pytest
from inburgering_shared import auth
from inburgering_shared.auth import CLOCK_SKEW_SECONDS, AuthConfig, TokenCache, mint_token, verify_token
from inburgering_shared.problems import NotAuthenticated

CONFIG = AuthConfig(secret="s" * 32)


def token(ttl_seconds: int = 3600, secret: str = CONFIG.secret or "") -> str:
    return mint_token(
        secret, client_id="test", roles=["klantmanager"], gemeenten=["GM0171"], ttl_seconds=ttl_seconds
    )


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch) -> TokenCache:
    fresh = TokenCache(seconds=60, size=2)
    monkeypatch.setattr(auth, "_verified", fresh)
    return fresh


def test_a_repeated_token_is_not_verified_again(cache: TokenCache, monkeypatch: pytest.MonkeyPatch) -> None:
    text = token()
    first = verify_token(text, CONFIG)
    monkeypatch.setattr(auth, "decode_token", lambda *_: pytest.fail("verified twice"))
    assert verify_token(text, CONFIG) is first


def test_an_entry_ends_at_the_tokens_expiry(cache: TokenCache, monkeypatch: pytest.MonkeyPatch) -> None:
    text = token(ttl_seconds=5)
    verify_token(text, CONFIG)
    later = time.time() + 5 + CLOCK_SKEW_SECONDS + 1
    monkeypatch.setattr(auth.time, "time", lambda: later)
    assert cache.get(text, CONFIG) is None

    def expired(*_: object) -> None:
        raise NotAuthenticated("Het token is verlopen.")

    monkeypatch.setattr(auth, "decode_token", expired)  # the check sees the clock moved on too
    with pytest.raises(NotAuthenticated, match="verlopen"):
        verify_token(text, CONFIG)


def test_an_entry_ends_after_the_cache_period(cache: TokenCache, monkeypatch: pytest.MonkeyPatch) -> None:
    text = token()
    verify_token(text, CONFIG)
    later = time.time() + 61
    monkeypatch.setattr(auth.time, "time", lambda: later)
    assert cache.get(text, CONFIG) is None


def test_another_token_text_or_key_is_verified_itself(cache: TokenCache) -> None:
    text = token()
    verify_token(text, CONFIG)
    with pytest.raises(NotAuthenticated):
        verify_token(text[:-2] + ("AA" if not text.endswith("AA") else "BB"), CONFIG)
    with pytest.raises(NotAuthenticated):
        verify_token(text, AuthConfig(secret="t" * 32))
    with pytest.raises(NotAuthenticated):
        verify_token(jwt.encode({"exp": 1, "iat": 1}, CONFIG.secret or ""), CONFIG)


def test_the_cache_keeps_at_most_its_size(cache: TokenCache) -> None:
    texts = [token(ttl_seconds=3600 + n) for n in range(3)]
    for text in texts:
        verify_token(text, CONFIG)
    assert cache.get(texts[0], CONFIG) is None
    assert cache.get(texts[2], CONFIG) is not None
